"""Every model has an admin a researcher can use: lists, search, and change pages with inlines."""

from http import HTTPStatus

import pghistory.models
import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.fixture
def researcher(seed, client, django_user_model):
    user = django_user_model.objects.create_superuser("researcher", password="not-a-real-one")
    client.force_login(user)
    return client


def test_every_project_model_is_in_the_admin_or_inline_in_one():
    from django.apps import apps

    inlined = {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    for app in ("events", "treaties"):
        for model in apps.get_app_config(app).get_models():
            if issubclass(model, pghistory.models.Event):
                continue  # histories are shown by pghistory's Events admin
            assert model in admin.site._registry or model in inlined, model.__name__


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_admin_lists_searches_and_opens_a_record(researcher, model):
    meta = model._meta
    changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")

    assert researcher.get(changelist).status_code == HTTPStatus.OK
    assert researcher.get(changelist, {"q": "Aigun"}).status_code == HTTPStatus.OK
    record = model.objects.first()
    if record is not None:
        change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
        assert researcher.get(change).status_code == HTTPStatus.OK
