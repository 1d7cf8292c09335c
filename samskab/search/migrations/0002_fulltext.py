"""The full-text index: FTS5 on SQLite, tsvector + GIN on PostgreSQL (see backends.py).

Only the statements for the database in use run (``connection.vendor``)."""

from django.db import migrations


def create(apps, schema_editor):
    from samskab.search.backends import create_schema

    create_schema(schema_editor.connection)


def drop(apps, schema_editor):
    from samskab.search.backends import drop_schema

    drop_schema(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
