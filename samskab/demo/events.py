"""Demo events for both networks: upcoming and past, with sign-ups. Idempotent: events are
found again by network and title, registrations by event and e-mail address."""

import datetime
import zoneinfo

from django.db import transaction
from django.utils import timezone

from samskab.accounts.models import User
from samskab.events.models import AgendaItem, Event, Question, Registration, new_code
from samskab.groups.models import ThemeGroup
from samskab.networks.models import Network

from .addresses import address as email_address

K, F, A = Event.Kind, Event.Format, Event.Audience

# (network slug, days from today, start hour, hours, title, kind, format, audience,
#  capacity, venue, address, use a theme group, description)
EVENTS = [
    (
        "sund-by-netvaerket",
        12,
        13,
        2,
        "Temamøde: Lokalsamfund og fællesskaber",
        K.THEME_MEETING,
        F.ONLINE,
        A.LOGGED_IN,
        None,
        "",
        "",
        True,
        "Vi deler erfaringer med at skabe sundhed i lokalsamfundet sammen med borgerne.",
    ),
    (
        "sund-by-netvaerket",
        26,
        10,
        5,
        "Netværksmøde for administrative kontakter",
        K.GATHERING,
        F.ON_SITE,
        A.ADMIN_CONTACTS,
        40,
        "Silkeborg Rådhus",
        "Søvej 1, 8600 Silkeborg",
        False,
        "Årets samling for kommunernes administrative kontaktpersoner: status, planer og "
        "erfaringsudveksling.",
    ),
    (
        "sund-by-netvaerket",
        40,
        9,
        6,
        "Workshop: Samskabelse i praksis",
        K.WORKSHOP,
        F.HYBRID,
        A.PUBLIC,
        12,
        "Lolland Rådhus",
        "Jernbanegade 7, 4930 Maribo",
        False,
        "En praktisk workshop om at samskabe sundhedsindsatser med foreninger og frivillige.",
    ),
    (
        "sund-by-netvaerket",
        75,
        9,
        7,
        "Sund By Konferencen",
        K.CONFERENCE,
        F.ON_SITE,
        A.PUBLIC,
        200,
        "Odense Congress Center",
        "Ørbækvej 350, 5220 Odense SØ",
        False,
        "Den årlige konference for netværkets kommuner, partnere og fællesskabsagenter.",
    ),
    (
        "sund-by-netvaerket",
        -20,
        13,
        2,
        "Temamøde: Sundhed i nærmiljøet",
        K.THEME_MEETING,
        F.ONLINE,
        A.LOGGED_IN,
        None,
        "",
        "",
        True,
        "Oplæg og drøftelse om sundhedsfremme i boligområder.",
    ),
    (
        "sund-by-netvaerket",
        -60,
        10,
        5,
        "Kursusdag: Fællesskabsagenter",
        K.COURSE_DAY,
        F.ON_SITE,
        A.LOGGED_IN,
        30,
        "Aarhus Rådhus",
        "Rådhuspladsen 2, 8000 Aarhus C",
        False,
        "Første kursusdag i medarbejdersporet.",
    ),
    (
        "sunne-kommuner",
        15,
        12,
        2,
        "Temamøte: Medvirkning og samskaping",
        K.THEME_MEETING,
        F.ONLINE,
        A.LOGGED_IN,
        None,
        "",
        "",
        True,
        "Digitalt temamøte om hvordan kommuner kan involvere innbyggerne.",
    ),
    (
        "sunne-kommuner",
        33,
        10,
        6,
        "Samling for politiske kontakter",
        K.GATHERING,
        F.ON_SITE,
        A.POLITICAL_CONTACTS,
        50,
        "Oslo rådhus",
        "Rådhusplassen 1, 0037 Oslo",
        False,
        "Samling for kommunenes politiske kontakter om folkehelse i planarbeidet.",
    ),
    (
        "sunne-kommuner",
        50,
        9,
        6,
        "Sunne kommuner-konferansen",
        K.CONFERENCE,
        F.HYBRID,
        A.PUBLIC,
        150,
        "Trondheim Spektrum",
        "Klostergata 90, 7030 Trondheim",
        False,
        "Nettverkets årlige konferanse.",
    ),
    (
        "sunne-kommuner",
        -30,
        12,
        2,
        "Temamøte: Folkehelseoversikten",
        K.THEME_MEETING,
        F.ONLINE,
        A.LOGGED_IN,
        None,
        "",
        "",
        True,
        "Erfaringer med å bruke folkehelseoversikten i planleggingen.",
    ),
]

