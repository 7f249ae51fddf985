"""Each filter of each collection keeps what matches and drops what does not."""

from http import HTTPStatus

import pytest

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
from tests.problems import problem_fields
from treaties.models import ClausePolity, TreatyMilestone

pytestmark = pytest.mark.django_db


def ids(api_client, collection, **params):
    response = api_client.get(f"/api/v1/{collection}/", params)
    assert response.status_code == HTTPStatus.OK, response.json()
    return {item["id"] for item in response.json()["results"]}


def test_q_finds_a_record_by_any_of_its_names(api_client):
    muravyov = PersonFactory(name="Nikolay Muravyov", names=[{"text": "Муравьёв", "lang": "ru"}])
    PersonFactory(name="Yishan")

    assert ids(api_client, "people", q="муравьёв") == {muravyov.pk}
    assert ids(api_client, "people", q="muravyov") == {muravyov.pk}


def test_kind_filters_sources_places_polities_events_and_treaties(api_client):
    seed = SourceFactory(kind="seed")
    SourceFactory(kind="primary")
    river = PlaceFactory(kind="river")
    PlaceFactory(kind="town")
    empire = PolityFactory(kind="empire")
    PolityFactory(kind="khanate")
    rebellion = EventFactory(kind="rebellion")
    EventFactory(kind="war")
    convention = TreatyFactory(kind="convention")
    TreatyFactory(kind="treaty")

    assert ids(api_client, "sources", kind="seed") == {seed.pk}
    assert ids(api_client, "places", kind="river") == {river.pk}
    assert ids(api_client, "polities", kind="empire") == {empire.pk}
    assert ids(api_client, "events", kind="rebellion") == {rebellion.pk}
    assert ids(api_client, "treaties", kind="convention") == {convention.pk}


