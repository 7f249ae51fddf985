"""Front-end apps on other origins may call the API; other origins get no CORS grant."""

import pytest
from django.test import override_settings


def test_a_localhost_front_end_may_call_the_api_in_development(client):
    response = client.get("/healthz")  # outside /api/: no CORS headers at all
    assert "Access-Control-Allow-Origin" not in response

    preflight = client.options(
        "/api/v1/treaties/",
        HTTP_ORIGIN="http://localhost:5173",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization,content-type",
    )

    assert preflight["Access-Control-Allow-Origin"] == "http://localhost:5173"
    assert "authorization" in preflight["Access-Control-Allow-Headers"]


@pytest.mark.django_db
def test_the_front_end_sees_location_etag_and_retry_after(client):
    response = client.get("/api/v1/treaties/", HTTP_ORIGIN="http://127.0.0.1:3000")

    assert response["Access-Control-Allow-Origin"] == "http://127.0.0.1:3000"
    exposed = response["Access-Control-Expose-Headers"].split(", ")
    assert {"Location", "ETag", "Retry-After"} <= set(exposed)


def test_the_front_end_may_send_conditional_headers(client):
    preflight = client.options(
        "/api/v1/treaties/aigun/",
        HTTP_ORIGIN="http://localhost:5173",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-match,if-none-match",
    )

    assert {"if-match", "if-none-match"} <= set(
        preflight["Access-Control-Allow-Headers"].split(", ")
    )


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGIN_REGEXES=[], CORS_ALLOWED_ORIGINS=["https://atlas.example"])
def test_only_the_configured_origins_are_allowed(client):
    allowed = client.get("/api/v1/treaties/", HTTP_ORIGIN="https://atlas.example")
    refused = client.get("/api/v1/treaties/", HTTP_ORIGIN="http://localhost:5173")

    assert allowed["Access-Control-Allow-Origin"] == "https://atlas.example"
    assert "Access-Control-Allow-Origin" not in refused
