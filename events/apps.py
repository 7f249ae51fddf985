from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Historical record"

    def ready(self) -> None:
        from events.api import schema  # noqa: F401  (registers the OpenAPI field extensions)
