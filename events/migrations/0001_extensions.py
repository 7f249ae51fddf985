from django.contrib.postgres.operations import BtreeGistExtension, TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """The PostgreSQL extensions that search and date ranges rely on."""

    initial = True
    dependencies = []
    operations = [TrigramExtension(), UnaccentExtension(), BtreeGistExtension()]
