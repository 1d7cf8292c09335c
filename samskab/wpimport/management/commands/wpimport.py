import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from samskab.core.guards import OPERATOR
from samskab.networks.models import Network
from samskab.wpimport.report import report_lines
from samskab.wpimport.services import site_import


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR) into a network: posts as news, pages, files from "
        "a local uploads folder, and the old addresses as permanent redirects. Run it again "
        "to update; --dry-run reports and saves nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The WordPress export (Tools > Export), an .xml file.")
        parser.add_argument("--network", required=True, help="The network's slug.")
        parser.add_argument("--uploads", help="A local copy of wp-content/uploads.")
        parser.add_argument(
            "--language",
            choices=["da", "nb", "en"],
            help="The posts' language (default: the export's, else the network's).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report only; save nothing.")
        parser.add_argument("--report", help="Also write the report as JSON to this file.")

    def handle(self, *args, file, network, uploads, language, dry_run, report, **options):
        found = Network.objects.filter(slug=network).first()
        if found is None:
            raise CommandError(f"No network with the slug {network!r}.")
        with translation.override(found.default_language):
            try:
                result = site_import(
                    actor=OPERATOR,
                    network=found,
                    path=file,
                    uploads=uploads,
                    language=language,
                    dry_run=dry_run,
                )
            except ValidationError as exc:
                raise CommandError(_("Nothing was imported: ") + " ".join(exc.messages)) from exc
            for line in report_lines(result):
                self.stdout.write(line)
        if report:
            with open(report, "w", encoding="utf-8") as fh:
                json.dump(result.as_dict(), fh, ensure_ascii=False, indent=2)
