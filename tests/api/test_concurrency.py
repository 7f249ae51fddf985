"""Many editors on one record at once: with If-Match no update is lost; without it, some are."""

import threading
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from pghistory.models import Events
from rest_framework.test import APIClient

from editors.services import editor_create
from events.models import Place

EDITORS = 8

pytestmark = pytest.mark.django_db(transaction=True)


def editor(number: int) -> APIClient:
    _, token, _ = editor_create(username=f"editor-{number}")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def add_word(client, url, word, *, if_match: bool, everyone_has_read: threading.Barrier):
    """Read the description, add a word to it, write it back; on a 412, start again."""
    try:
        attempts = 0
        while True:
            attempts += 1
            read = client.get(url)
            if attempts == 1:
                everyone_has_read.wait(timeout=30)  # all read the same version first
            headers = {"HTTP_IF_MATCH": read["ETag"]} if if_match else {}
            description = f"{read.json()['description']} {word}".strip()
            written = client.patch(url, {"description": description}, **headers)
            if written.status_code != HTTPStatus.PRECONDITION_FAILED:
                return written.status_code, attempts
    finally:
        connection.close()


def run_editors(*, if_match: bool):
    place = Place.objects.create(slug="aihun", name="Aihun", kind="town")
    url = f"/api/v1/places/{place.slug}/"
    clients = [editor(number) for number in range(EDITORS)]
    barrier = threading.Barrier(EDITORS)
    with ThreadPoolExecutor(EDITORS) as pool:
        results = list(
            pool.map(
                lambda number: add_word(
                    clients[number], url, f"w{number}", if_match=if_match, everyone_has_read=barrier
                ),
                range(EDITORS),
            )
        )
    place.refresh_from_db()
    updates = Events.objects.tracks(place).filter(pgh_label="update")
    return results, set(place.description.split()), list(updates)


def test_with_if_match_every_editors_word_is_kept_and_in_the_history():
    results, words, updates = run_editors(if_match=True)

    assert [status for status, _ in results] == [HTTPStatus.OK] * EDITORS
    assert max(attempts for _, attempts in results) > 1  # they did collide
    assert words == {f"w{number}" for number in range(EDITORS)}
    assert len(updates) == EDITORS
    assert {event.pgh_context["user"] for event in updates} == set(
        get_user_model().objects.values_list("pk", flat=True)
    )


def test_without_if_match_the_last_write_wins_and_updates_are_lost():
    results, words, updates = run_editors(if_match=False)

    assert [status for status, _ in results] == [HTTPStatus.OK] * EDITORS
    assert len(updates) == EDITORS  # every write was accepted and recorded...
    assert len(words) < EDITORS  # ...but each replaced what the others wrote
