from django_tasks import task


@task()
def send_decision_reminders() -> int:
    """Queue the reminders that are due (safe to run as often as you like)."""
    from .services import reminders_send

    return reminders_send()