GUESTS = {
    "sund-by-netvaerket": [
        ("Mette Frivillig", "Frivilligcenter Silkeborg"),
        ("Jonas Jensen", "Silkeborg Kommune"),
        ("Anne Andersen", "Lolland Kommune"),
        ("Lars Larsen", "Boligselskabet Eksempel"),
    ],
    "sunne-kommuner": [
        ("Ingrid Hansen", "Oslo kommune"),
        ("Ola Nordmann", "Bergen kommune"),
        ("Kari Berg", "Frivilligsentralen"),
    ],
}


def _when(network, days, hour):
    """``days`` from today at ``hour``, on a weekday: a coming day that falls on a weekend
    moves to the Monday after, a past one to the Friday before."""
    tz = zoneinfo.ZoneInfo(network.time_zone)
    day = timezone.localdate(timezone=tz) + datetime.timedelta(days=days)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1 if days >= 0 else -1)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=tz)


@transaction.atomic
def load(stdout=None):
    networks = {n.slug: n for n in Network.objects.all()}
    organiser = {
        "sund-by-netvaerket": User.objects.filter(email="sekretariat@sundby.example").first(),
        "sunne-kommuner": User.objects.filter(email="sekretariat@sunnekommuner.example").first(),
    }
    participants = list(
        User.objects.filter(
            email__in=[
                "kontakt@silkeborg.example",
                "politiker@silkeborg.example",
                "redaktoer@lolland.example",
                "kontakt@oslo.example",
                "borger@samskab.example",
            ]
        )
    )
    count = 0
    for (
        slug,
        days,
        hour,
        hours,
        title,
        kind,
        fmt,
        audience,
        capacity,
        venue,
        address,
        grouped,
        description,
    ) in EVENTS:
        network = networks.get(slug)
        if network is None:
            continue
        starts = _when(network, days, hour)
        group = (
            ThemeGroup.objects.filter(network=network).order_by("name").first() if grouped else None
        )
        event, _created = Event.objects.update_or_create(
            network=network,
            title=title,
            defaults={
                "kind": kind,
                "format": fmt,
                "audience": audience,
                "capacity": capacity,
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=hours),
                "venue": venue,
                "address": address,
                "theme_group": group,
                "description": description,
                "online_url": (
                    "https://meet.example/" + slug + f"-{abs(days)}" if fmt != F.ON_SITE else ""
                ),
                "practical_details": (
                    "Indgang fra hovedtrappen; lokale 2.01." if fmt != F.ONLINE else ""
                ),
                "contact_name": organiser[slug].name if organiser[slug] else "",
                "contact_email": network.contact_email,
                "created_by": organiser[slug],
                "signup_closes_at": starts - datetime.timedelta(days=2) if days > 2 else None,
                "materials": (
                    "Slides og noter: https://sundby.example/materialer" if days < 0 else ""
                ),
                "requires_approval": kind == K.CONFERENCE and slug == "sunne-kommuner",
            },
        )
        count += 1
        if not event.agenda_items.exists():
            for position, (time, item) in enumerate(
                [
                    (datetime.time(hour), "Velkomst"),
                    (datetime.time(hour, 15), "Oplæg"),
                    (datetime.time(hour + 1), "Drøftelse i grupper"),
                ]
            ):
                AgendaItem.objects.create(event=event, time=time, title=item, position=position)
        if kind in (K.WORKSHOP, K.CONFERENCE) and not event.questions.exists():
            Question.objects.create(
                event=event, label="Kostbehov", kind=Question.Kind.TEXT, position=0
            )
            Question.objects.create(
                event=event,
                label="Deltager du i middagen?",
                kind=Question.Kind.YES_NO,
                required=True,
                position=1,
            )
        _registrations(event, participants, GUESTS[slug], days)
    count += _group_meetings(networks, organiser)
    if stdout:
        stdout.write(f"Demo events: {count} events, {Registration.objects.count()} registrations.")


