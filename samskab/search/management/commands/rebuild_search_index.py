import time

from django.core.management.base import BaseCommand

from samskab.search import indexer


class Command(BaseCommand):
    help = "Rebuild the search index from every registered type (cases, news, ...)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = indexer.rebuild(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} documents in {time.perf_counter() - started:.1f} s."
            )
        )
