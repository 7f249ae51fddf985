"""The version of the data, set by triggers at every write (see events/versions.py)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0007_name_then_id_order")]

    operations = [
        migrations.RunSQL(
            """
            CREATE SEQUENCE data_version_numbers;
            CREATE TABLE data_version (
                one boolean PRIMARY KEY DEFAULT true CHECK (one),
                version bigint NOT NULL
            );
            INSERT INTO data_version (version) VALUES (nextval('data_version_numbers'));
            """,
            "DROP TABLE data_version; DROP SEQUENCE data_version_numbers;",
        )
    ]
