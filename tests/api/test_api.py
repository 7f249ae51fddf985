"""What is particular to some endpoints: nesting, embeds, the root, the docs."""

from http import HTTPStatus

import pytest

from events.dates import HistoricalDate
from tests.api.conftest import COLLECTIONS, count_queries, full_treaty
from tests.factories import ClauseFactory, EventFactory, NegotiatorFactory, TreatyFactory
from treaties.models import TreatyMilestone

pytestmark = pytest.mark.django_db


def test_treaty_detail_embeds_its_parts(api_client):
    treaty = full_treaty()

    body = api_client.get(f"/api/v1/treaties/{treaty.slug}/").json()

    assert len(body["clauses"]) == 2
    assert len(body["negotiators"]) == 1
    assert len(body["parties"]) == 2
    assert body["milestones"][0]["kind"] == "signature"
    assert body["relations"][0]["kind"] == "amends"
    assert body["related_by"][0]["kind"] == "confirms"
    assert set(body["related_events"][0]) == {"id", "url", "slug", "name", "kind", "date"}


def test_a_date_reads_as_one_object(api_client):
    treaty = TreatyFactory(signed=HistoricalDate.parse("1858-05-16", "julian"))

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


def test_the_api_root_lists_every_collection_with_a_description(api_client):
    response = api_client.get("/api/v1/")

    assert response.status_code == HTTPStatus.OK
    assert set(response.json()) == {*COLLECTIONS, "timeline"}
    for entry in response.json().values():
        assert entry["url"].startswith("http://testserver/api/v1/")
        assert entry["description"]


def test_nested_clauses_cost_the_same_queries_for_one_clause_or_twenty(api_client):
    one, many = TreatyFactory(), TreatyFactory()
    ClauseFactory(treaty=one)
    ClauseFactory.create_batch(20, treaty=many)

    few = count_queries(api_client, f"/api/v1/treaties/{one.slug}/clauses/")
    lots = count_queries(api_client, f"/api/v1/treaties/{many.slug}/clauses/")

    assert few[0] == lots[0]


def test_an_event_that_is_a_milestone_names_its_treaty(api_client):
    treaty = TreatyFactory()
    signature = EventFactory(kind="signature")
    TreatyMilestone.objects.create(treaty=treaty, event=signature, kind="signature")

    body = api_client.get(f"/api/v1/events/{signature.slug}/").json()

    assert body["milestone"]["kind"] == "signature"
    assert body["milestone"]["treaty"]["slug"] == treaty.slug
    assert api_client.get(f"/api/v1/events/{EventFactory().slug}/").json()["milestone"] is None
