"""`manage.py migrate_to_postgres --from FILE`: a network that started on SQLite moves to
PostgreSQL with every row and id. Runs only when the suite runs on PostgreSQL.

The SQLite file is made the way the embedded default stores data: the models' tables by
Django's SQLite schema editor, the factories' rows written through Django's SQLite
backend (and the migration records of a migrated database). The PostgreSQL tables are
then emptied, the command fills them from the file, and every table's rows must equal
what the factories made."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

from samskab.cases.models import Case
from samskab.core import dbcopy
from tests.core.test_backup import fill, postgres_params, postgres_tables
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def sqlite_copy_of_this_database(path):
    alias = dbcopy.add_sqlite_alias(path, "sqlite_made_by_test", read_only=False)
    try:
        sqlite = connections[alias]
        with sqlite.schema_editor() as editor:
            for model in dbcopy.copied_models():
                if not model._meta.auto_created:  # many-to-many tables come with their model
                    editor.create_model(model)
        recorder = MigrationRecorder(sqlite)
        recorder.ensure_schema()
        for app, name in MigrationRecorder(connection).applied_migrations():
            recorder.record_applied(app, name)
        dbcopy.copy_rows("default", alias)
    finally:
        dbcopy.remove_alias(alias)


@needs_postgres
def test_a_sqlite_database_moves_to_postgresql_with_every_row(tmp_path):
    fill()
    params = postgres_params(connection.settings_dict["NAME"])
    _schema, before = postgres_tables(params)
    source = tmp_path / "samskab.sqlite3"
    sqlite_copy_of_this_database(source)

    with pytest.raises(CommandError, match="already has 3 user account"):
        call_command("migrate_to_postgres", "--from", str(source), verbosity=0)
    assert Case.objects.count() == 3

    Case.objects.all().delete()
    call_command("migrate_to_postgres", "--from", str(source), "--force", verbosity=0)

    _schema, after = postgres_tables(params)
    assert after.keys() == before.keys()
    for table in before:
        if table != "django_migrations":  # the target's own, checked equal by the command
            assert after[table] == before[table], table
    # The sequences follow the copied ids: new rows get new ids.
    newest = max(row[0] for row in before["accounts_user"])
    assert UserFactory().pk > newest


@needs_postgres
def test_the_sqlite_file_must_be_at_the_code_s_migrations(tmp_path):
    source = tmp_path / "old.sqlite3"
    alias = dbcopy.add_sqlite_alias(source, "sqlite_old", read_only=False)
    try:
        recorder = MigrationRecorder(connections[alias])
        recorder.ensure_schema()
        recorder.record_applied("contenttypes", "0001_initial")
    finally:
        dbcopy.remove_alias(alias)
    with pytest.raises(CommandError, match="not at this code's migrations.*manage.py migrate"):
        call_command("migrate_to_postgres", "--from", str(source), verbosity=0)


@needs_postgres
def test_only_a_sqlite_file_is_taken(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("not a database")
    with pytest.raises(CommandError, match="not a SQLite database"):
        call_command("migrate_to_postgres", "--from", str(other), verbosity=0)
    with pytest.raises(CommandError, match="does not exist"):
        call_command("migrate_to_postgres", "--from", str(tmp_path / "none"), verbosity=0)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the suite runs on PostgreSQL")
def test_the_target_must_be_postgresql(tmp_path):
    with pytest.raises(CommandError, match="not PostgreSQL: set DATABASE_URL"):
        call_command("migrate_to_postgres", "--from", str(tmp_path / "x"), verbosity=0)
