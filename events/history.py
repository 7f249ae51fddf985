"""Every insert, update and delete of every table is recorded by database triggers.

Every write also gives the data a new version (see events/versions.py).

django-pghistory keeps, for each tracked model, an event table with a snapshot
of the row after each write, when it happened and the context of the request
that made it (the user and URL, set by its middleware). Triggers catch bulk
writes, the seed loader and raw SQL too.
"""

import pghistory
from django.db import models

from events.versions import versioned

# Filled from other columns, by save() or by the database: a change to them is
# already recorded as the change of their sources. The timestamps are the events'.
DERIVED = {"search_names", "created_at", "updated_at"}


def tracked(model: type[models.Model]) -> type[models.Model]:
    """Record every write to `model`, with its own columns only."""
    exclude = [
        field.name
        for field in model._meta.concrete_fields
        if field.generated or field.name in DERIVED
    ]
    return pghistory.track(
        pghistory.InsertEvent(),
        pghistory.UpdateEvent(),
        pghistory.DeleteEvent(),
        exclude=exclude,
        # "Event" is a record of this domain: the history models are "...History".
        model_name=f"{model.__name__}History",
        obj_field=pghistory.ObjForeignKey(related_name="history"),
    )(versioned(model))


def tracked_links(field: models.ManyToManyField, model_name: str) -> None:
    """Record links added to and removed from a many-to-many field without its own model."""
    pghistory.track(
        pghistory.InsertEvent("add"),
        pghistory.DeleteEvent("remove"),
        model_name=model_name,
        app_label=field.model._meta.app_label,
        obj_field=pghistory.ObjForeignKey(related_name="history"),
    )(versioned(field.remote_field.through))
