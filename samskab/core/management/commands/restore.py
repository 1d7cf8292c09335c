import time

from django.core.management.base import BaseCommand, CommandError

from samskab.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into this installation: checks every "
        "file's checksum first, replaces the database, writes the media files, then checks "
        "every table's row count. Refuses an installation that is not empty (it has user "
        "accounts or media files) unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("dir", help="the backup's folder (with its manifest.json)")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the database and overwrite media files even when they hold data",
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        log = self.stdout.write if options["verbosity"] >= 1 else (lambda _message: None)
        try:
            manifest = restore(
                options["dir"], using=options["database"], force=options["force"], log=log
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] >= 1:
            rows = sum(manifest["tables"].values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Restored {rows} rows in {len(manifest['tables'])} tables and "
                    f"{sum(1 for n in manifest['files'] if n.startswith('media/'))} files "
                    f"from {options['dir']} (made {manifest['created_at']} by version "
                    f"{manifest['app_version']}) in {time.perf_counter() - started:.1f} s."
                )
            )
