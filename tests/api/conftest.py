"""One battery for every collection: how to make a record, what to send to create one."""

from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from editors.services import editor_create
from events.models import EventCitation, PlaceCitation, SourceCitation
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
from treaties.models import ClausePolity, NegotiatorCitation, TreatyMilestone, TreatyRelation


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
    ClauseFactory().places.add(place)
    EventFactory().places.add(place)
    TreatyFactory(signed_at=place)
    return place


def full_person():
    person = PersonFactory()
    NegotiatorFactory(person=person)
    EventFactory().people.add(person)
    return person


def full_polity():
    polity = PolityFactory()
    TreatyPartyFactory(polity=polity)
    EventFactory().polities.add(polity)
    return polity


def full_treaty():
    treaty = TreatyFactory()
    party = TreatyPartyFactory(treaty=treaty)
    TreatyPartyFactory(treaty=treaty)
    ClauseFactory(treaty=treaty).places.set([PlaceFactory()])
    ClauseFactory(treaty=treaty)
    NegotiatorFactory(treaty=treaty, polity=party.polity)
    TreatyMilestone.objects.create(treaty=treaty, event=EventFactory(), kind="signature")
    TreatyRelation.objects.create(source=TreatyFactory(), target=treaty, kind="confirms")
    TreatyRelation.objects.create(source=treaty, target=TreatyFactory(), kind="amends")
    treaty.related_events.set([EventFactory()])
    return treaty


def negotiator_with_party():
    party = TreatyPartyFactory()
    return NegotiatorFactory(treaty=party.treaty, polity=party.polity)


def new_source():
    return {
        "slug": "cordier-1902",
        "name": "Cordier, Histoire générale de la Chine",
        "kind": "secondary",
        "citation": "Henri Cordier, Histoire générale de la Chine, Paris, 1920.",
        "citations": [],
    }


def new_polity():
    return {
        "slug": "tsardom-of-russia",
        "name": "Tsardom of Russia",
        "kind": "other",
        "existed": "1547/1721",
        "names": [{"text": "Русское царство", "lang": "ru", "kind": "native"}],
        "citations": [{"source": SourceFactory().slug, "locator": "p. 1"}],
    }


def new_place():
    return {
        "slug": "khabarovsk",
        "name": "Khabarovsk",
        "kind": "town",
        "latitude": 48.48,
        "longitude": 135.07,
        "part_of": PlaceFactory().slug,
    }


def new_person():
    return {
        "slug": "gennady-nevelskoy",
        "name": "Gennady Nevelskoy",
        "born": {"edtf": "1813-11-23", "calendar": "julian"},
    }


def new_event():
    return {
        "slug": "amur-descent-1854",
        "name": "First Russian descent of the Amur",
        "kind": "expedition",
        "date": "1854-05",
        "places": [PlaceFactory().slug],
        "polities": [PolityFactory().pk],
        "people": [],
    }


def new_treaty():
    russia, qing = PolityFactory(), PolityFactory()
    return {
        "slug": "aigun-1858",
        "name": "Treaty of Aigun",
        "status": "contested",
        "signed": {"edtf": "1858-05-16", "calendar": "julian"},
        "signed_at": PlaceFactory().slug,
        "authentic_languages": ["ru", "mnc", "mn"],
        "parties": [{"polity": russia.slug}, {"polity": qing.slug}],
        "clauses": [
            {"number": 1, "label": "Article 1", "topics": ["boundary", "navigation"]},
            {"number": 2, "label": "Article 2", "topics": ["trade"]},
        ],
        "negotiators": [
            {"person": PersonFactory().slug, "polity": russia.slug, "role": "plenipotentiary"},
            {"person": PersonFactory().slug, "polity": qing.slug, "role": "plenipotentiary"},
        ],
    }


def new_clause():
    return {
        "treaty": TreatyFactory().slug,
        "number": 9,
        "label": "Article 9",
        "topics": ["boundary"],
        "summaries": [{"text": "Délimitation de la frontière.", "lang": "fr"}],
    }


def new_negotiator():
    party = TreatyPartyFactory()
    return {
        "treaty": party.treaty.slug,
        "person": PersonFactory().slug,
        "polity": party.polity.slug,
        "role": "envoy",
    }


def more_of_everything(record) -> None:
    """Give `record` three more of each kind of related record its detail shows."""
    for _ in range(3):
        match record._meta.model_name:
            case "source":
                SourceCitation.objects.create(record=record, source=SourceFactory())
            case "polity":
                TreatyPartyFactory(polity=record)
                EventFactory().polities.add(record)
            case "place":
                ClauseFactory().places.add(record)
                EventFactory().places.add(record)
                TreatyFactory(signed_at=record)
            case "person":
                NegotiatorFactory(person=record)
                EventFactory().people.add(record)
            case "event":
                record.places.add(PlaceFactory())
                record.people.add(PersonFactory())
                EventCitation.objects.create(record=record, source=SourceFactory())
            case "treaty":
                party = TreatyPartyFactory(treaty=record)
                ClauseFactory(treaty=record).places.add(PlaceFactory())
                NegotiatorFactory(treaty=record, polity=party.polity)
                TreatyRelation.objects.create(source=TreatyFactory(), target=record, kind="amends")
            case "clause":
                record.places.add(PlaceFactory())
                ClausePolity.objects.create(clause=record, polity=PolityFactory(), effect="grants")
            case "negotiator":
                NegotiatorCitation.objects.create(record=record, source=SourceFactory())


def count_queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == HTTPStatus.OK, response.content
    return len(queries), response.json()


@dataclass
class Collection:
    name: str
    make: Callable[[], Any]
    lookup: str
    new: Callable[[], dict]
    change: dict

    def detail_url(self, record) -> str:
        return f"/api/v1/{self.name}/{getattr(record, self.lookup)}/"


COLLECTIONS = {
    collection.name: collection
    for collection in [
        Collection("sources", SourceFactory, "slug", new_source, {"name": "Cordier (1920)"}),
        Collection("polities", full_polity, "slug", new_polity, {"name": "Qing Empire"}),
        Collection("places", full_place, "slug", new_place, {"latitude": 49.98}),
        Collection("people", full_person, "slug", new_person, {"died": "1876"}),
        Collection("events", full_event, "slug", new_event, {"date": "1854-05-18"}),
        Collection("treaties", full_treaty, "slug", new_treaty, {"status": "superseded"}),
        Collection("clauses", ClauseFactory, "pk", new_clause, {"summary": "The boundary."}),
        Collection("negotiators", negotiator_with_party, "pk", new_negotiator, {"signed": True}),
    ]
}


@pytest.fixture(params=list(COLLECTIONS))
def collection(request) -> Collection:
    return COLLECTIONS[request.param]


@pytest.fixture
def editor_client():
    _, token, _ = editor_create(username="editor")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def reader_client():
    """An authenticated client without any permission."""
    client = APIClient()
    client.force_authenticate(get_user_model().objects.create_user("reader"))
    return client
