"""Demo programmes: Netværk for Fællesskabsagenter with its 2014 edition (a closed call
with a dozen applications in every state, decided by the secretariat) and its 2015 edition
(an open call, so the demo's municipalities can apply), and a Norwegian programme in Sunne
kommuner. Idempotent: objects are found again by their natural keys."""

import datetime
import zoneinfo

from django.db import transaction
from django.utils import timezone

from samskab.accounts.models import Person, User
from samskab.events.models import Event
from samskab.formbuilder.models import Form, FormVersion
from samskab.formbuilder.schema import validate_definition
from samskab.networks.models import Network, Organisation, Role
from samskab.programmes.models import (
    Application,
    ApplicationLogEntry,
    Call,
    Criterion,
    Edition,
    Programme,
    Review,
    Score,
    Session,
    SessionTrack,
    Track,
)

from .data import programmes as data

S = Application.Status


def _form(network, name, definition):
    form, _ = Form.objects.get_or_create(network=network, name=name)
    if not form.versions.exists():
        validate_definition(definition)
        FormVersion.objects.create(form=form, number=1, definition=definition)
    return form


def _edition(programme, spec):
    edition, _ = Edition.objects.update_or_create(
        programme=programme,
        year=spec["year"],
        defaults={k: spec.get(k, "") for k in ("focus", "description", "timeline")},
    )
    for position, name in enumerate(spec.get("tracks", [])):
        Track.objects.get_or_create(edition=edition, name=name, defaults={"position": position})
    return edition


def _call(edition, form, opens, deadline, seats, eligibility, text):
    call, _ = Call.objects.update_or_create(
        edition=edition,
        defaults={
            "form": form,
            "opens_at": opens,
            "deadline_at": deadline,
            "seats": seats,
            "eligibility": eligibility,
            "text": text,
            "letter_accepted": data.LETTERS["accepted"],
            "letter_waiting": data.LETTERS["waiting"],
            "letter_rejected": data.LETTERS["rejected"],
        },
    )
    return call


def _answers(name: str, n: int) -> dict:
    town = name.replace(" Kommune", "").replace("s Kommune", "")
    return {
        "kommune": name,
        "kontakt": [{"role": "kontakt", "name": f"Demo Kontakt {n}", "title": "Sundhedskonsulent"}],
        "deltagere": [
            {"role": "leder", "name": f"Demo Leder {n}", "title": "Sundhedschef"},
            {"role": "medarbejder", "name": f"Demo Medarbejder {n}", "title": "Projektleder"},
            {"role": "bolig", "name": f"Demo Boligsocial {n}", "title": "Boligsocial medarbejder"},
        ],
        "maal": f"Vi vil sammen med borgerne i {town} skabe flere fællesskaber og mere lighed "
        "i sundhed.",
        "lokalomraade": "Området har et aktivt foreningsliv og et stærkt beboerdemokrati, men "
        "også mange borgere uden for arbejdsmarkedet og få mødesteder.",
        "partnerskaber": "Det lokale frivillighedscenter, boligforeningen og idrætsforeningen.",
        "omraade": f"Et boligområde i {town}",
    }


def _sessions(edition, staff, tz):
    """The edition's sessions (events for invited people) with their topics per track."""
    tracks = {t.name: t for t in edition.tracks.all()}
    network = edition.programme.network
    for title, kind, (y, m, d), venue, topics in data.SESSIONS_2014:
        starts = datetime.datetime(y, m, d, 9, 30, tzinfo=tz)
        event, _ = Event.objects.get_or_create(
            network=network,
            title=title,
            starts_at=starts,
            defaults={
                "kind": kind,
                "ends_at": starts + datetime.timedelta(hours=6, minutes=30),
                "format": Event.Format.ON_SITE,
                "venue": venue,
                "audience": Event.Audience.INVITED,
                "capacity": 60,
                "created_by": staff,
                "contact_name": data.PROGRAMME.get("contact_name", ""),
                "contact_email": data.PROGRAMME.get("contact_email", ""),
            },
        )
        session, _ = Session.objects.get_or_create(edition=edition, event=event)
        for track_name, (da, nb, en) in topics.items():
            track = tracks.get(track_name)
            if track is None:
                continue
            SessionTrack.objects.update_or_create(
                session=session,
                track=track,
                defaults={"topic_da": da, "topic_nb": nb, "topic_en": en},
            )


def _second_reviewer(network):
    """A second secretariat reviewer for the demo's scores (no log-in: reviews only)."""
    user = User.objects.filter(email="anmelder@sundby.example").first()
    if user is None:
        user = User.objects.create_user(email="anmelder@sundby.example", name="Asger Anmelder")
        user.set_unusable_password()
        user.save()
    person, _ = Person.objects.get_or_create(
        user=user, defaults={"name": user.name, "title": "Konsulent"}
    )
    Role.objects.get_or_create(network=network, person=person, kind=Role.Kind.SECRETARIAT)
    return user


