from django.apps import AppConfig


class EditorsConfig(AppConfig):
    """Who may write: the editors group, its permissions, and API tokens."""

    name = "editors"
    verbose_name = "Editors"
