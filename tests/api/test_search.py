"""Search: every spelling, every script, ranked across all kinds of record."""

from http import HTTPStatus

import pytest

from events.names import fold
from tests.factories import (
    ClauseFactory,
    EventFactory,
    PersonFactory,
    PlaceFactory,
    TreatyFactory,
)
from tests.problems import problem_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    """Records as researchers name them, made here rather than taken from the seed."""
    return {
        "muravyov": PersonFactory(
            slug="nikolay-muravyov",
            name="Nikolay Muravyov",
            names=[{"text": "Николай Муравьёв", "lang": "ru", "kind": "native"}],
        ),
        "putyatin": PersonFactory(slug="yevfimy-putyatin", name="Yevfimy Putyatin", names=[]),
        "amur": PlaceFactory(
            slug="amur",
            name="Amur",
            kind="river",
            names=[{"text": "黑龍江", "lang": "zh-Hant", "kind": "native"}],
        ),
        "aigun": PlaceFactory(
            slug="aigun",
            name="Aigun",
            names=[
                {"text": "Aihui", "lang": "en", "kind": "transliteration"},
                {"text": "Aïgoun", "lang": "fr", "kind": "transliteration"},
                {"text": "璦琿", "lang": "zh-Hant", "kind": "native"},
            ],
        ),
        "treaty": TreatyFactory(
            slug="aigun-treaty",
            name="Treaty of Aigun",
            names=[
                {"text": "Айгунский договор", "lang": "ru", "kind": "native"},
                {"text": "Traité d'Aïgoun", "lang": "fr", "kind": "translation"},
            ],
            description="Signed at Aigun in 1858.",
        ),
        "navigation": ClauseFactory(
            label="Article 1",
            summary="Navigation on the Amur, Sungari and Ussuri for Russian and Qing vessels only.",
            summaries=[
                {
                    "lang": "fr",
                    "text": "La navigation sur les fleuves Amour, Soungari et Oussouri est "
                    "réservée aux navires des Qing et de la Russie.",
                }
            ],
            topics=["navigation"],
        ),
        "trade": ClauseFactory(
            label="Article 2", summary="Trade along the rivers.", topics=["trade"]
        ),
    }


def found(api_client, collection, q, **params):
    response = api_client.get(f"/api/v1/{collection}/", {"q": q, **params})
    assert response.status_code == HTTPStatus.OK, response.json()
    return [item["id"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("collection", "record", "spelling"),
    [
        ("people", "muravyov", "Muravyov"),
        ("people", "muravyov", "Muraviev"),
        ("people", "muravyov", "Mouraviev"),
        ("people", "muravyov", "Mouravieff"),
        ("people", "muravyov", "Muravev"),
        ("people", "muravyov", "Муравьёв"),
        ("people", "muravyov", "Муравьев"),
        ("people", "muravyov", "muravyov"),
        ("people", "putyatin", "Poutiatine"),
        ("places", "amur", "Amour"),
        ("places", "amur", "黑龙江"),
        ("places", "amur", "黑龍江"),
        ("places", "aigun", "Aïgoun"),
        ("places", "aigun", "Aihui"),
        ("places", "aigun", "瑷珲"),
        ("places", "aigun", "璦琿"),
        ("treaties", "treaty", "Айгунский"),
        ("treaties", "treaty", "traite d'aigoun"),
    ],
)
def test_a_record_is_found_by_every_spelling_of_its_names(
    api_client, records, collection, record, spelling
):
    assert records[record].pk in found(api_client, collection, spelling)


def test_an_exact_name_ranks_above_a_near_one(api_client):
    near = PersonFactory(name="Muravyova")
    exact = PersonFactory(name="Muravyov")

    assert found(api_client, "people", "Muravyov")[:2] == [exact.pk, near.pk]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Nikita Stroanov", "Nikita Stroganov"),  # a letter left out
        ("Nikita Stroaov", "Nikita Stroganov"),  # two
        ("Pierre Verbiet", "Pierre Verbiest"),
        ("Wiliam Gordon", "William Gordon"),
    ],
)
def test_a_name_a_letter_or_two_off_is_a_near_spelling(api_client, typed, name):
    person = PersonFactory(name=name)

    assert found(api_client, "people", typed) == [person.pk]


