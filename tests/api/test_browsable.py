"""The browsable API: what a historian sees in a browser."""

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model

from editors.services import editors_group
from tests.api.conftest import COLLECTIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_browser(client):
    user = get_user_model().objects.create_user("historian", password="not-a-real-one")
    user.groups.add(editors_group())
    client.force_login(user)
    return client


def test_the_root_offers_a_login_link_and_describes_each_collection(client):
    html = client.get("/api/v1/", HTTP_ACCEPT="text/html").content.decode()

    assert "/api-auth/login/" in html
    assert "Treaties, conventions and protocols" in html


@pytest.mark.parametrize("name", COLLECTIONS)
def test_a_list_shows_its_filter_form_and_an_editor_gets_the_write_form(editor_browser, name):
    COLLECTIONS[name].make()

    response = editor_browser.get(f"/api/v1/{name}/", HTTP_ACCEPT="text/html")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Filters" in html
    assert 'method="post"' in html.lower()
    assert "/api-auth/logout/" in html


@pytest.mark.parametrize("name", COLLECTIONS)
def test_a_record_shows_its_related_records_by_name(client, name):
    collection = COLLECTIONS[name]
    record = collection.make()

    response = client.get(collection.detail_url(record), HTTP_ACCEPT="text/html")

    assert response.status_code == HTTPStatus.OK
    assert "&quot;name&quot;" in response.content.decode()
