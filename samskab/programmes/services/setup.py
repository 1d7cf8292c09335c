"""The secretariat's set-up: programmes, editions (and copying one to the next year) and
calls. Deadlines are typed as local dates and times in the network's time zone."""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.core.guards import require
from samskab.core.text import single_line, slugify
from samskab.formbuilder import services as form_services

from ..models import Call, Criterion, Edition, Programme, Track
from .reviews import criteria_set

RESERVED = {"new", "applications", "reviewer-invitations"}  # addresses of the app's own pages
END_OF_DAY = datetime.time(23, 59, 59)
PROGRAMME_FIELDS = (
    "name",
    "lead",
    "purpose",
    "funder",
    "participation",
    "contact_name",
    "contact_title",
    "contact_email",
)
SINGLE_LINE = {"name", "lead", "funder", "contact_name", "contact_title"}
EDITION_FIELDS = ("year", "focus", "description", "timeline", "champion_target", "champion_max")


def _unique_slug(network, name: str, exclude=None) -> str:
    base = slugify(name)[:100] or "programme"
    if base in RESERVED:
        base = f"{base}-programme"
    slug, n = base, 2
    existing = Programme.objects.filter(network=network)
    if exclude is not None:
        existing = existing.exclude(pk=exclude.pk)
    while existing.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


@transaction.atomic
def programme_save(*, actor, network, data: dict, programme: Programme | None = None) -> Programme:
    """Create a programme in ``network`` or change ``programme``. Its address is made from
    the name once and kept when the name changes."""
    if programme is None:
        require(actor, "programmes.add_programme", network, _("Only the secretariat does this."))
        programme = Programme(network=network)
    else:
        require(
            actor, "programmes.change_programme", programme, _("Only the secretariat does this.")
        )
    for key in PROGRAMME_FIELDS:
        if key in data:
            value = data[key] or ""
            setattr(programme, key, single_line(value) if key in SINGLE_LINE else value)
    if not programme.slug:
        programme.slug = _unique_slug(network, programme.name)
    programme.full_clean()
    programme.save()
    return programme


def _tracks(edition: Edition, names: list[str], confirm_remove: bool = False) -> None:
    names = [single_line(n) for n in names if single_line(n)]
    existing = list(edition.tracks.all())
    removed = existing[len(names) :]
    if removed and not confirm_remove:
        planned = [t.name for t in removed if t.session_tracks.exists()]
        if planned:
            raise ValidationError(
                {
                    "tracks": _(
                        "%(tracks)s has sessions and topics, which are removed with it. "
                        "Tick “Remove tracks with their topics” to go ahead."
                    )
                    % {"tracks": ", ".join(planned)}
                }
            )
    for position, name in enumerate(names):
        if position < len(existing):
            track = existing[position]
            track.name, track.position = name, position
            track.save(update_fields=["name", "position"])
        else:
            Track.objects.create(edition=edition, name=name, position=position)
    for track in existing[len(names) :]:
        track.delete()


@transaction.atomic
def edition_save(
    *,
    actor,
    programme: Programme,
    data: dict,
    tracks: list[str] | None = None,
    edition: Edition | None = None,
    confirm_remove: bool = False,
) -> Edition:
    """Create or change an edition and its tracks (by position: the first line renames the
    first track). Removing a track that has sessions and topics needs ``confirm_remove``."""
    if edition is None:
        require(
            actor, "programmes.change_programme", programme, _("Only the secretariat does this.")
        )
        edition = Edition(programme=programme)
    else:
        require(actor, "programmes.change_edition", edition, _("Only the secretariat does this."))
    for key in EDITION_FIELDS:
        if key in ("champion_target", "champion_max") and data.get(key) is None:
            continue  # left empty: the edition keeps what it has (5 and 8 by default)
        if key in data:
            setattr(edition, key, data[key] if data[key] is not None else "")
    if edition.champion_max < edition.champion_target:
        raise ValidationError(
            {"champion_max": _("The most champions cannot be fewer than the target.")}
        )
    if (
        Edition.objects.filter(programme=programme, year=edition.year)
        .exclude(pk=edition.pk)
        .exists()
    ):
        raise ValidationError({"year": _("The programme already has an edition that year.")})
    edition.full_clean()
    edition.save()
    if tracks is not None:
        _tracks(edition, tracks, confirm_remove=confirm_remove)
    return edition


def _reviewer_accounts(addresses: list[str]):
    """The accounts of the named reviewers, by their e-mail addresses."""
    User = get_user_model()  # noqa: N806
    wanted = {a.strip().lower() for a in addresses if a.strip()}
    users = list(User.objects.filter(email__in=wanted))
    unknown = wanted - {u.email.lower() for u in users}
    if unknown:
        raise ValidationError(
            {
                "reviewers": _("No account has the address %(addresses)s.")
                % {"addresses": ", ".join(sorted(unknown))}
            }
        )
    return users


