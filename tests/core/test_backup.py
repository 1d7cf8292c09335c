"""`manage.py backup` and `manage.py restore`, on the database the suite runs on (SQLite in
the normal run, PostgreSQL when DATABASE_URL is one): an installation filled through the
factories is backed up, restored by `manage.py restore` in a new process into a new
database and media folder, and every table's rows and every file's bytes are compared."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from samskab.cases.models import Case, CaseMaterial
from samskab.core import backup as backups
from samskab.groups.models import GroupResource
from tests.cases.factories import CaseFactory, CommentFactory
from tests.decisions.factories import ConsultationFactory, OptionFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import (
    MembershipFactory,
    NetworkFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
)
from tests.groups.factories import (
    GroupMembershipFactory,
    ThemeGroupFactory,
    TopicSuggestionFactory,
)

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def fill():
    """A few of each main model, and files: a public case's material, a draft's (private)
    and a members-only group resource (private)."""
    network = NetworkFactory()
    users = [UserFactory() for _ in range(3)]
    for user in users:
        person = PersonFactory(user=user, name=user.name)
        RoleFactory(network=network, person=person)
    MembershipFactory(network=network)
    MembershipFactory(network=network)
    cases = [CaseFactory(network=network, created_by=users[0]) for _ in range(2)]
    draft = CaseFactory(network=network, status=Case.Status.DRAFT, published_at=None)
    CommentFactory(case=cases[0], author=users[1])
    for case, body in [(cases[0], PDF), (draft, PDF + b"draft")]:
        material = CaseMaterial(
            case=case, title="Plan", filename="plan.pdf", content_type="application/pdf"
        )
        material.file.save("plan.pdf", ContentFile(body), save=False)
        material.size = len(body)
        material.save()
    group = ThemeGroupFactory(network=network)
    GroupMembershipFactory(group=group, user=users[2])
    TopicSuggestionFactory(group=group, author=users[2])
    resource = GroupResource(group=group, title="Handbook", members_only=True, url="")
    resource.file.save("handbook ø.txt", ContentFile("Privat håndbog\n".encode()), save=True)
    event = EventFactory(network=network)
    RegistrationFactory(event=event, user=users[1])
    RegistrationFactory(event=event)
    consultation = ConsultationFactory(network=network)
    OptionFactory(consultation=consultation)
    OptionFactory(consultation=consultation)
    return network


def media_bytes(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def restore_in_new_process(backup_dir, database_url, media_root, *extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="samskab.settings",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
    )
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(backup_dir), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def sqlite_tables(path):
    db = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        schema = sorted(db.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
        rows = {n: sorted(db.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}  # noqa: S608
        return schema, rows
    finally:
        db.close()


def postgres_tables(params):
    import psycopg

    with psycopg.connect(**params) as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        names = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT table_name, column_name, data_type, is_nullable, column_default "
            "FROM information_schema.columns WHERE table_schema = 'public' "
            "ORDER BY table_name, ordinal_position"
        )
        schema = cursor.fetchall()
        rows = {}
        for name in names:
            cursor.execute(f'SELECT * FROM "{name}"')  # noqa: S608
            rows[name] = sorted(cursor.fetchall(), key=repr)
        return schema, rows


def postgres_params(name):
    params = connection.get_connection_params()
    for key in ("cursor_factory", "context", "prepare_threshold"):
        params.pop(key, None)
    return {**params, "dbname": name}


@pytest.fixture
def second_database(tmp_path):
    """A new, empty database of the suite's vendor: (DATABASE_URL, a reader of all rows)."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield f"sqlite:///{path}", lambda: sqlite_tables(path)
        return
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restored"[:63]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    user, password = settings_dict["USER"], settings_dict["PASSWORD"]
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    url = f"postgres://{user}:{password}@{host}:{port}/{name}"
    yield url, lambda: postgres_tables(postgres_params(name))
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def source_tables():
    if connection.vendor == "sqlite":
        return sqlite_tables(connection.settings_dict["NAME"])
    return postgres_tables(postgres_params(connection.settings_dict["NAME"]))


