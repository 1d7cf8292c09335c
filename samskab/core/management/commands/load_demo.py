from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

# Each app that has demo data adds its loader here, in dependency order.
DEMO_LOADERS = [
    "samskab.networks.demo.load",
    "samskab.groups.demo.load",
    "samskab.cases.demo.load",
    "samskab.events.demo.load",
    "samskab.search.demo.load",  # last: indexes what the loaders above created
]


class Command(BaseCommand):
    help = "Load (or refresh) the demo data. Safe to run again: it never duplicates."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not print the log-ins.")

    def handle(self, *args, quiet=False, **options):
        accounts = []
        for path in DEMO_LOADERS:
            result = import_string(path)(stdout=self.stdout)
            if path == "samskab.networks.demo.load":
                accounts = result
        if quiet:
            return
        from samskab.networks.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET

        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo log-ins (password for all: {DEMO_PASSWORD})"))
        for email, label, needs_mfa in accounts:
            mfa = "  [two-factor: run `make totp` for the code]" if needs_mfa else ""
            self.stdout.write(f"  {email:<36} {label}{mfa}")
        self.stdout.write(f"  Authenticator secret for the staff accounts: {DEMO_TOTP_SECRET}")