def local_moment(network, day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A local date and time in the network's time zone, as an aware datetime."""
    return datetime.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(network.time_zone))


@transaction.atomic
def call_save(
    *,
    actor,
    edition: Edition,
    opens_on: datetime.date,
    deadline_on: datetime.date,
    deadline_time: datetime.time | None = None,
    seats: int,
    eligibility: str,
    text: str = "",
    listed_organisations=(),
    letters: dict | None = None,
    criteria: list[tuple[str, int, int]] | None = None,
    reviewers: list[str] | None = None,
) -> Call:
    """Open a call on the edition, or change it. It opens at local midnight of
    ``opens_on``; "until 1 February" closes at 23:59:59 local time that day unless another
    time is given."""
    require(actor, "programmes.change_edition", edition, _("Only the secretariat does this."))
    network = edition.programme.network
    call = Call.objects.filter(edition=edition).first()
    opens_at = local_moment(network, opens_on, datetime.time(0, 0))
    deadline_at = local_moment(network, deadline_on, deadline_time or END_OF_DAY)
    if deadline_at <= opens_at:
        raise ValidationError({"deadline_on": _("The deadline must come after the opening.")})
    if seats < 1:
        raise ValidationError({"seats": _("A call needs at least one seat.")})
    if eligibility not in Call.Eligibility.values:
        raise ValidationError({"eligibility": _("Choose who may apply.")})
    listed = list(listed_organisations)
    if eligibility == Call.Eligibility.LISTED and not listed:
        raise ValidationError({"listed_organisations": _("List the organisations that may apply.")})
    if call is None:
        form = form_services.form_create(
            actor=actor, network=network, name=_("Application: %(edition)s") % {"edition": edition}
        )
        call = Call(edition=edition, form=form)
    call.opens_at, call.deadline_at = opens_at, deadline_at
    call.seats, call.eligibility, call.text = seats, eligibility, text
    for key, value in (letters or {}).items():
        setattr(call, f"letter_{key}", value or "")
    call.full_clean(exclude=["form"])
    call.save()
    call.listed_organisations.set(listed)
    if reviewers is not None:
        kept = _reviewer_accounts(reviewers)
        removed = set(call.reviewers.values_list("pk", flat=True)) - {u.pk for u in kept}
        call.reviewers.set(kept)
        # A reviewer taken off the list here loses their accepted invitation too.
        call.reviewer_invitations.filter(accepted_by__in=removed, revoked_at=None).update(
            revoked_at=timezone.now(), revoked_by=actor
        )
    if criteria is not None:
        criteria_set(actor=actor, call=call, criteria=criteria)
    return call


@transaction.atomic
def edition_copy(*, actor, edition: Edition, year: int | None = None) -> Edition:
    """The edition again for the next year (or ``year``): its texts, tracks and call (a copy
    of the form, the dates moved by the same number of years, no applications)."""
    require(actor, "programmes.change_edition", edition, _("Only the secretariat does this."))
    year = year or edition.year + 1
    programme = edition.programme
    if Edition.objects.filter(programme=programme, year=year).exists():
        raise ValidationError({"year": _("The programme already has an edition that year.")})
    copy = Edition.objects.create(
        programme=programme,
        year=year,
        focus=edition.focus,
        description=edition.description,
        timeline=edition.timeline,
    )
    for track in edition.tracks.all():
        Track.objects.create(
            edition=copy, name=track.name, description=track.description, position=track.position
        )
    call = Call.objects.filter(edition=edition).first()
    if call is not None:
        shift = year - edition.year
        tz = zoneinfo.ZoneInfo(programme.network.time_zone)
        form = form_services.form_duplicate(
            actor=actor, form=call.form, name=_("Application: %(edition)s") % {"edition": copy}
        )
        new_call = Call.objects.create(
            edition=copy,
            form=form,
            opens_at=_shift_years(call.opens_at, shift, tz),
            deadline_at=_shift_years(call.deadline_at, shift, tz),
            seats=call.seats,
            eligibility=call.eligibility,
            text=call.text,
            letter_accepted=call.letter_accepted,
            letter_waiting=call.letter_waiting,
            letter_rejected=call.letter_rejected,
        )
        new_call.listed_organisations.set(call.listed_organisations.all())
        for criterion in call.criteria.all():
            Criterion.objects.create(
                call=new_call,
                name=criterion.name,
                scale_min=criterion.scale_min,
                scale_max=criterion.scale_max,
                position=criterion.position,
            )
    return copy


def _shift_years(moment: datetime.datetime, years: int, tz) -> datetime.datetime:
    local = moment.astimezone(tz)
    try:
        day = local.date().replace(year=local.year + years)
    except ValueError:  # 29 February
        day = local.date().replace(year=local.year + years, day=28)
    return datetime.datetime.combine(day, local.time().replace(tzinfo=None), tzinfo=tz)
