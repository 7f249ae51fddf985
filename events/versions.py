"""The version of the data: one number, changed by every write to a record's tables.

Representations of records are cached under it (see events/api/cached.py):
whatever a write touches, a treaty or a clause shown inside it, the next read
finds a new version and builds the representation again.

A statement-level trigger on every tracked table sets the version, in the
writing transaction, from a sequence: readers see the new number exactly when
they see the new rows, and a number taken by a transaction that rolled back is
never given out again. Writing transactions queue on the version's row from
their first write to their commit.
"""

import pgtrigger
from django.db import connection, models

BUMP = pgtrigger.Trigger(
    name="new_data_version",
    level=pgtrigger.Statement,
    when=pgtrigger.After,
    operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete | pgtrigger.Truncate,
    func="UPDATE data_version SET version = nextval('data_version_numbers'); RETURN NULL;",
)


def versioned(model: type[models.Model]) -> type[models.Model]:
    """Give the data a new version at every write to `model`'s table."""
    return pgtrigger.register(BUMP)(model)


def current() -> int:
    """The version of the data as this connection sees it now."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM data_version")
        (version,) = cursor.fetchone()
    return version
