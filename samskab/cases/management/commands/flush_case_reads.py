from django.core.management.base import BaseCommand

from samskab.cases.services import case_reads_flush


class Command(BaseCommand):
    help = (
        "Write the case readings counted in the cache (READ_COUNTS_IN_CACHE) to the "
        "database. Safe to run at any time and as often as you like (e.g. every minute)."
    )

    def handle(self, *args, **options):
        written = case_reads_flush()
        if options["verbosity"]:
            self.stdout.write(f"{written} readings written.")
