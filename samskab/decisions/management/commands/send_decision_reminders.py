from django.core.management.base import BaseCommand

from samskab.decisions.services import reminders_send


class Command(BaseCommand):
    help = (
        "Remind the municipalities that have not voted, three days before a consultation's "
        "deadline. Idempotent: each consultation's reminder goes out once."
    )

    def handle(self, *args, **options):
        count = reminders_send()
        self.stdout.write(f"{count} consultation reminder(s) queued.")