def _reviews(call, staff, network):
    """Two reviewers score every submitted or decided application of the 2014 call."""
    criteria = []
    for position, (name, low, high) in enumerate(data.CRITERIA):
        criterion, _ = Criterion.objects.get_or_create(
            call=call,
            name=name,
            defaults={"scale_min": low, "scale_max": high, "position": position},
        )
        criteria.append(criterion)
    reviewers = [r for r in (staff, _second_reviewer(network)) if r is not None]
    decided = call.applications.exclude(status__in=[S.DRAFT, S.WITHDRAWN]).order_by("id")
    for n, application in enumerate(decided):
        for k, reviewer in enumerate(reviewers):
            review, created = Review.objects.get_or_create(
                application=application,
                reviewer=reviewer,
                defaults={"comment": data.REVIEW_COMMENTS[(n + k) % len(data.REVIEW_COMMENTS)]},
            )
            if not created:
                continue
            for i, criterion in enumerate(criteria):
                base = 5 if application.status == S.ACCEPTED else 3
                if application.status == S.REJECTED:
                    base = 2
                value = max(criterion.scale_min, min(criterion.scale_max, base - (n + k + i) % 2))
                Score.objects.create(review=review, criterion=criterion, value=value)


@transaction.atomic
def load(stdout=None):
    dk = Network.objects.filter(slug="sund-by-netvaerket").first()
    no = Network.objects.filter(slug="sunne-kommuner").first()
    if dk is None:
        return
    staff = User.objects.filter(email="sekretariat@sundby.example").first()
    cph = zoneinfo.ZoneInfo(dk.time_zone)

    programme, _ = Programme.objects.update_or_create(
        network=dk,
        slug=data.PROGRAMME["slug"],
        defaults={k: v for k, v in data.PROGRAMME.items() if k != "slug"},
    )
    e2014 = _edition(programme, data.EDITION_2014)
    call = _call(
        e2014,
        _form(dk, "Ansøgning: Netværk for Fællesskabsagenter 2014", data.SEED_FORM),
        datetime.datetime(2013, 12, 2, 0, 0, tzinfo=cph),
        datetime.datetime(2014, 2, 1, 23, 59, 59, tzinfo=cph),
        20,
        Call.Eligibility.COUNTRY,
        data.CALL_TEXT,
    )
    version = call.form.current()
    submitted = datetime.datetime(2014, 1, 20, 10, 0, tzinfo=cph)
    decided = datetime.datetime(2014, 2, 10, 9, 0, tzinfo=cph)
    for n, (name, code, status) in enumerate(data.APPLICANTS_2014, start=1):
        organisation = Organisation.objects.filter(
            country="DK", kind=Organisation.Kind.MUNICIPALITY, code=code
        ).first()
        if organisation is None:
            continue
        when = submitted + datetime.timedelta(hours=n)
        application, created = Application.objects.get_or_create(
            call=call,
            organisation=organisation,
            defaults={
                "status": status,
                "form_version": version,
                "answers": _answers(name, n),
                "created_by": staff,
                "submitted_at": None if status == S.DRAFT else when,
                "decided_at": decided + datetime.timedelta(minutes=n)
                if status in Application.DECISIONS
                else None,
            },
        )
        if created:
            entries = [("started", S.DRAFT, when - datetime.timedelta(days=3))]
            if status != S.DRAFT:
                entries.append(("submitted", S.SUBMITTED, when))
            if status in Application.DECISIONS:
                entries.append((f"decided_{status}", status, application.decided_at))
            if status == S.WITHDRAWN:
                entries.append(("withdrawn", S.WITHDRAWN, when + datetime.timedelta(days=2)))
            for action, state, at in entries:
                ApplicationLogEntry.objects.create(
                    application=application,
                    action=action,
                    status=state,
                    actor=staff if action.startswith("decided") else None,
                    at=at,
                    letter=data.LETTERS.get(state, "") if action.startswith("decided") else "",
                )

    _reviews(call, staff, dk)
    _sessions(e2014, staff, cph)

    # 2015: the new focus and an open call (open now, so the demo can apply).
    e2015 = _edition(programme, data.EDITION_2015)
    today = timezone.localdate()
    _call(
        e2015,
        _form(dk, "Ansøgning: Netværk for Fællesskabsagenter 2015", data.SEED_FORM),
        datetime.datetime.combine(today - datetime.timedelta(days=10), datetime.time(0), cph),
        datetime.datetime.combine(
            today + datetime.timedelta(days=45), datetime.time(23, 59, 59), cph
        ),
        20,
        Call.Eligibility.COUNTRY,
        data.CALL_TEXT.replace("1. februar", "fristen"),
    )

    if no is not None:
        osl = zoneinfo.ZoneInfo(no.time_zone)
        norwegian, _ = Programme.objects.update_or_create(
            network=no,
            slug=data.NORWEGIAN["slug"],
            defaults={k: v for k, v in data.NORWEGIAN.items() if k != "slug"},
        )
        edition = _edition(
            norwegian,
            {
                "year": today.year + 1,
                "focus": "- Samskaping med frivillige\n- Møteplasser i nærmiljøet",
                "tracks": ["Lederspor", "Medarbeiderspor"],
            },
        )
        _call(
            edition,
            _form(no, "Søknad: Lokalsamfunn i bevegelse", data.NORWEGIAN_FORM),
            datetime.datetime.combine(today - datetime.timedelta(days=5), datetime.time(0), osl),
            datetime.datetime.combine(
                today + datetime.timedelta(days=30), datetime.time(23, 59, 59), osl
            ),
            12,
            Call.Eligibility.MEMBERS,
            "Medlemskommunene kan søke om å delta. Det er plass til **12 kommuner**.",
        )
    if stdout:
        stdout.write(
            f"Programmes: {Programme.objects.count()}, applications: {Application.objects.count()}"
        )
