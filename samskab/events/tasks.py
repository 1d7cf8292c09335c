from django_tasks import task


@task()
def send_event_reminders() -> int:
    """Queue the reminders that are due (safe to run as often as you like)."""
    from .services import send_event_reminders as send

    return send()
