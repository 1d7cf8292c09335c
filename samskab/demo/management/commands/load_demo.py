from django.core.management.base import BaseCommand

from samskab.demo import cases, decisions, events, groups, networks, news, programmes, search
from samskab.demo.networks import DEMO_PASSWORD, DEMO_TOTP_SECRET

# Each app that has demo data has its loader here, in dependency order.
DEMO_LOADERS = [
    networks.load,
    groups.load,
    decisions.load,
    cases.load,
    events.load,
    programmes.load,
    news.load,  # after the loaders of what articles link to
    search.load,  # last: indexes what the loaders above created
]


class Command(BaseCommand):
    help = "Load (or refresh) the demo data. Safe to run again: it never duplicates."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not print the log-ins.")

    def handle(self, *args, quiet=False, **options):
        accounts = []
        for load in DEMO_LOADERS:
            result = load(stdout=self.stdout)
            if load is networks.load:
                accounts = result
        if quiet:
            return
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo log-ins (password for all: {DEMO_PASSWORD})"))
        for email, label, needs_mfa in accounts:
            mfa = "  [two-factor: run `make totp` for the code]" if needs_mfa else ""
            self.stdout.write(f"  {email:<36} {label}{mfa}")
        self.stdout.write(f"  Authenticator secret for the staff accounts: {DEMO_TOTP_SECRET}")