def _registrations(event, users, guests, days):
    from samskab.events.predicates import in_event_audience

    people = [(u.name, u.email, u) for u in users if in_event_audience(u, event)]
    if event.audience in Event.OPEN_AUDIENCES:
        people += [
            (
                name,
                email_address(name, "deltager.example"),
                None,
                org,
            )
            for name, org in guests
        ]
    confirmed = 0
    for index, person in enumerate(people):
        name, email, user = person[:3]
        organisation = person[3] if len(person) > 3 else ""
        if Registration.objects.filter(event=event, email=email).exists():
            continue
        if event.capacity is not None and confirmed >= event.capacity:
            status = Registration.Status.WAITING
        elif event.requires_approval and index % 2:
            status = Registration.Status.AWAITING_APPROVAL
        else:
            status = Registration.Status.CONFIRMED
        confirmed += status == Registration.Status.CONFIRMED
        Registration.objects.create(
            event=event,
            user=user,
            name=name,
            email=email,
            organisation=organisation,
            status=status,
            code=new_code(),
            language=event.network.default_language,
            attended=(index % 4 != 3) if days < 0 and status == "confirmed" else None,
        )


MEETING_TEXT = {
    "da": (
        "Temamøde",
        "Gruppens møde: oplæg, erfaringsudveksling og planer for næste periode.",
        "Referat og slides fra mødet: https://sundby.example/temagrupper",
    ),
    "nb": (
        "Temamøte",
        "Gruppens møte: innlegg, erfaringsdeling og planer for neste periode.",
        "Referat og lysark fra møtet: https://sunnekommuner.example/temagrupper",
    ),
}


def _group_meetings(networks, organiser) -> int:
    """One coming and one past meeting for every theme group (every other one for members
    only), with the group's members signed up."""
    from samskab.groups.models import GroupMembership

    count = 0
    groups = ThemeGroup.objects.filter(network__in=networks.values()).select_related("network")
    for index, group in enumerate(groups.order_by("network__slug", "name")):
        network = group.network
        word, description, materials = MEETING_TEXT.get(
            network.default_language, MEETING_TEXT["da"]
        )
        members = [
            m.user
            for m in GroupMembership.objects.filter(
                group=group, status=GroupMembership.Status.ACTIVE
            ).select_related("user")
        ]
        spring = " (forår)" if network.default_language == "da" else " (vår)"
        for days, suffix in ((18 + 9 * (index % 6), ""), (-35 - 9 * (index % 6), spring)):
            starts = _when(network, days, 13)
            on_site = index % 3 == 2
            event, _created = Event.objects.update_or_create(
                network=network,
                title=f"{word}: {group.name}{suffix}",
                defaults={
                    "kind": K.THEME_MEETING,
                    "theme_group": group,
                    "description": description,
                    "format": F.ON_SITE if on_site else F.ONLINE,
                    "venue": "Kulturhuset" if on_site else "",
                    "address": "Eksempelvej 2, 0000 Eksempelby" if on_site else "",
                    "online_url": "" if on_site else f"https://meet.example/{group.slug}",
                    "practical_details": "Mødelokale 1, 2. sal." if on_site else "",
                    "audience": A.GROUP_MEMBERS if index % 2 else A.LOGGED_IN,
                    "capacity": 30 if on_site else None,
                    "starts_at": starts,
                    "ends_at": starts + datetime.timedelta(hours=2),
                    "created_by": organiser.get(network.slug),
                    "contact_email": network.contact_email,
                    "materials": materials if days < 0 else "",
                },
            )
            count += 1
            for position, user in enumerate(members):
                if not Registration.objects.filter(event=event, email=user.email).exists():
                    Registration.objects.create(
                        event=event,
                        user=user,
                        name=user.name or user.email,
                        email=user.email,
                        status=Registration.Status.CONFIRMED,
                        code=new_code(),
                        language=event.network.default_language,
                        attended=(position % 5 != 4) if days < 0 else None,
                    )
    return count
