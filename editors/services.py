"""Editor accounts: members of the `editors` group, who may add, change and delete records."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from rest_framework.authtoken.models import Token

EDITORS_GROUP = "editors"
EDITED_APPS = ["events", "treaties"]


def editors_group() -> Group:
    """The editors group, created if missing, with every add/change/delete/view permission."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    models = [model for app in EDITED_APPS for model in apps.get_app_config(app).get_models()]
    codenames = [
        f"{action}_{model._meta.model_name}"
        for model in models
        for action in ("add", "change", "delete", "view")
    ]
    permissions = Permission.objects.filter(
        content_type__app_label__in=EDITED_APPS, codename__in=codenames
    )
    group.permissions.add(*permissions)
    return group


@transaction.atomic
def editor_create(*, username: str) -> tuple[object, Token, bool]:
    """Create or reuse the editor `username`; return the user, their API token, and if created."""
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(editors_group())
    token, _ = Token.objects.get_or_create(user=user)
    return user, token, created
