"""The timeline: events and treaty milestones in time order, by cursor, and on this day."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.dates import HistoricalDate
from tests.api.conftest import count_queries
from tests.factories import EventFactory, PlaceFactory, TreatyFactory
from tests.problems import problem_fields
from treaties.models import TreatyMilestone

pytestmark = pytest.mark.django_db


def pages(api_client, **params):
    """Every page of the timeline, following `next`."""
    response = api_client.get("/api/v1/timeline/", params)
    while True:
        assert response.status_code == HTTPStatus.OK, response.json()
        body = response.json()
        yield body
        if not body["next"]:
            return
        response = api_client.get(body["next"])


def names(api_client, **params):
    return [entry["name"] for page in pages(api_client, **params) for entry in page["results"]]


def test_the_timeline_runs_in_time_order_from_bce_to_ce(api_client):
    EventFactory(name="Aigun", date="1858-05-28")
    EventFactory(name="Nerchinsk", date="1689-09-06")
    EventFactory(name="Zhou", date="-1046")
    EventFactory(name="Before 1860", date="../1860")
    EventFactory(name="Taiping", date="1850-12/1864-07")

    assert names(api_client, page_size=2) == [
        "Before 1860",
        "Zhou",
        "Nerchinsk",
        "Taiping",
        "Aigun",
    ]


def test_a_milestone_entry_names_its_treaty(api_client):
    treaty = TreatyFactory()
    signature = EventFactory(kind="signature", date="1858-05-28")
    TreatyMilestone.objects.create(treaty=treaty, event=signature, kind="signature")
    signature.places.add(PlaceFactory())

    entry = api_client.get("/api/v1/timeline/").json()["results"][0]

    assert entry["milestone"]["treaty"]["slug"] == treaty.slug
    assert entry["date"]["edtf"] == "1858-05-28"
    assert entry["url"].endswith(f"/api/v1/events/{signature.slug}/")
    assert len(entry["places"]) == 1


def test_the_timeline_filters_like_the_events(api_client):
    amur = PlaceFactory()
    EventFactory(name="On the Amur", date="1854").places.add(amur)
    EventFactory(name="Elsewhere", date="1854")
    EventFactory(name="Later", date="1900").places.add(amur)

    assert names(api_client, place=amur.slug, date_to="1860") == ["On the Amur"]


def test_scrolling_is_stable_while_rows_are_added(api_client):
    for year in range(1850, 1860):
        EventFactory(name=str(year), date=str(year))
    first = api_client.get("/api/v1/timeline/", {"page_size": 4}).json()

    EventFactory(name="1851 again", date="1851")  # lands on the page already read
    EventFactory(name="1700", date="1700")  # before everything
    rest = []
    response = api_client.get(first["next"])
    while True:
        rest += [entry["name"] for entry in response.json()["results"]]
        if not response.json()["next"]:
            break
        response = api_client.get(response.json()["next"])

    seen = [entry["name"] for entry in first["results"]] + rest
    assert seen == [str(year) for year in range(1850, 1860)]


def test_previous_goes_back_to_the_page_before(api_client):
    for year in range(1850, 1860):
        EventFactory(name=str(year), date=str(year))
    first = api_client.get("/api/v1/timeline/", {"page_size": 3}).json()
    second = api_client.get(first["next"]).json()

    back = api_client.get(second["previous"]).json()

    assert back["results"] == first["results"]
    assert first["previous"] is None


def test_a_page_costs_the_same_queries_for_one_entry_or_fifty(api_client):
    EventFactory().places.add(PlaceFactory())
    one, _ = count_queries(api_client, "/api/v1/timeline/", page_size=50)
    for _ in range(60):
        EventFactory().places.add(PlaceFactory())

    many, body = count_queries(api_client, "/api/v1/timeline/", page_size=50)

    assert len(body["results"]) == 50
    assert many == one


@pytest.mark.parametrize("cursor", ["nonsense", "eyJwIjpbMV0sImYiOnRydWV9", "e30="])
def test_a_cursor_the_api_did_not_give_is_a_400(api_client, cursor):
    response = api_client.get("/api/v1/timeline/", {"cursor": cursor})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "cursor" in problem_fields(response)


def test_on_this_day_in_the_gregorian_and_the_julian_calendar(api_client):
    EventFactory(name="Aigun", date=HistoricalDate.parse("1858-05-16", "julian"))
    EventFactory(name="Another 28 May", date="1905-05-28")
    EventFactory(name="May 1858", date="1858-05")
    EventFactory(name="About 28 May", date="1858-05-~28")
    EventFactory(name="16 May", date="1858-05-16")

    assert names(api_client, month=5, day=28) == ["Aigun", "Another 28 May"]
    assert names(api_client, month=5, day=16, calendar="julian") == ["Aigun"]
    assert names(api_client, month=5, day=16) == ["16 May"]


def test_on_this_day_needs_a_month_and_a_real_day(api_client):
    assert api_client.get("/api/v1/timeline/", {"day": 28}).status_code == HTTPStatus.BAD_REQUEST
    assert api_client.get("/api/v1/timeline/", {"month": 13}).status_code == (
        HTTPStatus.BAD_REQUEST
    )
    assert api_client.get("/api/v1/timeline/", {"month": 5, "day": 32}).status_code == (
        HTTPStatus.BAD_REQUEST
    )


@pytest.mark.parametrize("direction", ["next", "previous"])
def test_a_cursor_bounds_the_date_index_scan_where_it_starts(api_client, direction):
    for year in range(1850, 1856):
        EventFactory(date=str(year))
    first = api_client.get("/api/v1/timeline/", {"page_size": 2}).json()
    second = api_client.get(first["next"]).json()
    url = second[direction]

    with CaptureQueriesContext(connection) as queries:
        api_client.get(url)

    bound = '"date_sort" >=' if direction == "next" else '"date_sort" <='
    assert any(bound in query["sql"] for query in queries)
