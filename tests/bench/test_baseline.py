"""The benchmarks' baseline answers as the API does: the same JSON from the same database."""

import json
from http import HTTPStatus

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, RequestFactory

from bench import baseline, parameters, queries
from events.dates import HistoricalDate, InvalidDate
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def app(seed):
    """The baseline on the test's own connection, which sees the seed data it has not committed."""
    connection.ensure_connection()
    return baseline.Baseline(lambda: connection.connection)


def call(app, path: str, method: str = "GET", **headers) -> tuple[int, dict, bytes]:
    """The baseline's status, headers and body for the request Django's test client would send."""
    environ = RequestFactory().generic(method, path, **headers).environ
    answer = {}

    def start_response(status, response_headers):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(response_headers)

    body = b"".join(app(environ, start_response))
    return answer["status"], answer["headers"], body


def assert_same(app, path: str, **headers) -> dict:
    """The API's and the baseline's answers to `path` are the same JSON; the API's, parsed."""
    api = Client().get(path, **headers)
    status, response_headers, body = call(app, path, **headers)
    assert status == api.status_code
    assert response_headers["Content-Type"] == api["Content-Type"]
    assert json.loads(body) == api.json()
    return api.json()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?page_size=2",
        "?page_size=2&page=2",
        "?page=3&page_size=2",
        "?page_size=500",
        "?page_size=0",
        "?page_size=4&lang=fr",
    ],
)
def test_the_treaty_list_is_the_apis(app, query):
    body = assert_same(app, f"/api/v1/treaties/{query}")

    assert body["results"]


@pytest.mark.parametrize(
    "query",
    [
        "?date_from=1850&date_to=1860&page_size=5",
        "?date_from=1850&date_to=1860&page_size=5&page=2",
        "?date_from=1858-05-28&date_to=1858-05-28",
        "?date_from=1858-05&date_to=1860-11",
        "?date_from=1858",
        "?date_to=1700",
        "?date_from=-1258&date_to=1689-09-06",
        "?date_from=185X&date_to=1855-21&page_size=3",
        "?date_from=1855&date_to=1856&page_size=2&lang=zh-Hant",
    ],
)
def test_events_overlapping_a_date_range_are_the_apis(app, query):
    body = assert_same(app, f"/api/v1/events/{query}")

    assert body["results"]


@pytest.mark.parametrize("slug", ["nerchinsk", "bura", "kiakhta", "tientsin-1858", "peking-1860"])
def test_a_treatys_detail_is_the_apis(app, slug):
    body = assert_same(app, f"/api/v1/treaties/{slug}/")

    assert body["slug"] == slug


def test_aigun_in_full_is_the_apis_in_any_language(app):
    body = assert_same(app, "/api/v1/treaties/aigun/")
    assert_same(app, "/api/v1/treaties/aigun/?lang=fr")
    assert_same(app, "/api/v1/treaties/aigun/", HTTP_ACCEPT_LANGUAGE="zh-Hant,en;q=0.5")

    for part in ("parties", "clauses", "negotiators", "milestones", "related_events"):
        assert body[part], part
    assert body["relations"] or body["related_by"]


@pytest.mark.parametrize(
    "query",
    [
        "?q=aigun",
        "?q=Mouraviev",
        "?q=Муравьёв",
        "?q=瑷珲",
        "?q=navigable",
        "?q=amur&page_size=3&page=2",
        "?q=amur&kind=treaty&kind=clause",
        "?q=the+treaty+of+aigun&lang=fr",
        "?q=the",
    ],
)
def test_search_is_the_apis(app, query):
    assert_same(app, f"/api/v1/search/{query}")


def test_a_search_finds_several_kinds_as_the_api_does(app):
    body = assert_same(app, "/api/v1/search/?q=aigun")

    assert len({hit["kind"] for hit in body["results"]}) >= 3


def test_the_timeline_and_its_cursor_pages_are_the_apis(app):
    first = assert_same(app, "/api/v1/timeline/?page_size=3")
    following = assert_same(app, first["next"])
    back = assert_same(app, following["previous"])
    assert_same(app, "/api/v1/timeline/?page_size=4&date_from=1850&date_to=1860")
    assert_same(app, "/api/v1/timeline/?page_size=50&lang=fr")

    assert following["results"]
    assert following["previous"]
    assert back["results"] == first["results"]


