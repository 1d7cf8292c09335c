"""Demo consultations: the Norwegian network's vote on eight candidate themes for new
theme groups (seed 004: "the member municipalities must now take a position, and the aim
is to have created five theme groups by the autumn"; k = 5), open with part of the
members voted, and a closed Danish one with published results and the theme groups
created from it. The seed does not name the eight themes; the titles here are invented
from the seed's own words (medborgerskap, robuste lokalsamfunn, frivillighet, ...)."""

import datetime

from django.db import transaction
from django.utils import timezone

from samskab.accounts.models import User
from samskab.decisions import services
from samskab.decisions.models import Ballot, BallotVersion, Consultation, Option
from samskab.networks.models import Network

NO_THEMES = [
    ("Medvirkning og medborgerskap", "Innbyggerne deltar i utviklingen av helsefremmende tiltak."),
    (
        "Robuste lokalsamfunn",
        "Lokalsamfunn som er rustet for dagens og morgendagens helseutfordringer.",
    ),
    (
        "Frivillighet og folkehelse",
        "Samarbeid med frivilligheten om raust og inkluderende lokalmiljø.",
    ),
    ("Planlegging for helse", "Folkehelse i kommuneplanen og arealplanleggingen."),
    ("Sosial ulikhet i helse", "Tiltak som reduserer sosiale helseforskjeller."),
    ("Barn og unges oppvekstmiljø", "Helsefremmende barnehager, skoler og fritid."),
    ("Aktiv aldring", "Eldre som ressurs i lokalsamfunnet."),
    ("Kultur og helse", "Kulturarbeidere og folkehelse på tvers."),
]
NO_APPROVALS = [0, 1, 3, 4, 0, 1, 5, 2]  # each voting municipality's pattern, by index
DK_THEMES = [
    ("Fællesskaber mod ensomhed", "Lokale fællesskaber der forebygger ensomhed."),
    ("Klima og sundhed", "Grønne løsninger der også fremmer sundhed."),
    ("Natur og sundhed", "Kommunens natur som ramme for trivsel og bevægelse."),
    ("Digitale fællesskaber", "Digitale mødesteder for borgere og foreninger."),
]


def _staff(email):
    return User.objects.filter(email=email).first()


def _ballots(consultation, organisations, choose):
    now = timezone.now()
    for i, org in enumerate(organisations):
        chosen = list(dict.fromkeys(choose(i)))
        ballot = Ballot.objects.create(
            consultation=consultation,
            organisation=org,
            abstain=not chosen,
            changed_at=now - datetime.timedelta(hours=i),
        )
        ballot.options.set(chosen)
        BallotVersion.objects.create(
            ballot=ballot,
            number=1,
            option_ids=sorted(o.pk for o in chosen),
            abstain=not chosen,
            changed_by_name="Demo",
            changed_at=ballot.changed_at,
        )


def _consultation(network, staff, title, question, themes, k, closes_in_days):
    now = timezone.now()
    consultation = services.consultation_create(
        actor=staff,
        network=network,
        data={
            "title": title,
            "question": question,
            "method": Consultation.Method.APPROVAL_UP_TO,
            "k": k,
            "voter_role": Consultation.VoterRole.ADMIN_CONTACT,
            "voting_opens_at": now - datetime.timedelta(days=7),
            "voting_closes_at": now + datetime.timedelta(days=closes_in_days),
        },
    )
    for theme, description in themes:
        services.option_save(
            actor=staff, consultation=consultation, title=theme, description=description
        )
    return services.consultation_open_voting(actor=staff, consultation=consultation)


@transaction.atomic
def load(stdout=None):
    made = []
    no = Network.objects.filter(slug="sunne-kommuner").first()
    staff_no = _staff("sekretariat@sunnekommuner.example")
    if no and staff_no and not Consultation.objects.filter(network=no).exists():
        c = _consultation(
            no,
            staff_no,
            "Hvilke temagrupper skal nettverket opprette?",
            "Hvilke fem av de åtte temaene skal bli temagrupper i høst?",
            NO_THEMES,
            5,
            14,
        )
        options = list(c.options.all())
        electorate = [v.organisation for v in c.electorate.select_related("organisation")]
        voters = electorate[: max(1, (len(electorate) * 2) // 3)]
        _ballots(
            c,
            voters,
            lambda i: (
                [] if i % 7 == 6 else [options[(i + j + NO_APPROVALS[j]) % 8] for j in range(5)]
            ),
        )
        made.append(c)
    dk = Network.objects.filter(slug="sund-by-netvaerket").first()
    staff_dk = _staff("sekretariat@sundby.example")
    if dk and staff_dk and not Consultation.objects.filter(network=dk).exists():
        c = _consultation(
            dk,
            staff_dk,
            "Nye temagrupper 2025",
            "Hvilke to temaer skal blive nye temagrupper?",
            DK_THEMES,
            2,
            7,
        )
        options = list(c.options.all())
        electorate = [v.organisation for v in c.electorate.select_related("organisation")]
        _ballots(
            c,
            electorate,
            lambda i: [options[0], options[1 + i % 3]] if i % 4 else [options[0], options[1]],
        )
        c = services.consultation_close(actor=staff_dk, consultation=c)
        c = services.consultation_publish(actor=staff_dk, consultation=c)
        services.groups_create(actor=staff_dk, consultation=c)
        made.append(c)
    if stdout is not None:
        stdout.write(
            f"Decisions: {len(made)} consultations, "
            f"{Ballot.objects.count()} ballots, {Option.objects.count()} options"
        )
    return made
