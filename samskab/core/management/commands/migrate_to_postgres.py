import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections

from samskab.core.backup import applied_migrations, user_count
from samskab.core.dbcopy import add_sqlite_alias, copied_models, copy_rows, count, remove_alias


class Command(BaseCommand):
    help = (
        "Move a network that started on SQLite to PostgreSQL: migrate the PostgreSQL "
        "database (DATABASE_URL), then copy every table's rows from the SQLite file, with "
        "their ids, in one transaction, reset the sequences and compare the row counts. "
        "The media files stay where they are. Refuses a PostgreSQL database that has user "
        "accounts unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="source", required=True, help="the SQLite file (read only)"
        )
        parser.add_argument("--database", default="default", help="the PostgreSQL alias")
        parser.add_argument(
            "--force", action="store_true", help="replace the target's data if it has any"
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        target = options["database"]
        if connections[target].vendor != "postgresql":
            raise CommandError(
                "The target database is not PostgreSQL: set DATABASE_URL to the new "
                "PostgreSQL database (postgres://user:password@host/name) and run this again."
            )
        path = Path(options["source"])
        if not path.is_file():
            raise CommandError(f"{path} does not exist.")
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise CommandError(f"{path} is not a SQLite database.")
        verbose = options["verbosity"] >= 1
        log = self.stdout.write if options["verbosity"] >= 2 else (lambda _message: None)
        source = add_sqlite_alias(path)
        try:
            self.migrate(source, target, verbose)
            if user_count(connections[target]) and not options["force"]:
                raise CommandError(
                    f"The PostgreSQL database {connections[target].settings_dict['NAME']} "
                    f"already has {user_count(connections[target])} user account(s); "
                    "migrate_to_postgres replaces everything in it. Use a new database, or "
                    "pass --force."
                )
            try:
                copied = copy_rows(source, target, log=log)
            except DatabaseError as exc:
                raise CommandError(
                    f"PostgreSQL refused a row ({exc}). Nothing was copied; correct the row "
                    "in the SQLite database and run this again."
                ) from exc
            differ = [
                f"{m._meta.db_table}: {count(source, m)} in SQLite, {count(target, m)} here"
                for m in copied_models()
                if count(source, m) != count(target, m)
            ]
            if differ:
                raise CommandError("The row counts differ:\n  " + "\n  ".join(differ))
        finally:
            remove_alias(source)
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Copied {sum(copied.values())} rows in {len(copied)} tables from {path} "
                    f"in {time.perf_counter() - started:.1f} s; the counts match. Keep "
                    "MEDIA_ROOT (or copy it) and point DATABASE_URL at PostgreSQL."
                )
            )

    def migrate(self, source, target, verbose):
        """The target gets the code's schema; the source must be at the same migrations."""
        call_command("migrate", database=target, interactive=False, verbosity=0)
        have = set(applied_migrations(connections[source]))
        want = set(applied_migrations(connections[target]))
        if have != want:
            missing = sorted(want - have)
            unknown = sorted(have - want)
            detail = []
            if missing:
                detail.append(f"not applied there: {', '.join(missing[:5])}")
            if unknown:
                detail.append(f"unknown to this code: {', '.join(unknown[:5])}")
            raise CommandError(
                "The SQLite database is not at this code's migrations ("
                + "; ".join(detail)
                + "). Run `DATABASE_URL=sqlite:///<file> manage.py migrate` with this "
                "code first (or install the code that made it)."
            )
        if verbose:
            self.stdout.write(f"PostgreSQL migrated; both at {len(want)} migrations.")
