"""Backups of an installation and their restore (`manage.py backup`, `manage.py restore`).

A backup is a folder:

    manifest.json      what is in it: per-table row counts, per-file SHA-256 and size, the
                       applied migrations, the app's version, the database vendor
    database.dump      PostgreSQL: `pg_dump --format=custom`
    database.sqlite3   SQLite: a copy made with the online backup API
    media/...          every file in the default storage, under its own name

Only Django's own machinery is used (the connection, its introspection, the migration
recorder and loader, the default storage), so this module knows no app.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMP = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Something an operator must act on; the commands turn it into a CommandError."""


def app_version() -> str:
    try:
        return package_version("samskab")
    except PackageNotFoundError:  # pragma: no cover - an installation without metadata
        return "unknown"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def quote(connection, name: str) -> str:
    return connection.ops.quote_name(name)


# --- PostgreSQL's tools ------------------------------------------------------------------


def pg_environment(settings_dict) -> dict[str, str]:
    """libpq's variables for the connection's settings: the password stays off the
    command line (and out of `ps`)."""
    env = dict(os.environ)
    options = settings_dict.get("OPTIONS") or {}
    pairs = {
        "PGDATABASE": settings_dict.get("NAME"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
        "PGAPPNAME": "samskab-backup",
    }
    for key, value in pairs.items():
        if value:
            env[key] = str(value)
    return env


def pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    # Debian keeps the newest client under /usr/lib/postgresql/<version>/bin as well.
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if candidates:
        return str(candidates[-1])
    raise BackupError(
        f"{name} is not installed; on Debian: apt-get install postgresql-client "
        "(the same major version as the server, or newer)."
    )


def run_tool(args, *, env, stdin=None, stdout=None) -> None:
    result = subprocess.run(  # noqa: S603 - our own arguments, no shell
        args, env=env, stdin=stdin, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise BackupError(f"{Path(args[0]).name} failed: {message}")


# --- Reading a database ------------------------------------------------------------------


def table_names(connection) -> list[str]:
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def row_counts(connection, tables=None) -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in tables if tables is not None else table_names(connection):
            cursor.execute(f"SELECT count(*) FROM {quote(connection, table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def sqlite_row_counts(path: Path) -> dict[str, int]:
    source = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in source.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {t: source.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608
    finally:
        source.close()


def applied_migrations(connection) -> list[str]:
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def known_migrations() -> set[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def user_count(connection) -> int:
    """Rows in the user table (0 when it does not exist yet): an installation where nobody
    has an account is an empty one; `migrate` alone fills only its own tables."""
    table = apps.get_model(settings.AUTH_USER_MODEL)._meta.db_table
    if table not in table_names(connection):
        return 0
    return row_counts(connection, [table])[table]


def file_references() -> set[str]:
    """Every file name a FileField in the database refers to."""
    names: set[str] = set()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if getattr(field, "attname", None) and field.get_internal_type() in {
                "FileField",
                "ImageField",
            }:
                values = model._base_manager.exclude(**{field.attname: ""}).values_list(
                    field.attname, flat=True
                )
                names.update(value for value in values if value)
    return names


# --- The media storage -------------------------------------------------------------------


def storage_files(storage=None, folder: str = "") -> list[str]:
    """Every file in the storage, as names relative to its root (sorted)."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names.extend(storage_files(storage, f"{folder}/{sub}" if folder else sub))
    return sorted(names)


def copy_with_digest(source, target) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        target.write(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def safe_relative(name: str) -> str:
    """A manifest's file name as a relative path that cannot leave the backup folder."""
    parts = Path(name).parts
    if not parts or Path(name).is_absolute() or ".." in parts:
        raise BackupError(f"The manifest names a file outside the backup: {name!r}")
    return name


# --- Backup ------------------------------------------------------------------------------


def backup(target: Path, *, using: str = "default", log=print) -> dict:
    """Write a backup of the database `using` and of the default storage into `target`
    (created; it must be empty or absent). Returns the manifest."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty; a backup goes into a new folder.")
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o700)  # personal data: for the service's user only
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in DUMP:
        raise BackupError(f"Backups of {vendor} databases are not supported.")
    dump = target / DUMP[vendor]
    partial = target / f".{DUMP[vendor]}.partial"
    if vendor == "postgresql":
        tables, migrations = _dump_postgresql(connection, partial)
    else:
        tables, migrations = _dump_sqlite(connection, partial)
    partial.rename(dump)
    files = {DUMP[vendor]: {"sha256": sha256_of(dump), "size": dump.stat().st_size}}
    log(f"Database: {len(tables)} tables, {sum(tables.values())} rows -> {dump.name}")

    # Files after the database: a file is never changed in place, so every file a row of
    # the dump refers to is here, unless it was deleted meanwhile (listed as missing).
    media_files = storage_files()
    for name in media_files:
        path = target / MEDIA / safe_relative(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, open(path, "wb") as out:
            digest, size = copy_with_digest(source, out)
        files[f"{MEDIA}/{name}"] = {"sha256": digest, "size": size}
    media_size = sum(f["size"] for n, f in files.items() if n.startswith(f"{MEDIA}/"))
    log(f"Media: {len(media_files)} files, {media_size} bytes")
    missing = sorted(file_references() - set(media_files)) if using == "default" else []
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "app_version": app_version(),
        "database": {"vendor": vendor, "file": DUMP[vendor]},
        "migrations": migrations,
        "tables": tables,
        "files": files,
        "missing_files": missing,
    }
    manifest_path = target / MANIFEST
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return manifest


def _dump_postgresql(connection, path: Path):
    """`pg_dump` in the snapshot the counts are taken in, so they describe the dump exactly
    even while the site is being written to."""
    # A connection of its own for the exported snapshot, outside Django's transaction
    # handling (a snapshot lives as long as the transaction that exported it).
    import psycopg

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    with psycopg.connect(**params, autocommit=False) as snapshot_conn:
        with snapshot_conn.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            run_tool(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={path}",
                ],
                env=pg_environment(connection.settings_dict),
            )
            cursor.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                "ORDER BY table_name"
            )
            tables = [row[0] for row in cursor.fetchall()]
            counts = {}
            for table in tables:
                cursor.execute(f"SELECT count(*) FROM {quote(connection, table)}")  # noqa: S608
                counts[table] = cursor.fetchone()[0]
            migrations = []
            if "django_migrations" in counts:
                cursor.execute("SELECT app, name FROM django_migrations")
                migrations = sorted(f"{app}.{name}" for app, name in cursor.fetchall())
        snapshot_conn.rollback()
    return counts, migrations


def _dump_sqlite(connection, path: Path):
    """SQLite's online backup API: a consistent copy while others read and write."""
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    counts = sqlite_row_counts(path)
    migrations = []
    if "django_migrations" in counts:
        copy = sqlite3.connect(path)
        try:
            rows = copy.execute("SELECT app, name FROM django_migrations")
            migrations = sorted(f"{app}.{name}" for app, name in rows)
        finally:
            copy.close()
    return counts, migrations


# --- Restore -----------------------------------------------------------------------------


def read_manifest(source: Path) -> dict:
    path = Path(source) / MANIFEST
    if not path.is_file():
        raise BackupError(f"{source} is not a backup: it has no {MANIFEST}.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise BackupError(f"{path} is not valid JSON: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: unknown backup format {manifest.get('format')!r}.")
    return manifest


def verify_files(source: Path, manifest: dict) -> int:
    """Every file of the manifest is there with its size and SHA-256. Returns bytes read."""
    problems = []
    total = 0
    for name, expected in sorted(manifest["files"].items()):
        path = Path(source) / safe_relative(name)
        if not path.is_file():
            problems.append(f"{name}: missing")
            continue
        size = path.stat().st_size
        total += size
        if size != expected["size"]:
            problems.append(f"{name}: {size} bytes, the manifest says {expected['size']}")
        elif sha256_of(path) != expected["sha256"]:
            problems.append(f"{name}: its SHA-256 differs from the manifest's")
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BackupError(
            f"The backup in {source} is damaged; nothing was restored:\n  {shown}{more}"
        )
    return total


def restore(source: Path, *, using: str = "default", force: bool = False, log=print) -> dict:
    source = Path(source)
    manifest = read_manifest(source)
    connection = connections[using]
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"The backup is of a {vendor} database and this installation uses "
            f"{connection.vendor}. Restore it into {vendor}"
            + (" and then run `manage.py migrate_to_postgres`." if vendor == "sqlite" else ".")
        )
    unknown = sorted(set(manifest["migrations"]) - known_migrations())
    if unknown:
        raise BackupError(
            f"The backup was made by a newer version of Samskab ({manifest['app_version']}): "
            f"this code does not know its migrations {', '.join(unknown[:5])}"
            f"{' …' if len(unknown) > 5 else ''}. Install that version first."
        )
    size = verify_files(source, manifest)
    log(f"Checked {len(manifest['files'])} files ({size} bytes) against the manifest.")

    users = user_count(connection)
    present = storage_files()
    if (users or present) and not force:
        found = []
        if users:
            found.append(f"{users} user account(s) in the database")
        if present:
            found.append(f"{len(present)} file(s) in the media storage")
        raise BackupError(
            "This installation is not empty (" + " and ".join(found) + "). restore replaces "
            "its database and writes the backup's files: run it on a new installation, or "
            "pass --force to overwrite this one."
        )

    dump = source / manifest["database"]["file"]
    if vendor == "postgresql":
        _restore_postgresql(connection, dump)
    else:
        _restore_sqlite(connection, dump)
    connection.close()

    media = {n: f for n, f in manifest["files"].items() if n.startswith(f"{MEDIA}/")}
    for name in sorted(media):
        stored = name.removeprefix(f"{MEDIA}/")
        if default_storage.exists(stored):
            default_storage.delete(stored)  # only with --force: the check above
        with open(source / name, "rb") as handle:
            saved = default_storage.save(stored, File(handle, name=stored))
        if saved != stored:
            raise BackupError(f"The storage saved {stored} as {saved}.")
    log(f"Media: wrote {len(media)} files.")

    problems = _check_after(connection, manifest, media)
    if problems:
        listed = "\n  ".join(problems)
        raise BackupError(f"The restored installation differs from the backup:\n  {listed}")
    unapplied = sorted(known_migrations() - set(manifest["migrations"]))
    if unapplied:
        log(
            f"The code has {len(unapplied)} migration(s) the backup had not applied: run "
            "`manage.py migrate` now."
        )
    return manifest


def _check_after(connection, manifest, media) -> list[str]:
    problems = []
    present = set(table_names(connection))
    counts = row_counts(connection, [t for t in manifest["tables"] if t in present])
    for table, expected in sorted(manifest["tables"].items()):
        if table not in counts:
            problems.append(f"table {table}: missing")
        elif counts[table] != expected:
            problems.append(f"table {table}: {counts[table]} rows, the backup has {expected}")
    for name, expected in sorted(media.items()):
        digest = hashlib.sha256()
        with default_storage.open(name.removeprefix(f"{MEDIA}/"), "rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != expected["sha256"]:
            problems.append(f"{name}: the stored file differs from the backup's")
    return problems


def _restore_postgresql(connection, dump: Path) -> None:
    """Drop what is there and load the dump in one transaction (psql --single-transaction):
    a failure leaves the database as it was."""
    env = pg_environment(connection.settings_dict)
    existing = table_names(connection)
    connection.close()
    with tempfile.TemporaryFile() as script:
        if existing:
            names = ", ".join(quote(connection, t) for t in existing)
            script.write(f"DROP TABLE IF EXISTS {names} CASCADE;\n".encode())
        script.flush()
        with tempfile.TemporaryFile() as sql:
            run_tool(
                [
                    pg_tool("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    "--clean",
                    "--if-exists",
                    "--file=-",
                    str(dump),
                ],  # fmt: skip
                env=env,
                stdout=sql,
            )
            sql.seek(0)
            shutil.copyfileobj(sql, script)
        script.seek(0)
        run_tool(
            [pg_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction",
             "--set=ON_ERROR_STOP=1", "--file=-"],
            env=env,
            stdin=script,
        )  # fmt: skip


def _restore_sqlite(connection, dump: Path) -> None:
    """The backup API the other way: the whole database file replaced, page by page, in
    one step that other connections see atomically."""
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