@pytest.mark.parametrize(
    "query",
    [
        "?page_size=2",
        "?page_size=2&date_from=1855&date_to=1856",
        "?page_size=2&date_from=1700",
        "?page_size=2&date_to=0000",
        "?page_size=2&date_from=-1046&date_to=-1046",
    ],
)
def test_open_bce_and_undated_events_page_as_in_the_api(app, query):
    dates = {
        "Zhou": "-1046",
        "Before 1860": "../1860",
        "Year zero": "0000",
        "Taiping": "1850-12/1864-07",
        "Decade": "185X",
        "Undated": None,
    }
    for name, date in dates.items():
        EventFactory(name=name, date=date)

    for collection in ("events", "timeline"):
        body = assert_same(app, f"/api/v1/{collection}/{query}")
        while body["next"]:
            body = assert_same(app, body["next"])


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/treaties/no-such-treaty/",
        "/api/v1/treaties/?page=9",
        "/api/v1/treaties/?page=abc",
        "/api/v1/events/?date_from=1858-02-30",
        "/api/v1/events/?date_from=abc&date_to=1860",
        "/api/v1/events/?date_from=%00",
        "/api/v1/timeline/?cursor=not-a-cursor",
        "/api/v1/timeline/?page_size=0",
        "/api/v1/search/?q=",
        "/api/v1/search/?q=aigun&kind=nothing",
        "/api/v1/search/?q=amur&page=50",
    ],
)
def test_errors_are_the_apis_problems(app, path):
    assert_same(app, path)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/api/v1/",
        "/api/v1/places/",
        "/api/v1/treaties",
        "/api/v1/treaties/aigun/clauses/",
        "/api/v1/events/aigun-signature/",
        "/api/v1/timeline.json",
        "/admin/",
    ],
)
def test_the_baseline_answers_404_to_anything_else(app, path):
    status, headers, body = call(app, path)

    assert status == HTTPStatus.NOT_FOUND
    assert headers["Content-Type"] == "application/problem+json"
    assert json.loads(body)["status"] == HTTPStatus.NOT_FOUND


def test_the_baseline_only_reads(app):
    status, headers, _ = call(app, "/api/v1/treaties/", method="POST")

    assert status == HTTPStatus.METHOD_NOT_ALLOWED
    assert headers["Allow"] == "GET, HEAD"


def test_a_head_request_has_the_headers_of_a_get_and_no_body(app):
    _, get_headers, get_body = call(app, "/api/v1/treaties/aigun/")
    status, headers, body = call(app, "/api/v1/treaties/aigun/", method="HEAD")

    assert status == HTTPStatus.OK
    assert headers == get_headers
    assert body == b""
    assert int(headers["Content-Length"]) == len(get_body)


@pytest.fixture
def small_exact_count(monkeypatch):
    """Count exactly only up to 2 rows, as if the seed's tables were big ones."""
    cached = [queries.treaties, queries.events, queries.timeline]
    for statement in cached:
        statement.cache_clear()
    monkeypatch.setattr(queries, "EXACT_COUNT", 2)
    yield
    for statement in cached:
        statement.cache_clear()


def test_past_the_exact_count_lists_count_the_planners_estimate(app, small_exact_count):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) SELECT id FROM treaties_treaty")
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    treaties = Client().get("/api/v1/treaties/").json()["count"]

    pages = [json.loads(call(app, f"/api/v1/treaties/?page_size=4&page={n}")[2]) for n in (1, 2)]

    assert [page["count"] for page in pages] == [plan[0]["Plan"]["Plan Rows"]] * 2
    assert pages[0]["next"]
    assert not pages[1]["next"]
    assert len(pages[0]["results"]) + len(pages[1]["results"]) == treaties


@pytest.mark.parametrize(
    "text",
    [
        "1858", "0001", "0000", "-0001", "-1258", "9999", "1858-05", "1900-02", "2000-02",
        "-0004-02", "1858-05-28", "1858-12-31", "2000-02-29", "-0100-03-01", " 1858 ",
        "185X", "1858-21", "1858~", "1850/1860", "../1860", "[1689-09-06,1689-09-07]",
    ],
)  # fmt: skip
def test_date_bounds_are_those_of_the_apis_dates(text):
    date = HistoricalDate.parse(text)

    assert parameters.date_bounds(text) == (date.earliest, date.latest)


@pytest.mark.parametrize("text", ["1858-02-30", "1900-02-29", "1858-13", "1858-00", "abc"])
def test_a_date_the_api_refuses_the_baseline_refuses(text):
    with pytest.raises(InvalidDate):
        parameters.date_bounds(text)


def test_the_baseline_connects_to_the_database_django_is_set_to_use(db):
    params = baseline.connection_params(connection.settings_dict)
    connections = baseline.ThreadConnections(**params)
    try:
        status, _, _ = call(baseline.Baseline(connections), "/api/v1/treaties/no-such-treaty/")
        name, threshold = (
            connections()
            .execute(
                "SELECT current_database(), current_setting('pg_trgm.word_similarity_threshold')"
            )
            .fetchone()
        )
    finally:
        connections.discard()

    assert status == HTTPStatus.NOT_FOUND
    assert name == connection.settings_dict["NAME"]
    # Near spellings of names are found as the API finds them.
    assert float(threshold) == settings.SEARCH_NAME_SIMILARITY
