import json

from django.core.management.base import BaseCommand

from samskab.cases.exchange import case_to_dict
from samskab.cases.models import Case
from samskab.cases.selectors import export_queryset


class Command(BaseCommand):
    help = 'Write cases in the exchange format ({"cases": [...]}) to a file or stdout.'

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")
        parser.add_argument("--network", help="Only this network's cases (slug).")
        parser.add_argument(
            "--status",
            choices=[c.value for c in Case.Status],
            help="Only cases with this status (default: all).",
        )

    def handle(self, *args, output=None, network=None, status=None, **options):
        qs = Case.objects.select_related("network", "organisation").order_by("slug")
        if network:
            qs = qs.filter(network__slug=network)
        if status:
            qs = qs.filter(status=status)
        data = {"cases": [case_to_dict(case) for case in export_queryset(qs)]}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
            self.stderr.write(f"Wrote {len(data['cases'])} cases to {output}.")
        else:
            self.stdout.write(text, ending="")
