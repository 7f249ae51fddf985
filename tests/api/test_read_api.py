"""The read-only API over every collection: lists, details, brief embeds, fixed query counts."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.dates import HistoricalDate
from events.models import EventCitation, PlaceCitation
from tests.factories import (
    ClauseFactory,
    EventFactory,
    NegotiatorFactory,
    PersonFactory,
    PlaceFactory,
    PolityFactory,
    SourceFactory,
    TreatyFactory,
    TreatyPartyFactory,
)
from treaties.models import TreatyMilestone, TreatyRelation

pytestmark = pytest.mark.django_db


def full_event():
    event = EventFactory(part_of=EventFactory())
    event.places.set([PlaceFactory(), PlaceFactory()])
    event.polities.set([PolityFactory()])
    event.people.set([PersonFactory()])
    EventCitation.objects.create(record=event, source=SourceFactory(), locator="p. 54")
    return event


def full_place():
    place = PlaceFactory(part_of=PlaceFactory())
    PlaceCitation.objects.create(record=place, source=SourceFactory(), locator="map 3")
    return place


def full_treaty():
    treaty = TreatyFactory()
    TreatyPartyFactory(treaty=treaty)
    TreatyPartyFactory(treaty=treaty)
    ClauseFactory(treaty=treaty).places.set([PlaceFactory()])
    ClauseFactory(treaty=treaty)
    NegotiatorFactory(treaty=treaty)
    TreatyMilestone.objects.create(treaty=treaty, event=EventFactory(), kind="signature")
    TreatyRelation.objects.create(source=TreatyFactory(), target=treaty, kind="confirms")
    TreatyRelation.objects.create(source=treaty, target=TreatyFactory(), kind="amends")
    treaty.related_events.set([EventFactory()])
    return treaty


COLLECTIONS = {
    "sources": (SourceFactory, "slug"),
    "polities": (PolityFactory, "slug"),
    "places": (full_place, "slug"),
    "people": (PersonFactory, "slug"),
    "events": (full_event, "slug"),
    "treaties": (full_treaty, "slug"),
    "clauses": (ClauseFactory, "pk"),
    "negotiators": (NegotiatorFactory, "pk"),
}


def list_queries(api_client, url):
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(url, {"page_size": 100})
    assert response.status_code == HTTPStatus.OK
    return len(queries), response.json()


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_collection_lists_its_records_in_the_paginated_envelope(api_client, collection):
    make, _ = COLLECTIONS[collection]
    record = make()

    response = api_client.get(f"/api/v1/{collection}/")

    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert record.pk in [item["id"] for item in body["results"]]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_record_is_found_by_its_slug_or_id_and_has_its_own_url(api_client, collection):
    make, lookup = COLLECTIONS[collection]
    record = make()
    url = f"/api/v1/{collection}/{getattr(record, lookup)}/"

    response = api_client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert response.json()["id"] == record.pk
    assert response.json()["url"].endswith(url)


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_list_costs_the_same_queries_for_one_record_or_many(api_client, collection):
    make, _ = COLLECTIONS[collection]
    make()
    one, body = list_queries(api_client, f"/api/v1/{collection}/")
    for _ in range(9):
        make()

    many, body = list_queries(api_client, f"/api/v1/{collection}/")

    assert len(body["results"]) >= 10
    assert many == one


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_an_unknown_record_is_not_found(api_client, collection):
    response = api_client.get(f"/api/v1/{collection}/no-such-record/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_treaty_detail_embeds_its_parts_and_costs_the_same_however_many_it_has(api_client):
    small, large = full_treaty(), full_treaty()
    for _ in range(5):
        ClauseFactory(treaty=large)
        NegotiatorFactory(treaty=large)
    with CaptureQueriesContext(connection) as few:
        api_client.get(f"/api/v1/treaties/{small.slug}/")
    with CaptureQueriesContext(connection) as many:
        response = api_client.get(f"/api/v1/treaties/{large.slug}/")

    body = response.json()
    assert len(few) == len(many)
    assert [clause["number"] for clause in body["clauses"]] == sorted(
        clause["number"] for clause in body["clauses"]
    )
    assert len(body["clauses"]) == 7
    assert len(body["negotiators"]) == 6
    assert len(body["parties"]) == 2
    assert body["milestones"][0]["kind"] == "signature"
    assert body["relations"][0]["kind"] == "amends"
    assert body["related_by"][0]["kind"] == "confirms"
    assert set(body["related_events"][0]) == {"id", "url", "slug", "name", "kind", "date"}


def test_a_date_reads_as_one_object(api_client):
    treaty = TreatyFactory(signed=None)
    treaty.signed = HistoricalDate.parse("1858-05-16", "julian")
    treaty.save()

    signed = api_client.get(f"/api/v1/treaties/{treaty.slug}/").json()["signed"]

    assert signed == {
        "edtf": "1858-05-28",
        "earliest": "1858-05-28",
        "latest": "1858-05-28",
        "precision": "day",
        "approximate": False,
        "uncertain": False,
        "calendar": "julian",
        "as_recorded": "1858-05-16",
        "label": "28 May 1858 (16 May 1858 O.S.)",
    }


def test_nested_clauses_are_those_of_the_treaty_in_order(api_client):
    treaty = TreatyFactory()
    third, first = ClauseFactory(treaty=treaty, number=3), ClauseFactory(treaty=treaty, number=1)
    ClauseFactory()

    response = api_client.get(f"/api/v1/treaties/{treaty.slug}/clauses/")

    assert [clause["id"] for clause in response.json()["results"]] == [first.pk, third.pk]


def test_nested_negotiators_are_those_of_the_treaty(api_client):
    negotiator = NegotiatorFactory()
    NegotiatorFactory()

    response = api_client.get(f"/api/v1/treaties/{negotiator.treaty.slug}/negotiators/")

    assert [item["id"] for item in response.json()["results"]] == [negotiator.pk]


def test_nested_collections_of_an_unknown_treaty_are_not_found(api_client):
    response = api_client.get("/api/v1/treaties/no-such-treaty/clauses/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_api_root_lists_every_collection(api_client):
    response = api_client.get("/api/v1/")

    assert response.status_code == HTTPStatus.OK
    assert set(response.json()) == set(COLLECTIONS)


def test_anonymous_clients_cannot_write(api_client):
    response = api_client.post("/api/v1/polities/", {"slug": "x", "name": "X"})

    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.METHOD_NOT_ALLOWED)


@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/", "/api/redoc/"])
def test_the_schema_and_docs_are_served(api_client, path):
    response = api_client.get(path)

    assert response.status_code == HTTPStatus.OK