def test_a_backup_restores_every_row_and_every_file(settings, tmp_path, second_database):
    fill()
    target = tmp_path / "backup"
    call_command("backup", str(target), verbosity=0)

    manifest = json.loads((target / "manifest.json").read_text())
    dump = "database.dump" if connection.vendor == "postgresql" else "database.sqlite3"
    assert manifest["database"] == {"vendor": connection.vendor, "file": dump}
    assert manifest["app_version"] == backups.app_version()
    assert manifest["migrations"] == backups.applied_migrations(connection)
    assert manifest["tables"] == backups.row_counts(connection, list(manifest["tables"]))
    assert manifest["tables"]["cases_case"] == 3
    assert manifest["tables"]["accounts_user"] == 3
    originals = media_bytes(Path(settings.MEDIA_ROOT))
    assert len(originals) == 3
    for name, content in originals.items():
        entry = manifest["files"][f"media/{name}"]
        assert entry["size"] == len(content)
        assert (target / "media" / name).read_bytes() == content
    assert manifest["missing_files"] == []
    assert (target / dump).stat().st_size == manifest["files"][dump]["size"]

    url, restored_tables = second_database
    media_root = tmp_path / "restored-media"
    result = restore_in_new_process(target, url, media_root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Restored" in result.stdout

    schema, rows = source_tables()
    restored_schema, restored_rows = restored_tables()
    assert restored_schema == schema
    assert restored_rows.keys() == rows.keys()
    for table in rows:
        assert restored_rows[table] == rows[table], table
    assert media_bytes(media_root) == originals


def test_restore_refuses_an_installation_that_is_not_empty(tmp_path):
    """The command's CommandError: `manage.py restore` says so and exits with 1."""
    fill()
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    with pytest.raises(CommandError, match="not empty .3 user account"):
        call_command("restore", str(tmp_path / "backup"), verbosity=0)


def test_restore_force_puts_back_what_was_changed(settings, tmp_path):
    fill()
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    Case.objects.filter(status=Case.Status.DRAFT).delete()
    UserFactory()
    material = CaseMaterial.objects.first()
    material.file.storage.delete(material.file.name)

    call_command("restore", str(tmp_path / "backup"), force=True, verbosity=0)

    connection.close()
    assert Case.objects.count() == 3
    assert Case.objects.filter(status=Case.Status.DRAFT).exists()
    assert UserFactory._meta.model.objects.count() == 3
    material = CaseMaterial.objects.get(pk=material.pk)
    assert material.file.read() == PDF


def test_a_damaged_backup_is_refused_before_anything_is_touched(settings, tmp_path):
    fill()
    target = tmp_path / "backup"
    call_command("backup", str(target), verbosity=0)
    manifest = json.loads((target / "manifest.json").read_text())
    private = next(n for n in manifest["files"] if "handbook" in n)
    (target / private).write_bytes(b"X" * 15 + b"\n")  # the same size
    fresh = tmp_path / "fresh-media"
    settings.MEDIA_ROOT = fresh
    Case.objects.all().delete()

    with pytest.raises(CommandError, match=r"(?s)damaged.*handbook.*SHA-256"):
        call_command("restore", str(target), force=True, verbosity=0)
    assert Case.objects.count() == 0
    assert not fresh.exists()

    (target / private).unlink()
    with pytest.raises(CommandError, match=r"(?s)handbook.*missing"):
        call_command("restore", str(target), force=True, verbosity=0)


def test_a_backup_needs_a_new_folder_and_a_restore_a_backup(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "something").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "full"), verbosity=0)
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path / "full"), verbosity=0)


def test_dated_backups_are_pruned_to_the_newest(settings, tmp_path, time_machine):
    settings.BACKUP_DIR = tmp_path / "backups"
    (settings.BACKUP_DIR / "keep-me").mkdir(parents=True)
    made = []
    for hour in (1, 2, 3):
        time_machine.move_to(f"2026-12-04T0{hour}:00:00Z")
        call_command("backup", keep=2, verbosity=0)
        made.append(f"20261204-0{hour}0000")
    assert sorted(p.name for p in settings.BACKUP_DIR.iterdir()) == [*made[1:], "keep-me"]
