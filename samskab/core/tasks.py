"""Background work through the Django tasks API (``django-tasks`` backport)."""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django_tasks import task

from .text import single_line


@task()
def send_email(
    *, subject: str, body: str, to: list[str], html: str = "", attachments: list | None = None
) -> int:
    """Send one e-mail. ``attachments`` is a list of ``[filename, text_content, mimetype]``.
    The subject is put on one line: a title with a line break must not lose the mail
    (Django refuses such a header)."""
    message = EmailMultiAlternatives(subject=single_line(subject), body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return message.send()


def enqueue_on_commit(task_obj, **kwargs) -> None:
    """Enqueue a task once the current transaction commits, so a rolled-back change never
    sends mail or does work for data that does not exist."""
    transaction.on_commit(lambda: task_obj.enqueue(**kwargs))
