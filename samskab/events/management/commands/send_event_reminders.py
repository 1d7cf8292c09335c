from django.core.management.base import BaseCommand

from samskab.events.services import send_event_reminders


class Command(BaseCommand):
    help = (
        "Send the event reminders that are due. Idempotent: run it every few minutes "
        "(cron, systemd timer); nobody gets a reminder twice."
    )

    def handle(self, *args, **options):
        count = send_event_reminders()
        self.stdout.write(f"{count} reminder(s) queued.")
