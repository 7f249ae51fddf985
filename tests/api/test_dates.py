"""Historical time through the API: EDTF in and out, calendars, impossible dates, overlap, order."""

from http import HTTPStatus

import pytest
from django.db import connection

from tests.factories import EventFactory, PersonFactory, PolityFactory, TreatyFactory
from tests.problems import problem_fields

pytestmark = pytest.mark.django_db


def slugs(api_client, collection, **params):
    response = api_client.get(f"/api/v1/{collection}/", params)
    assert response.status_code == HTTPStatus.OK, response.json()
    return [item["slug"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("edtf", "earliest", "latest", "precision", "label"),
    [
        ("1858-05-28", "1858-05-28", "1858-05-28", "day", "28 May 1858"),
        ("1858-05", "1858-05-01", "1858-05-31", "month", "May 1858"),
        ("1858", "1858-01-01", "1858-12-31", "year", "1858"),
        ("1850~", "1849-01-01", "1851-12-31", "year", "c. 1850"),
        ("1850?", "1849-01-01", "1851-12-31", "year", "1850?"),
        ("1850%", "1848-01-01", "1852-12-31", "year", "c. 1850?"),
        ("185X", "1850-01-01", "1859-12-31", "decade", "1850s"),
        ("18XX", "1800-01-01", "1899-12-31", "century", "1800s"),
        ("1850/1853", "1850-01-01", "1853-12-31", "year", "1850–1853"),  # noqa: RUF001
        ("1850/..", "1850-01-01", None, "year", "1850–…"),  # noqa: RUF001
        ("../1860", None, "1860-12-31", "year", "…–1860"),  # noqa: RUF001
        ("1854-21", "1854-03-01", "1854-05-31", "season", "Spring 1854"),
        ("-1259", "-1259-01-01", "-1259-12-31", "year", "1260 BCE"),
        ("[1689-09-06,1689-09-07]", "1689-09-06", "1689-09-07", "day", None),
        ("1858-05-~28", "1858-05-27", "1858-05-29", "day", None),
    ],
)
def test_an_edtf_date_round_trips_through_the_api(
    editor_client, edtf, earliest, latest, precision, label
):
    response = editor_client.post(
        "/api/v1/events/", {"slug": "e", "name": "E", "kind": "other", "date": edtf}
    )

    assert response.status_code == HTTPStatus.CREATED, response.json()
    date = editor_client.get(response["Location"]).json()["date"]
    assert date["edtf"] == edtf
    assert (date["earliest"], date["latest"], date["precision"]) == (earliest, latest, precision)
    if label:
        assert date["label"] == label


@pytest.mark.parametrize(
    ("collection", "field", "extra"),
    [
        ("events", "date", {"kind": "other"}),
        ("treaties", "signed", {"status": "signed"}),
        ("people", "born", {}),
        ("people", "died", {}),
        ("polities", "existed", {}),
    ],
)
@pytest.mark.parametrize(
    "value",
    [
        "1858-02-30",
        "1700-02-29",
        "1858-13",
        "1864/1850",
        "in the spring of 1858",
        {"edtf": "1858-02-30", "calendar": "julian"},
        {"edtf": "1858-05-16", "calendar": "chinese"},
        42,
    ],
)
def test_an_impossible_date_is_a_400_naming_the_field(
    editor_client, collection, field, extra, value
):
    body = {"slug": "x", "name": "X", **extra, field: value}

    response = editor_client.post(f"/api/v1/{collection}/", body)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in problem_fields(response)


def test_february_29th_1700_is_a_julian_day_and_becomes_march_11th(editor_client):
    response = editor_client.post(
        "/api/v1/people/",
        {"slug": "x", "name": "X", "born": {"edtf": "1700-02-29", "calendar": "julian"}},
    )

    assert response.json()["born"]["edtf"] == "1700-03-11"


@pytest.mark.parametrize(
    ("julian", "gregorian"),
    [
        ("1582-10-05", "1582-10-15"),
        ("1689-08-27", "1689-09-06"),
        ("1700-02-28", "1700-03-10"),
        ("1700-03-01", "1700-03-12"),
        ("1727-10-21", "1727-11-01"),
        ("1800-02-29", "1800-03-12"),
        ("1800-03-01", "1800-03-13"),
        ("1858-05-16", "1858-05-28"),
        ("1900-03-01", "1900-03-14"),
    ],
)
def test_julian_dates_convert_exactly_across_the_century_boundaries(
    editor_client, julian, gregorian
):
    response = editor_client.patch(
        f"/api/v1/events/{EventFactory().slug}/", {"date": {"edtf": julian, "calendar": "julian"}}
    )

    date = response.json()["date"]
    assert (date["edtf"], date["as_recorded"], date["calendar"]) == (gregorian, julian, "julian")


@pytest.mark.parametrize(
    ("date", "params", "matches"),
    [
        ("185X", {"date_from": "1855", "date_to": "1856"}, True),
        ("185X", {"date_from": "1860"}, False),
        ("185X", {"date_to": "1849"}, False),
        ("185X", {"date_to": "1850"}, True),
        ("185X", {"date_from": "1859-12-31"}, True),
        ("1850/1864", {"date_from": "1860"}, True),
        ("1850/1864", {"date_from": "1865"}, False),
        ("1858-05-28", {"date_from": "1858-05", "date_to": "1858-05"}, True),
        ("1858-05-28", {"date_from": "1858-05-29"}, False),
        ("1858-05-28", {"date_to": "1858-05-28"}, True),
        ("1858-05-28", {"date_to": "1858-05-27"}, False),
        ("-1259", {"date_from": "-1300", "date_to": "-1200"}, True),
        ("-1259", {"date_from": "-1258"}, False),
        ("-0001/0001", {"date_from": "0000", "date_to": "0000"}, True),
        ("-0050", {"date_from": "0001"}, False),
        ("../1860", {"date_from": "-3000", "date_to": "-2999"}, True),
        ("1850/..", {"date_from": "2500"}, True),
        ("1850/..", {"date_to": "1849"}, False),
    ],
)
def test_date_filters_keep_what_overlaps_the_range(api_client, date, params, matches):
    event = EventFactory(date=date)
    EventFactory(date=None)  # an undated event matches no range

    assert (event.slug in slugs(api_client, "events", **params)) == matches


def test_date_filters_apply_to_treaties_polities_and_people(api_client):
    aigun = TreatyFactory(signed="1858-05-28")
    TreatyFactory(signed="1689-09-06")
    qing = PolityFactory(existed="1636/1912")
    PolityFactory(existed="1922/1991")
    muravyov = PersonFactory(born="1809-08-23", died="1881-11-30")
    PersonFactory(born="1645", died="1699")

    assert slugs(api_client, "treaties", date_from="1850", date_to="1859") == [aigun.slug]
    assert slugs(api_client, "polities", date_from="1858", date_to="1858") == [qing.slug]
    assert slugs(api_client, "people", date_from="1858", date_to="1858") == [muravyov.slug]


@pytest.mark.parametrize("value", ["1858-02-30", "soon", "1860/1850"])
def test_a_bad_date_filter_is_a_400_naming_the_parameter(api_client, value):
    response = api_client.get("/api/v1/events/", {"date_from": value})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "date_from" in problem_fields(response)


def test_ordering_by_date_puts_bce_first_open_starts_before_all_and_breaks_ties_by_id(api_client):
    ce = EventFactory(date="1858")
    same_start = EventFactory(date="1858-05")
    bce = EventFactory(date="-0500")
    open_start = EventFactory(date="../1860")
    tie = EventFactory(date="1858")

    ascending = slugs(api_client, "events", ordering="date")
    descending = slugs(api_client, "events", ordering="-date")

    assert ascending == [open_start.slug, bce.slug, ce.slug, tie.slug, same_start.slug]
    assert descending == [same_start.slug, ce.slug, tie.slug, bce.slug, open_start.slug]


def explain(sql: str, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_overlap_filter_ordering_and_on_this_day_use_indexes():
    from events.filtersets import EventFilterSet
    from events.models import Event

    EventFactory.create_batch(5)
    filtered = EventFilterSet({"date_from": "1855", "date_to": "1856"}, Event.objects.all()).qs
    filtered = filtered.order_by()  # the plan of the condition itself, not of a sort
    ordered = Event.objects.order_by("date_sort", "id")[:20]
    on_this_day = Event.objects.filter(date_month_day=528).order_by()

    assert "event_date_span" in explain(*filtered.query.sql_with_params())
    assert "event_date_sort" in explain(*ordered.query.sql_with_params())
    assert "event_date_md" in explain(*on_this_day.query.sql_with_params())
