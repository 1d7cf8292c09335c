import re
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samskab.core.backup import MANIFEST, BackupError, backup

STAMP = "%Y%m%d-%H%M%S"
STAMPED = re.compile(r"^\d{8}-\d{6}$")


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump on PostgreSQL, the online backup API on SQLite) and "
        "the media files into DIR, with a manifest.json of row counts, checksums, the "
        "migration state and the version. Without DIR: a new dated folder in BACKUP_DIR, "
        "keeping the newest BACKUP_KEEP there."
    )

    def add_arguments(self, parser):
        parser.add_argument("dir", nargs="?", help="an empty or new folder")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="without DIR: how many dated backups to keep (default BACKUP_KEEP)",
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        dated = options["dir"] is None
        if dated:
            root = Path(settings.BACKUP_DIR)
            target = root / datetime.now(UTC).strftime(STAMP)
        else:
            target = Path(options["dir"])
        log = self.stdout.write if options["verbosity"] >= 1 else (lambda _message: None)
        try:
            manifest = backup(target, using=options["database"], log=log)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        size = sum(item["size"] for item in manifest["files"].values())
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Backed up to {target} ({size} bytes) in "
                    f"{time.perf_counter() - started:.1f} s."
                )
            )
        for name in manifest["missing_files"]:
            self.stderr.write(f"Warning: the database refers to {name}, which is not stored.")
        if dated:
            keep = options["keep"] if options["keep"] is not None else settings.BACKUP_KEEP
            self.prune(root, keep, options["verbosity"])

    def prune(self, root: Path, keep: int, verbosity: int) -> None:
        if keep < 1:
            return
        backups = sorted(
            p for p in root.iterdir() if STAMPED.match(p.name) and (p / MANIFEST).is_file()
        )
        for old in backups[:-keep]:
            shutil.rmtree(old)
            if verbosity >= 1:
                self.stdout.write(f"Removed the old backup {old}.")
