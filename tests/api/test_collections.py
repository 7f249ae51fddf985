"""The same battery for every collection: read, write by role, query counts, round trips."""

from http import HTTPStatus

import pytest

from tests.api.conftest import count_queries, more_of_everything
from tests.problems import problem_fields

pytestmark = pytest.mark.django_db


def test_a_collection_lists_its_records_in_the_paginated_envelope(api_client, collection):
    record = collection.make()

    response = api_client.get(f"/api/v1/{collection.name}/")

    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert record.pk in [item["id"] for item in body["results"]]


def test_a_record_is_found_by_its_slug_or_id_and_has_its_own_url(api_client, collection):
    record = collection.make()
    url = collection.detail_url(record)

    response = api_client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert response.json()["id"] == record.pk
    assert response.json()["url"].endswith(url)


def test_an_unknown_record_is_not_found(api_client, collection):
    response = api_client.get(f"/api/v1/{collection.name}/no-such-record/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_list_costs_the_same_queries_for_one_record_or_fifty(api_client, collection):
    collection.make()
    one, _ = count_queries(api_client, f"/api/v1/{collection.name}/", page_size=100)
    for _ in range(49):
        collection.make()

    many, body = count_queries(api_client, f"/api/v1/{collection.name}/", page_size=100)

    assert len(body["results"]) >= 50
    assert many == one


def test_a_detail_costs_the_same_queries_however_many_related_records(api_client, collection):
    small, large = collection.make(), collection.make()
    more_of_everything(large)

    few, _ = count_queries(api_client, collection.detail_url(small))
    many, _ = count_queries(api_client, collection.detail_url(large))

    assert few == many


def test_anonymous_clients_read_but_cannot_write(api_client, collection):
    record = collection.make()
    url = collection.detail_url(record)

    assert api_client.post(f"/api/v1/{collection.name}/", {}).status_code == HTTPStatus.UNAUTHORIZED
    assert api_client.patch(url, collection.change).status_code == HTTPStatus.UNAUTHORIZED
    assert api_client.put(url, {}).status_code == HTTPStatus.UNAUTHORIZED
    assert api_client.delete(url).status_code == HTTPStatus.UNAUTHORIZED
    assert api_client.get(url).status_code == HTTPStatus.OK


def test_an_unauthorised_user_reads_but_cannot_write(reader_client, collection):
    record = collection.make()
    url = collection.detail_url(record)

    assert reader_client.post(f"/api/v1/{collection.name}/", {}).status_code == (
        HTTPStatus.FORBIDDEN
    )
    assert reader_client.patch(url, collection.change).status_code == HTTPStatus.FORBIDDEN
    assert reader_client.delete(url).status_code == HTTPStatus.FORBIDDEN
    assert reader_client.get(url).status_code == HTTPStatus.OK


def test_an_editor_creates_a_record_and_is_told_where_it_is(editor_client, collection):
    response = editor_client.post(f"/api/v1/{collection.name}/", collection.new())

    assert response.status_code == HTTPStatus.CREATED, response.json()
    body = response.json()
    assert response["Location"] == body["url"]
    assert editor_client.get(response["Location"]).json() == body


def test_an_editor_changes_part_of_a_record(editor_client, collection):
    record = collection.make()
    url = collection.detail_url(record)

    response = editor_client.patch(url, collection.change)

    assert response.status_code == HTTPStatus.OK, response.json()
    for field, value in collection.change.items():
        stored = response.json()[field]
        assert stored == value or (isinstance(stored, dict) and stored["edtf"] == value)


def test_what_an_editor_reads_can_be_written_back_unchanged(editor_client, collection):
    record = collection.make()
    url = collection.detail_url(record)
    before = editor_client.get(url).json()

    response = editor_client.put(url, before)

    assert response.status_code == HTTPStatus.OK, response.json()
    assert response.json() == before


def test_an_editor_deletes_a_record(editor_client, collection):
    record = collection.new()
    created = editor_client.post(f"/api/v1/{collection.name}/", record).json()

    response = editor_client.delete(created["url"])

    assert response.status_code == HTTPStatus.NO_CONTENT
    assert editor_client.get(created["url"]).status_code == HTTPStatus.NOT_FOUND


def test_a_bad_field_is_a_400_naming_it(editor_client, collection):
    response = editor_client.post(f"/api/v1/{collection.name}/", {**collection.new(), "id": 1})
    assert response.status_code == HTTPStatus.CREATED  # read-only fields are ignored

    bad = {
        "sources": "kind",
        "polities": "existed",
        "places": "latitude",
        "people": "born",
        "events": "date",
        "treaties": "signed",
        "clauses": "number",
        "negotiators": "role",
    }
    field = bad[collection.name]
    wrong = {"latitude": 91, "number": 0, "role": "spy", "kind": "gossip"}.get(field, "1858-02-30")

    again = {"slug": "another"} if collection.lookup == "slug" else {}

    response = editor_client.post(
        f"/api/v1/{collection.name}/", {**collection.new(), **again, field: wrong}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in problem_fields(response)
