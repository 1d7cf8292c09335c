from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samskab.networks.services import OrganisationImportError, organisations_import_csv


class Command(BaseCommand):
    help = (
        "Create or update organisations from a CSV file with the columns name, kind, code, "
        "country, website. Re-running updates, never duplicates; a bad row stops the import "
        "with its line number and nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise CommandError(f"{file}: no such file") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file}: not UTF-8 text") from exc
        try:
            result = organisations_import_csv(text=text)
        except OrganisationImportError as exc:
            for line, message in exc.errors:
                self.stderr.write(f"{file}:{line}: {message}")
            raise CommandError(f"Nothing was imported: {len(exc.errors)} bad row(s).") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged."
            )
        )
