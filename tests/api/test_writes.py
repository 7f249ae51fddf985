"""Writes: nested treaties, whole lists, atomicity, conflicts, and editor accounts."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from events.models import Place
from tests.api.conftest import new_treaty
from tests.factories import (
    ClauseFactory,
    PersonFactory,
    PlaceFactory,
    PolityFactory,
    TreatyPartyFactory,
)
from tests.problems import problem_fields
from treaties.models import Clause, Treaty, TreatyParty

pytestmark = pytest.mark.django_db


def test_a_treaty_is_created_with_its_parties_clauses_and_negotiators(editor_client):
    payload = new_treaty()

    response = editor_client.post("/api/v1/treaties/", payload)

    assert response.status_code == HTTPStatus.CREATED, response.json()
    treaty = Treaty.objects.get(slug="aigun-1858")
    assert treaty.signed.edtf == "1858-05-28"
    assert treaty.signed.as_recorded == "1858-05-16"
    assert [clause.number for clause in treaty.clauses.all()] == [1, 2]
    assert treaty.treaty_parties.count() == 2
    assert treaty.negotiators.count() == 2
    assert response.json()["clauses"][0]["topics"] == ["boundary", "navigation"]


def test_a_bad_clause_leaves_nothing_of_the_treaty_behind(editor_client):
    payload = new_treaty()
    payload["clauses"][1]["topics"] = ["gossip"]

    response = editor_client.post("/api/v1/treaties/", payload)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "clauses" in problem_fields(response)
    assert not Treaty.objects.filter(slug="aigun-1858").exists()
    assert not Clause.objects.exists()
    assert not TreatyParty.objects.exists()


def test_a_negotiator_for_a_polity_that_is_no_party_leaves_nothing_behind(editor_client):
    payload = new_treaty()
    payload["negotiators"][0]["polity"] = PolityFactory().slug

    response = editor_client.post("/api/v1/treaties/", payload)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "negotiators" in problem_fields(response)
    assert not Treaty.objects.filter(slug="aigun-1858").exists()


def test_a_list_sent_replaces_the_stored_one_and_a_list_left_out_is_kept(editor_client):
    created = editor_client.post("/api/v1/treaties/", new_treaty()).json()
    clause_one = created["clauses"][0]["id"]

    response = editor_client.patch(
        created["url"],
        {"clauses": [{"number": 1, "label": "Article 1", "summary": "The Amur boundary."}]},
    )

    assert response.status_code == HTTPStatus.OK, response.json()
    assert [clause["id"] for clause in response.json()["clauses"]] == [clause_one]
    assert response.json()["clauses"][0]["summary"] == "The Amur boundary."
    assert len(response.json()["negotiators"]) == 2


def test_names_are_written_as_a_whole(editor_client):
    place = PlaceFactory(names=[{"text": "Amour", "lang": "fr"}, {"text": "Амур", "lang": "ru"}])

    response = editor_client.patch(
        f"/api/v1/places/{place.slug}/", {"names": [{"text": "黑龍江", "lang": "zh-Hant"}]}
    )

    assert response.status_code == HTTPStatus.OK
    place.refresh_from_db()
    assert place.names == [{"text": "黑龍江", "lang": "zh-Hant"}]


@pytest.mark.parametrize(
    "names",
    [
        [{"text": "Amur"}],
        [{"text": "", "lang": "en"}],
        [{"text": "Amur", "lang": "English"}],
        [{"text": "Amur", "lang": "en", "kind": "nickname"}],
        "Amur",
    ],
)
def test_a_malformed_name_is_a_400(editor_client, names):
    place = PlaceFactory()

    response = editor_client.patch(f"/api/v1/places/{place.slug}/", {"names": names})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "names" in problem_fields(response)


def test_related_records_are_written_by_slug_or_id_and_an_unknown_one_is_named(editor_client):
    amur, sungari = PlaceFactory(), PlaceFactory()

    by_both = editor_client.post(
        "/api/v1/events/",
        {"slug": "e", "name": "E", "kind": "other", "places": [amur.slug, sungari.pk]},
    )
    unknown = editor_client.post(
        "/api/v1/events/", {"slug": "f", "name": "F", "kind": "other", "places": ["atlantis"]}
    )

    assert {place["id"] for place in by_both.json()["places"]} == {amur.pk, sungari.pk}
    assert unknown.status_code == HTTPStatus.BAD_REQUEST
    assert "atlantis" in str(problem_fields(unknown)["places"])


def test_a_julian_date_is_converted_and_kept_as_recorded(editor_client):
    response = editor_client.post(
        "/api/v1/people/",
        {"slug": "m", "name": "M", "born": {"edtf": "1809-08-11", "calendar": "julian"}},
    )

    born = response.json()["born"]
    assert (born["edtf"], born["as_recorded"], born["calendar"]) == (
        "1809-08-23",
        "1809-08-11",
        "julian",
    )


def test_deleting_a_record_others_depend_on_is_a_409_naming_them(editor_client):
    party = TreatyPartyFactory()

    response = editor_client.delete(f"/api/v1/polities/{party.polity.slug}/")

    assert response.status_code == HTTPStatus.CONFLICT
    assert str(party) in str(response.json()["depends_on"])


def test_a_slug_that_exists_is_refused(editor_client):
    place = PlaceFactory()

    response = editor_client.post(
        "/api/v1/places/", {"slug": place.slug, "name": "Again", "kind": "town"}
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert "slug" in problem_fields(response)
    assert Place.objects.filter(slug=place.slug).count() == 1


def test_a_negotiator_must_act_for_a_party(editor_client):
    party = TreatyPartyFactory()
    payload = {
        "person": PersonFactory().slug,
        "treaty": party.treaty.slug,
        "polity": PolityFactory().slug,
        "role": "envoy",
    }

    response = editor_client.post("/api/v1/negotiators/", payload)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "polity" in problem_fields(response)


def test_create_editor_prints_the_token_alone_on_the_last_line(capsys):
    call_command("create_editor", "ada")
    first = capsys.readouterr().out.splitlines()[-1]
    call_command("create_editor", "ada")
    again = capsys.readouterr().out.splitlines()[-1]

    assert first == again == Token.objects.get(user__username="ada").key


def test_an_editor_token_allows_writes(api_client):
    call_command("create_editor", "ada")
    token = Token.objects.get(user__username="ada").key
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    response = api_client.post("/api/v1/polities/", {"slug": "x", "name": "X"})

    assert response.status_code == HTTPStatus.CREATED


@pytest.mark.parametrize(
    "summaries",
    [
        "nope",
        [{"x": 1}],
        [{"text": "a\x00b", "lang": "fr"}],
        [{"text": "Résumé", "lang": "French"}],
    ],
)
def test_malformed_clause_summaries_are_a_400_naming_them(editor_client, summaries):
    clause = ClauseFactory()

    response = editor_client.patch(f"/api/v1/clauses/{clause.pk}/", {"summaries": summaries})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "summaries" in problem_fields(response)


@pytest.mark.parametrize("field", ["name", "description", "note", "wikidata_id"])
def test_a_nul_character_in_a_text_is_a_400_naming_the_field(editor_client, field):
    place = PlaceFactory()

    response = editor_client.patch(f"/api/v1/places/{place.slug}/", {field: "a\x00b"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in problem_fields(response)
