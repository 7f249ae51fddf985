"""Every write to every table is in the history, with who made it and what changed."""

from http import HTTPStatus

import pghistory
import pghistory.models
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse

from events.models import Place
from tests.api.conftest import count_queries
from tests.factories import ClauseFactory, PlaceFactory, TreatyFactory
from treaties.models import Treaty

pytestmark = pytest.mark.django_db


def history(client, url):
    response = client.get(f"{url}history/", {"page_size": 100})
    assert response.status_code == HTTPStatus.OK, response.content
    return response.json()["results"]


def test_every_table_of_the_record_is_tracked_links_included():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal"
        )
        triggered = {table for (table,) in cursor.fetchall()}
    for app in ("events", "treaties"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            if issubclass(model, pghistory.models.Event):
                continue
            histories = [
                relation.related_model
                for relation in model._meta.related_objects
                if issubclass(relation.related_model, pghistory.models.Event)
            ]
            assert histories, f"{model._meta.label} has no history"
            assert model._meta.db_table in triggered, f"{model._meta.label} has no triggers"


def test_create_update_and_delete_are_recorded_with_the_editor_and_the_changes(editor_client):
    created = editor_client.post(
        "/api/v1/places/", {"slug": "aihun", "name": "Aihun", "kind": "town"}
    ).json()
    editor_client.patch(created["url"], {"description": "On the Amur."})
    editor_client.patch(
        created["url"], {"description": "On the Amur's right bank.", "name": "Aigun"}
    )

    entries = history(editor_client, created["url"])

    assert [entry["action"] for entry in entries] == ["update", "update", "insert"]
    assert {entry["user"] for entry in entries} == {"editor"}
    assert entries[0]["changes"] == {
        "description": ["On the Amur.", "On the Amur's right bank."],
        "name": ["Aihun", "Aigun"],
    }
    assert entries[1]["changes"] == {"description": ["", "On the Amur."]}
    assert entries[2]["changes"]["slug"] == [None, "aihun"]
    assert entries[0]["table"] == "place"
    assert entries[0]["row"] == str(created["id"])

    editor_client.delete(created["url"])

    assert pghistory.models.Events.objects.filter(
        pgh_obj_model="events.Place", pgh_obj_id=str(created["id"]), pgh_label="delete"
    ).exists()


def test_a_treatys_history_has_its_parts_and_links(editor_client):
    treaty = TreatyFactory()
    clause = ClauseFactory(treaty=treaty)
    place = PlaceFactory()

    changed = editor_client.patch(f"/api/v1/clauses/{clause.pk}/", {"places": [place.slug]})
    deleted = editor_client.delete(f"/api/v1/clauses/{clause.pk}/")
    assert (changed.status_code, deleted.status_code) == (HTTPStatus.OK, HTTPStatus.NO_CONTENT)

    entries = history(editor_client, f"/api/v1/treaties/{treaty.slug}/")

    actions = {(entry["action"], entry["table"]) for entry in entries}
    assert {("insert", "treaty"), ("insert", "clause"), ("delete", "clause")} <= actions
    links = history(editor_client, f"/api/v1/places/{place.slug}/")
    actions = {(entry["action"], entry["table"]) for entry in links}
    assert {("add", "clause_places"), ("remove", "clause_places")} <= actions


def test_writes_outside_the_api_are_recorded_too_without_a_user(api_client):
    place = PlaceFactory(name="Aihun")

    Place.objects.filter(pk=place.pk).update(name="Heihe")  # a bulk update, no save()

    entries = history(api_client, f"/api/v1/places/{place.slug}/")
    assert entries[0]["changes"] == {"name": ["Aihun", "Heihe"]}
    assert entries[0]["user"] is None


def test_a_history_costs_the_same_queries_for_1_or_50_changes(editor_client):
    editor = get_user_model().objects.get(username="editor")
    with pghistory.context(user=editor.pk):
        treaty = TreatyFactory()
    url = f"/api/v1/treaties/{treaty.slug}/history/"
    one, _ = count_queries(editor_client, url)

    for number in range(50):
        with pghistory.context(user=editor.pk if number % 2 else None):
            Treaty.objects.filter(pk=treaty.pk).update(note=f"version {number}")
    many, body = count_queries(editor_client, url, page_size=100)

    assert body["count"] == 51
    assert {entry["user"] for entry in body["results"]} == {"editor", None}
    assert many == one


def test_an_unknown_records_history_is_a_404(api_client):
    assert api_client.get("/api/v1/treaties/nothing/history/").status_code == 404


def test_the_admin_shows_a_records_history(editor_client, client, django_user_model):
    created = editor_client.post(
        "/api/v1/places/", {"slug": "aihun", "name": "Aihun", "kind": "town"}
    ).json()
    client.force_login(django_user_model.objects.create_superuser("historian"))

    page = client.get(reverse("admin:events_place_change", args=[created["id"]]))
    events = client.get(
        reverse("admin:pghistory_events_changelist"),
        {"method": "tracks", "obj": f"events.Place:{created['id']}"},
    )

    assert f"obj=events.Place:{created['id']}" in page.content.decode()
    assert events.status_code == HTTPStatus.OK
    assert "Aihun" in events.content.decode()
