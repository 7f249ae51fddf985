"""Rate-limit counts in a table of their own, one row per client and window.

It replaces the cache table of 0001, where each request cost four statements.
The table is unlogged: counts are not worth a write-ahead log, and a crash
that loses them only forgives the clients their current window.
"""

from django.db import migrations

class Migration(migrations.Migration):
    dependencies = [("editors", "0001_throttle_cache")]

    operations = [
        migrations.RunSQL(
            """
            CREATE UNLOGGED TABLE throttle_counts (
                key text NOT NULL,
                window_end bigint NOT NULL,
                hits integer NOT NULL CHECK (hits > 0),
                PRIMARY KEY (key, window_end)
            );
            CREATE INDEX throttle_counts_window_end ON throttle_counts (window_end);
            """,
            "DROP TABLE throttle_counts",
        ),
        migrations.RunSQL("DROP TABLE IF EXISTS throttle", migrations.RunSQL.noop),
    ]
