from http import HTTPStatus

import pytest
from django.db import connection


def test_healthz_answers_without_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_answers_when_the_database_does(client):
    response = client.get("/readyz")

    assert response.status_code == HTTPStatus.OK
    assert response.json()["database"] == "ok"


@pytest.fixture
def unreachable_database(tmp_path):
    """Point the connection at a server that does not exist, then back."""
    original = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST=str(tmp_path), PORT="1")
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(original)


@pytest.mark.django_db(transaction=True)
def test_readyz_is_unavailable_when_the_database_is_not(client, unreachable_database):
    response = client.get("/readyz")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"]
