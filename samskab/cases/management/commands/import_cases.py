import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from samskab.cases.services import ImportError_, cases_import
from samskab.core.guards import OPERATOR


class Command(BaseCommand):
    help = (
        "Import cases in the exchange format. Idempotent by slug; a file with an error "
        "saves nothing and names the case and field."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help='A JSON file {"cases": [...]}.')

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8") as fh:
                data = json.load(fh)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise CommandError(f"{file} is not valid JSON: {exc}") from exc
        try:
            # The import's messages name fields of the (English) exchange format.
            with translation.override("en"):
                result = cases_import(actor=OPERATOR, data=data)
        except ImportError_ as exc:
            raise CommandError("Nothing was imported:\n" + "\n".join(exc.errors)) from exc
        self.stdout.write(
            f"Imported {result['created']} new and updated {result['updated']} existing cases."
        )
