"""Records' JSON is kept under the version of the data, and every write gives a new version."""

from http import HTTPStatus

import pghistory.models
import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from events.versions import current as current_version
from tests.api.conftest import full_treaty
from tests.factories import ClauseFactory, EventFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def read(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.NOT_MODIFIED), response.content
    return response, [query["sql"] for query in queries]


def test_a_record_read_again_costs_one_query_for_the_version(api_client):
    url = f"/api/v1/treaties/{full_treaty().slug}/"

    first, built = read(api_client, url)
    again, kept = read(api_client, url)

    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"] == "application/json"
    assert again["Vary"] == first["Vary"]
    assert len(built) > 10
    assert [sql for sql in kept if "throttle_counts" not in sql] == [
        "SELECT version FROM data_version"
    ]


def test_a_write_to_a_part_shown_inside_a_record_is_seen_at_once(api_client, editor_client):
    treaty = full_treaty()
    clause = treaty.clauses.first()
    url = f"/api/v1/treaties/{treaty.slug}/"
    before = api_client.get(url)

    changed = editor_client.patch(f"/api/v1/clauses/{clause.pk}/", {"summary": "Amended."})
    after = api_client.get(url)

    assert changed.status_code == HTTPStatus.OK
    assert after["ETag"] != before["ETag"]
    summaries = {item["id"]: item["summary"] for item in after.json()["clauses"]}
    assert summaries[clause.pk] == "Amended."


@pytest.mark.parametrize(
    "write",
    [
        "UPDATE events_place SET description = 'Written by SQL.'",
        "DELETE FROM treaties_clause_places",
        "TRUNCATE treaties_clausecitation",
    ],
)
def test_any_write_to_the_tables_by_any_means_gives_a_new_version(write):
    ClauseFactory().places.add(PlaceFactory())
    before = current_version()

    with connection.cursor() as cursor:
        cursor.execute(write)

    assert current_version() > before


def test_a_version_given_out_inside_a_write_that_rolled_back_is_never_given_again():
    before = current_version()
    with transaction.atomic():
        PlaceFactory()
        abandoned = current_version()
        transaction.set_rollback(True)

    rolled_back = current_version()
    PlaceFactory()

    assert rolled_back == before
    assert current_version() > abandoned


def test_every_table_of_the_records_gives_a_new_version_when_written():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgrelid::regclass::text FROM pg_trigger "
            "WHERE tgname LIKE 'pgtrigger_new_data_version_%' AND tgenabled = 'O'"
        )
        versioned = {table for (table,) in cursor.fetchall()}
    for app in ("events", "treaties"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            if not issubclass(model, pghistory.models.Event):
                assert model._meta.db_table in versioned, model._meta.label


def test_each_language_and_host_has_its_own_representation(api_client):
    names = [{"text": "Aigun", "lang": "en"}, {"text": "Aïgoun", "lang": "fr"}]
    url = f"/api/v1/places/{PlaceFactory(name='Aigun', names=names).slug}/"

    english = api_client.get(url).json()
    french = api_client.get(url, {"lang": "fr"}).json()
    by_header = api_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").json()
    elsewhere = api_client.get(url, HTTP_HOST="localhost").json()

    assert french["name"] == by_header["name"] == "Aïgoun" != english["name"]
    assert elsewhere["url"].startswith("http://localhost/")
    assert english["url"].startswith("http://testserver/")


def test_a_client_with_the_current_etag_gets_a_304_from_what_is_kept(api_client):
    url = f"/api/v1/places/{PlaceFactory().slug}/"
    tag = api_client.get(url)["ETag"]

    response, queries = read(api_client, url, HTTP_IF_NONE_MATCH=tag)

    assert response.status_code == HTTPStatus.NOT_MODIFIED
    assert response.content == b""
    assert len([sql for sql in queries if "throttle_counts" not in sql]) == 1


def test_the_browsable_page_is_built_each_time(api_client):
    url = f"/api/v1/places/{PlaceFactory().slug}/"
    api_client.get(url, HTTP_ACCEPT="text/html")

    _, queries = read(api_client, url, HTTP_ACCEPT="text/html")

    assert any("events_place" in sql for sql in queries)


@pytest.mark.parametrize(
    "url", ["/api/v1/places/", "/api/v1/timeline/", "/api/v1/search/?q=Aigun&kind=place"]
)
def test_lists_the_timeline_and_search_are_kept_too_until_a_write(api_client, editor_client, url):
    place = PlaceFactory(name="Aigun")
    EventFactory(date="1858").places.add(place)
    first, _ = read(api_client, url)

    again, kept = read(api_client, url)
    unchanged, _ = read(api_client, url, HTTP_IF_NONE_MATCH=first["ETag"])
    editor_client.patch(f"/api/v1/places/{place.slug}/", {"name": "Aihun"})
    changed, _ = read(api_client, url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.content == first.content
    assert [sql for sql in kept if "throttle_counts" not in sql] == [
        "SELECT version FROM data_version"
    ]
    assert unchanged.status_code == HTTPStatus.NOT_MODIFIED
    assert changed.status_code == HTTPStatus.OK
    assert changed["ETag"] != first["ETag"]