def test_names_sharing_a_syllable_or_two_with_the_query_are_no_near_spelling(api_client):
    verbiest = PersonFactory(name="Pierre Verbiest")
    # Both share a few trigrams of "pere verbet", the query folded, and no more.
    EventFactory(name="Expedition to Perica", names=[], description="")
    EventFactory(name="Protest over Perope", names=[], description="")

    hits = api_client.get("/api/v1/search/", {"q": "Pierre Verbiet"}).json()

    assert [(hit["kind"], hit["id"]) for hit in hits["results"]] == [("person", verbiest.pk)]
    assert hits["count"] == 1


def test_full_text_finds_clauses_in_french_and_by_english_stems(api_client, records):
    assert found(api_client, "clauses", "navigation fleuve")[0] == records["navigation"].pk
    assert found(api_client, "clauses", "navigable")[0] == records["navigation"].pk
    assert records["trade"].pk not in found(api_client, "clauses", "navigable")


def test_search_across_every_kind_ranks_and_marks_what_matched(api_client, records):
    response = api_client.get("/api/v1/search/", {"q": "Aïgoun"})

    assert response.status_code == HTTPStatus.OK
    hits = response.json()["results"]
    assert (hits[0]["kind"], hits[0]["id"]) == ("place", records["aigun"].pk)
    assert hits[0]["matched"] == "Aïgoun"
    assert {"place", "treaty"} <= {hit["kind"] for hit in hits}
    assert hits[0]["url"].endswith("/api/v1/places/aigun/")


def test_search_snippets_highlight_the_words_found(api_client, records):
    hits = api_client.get("/api/v1/search/", {"q": "navigable"}).json()["results"]

    assert hits[0]["kind"] == "clause"
    assert "<mark>Navigation</mark>" in hits[0]["snippet"]


def test_search_filters_by_kind(api_client, records):
    hits = api_client.get("/api/v1/search/", {"q": "aigun", "kind": "treaty"}).json()["results"]

    assert [hit["kind"] for hit in hits] == ["treaty"]


def test_lang_picks_the_display_name_and_the_names_list_stays_whole(api_client, records):
    url = f"/api/v1/treaties/{records['treaty'].slug}/"

    french = api_client.get(url, {"lang": "fr"}).json()
    russian = api_client.get(url, HTTP_ACCEPT_LANGUAGE="ru, en;q=0.5").json()
    default = api_client.get(url).json()
    unknown = api_client.get(url, {"lang": "de"}).json()

    assert french["name"] == "Traité d'Aïgoun"
    assert russian["name"] == "Айгунский договор"
    assert default["name"] == unknown["name"] == "Treaty of Aigun"
    assert len(french["names"]) == len(default["names"]) == 2


def test_lang_applies_to_search_hits_and_embedded_records(api_client, records):
    hits = api_client.get("/api/v1/search/", {"q": "Amur", "lang": "zh"}).json()["results"]

    assert hits[0]["name"] == "黑龍江"


@pytest.mark.parametrize("q", ["the", "the of and", "   "])
def test_a_query_of_stop_words_or_blanks_finds_nothing(api_client, records, q):
    response = api_client.get("/api/v1/search/", {"q": q})

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    if response.status_code == HTTPStatus.OK:
        assert response.json()["results"] == []
    assert found(api_client, "treaties", q) == [] or not q.strip()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": "a\x00b"}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "amur", "kind": "planet"}, "kind"),
    ],
)
def test_a_bad_search_is_a_400_naming_the_parameter(api_client, params, field):
    response = api_client.get("/api/v1/search/", params)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in problem_fields(response)


@pytest.mark.parametrize("q", ["a\x00b", "x" * 201])
def test_a_bad_q_on_a_collection_is_a_400(api_client, q):
    response = api_client.get("/api/v1/places/", {"q": q})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "q" in problem_fields(response)


def test_search_costs_the_same_queries_however_many_records_match(api_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PersonFactory(name="Amur person")
    with CaptureQueriesContext(connection) as few:
        api_client.get("/api/v1/search/", {"q": "amur"})
    for index in range(30):
        PlaceFactory(name=f"Amur {index}")
    with CaptureQueriesContext(connection) as many:
        api_client.get("/api/v1/search/", {"q": "amur"})

    assert len(few) == len(many)


def test_folding_makes_one_spelling_of_many():
    assert len({fold(name) for name in ["Mouraviev", "Muraviev", "Муравьёв", "Mouravieff"]}) == 1
    assert fold("璦琿") == fold("瑷珲")
    assert fold("Poutiatine") == fold("Putyatin") == fold("Путятин")
