"""Lists filtered by a date range read, in date order, what overlaps it: same rows, any depth."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.dates import HistoricalDate
from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

# Short events, long ones running into the ranges, and ranges open at either end.
DATES = [
    "1840", "1845/1860", "../1852", "1850", "1851-03", "1852/..", "1853", "1855~",
    "185X", "1856/1858", "1858-05-28", "1859", "1860", "1700/1900", "1861", "-0500/..",
]  # fmt: skip
RANGES = [("1850", "1855"), ("1852", None), (None, "1851"), ("1856", "1856"), ("1901", None)]


@pytest.fixture
def events():
    for number, date in enumerate(DATES):
        EventFactory(name=f"Event {number:02}", date=date)


def overlapping(date_from, date_to, *ordering):
    """What overlaps the range, by PostgreSQL's range operator alone, in the order given."""
    first = HistoricalDate.parse(date_from).earliest if date_from else None
    last = HistoricalDate.parse(date_to).latest + 1 if date_to else None
    found = Event.objects.filter(date_span__overlap=(first, last)).order_by(*ordering)
    return [event.name for event in found]


def query(date_from, date_to, **params):
    ends = {"date_from": date_from, "date_to": date_to}
    return {**{key: value for key, value in ends.items() if value}, **params}


def every_page(client, url, params, direction="next"):
    """The names on every page, following `next` (or `previous`) from the first page asked."""
    pages, response = [], client.get(url, params)
    while True:
        assert response.status_code == HTTPStatus.OK, response.json()
        pages.append([item["name"] for item in response.json()["results"]])
        if not response.json()[direction]:
            return pages
        response = client.get(response.json()[direction])


def flat(pages):
    return [name for page in pages for name in page]


@pytest.mark.parametrize(("date_from", "date_to"), RANGES)
@pytest.mark.parametrize("page_size", [1, 3, 50])
def test_a_list_pages_through_exactly_what_overlaps_the_range(
    api_client, events, date_from, date_to, page_size
):
    params = query(date_from, date_to, page_size=page_size)

    default = every_page(api_client, "/api/v1/events/", params)
    descending = every_page(api_client, "/api/v1/events/", {**params, "ordering": "-date"})

    assert flat(default) == overlapping(date_from, date_to, "date_sort", "id")
    assert flat(descending) == overlapping(date_from, date_to, "-date_sort", "id")


@pytest.mark.parametrize(("date_from", "date_to"), RANGES)
def test_the_timeline_scrolls_both_ways_through_what_overlaps_the_range(
    api_client, events, date_from, date_to
):
    params = query(date_from, date_to, page_size=2)
    forward = every_page(api_client, "/api/v1/timeline/", params)
    last = api_client.get("/api/v1/timeline/", params).json()
    while last["next"]:
        last = api_client.get(last["next"]).json()

    assert flat(forward) == overlapping(date_from, date_to, "date_sort", "id")
    if last["previous"]:
        backward = every_page(api_client, last["previous"], {}, "previous")
        assert backward == forward[-2::-1]


def test_a_page_reads_the_events_running_into_the_range_by_the_gist_index(api_client, events):
    with CaptureQueriesContext(connection) as queries:
        api_client.get("/api/v1/events/", {"date_from": "1852"})

    keys = [sql["sql"] for sql in queries if sql["sql"].startswith('SELECT "events_event"."id"')]
    assert any('"date_span" @>' in sql and '"date_sort" <' in sql for sql in keys)
    assert any('"date_sort" >=' in sql for sql in keys)
