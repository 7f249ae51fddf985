"""Conditional requests: ETags on records, 304 for what a client has, 412 for stale writes."""

import threading
from concurrent.futures import ThreadPoolExecutor, TimeoutError
from http import HTTPStatus

import pytest
from django.db import connection, transaction

from events.models import Place
from tests.api.conftest import full_treaty
from tests.factories import ClauseFactory, PlaceFactory
from tests.problems import PROBLEM
from treaties.models import Treaty

pytestmark = pytest.mark.django_db


def test_every_record_has_a_strong_etag_that_a_write_with_it_may_use(editor_client, collection):
    url = collection.detail_url(collection.make())
    tag = editor_client.get(url)["ETag"]

    changed = editor_client.patch(url, collection.change, HTTP_IF_MATCH=tag)
    stale = editor_client.patch(url, collection.change, HTTP_IF_MATCH=tag)

    assert tag[0] == tag[-1] == '"'
    assert changed.status_code == HTTPStatus.OK, changed.json()
    assert changed["ETag"] != tag
    assert changed["ETag"] == editor_client.get(url)["ETag"]
    assert stale.status_code == HTTPStatus.PRECONDITION_FAILED
    assert stale["Content-Type"] == PROBLEM


def test_the_same_representation_has_the_same_etag(api_client):
    place = PlaceFactory()
    url = f"/api/v1/places/{place.slug}/"

    first, second = api_client.get(url)["ETag"], api_client.get(url)["ETag"]
    french = api_client.get(url, {"lang": "fr"})

    assert first == second
    assert "Accept-Language" in french["Vary"]


@pytest.mark.parametrize("form", ["{tag}", "W/{tag}", '"other", {tag}', "*"])
def test_if_none_match_with_the_current_etag_is_a_304_without_a_body(api_client, form):
    url = f"/api/v1/places/{PlaceFactory().slug}/"
    tag = api_client.get(url)["ETag"]

    response = api_client.get(url, HTTP_IF_NONE_MATCH=form.format(tag=tag))

    assert response.status_code == HTTPStatus.NOT_MODIFIED
    assert response.content == b""
    assert response["ETag"] == tag


def test_if_none_match_with_an_old_etag_gets_the_record(api_client, editor_client):
    place = PlaceFactory()
    url = f"/api/v1/places/{place.slug}/"
    old = api_client.get(url)["ETag"]
    editor_client.patch(url, {"description": "On the right bank of the Amur."})

    response = api_client.get(url, HTTP_IF_NONE_MATCH=old)

    assert response.status_code == HTTPStatus.OK
    assert response.json()["description"] == "On the right bank of the Amur."


def test_a_stale_if_match_writes_nothing(editor_client):
    place = PlaceFactory(description="")
    url = f"/api/v1/places/{place.slug}/"
    old = editor_client.get(url)["ETag"]
    editor_client.patch(url, {"description": "First."})

    replaced = editor_client.put(
        url, {"slug": place.slug, "name": "Later", "kind": "town"}, HTTP_IF_MATCH=old
    )
    deleted = editor_client.delete(url, HTTP_IF_MATCH=old)

    assert replaced.status_code == deleted.status_code == HTTPStatus.PRECONDITION_FAILED
    assert "changed since you read it" in replaced.json()["detail"]
    place.refresh_from_db()
    assert (place.name, place.description) != ("Later", "")
    assert place.description == "First."


@pytest.mark.parametrize(("header", "expected"), [("*", HTTPStatus.NO_CONTENT), (None, None)])
def test_if_match_compares_strongly(editor_client, header, expected):
    url = f"/api/v1/places/{PlaceFactory().slug}/"
    tag = editor_client.get(url)["ETag"]
    header = header or f"W/{tag}"  # a weak tag never matches If-Match

    response = editor_client.delete(url, HTTP_IF_MATCH=header)

    assert response.status_code == (expected or HTTPStatus.PRECONDITION_FAILED)
    assert Place.objects.exists() == (expected is None)


def test_created_records_carry_their_etag(editor_client):
    response = editor_client.post(
        "/api/v1/places/", {"slug": "aihun", "name": "Aihun", "kind": "town"}
    )

    assert response["ETag"] == editor_client.get(response["Location"])["ETag"]


def test_a_treaty_written_with_its_clauses_has_the_etag_a_read_gets(editor_client):
    treaty = full_treaty()
    url = f"/api/v1/treaties/{treaty.slug}/"
    read = editor_client.get(url)
    clauses = [
        {"number": 2, "label": "Article 2", "topics": ["navigation"]},
        {"number": 1, "label": "Article 1", "topics": ["boundary"]},
    ]

    written = editor_client.patch(url, {"clauses": clauses}, HTTP_IF_MATCH=read["ETag"])

    assert written.status_code == HTTPStatus.OK, written.json()
    assert written["ETag"] == editor_client.get(url)["ETag"] != read["ETag"]


def test_the_json_and_the_browsable_page_of_a_record_have_their_own_etags(api_client):
    url = f"/api/v1/places/{PlaceFactory().slug}/"

    assert api_client.get(url)["ETag"] != api_client.get(url, {"format": "api"})["ETag"]


@pytest.mark.django_db(transaction=True)
def test_an_editor_may_ask_a_record_what_it_allows(editor_client):
    response = editor_client.options(f"/api/v1/places/{PlaceFactory().slug}/")

    assert response.status_code == HTTPStatus.OK
    assert "PUT" in response.json()["actions"]


@pytest.mark.django_db(transaction=True)
def test_a_clause_is_written_under_its_treatys_lock(editor_client):
    clause = ClauseFactory()
    locked, release = threading.Event(), threading.Event()

    def hold_the_treaty():
        with transaction.atomic():
            Treaty.objects.select_for_update().get(pk=clause.treaty_id)
            locked.set()
            release.wait(timeout=30)
        connection.close()

    def write_the_clause():
        try:
            return editor_client.patch(f"/api/v1/clauses/{clause.pk}/", {"summary": "Later."})
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        holder = pool.submit(hold_the_treaty)
        locked.wait(timeout=30)
        writer = pool.submit(write_the_clause)
        waited = not writer.done() and not _finishes(writer, seconds=1)
        release.set()
        holder.result()
        response = writer.result(timeout=30)

    assert waited  # the clause's write waited for the treaty's lock
    assert response.status_code == HTTPStatus.OK


def _finishes(future, *, seconds: float) -> bool:
    try:
        future.result(timeout=seconds)
    except TimeoutError:
        return False
    return True
