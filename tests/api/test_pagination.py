"""Page-numbered lists of big collections: capped counts, estimates past the cap, no deep scans."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.pagination import PageNumberPagination
from tests.factories import EventFactory, PolityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def count_limit(monkeypatch):
    """Counting stops at 5 records, as it stops at a thousand in service."""
    monkeypatch.setattr(PageNumberPagination, "exact_count_limit", 5)
    return 5


def queries_of(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == HTTPStatus.OK, response.content
    return [query["sql"] for query in queries], response.json()


def names(body):
    return [item["name"] for item in body["results"]]


def test_up_to_the_limit_the_count_is_exact(api_client, count_limit):
    PolityFactory.create_batch(count_limit)

    body = api_client.get("/api/v1/polities/").json()

    assert body["count"] == count_limit


def test_past_the_limit_the_count_is_the_planners_estimate(api_client, count_limit):
    PolityFactory.create_batch(12)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_polity")

    body = api_client.get("/api/v1/polities/").json()

    assert body["count"] == 12  # fresh statistics estimate a plain table exactly
    queries, _ = queries_of(api_client, "/api/v1/polities/", page_size=7)  # not yet kept
    plans = [sql for sql in queries if sql.startswith("EXPLAIN")]
    assert len(plans) == 1


def test_an_estimate_never_says_fewer_records_than_were_just_shown(api_client, count_limit):
    PolityFactory.create_batch(12)  # no ANALYZE: the planner knows nothing of these rows

    body = api_client.get("/api/v1/polities/", {"page": 3, "page_size": 4}).json()

    assert len(body["results"]) == 4
    assert body["count"] >= 12


def test_next_is_set_while_a_record_remains_whatever_the_count_says(api_client, count_limit):
    for year in range(1850, 1863):
        EventFactory(name=f"Event of {year}", date=str(year))

    pages, url = [], "/api/v1/events/?ordering=date&page_size=5"
    while url:
        body = api_client.get(url).json()
        pages.append(names(body))
        url = body["next"]

    assert [len(page) for page in pages] == [5, 5, 3]
    assert [name for page in pages for name in page] == [
        f"Event of {year}" for year in range(1850, 1863)
    ]


def test_a_page_keeps_the_order_and_filters_of_the_list(api_client):
    for year in (1860, 1858, 1859, 1700):
        EventFactory(name=f"Event of {year}", date=str(year))

    body = api_client.get(
        "/api/v1/events/", {"ordering": "-date", "date_from": "1800", "page_size": 2, "page": 2}
    ).json()

    assert names(body) == ["Event of 1858"]
    assert body["count"] == 3
    assert body["previous"].endswith("page_size=2")


def test_a_deep_page_fetches_its_rows_by_id_not_by_skipping_them(api_client):
    EventFactory.create_batch(7)

    queries, body = queries_of(api_client, "/api/v1/events/", page=3, page_size=3)

    assert len(body["results"]) == 1
    offsets = [sql for sql in queries if "OFFSET" in sql]
    assert len(offsets) == 1
    assert offsets[0].startswith('SELECT "events_event"."id" AS "pk" FROM "events_event" ORDER')


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5"])
def test_a_page_number_that_is_not_a_positive_whole_number_is_a_404(api_client, page):
    response = api_client.get("/api/v1/polities/", {"page": page})

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert f"There is no page {page}" in response.json()["detail"]


def test_past_the_limit_a_page_past_the_end_does_not_promise_a_last_page(api_client, count_limit):
    PolityFactory.create_batch(8)

    response = api_client.get("/api/v1/polities/", {"page": 30})

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json()["detail"] == "There is no page 30 at 20 records a page."


def test_the_browsable_list_links_pages_by_number(api_client):
    PolityFactory.create_batch(5)

    html = api_client.get("/api/v1/polities/?page_size=2&page=2", HTTP_ACCEPT="text/html")

    assert html.status_code == HTTPStatus.OK
    assert "page=3" in html.content.decode()


def test_a_read_sends_no_history_context_to_the_database(api_client):
    PolityFactory()

    queries, _ = queries_of(api_client, "/api/v1/polities/")

    assert not [sql for sql in queries if "pghistory" in sql]
