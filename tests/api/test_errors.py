"""Every error, wherever it is raised, is an RFC 9457 problem; bad input is never a 500."""

import json
from http import HTTPStatus

import pytest
from django.test import Client, override_settings
from rest_framework.exceptions import ValidationError
from rest_framework.test import APIClient, APIRequestFactory

from config.problems import exception_handler
from editors.services import editor_create
from events.models import Place
from tests.factories import PlaceFactory, TreatyPartyFactory
from tests.problems import PROBLEM, problem_fields

pytestmark = pytest.mark.django_db


def test_an_unknown_url_is_a_404_problem(api_client):
    response = api_client.get("/api/v1/nowhere/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert problem_fields(response) == {}
    assert response.json()["detail"] == "Nothing is at /api/v1/nowhere/."


def test_an_unknown_record_is_a_404_problem(api_client):
    response = api_client.get("/api/v1/treaties/no-such-treaty/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Type"] == PROBLEM
    assert response.json()["title"] == "Not Found"


def test_malformed_json_is_a_400_problem(editor_client):
    response = editor_client.post(
        "/api/v1/places/", data='{"slug": "x", ', content_type="application/json"
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert problem_fields(response) == {}
    assert "JSON parse error" in response.json()["detail"]


def test_a_body_that_is_not_an_object_is_a_400(editor_client):
    response = editor_client.post("/api/v1/places/", data="[1, 2]", content_type="application/json")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert problem_fields(response) == {"": ["Invalid data. Expected a dictionary, but got list."]}


def test_unknown_fields_are_refused_by_name_even_nested(editor_client):
    response = editor_client.post(
        "/api/v1/places/",
        {
            "slug": "aihun",
            "name": "Aihun",
            "kind": "town",
            "colour": "red",
            "names": [{"text": "Aihun", "lang": "en", "script": "Latn"}],
        },
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    errors = {error["field"] for error in response.json()["errors"]}
    assert errors == {"colour", "names.0.script"}
    assert not Place.objects.filter(slug="aihun").exists()


def test_wrong_types_are_a_400_naming_each_field(editor_client):
    response = editor_client.post(
        "/api/v1/places/",
        {"slug": ["x"], "name": {"en": "x"}, "kind": 3, "latitude": "north"},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(problem_fields(response)) == {"slug", "name", "kind", "latitude"}


def test_an_over_long_string_is_a_400(editor_client):
    response = editor_client.post(
        "/api/v1/places/", {"slug": "long", "name": "A" * 201, "kind": "town"}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "name" in problem_fields(response)


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_a_body_over_the_limit_is_a_413_problem(editor_client):
    body = {"slug": "big", "name": "Big", "kind": "town", "description": "x" * 20_000}

    response = editor_client.post("/api/v1/places/", body)

    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert response["Content-Type"] == PROBLEM
    assert "10000 bytes" in response.json()["detail"]
    assert not Place.objects.filter(slug="big").exists()


@pytest.mark.parametrize("text", ["\x00", "Aigun\x00", "\x07bell", "line\nbreak"])
def test_control_characters_in_query_parameters_are_a_400_naming_them(api_client, text):
    response = api_client.get("/api/v1/places/", {"place": "x", "q": text})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert problem_fields(response) == {
        "q": ["Control characters are not allowed in query parameters."]
    }


def test_a_nul_character_in_a_body_is_a_400(editor_client):
    response = editor_client.post(
        "/api/v1/places/",
        {
            "slug": "nul",
            "name": "Ai\x00gun",
            "kind": "town",
            "names": [{"text": "\x00", "lang": "en"}],
        },
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(problem_fields(response)) == {"name", "names"}


@pytest.mark.parametrize(
    "text",
    ["'; DROP TABLE events_place; --", '" OR 1=1 --', "%' OR '%'='", "<script>alert(1)</script>"],
)
def test_injection_strings_are_only_text(api_client, editor_client, text):
    for params in ({"q": text}, {"kind": text}, {"place": text}, {"ordering": "name"}):
        assert api_client.get("/api/v1/events/", params).status_code < 500

    response = editor_client.post("/api/v1/places/", {"slug": "inj", "name": text, "kind": "town"})

    assert response.status_code == HTTPStatus.CREATED
    assert Place.objects.get(slug="inj").name == text


def test_a_slug_that_exists_is_a_409_naming_it(editor_client):
    place = PlaceFactory()

    response = editor_client.post(
        "/api/v1/places/", {"slug": place.slug, "name": "Again", "kind": "town"}
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert list(problem_fields(response)) == ["slug"]
    assert response.json()["errors"][0]["code"] == "unique"


def test_deleting_a_record_others_depend_on_is_a_409_naming_them(editor_client):
    party = TreatyPartyFactory()

    response = editor_client.delete(f"/api/v1/polities/{party.polity.slug}/")

    assert response.status_code == HTTPStatus.CONFLICT
    assert response["Content-Type"] == PROBLEM
    assert response.json()["depends_on"] == [f"treaty party: {party}"]


def test_an_unknown_ordering_field_is_a_400(api_client):
    response = api_client.get("/api/v1/treaties/", {"ordering": "-signed,colour"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert problem_fields(response) == {
        "ordering": ["Cannot sort by 'colour': sort by name, slug, signed, date."]
    }


def test_a_page_past_the_end_is_a_404_problem(api_client):
    response = api_client.get("/api/v1/treaties/", {"page": 99})

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Type"] == PROBLEM
    assert "There is no page 99" in response.json()["detail"]


def test_a_write_without_credentials_is_a_401_problem(api_client):
    response = api_client.post("/api/v1/places/", {"slug": "x"})

    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["status"] == HTTPStatus.UNAUTHORIZED


def test_a_session_write_without_the_csrf_token_is_a_403_problem():
    editor, _, _ = editor_create(username="historian")
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post("/api/v1/places/", {"slug": "x", "name": "X", "kind": "town"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response["Content-Type"] == PROBLEM
    assert "CSRF" in response.json()["detail"]


def test_a_form_post_without_the_csrf_token_outside_the_api_is_a_403_problem():
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response["Content-Type"] == PROBLEM
    assert json.loads(response.content)["detail"].startswith("CSRF check failed")


@override_settings(ROOT_URLCONF="tests.crash_urls")
def test_a_crash_is_a_500_problem_that_says_nothing_of_its_cause():
    client = Client(raise_request_exception=False)

    response = client.get("/crash/")

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert response["Content-Type"] == PROBLEM
    assert "secret" not in response.content.decode()


@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_a_wrong_method_outside_the_api_is_a_405_problem(api_client, url):
    response = api_client.post(url)

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert response["Content-Type"] == PROBLEM
    assert response["Allow"] == "GET, HEAD"


def test_a_wrong_method_in_the_api_is_a_405_problem(editor_client):
    response = editor_client.put("/api/v1/treaties/")

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert response["Content-Type"] == PROBLEM
    assert response.json()["detail"] == 'Method "PUT" not allowed.'


def test_a_host_not_allowed_is_a_400_that_keeps_the_settings_to_itself(api_client):
    response = api_client.get("/api/v1/", HTTP_HOST="evil.example")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == PROBLEM
    assert "ALLOWED_HOSTS" not in response.content.decode()


def test_an_empty_validation_error_is_a_400_not_a_conflict():
    request = APIRequestFactory().post("/api/v1/places/")

    response = exception_handler(ValidationError([]), {"request": request})

    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_the_browsable_apis_form_may_send_its_csrf_token_field(editor_client):
    response = editor_client.post(
        "/api/v1/places/",
        {"slug": "aihun", "name": "Aihun", "kind": "town", "csrfmiddlewaretoken": "token"},
        format="multipart",
    )

    assert response.status_code == HTTPStatus.CREATED, response.json()
