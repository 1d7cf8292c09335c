"""Community champions (fællesskabsagenter): volunteers a municipality records with the
consent they gave, up to the edition's most, invited as guests to the network meetings
and the conference through the events' registrations (their e-mail carries the events'
signed cancel link)."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.core.guards import require
from samskab.core.text import single_line
from samskab.events import services as event_services
from samskab.events.models import Registration
from samskab.events.services.registrations import cancel

from ..models import Application, Champion, Edition, Session

CONSENT_TEXT = gettext_lazy(
    "I agree that the network keeps my name, e-mail, phone and area for the programme, "
    "shows them only to my municipality and the secretariat, and invites me to the "
    "network meeting and the conference. I may withdraw my consent at any time."
)
GUEST_KINDS = ("network_meeting", "conference")
ONLY_THEIRS = gettext_lazy("Only the municipality and the secretariat see its champions.")


@transaction.atomic
def champion_add(
    *,
    actor,
    application: Application,
    name: str,
    email: str = "",
    phone: str = "",
    area: str = "",
    consent: bool = False,
) -> Champion:
    """Record a champion with the consent they gave now (the text shown, in the language
    of the page). No more than the edition's most per municipality."""
    require(actor, "programmes.manage_champions", application, ONLY_THEIRS)
    application = (
        Application.objects.select_for_update()
        .select_related("call__edition")
        .get(pk=application.pk)
    )
    if not consent:
        raise ValidationError(
            {"consent": _("A champion is recorded only with the consent they gave.")}
        )
    email = email.strip().lower()
    if email:
        validate_email(email)
    edition = application.call.edition
    if application.champions.count() >= edition.champion_max:
        raise ValidationError(
            _("The municipality has %(max)s champions, the most this edition allows.")
            % {"max": edition.champion_max}
        )
    champion = Champion(
        application=application,
        name=single_line(name),
        email=email,
        phone=single_line(phone),
        area=single_line(area),
        consent_text=str(CONSENT_TEXT),
        consented_at=timezone.now(),
        created_by=actor,
    )
    champion.full_clean()
    champion.save()
    return champion


@transaction.atomic
def champion_remove(*, actor, champion: Champion) -> None:
    """Remove a champion (withdrawn consent): their coming guest registrations are
    cancelled and their data deleted."""
    require(actor, "programmes.manage_champions", champion.application, ONLY_THEIRS)
    if champion.email:
        for registration in Registration.objects.active().filter(
            email=champion.email,
            event__programme_session__edition_id=champion.application.call.edition_id,
            event__starts_at__gt=timezone.now(),
        ):
            # The saving half of the events' cancellation: the rule checked here is ours.
            cancel(registration, actor=actor, notify=True)
    champion.delete()


@transaction.atomic
def edition_invite_champions(*, actor, edition: Edition) -> dict:
    """Sign up every accepted municipality's champions as guests to the coming network
    meetings and the conference (whoever is signed up already is left alone)."""
    require(
        actor, "programmes.manage_sessions", edition, _("Only the secretariat invites champions.")
    )
    sessions = list(
        Session.objects.filter(
            edition=edition,
            event__kind__in=GUEST_KINDS,
            event__cancelled_at=None,
            event__starts_at__gt=timezone.now(),
        ).select_related("event__network")
    )
    champions = list(
        Champion.objects.filter(
            application__call__edition=edition, application__status=Application.Status.ACCEPTED
        )
        .exclude(email="")
        .select_related("application__organisation")
    )
    active = set(
        Registration.objects.active()
        .filter(event__programme_session__edition=edition)
        .values_list("event_id", "email")
    )
    counts = {"invited": 0, "already": 0}
    for session in sessions:
        for champion in champions:
            if (session.event_id, champion.email) in active:
                counts["already"] += 1
                continue
            event_services.registration_create(
                actor=actor,
                event=session.event,
                attendee=event_services.Attendee(
                    name=champion.name,
                    email=champion.email,
                    organisation=champion.application.organisation.name,
                ),
            )
            counts["invited"] += 1
    return counts
