from django_tasks import task


@task()
def send_decision_reminders() -> int:
    """Queue the reminders that are due (safe to run as often as you like)."""
    from .services import send_reminders

    return send_reminders()
