"""The secretariat's decisions: accepted, waiting list, rejected. The seats hold exactly,
also when two people decide at once: the call's row is locked (SELECT ... FOR UPDATE on
PostgreSQL; SQLite's write transactions begin IMMEDIATE)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require

from .. import emails
from ..models import Application, Call
from .applications import log

S = Application.Status


@transaction.atomic
def decision_set(
    *, actor, application: Application, outcome: str, letter: str = "", send: bool = True
) -> Application:
    """Decide the application; ``letter`` is the text sent to the organisation (the call's
    letter for the outcome, edited by the secretariat)."""
    call = Call.objects.select_for_update().get(pk=application.call_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    require(
        actor,
        "programmes.decide_application",
        application,
        _("Only the secretariat decides, and only on submitted applications."),
    )
    if outcome not in Application.DECISIONS:
        raise ValidationError({"outcome": _("Choose accepted, waiting list or rejected.")})
    if outcome == application.status:
        return application
    if outcome == S.ACCEPTED:
        taken = call.applications.filter(status=S.ACCEPTED).exclude(pk=application.pk).count()
        if taken >= call.seats:
            raise ValidationError(
                {
                    "outcome": _(
                        "All %(seats)s seats are taken. Put the application on the waiting "
                        "list, or first change another decision."
                    )
                    % {"seats": call.seats}
                }
            )
    application.status = outcome
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_at", "updated_at"])
    log(application, f"decided_{outcome}", actor, letter)
    if send and letter.strip():
        emails.letter(application, letter)
    return application
