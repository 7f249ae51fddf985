"""The OpenAPI schema: valid, without warnings, and the same as the committed schema.yaml."""

from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.management import call_command

COMMITTED = Path(__file__).resolve().parents[2] / "schema.yaml"


def test_the_schema_generates_validates_and_matches_the_committed_file(tmp_path):
    generated = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(generated))

    assert generated.read_text() == COMMITTED.read_text(), (
        "The API changed: run `make schema` and commit schema.yaml with the change."
    )


@pytest.mark.django_db  # the rate limit is counted in the database
@pytest.mark.parametrize("path", ["/api/schema/", "/api/schema/?format=json"])
def test_the_schema_is_served_as_yaml_and_json(api_client, path):
    response = api_client.get(path)

    assert response.status_code == HTTPStatus.OK
    assert ("json" in path) == ("json" in response["Content-Type"])


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["/api/docs/", "/api/redoc/"])
def test_the_docs_pages_load_every_asset_from_our_own_server(client, page):
    html = client.get(page).content.decode()
    assets = [
        part.split('"')[0]
        for marker in ('src="', 'href="')
        for part in html.split(marker)[1:]
        if not part.startswith(("#", "data:"))
    ]

    assert assets
    assert all(asset.startswith("/") for asset in assets), assets
    for asset in assets:
        if asset.startswith("/static/"):
            response = client.get(asset)
            assert response.status_code == HTTPStatus.OK, asset
            b"".join(response.streaming_content) if response.streaming else response.content


def operations():
    import yaml

    schema = yaml.safe_load(COMMITTED.read_text())
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


@pytest.mark.parametrize(("path", "method", "operation"), list(operations()))
def test_every_operation_is_documented_for_api_consumers(path, method, operation):
    assert operation.get("summary"), "a summary"
    assert operation.get("description"), "a description"
    assert operation.get("tags"), "a tag"
    if method in ("post", "put", "patch", "delete"):
        assert {"401", "403", "404" if method != "post" else "400"} <= set(operation["responses"])
    if method == "get" and path != "/api/v1/":
        assert "404" in operation["responses"]
        content = operation["responses"]["200"]["content"]["application/json"]
        assert content.get("examples"), "an example drawn from the Aigun data"
    for status, response in operation["responses"].items():
        if int(status) >= 400:
            assert list(response["content"]) == ["application/problem+json"], status
            assert response["content"]["application/problem+json"]["schema"] == {
                "$ref": "#/components/schemas/Problem"
            }
    assert {"429", "503"} <= set(operation["responses"]), "throttled, or the database away"
