import pytest
from django.db import transaction
from rest_framework.test import APIClient

from fixtures.loader import load_seed


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture(scope="module")
def seed(django_db_setup, django_db_blocker):
    """The seed data, loaded once per test module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_seed()
        yield
        transaction.set_rollback(True)