def test_an_unknown_kind_is_a_400_naming_the_parameter(api_client):
    response = api_client.get("/api/v1/treaties/", {"kind": "memo"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "kind" in problem_fields(response)


def test_events_filter_by_place_polity_person_and_treaty(api_client):
    amur, qing, muravyov = PlaceFactory(), PolityFactory(), PersonFactory()
    flotilla = EventFactory()
    flotilla.places.add(amur)
    flotilla.polities.add(qing)
    flotilla.people.add(muravyov)
    treaty = TreatyFactory()
    signature = EventFactory()
    TreatyMilestone.objects.create(treaty=treaty, event=signature, kind="signature")
    crisis = EventFactory()
    treaty.related_events.add(crisis)
    EventFactory()

    assert ids(api_client, "events", place=amur.slug) == {flotilla.pk}
    assert ids(api_client, "events", polity=qing.slug) == {flotilla.pk}
    assert ids(api_client, "events", person=muravyov.slug) == {flotilla.pk}
    assert ids(api_client, "events", treaty=treaty.slug) == {signature.pk, crisis.pk}


def test_treaties_filter_by_polity_person_place_and_topic(api_client):
    aigun = TreatyFactory()
    party = TreatyPartyFactory(treaty=aigun)
    negotiator = NegotiatorFactory(treaty=aigun, polity=party.polity)
    article = ClauseFactory(treaty=aigun, topics=["navigation", "boundary"])
    article.places.add(amur := PlaceFactory())
    ClauseFactory(treaty=aigun, topics=["trade"]).places.add(amur)
    TreatyFactory()

    assert ids(api_client, "treaties", polity=party.polity.slug) == {aigun.pk}
    assert ids(api_client, "treaties", person=negotiator.person.slug) == {aigun.pk}
    assert ids(api_client, "treaties", place=amur.slug) == {aigun.pk}
    assert ids(api_client, "treaties", topic="navigation") == {aigun.pk}
    assert ids(api_client, "treaties", signed_at=aigun.signed_at.slug) == {aigun.pk}
    assert ids(api_client, "treaties", topic="religion") == set()


def test_clauses_filter_by_treaty_topic_place_polity_and_third_parties(api_client):
    navigation = ClauseFactory(topics=["navigation"], third_parties="excluded")
    navigation.places.add(sungari := PlaceFactory())
    ClausePolity.objects.create(
        clause=navigation, polity=(qing := PolityFactory()), effect="grants"
    )
    other = ClauseFactory(topics=["trade"])

    assert ids(api_client, "clauses", treaty=other.treaty.slug) == {other.pk}
    assert ids(api_client, "clauses", topic="navigation") == {navigation.pk}
    assert ids(api_client, "clauses", place=sungari.slug) == {navigation.pk}
    assert ids(api_client, "clauses", polity=qing.slug) == {navigation.pk}
    assert ids(api_client, "clauses", third_parties="excluded") == {navigation.pk}
    assert ids(api_client, "clauses", q="Article") == {navigation.pk, other.pk}


def test_negotiators_filter_by_treaty_person_polity_role_and_signature(api_client):
    signatory = NegotiatorFactory(role="plenipotentiary", signed=True)
    interpreter = NegotiatorFactory(role="interpreter", signed=False)

    assert ids(api_client, "negotiators", treaty=signatory.treaty.slug) == {signatory.pk}
    assert ids(api_client, "negotiators", person=interpreter.person.slug) == {interpreter.pk}
    assert ids(api_client, "negotiators", polity=signatory.polity.slug) == {signatory.pk}
    assert ids(api_client, "negotiators", role="interpreter") == {interpreter.pk}
    assert ids(api_client, "negotiators", signed="true") == {signatory.pk}
    assert ids(api_client, "negotiators", q=interpreter.person.name) == {interpreter.pk}


def test_people_places_and_polities_filter_by_treaty(api_client):
    negotiator = NegotiatorFactory()
    clause = ClauseFactory(treaty=negotiator.treaty)
    clause.places.add(place := PlaceFactory())
    PersonFactory()
    PlaceFactory()
    PolityFactory()
    treaty = negotiator.treaty.slug

    assert ids(api_client, "people", treaty=treaty) == {negotiator.person.pk}
    assert ids(api_client, "people", polity=negotiator.polity.slug) == {negotiator.person.pk}
    assert ids(api_client, "places", treaty=treaty) == {place.pk}
    assert ids(api_client, "polities", treaty=treaty) == {negotiator.polity.pk}


def test_places_filter_by_the_place_they_are_part_of(api_client):
    manchuria = PlaceFactory(kind="region")
    aigun = PlaceFactory(part_of=manchuria)

    assert ids(api_client, "places", part_of=manchuria.slug) == {aigun.pk}


@pytest.mark.parametrize(
    ("ordering", "expected"), [("name", ["Aigun", "Peking"]), ("-name", ["Peking", "Aigun"])]
)
def test_ordering_by_public_field_names(api_client, ordering, expected):
    TreatyFactory(name="Peking", signed="1860-11-14")
    TreatyFactory(name="Aigun", signed="1858-05-28")

    response = api_client.get("/api/v1/treaties/", {"ordering": ordering})

    assert [item["name"] for item in response.json()["results"]] == expected


def test_treaties_order_by_signature_date(api_client):
    TreatyFactory(name="Peking", signed="1860-11-14")
    TreatyFactory(name="Nerchinsk", signed="1689-09-06")
    TreatyFactory(name="Aigun", signed="1858-05-28")

    response = api_client.get("/api/v1/treaties/", {"ordering": "-signed"})

    assert [item["name"] for item in response.json()["results"]] == ["Peking", "Aigun", "Nerchinsk"]


def test_page_size_is_capped_at_100(api_client):
    PolityFactory.create_batch(101)

    response = api_client.get("/api/v1/polities/", {"page_size": 1000})

    assert len(response.json()["results"]) == 100


def test_a_page_past_the_end_is_a_404_that_says_which_pages_exist(api_client):
    PolityFactory.create_batch(3)

    response = api_client.get("/api/v1/polities/", {"page": 7, "page_size": 2})

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "pages run from 1 to 2" in response.json()["detail"]
