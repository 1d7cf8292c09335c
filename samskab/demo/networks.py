"""Demo data for the foundation: two networks, real municipalities, invented people."""

import datetime
import random

from django.db import transaction

from samskab.accounts.models import Person
from samskab.networks.models import Membership, Network, Organisation, Role

from .addresses import address, ascii_part
from .data import networks as data

NETWORKS = [
    {
        "slug": "sund-by-netvaerket",
        "name": "Sund By Netværket",
        "country": "DK",
        "default_language": "da",
        "time_zone": "Europe/Copenhagen",
        "brand_colour": "#0B6E4F",
        "hosts": "localhost\n127.0.0.1\nsundby.localhost",
        "contact_email": "post@sundby.example",
        "contact_phone": "+45 01 00 00 00",
        "address": "Sund By Netværkets sekretariat\nEksempelvej 1\n0000 Eksempelby",
        "tagline_da": "Kommuner der samarbejder om sundhed og trivsel",
        "tagline_nb": "Danske kommuner som samarbeider om helse og trivsel",
        "tagline_en": "Danish municipalities working together on health and well-being",
        "description_da": (
            "Sund By Netværket er en forening af danske kommuner, der arbejder med "
            "sundhedsfremme og forebyggelse. Netværket er en del af WHO's europæiske Healthy "
            "Cities-netværk. Vi samler kommunerne i temagrupper, driver forløb som Netværk for "
            "Fællesskabsagenter og deler gode erfaringer i casebanken."
        ),
        "description_nb": (
            "Sund By Netværket er en forening av danske kommuner som arbeider med helsefremming "
            "og forebygging, og er en del av WHOs europeiske Healthy Cities-nettverk."
        ),
        "description_en": (
            "Sund By Netværket is the association of Danish municipalities working on health "
            "promotion and prevention, part of the WHO European Healthy Cities Network. It runs "
            "theme groups, programmes such as the community champions network, and a case bank "
            "of good practice."
        ),
    },
    {
        "slug": "sunne-kommuner",
        "name": "Sunne kommuner",
        "country": "NO",
        "default_language": "nb",
        "time_zone": "Europe/Oslo",
        "brand_colour": "#1F4E8C",
        "hosts": "sunne.localhost",
        "contact_email": "post@sunnekommuner.example",
        "contact_phone": "+47 00 00 00 00",
        "address": "Sunne kommuner – sekretariatet\nEksempelgata 1\n0000 Eksempelby",
        "tagline_da": "Norske kommuner der samarbejder om folkesundhed",
        "tagline_nb": "Kommuner som samarbeider om folkehelse på tvers",
        "tagline_en": "Norwegian municipalities working together on public health",
        "description_da": (
            "Sunne kommuner er det norske Healthy Cities-netværk, søsternetværk til Sund By "
            "Netværket."
        ),
        "description_nb": (
            "Sunne kommuner – WHOs norske nettverk – samler kommuner som vil fremme folkehelse "
            "på tvers av sektorer. Nettverket har temagrupper, samlinger for administrative og "
            "politiske kontakter og deler gode eksempler."
        ),
        "description_en": (
            "Sunne kommuner is the Norwegian national Healthy Cities network, the sister "
            "network of the Danish Sund By Netværket."
        ),
    },
]

DEMO_PASSWORD = "samskab-demo"  # noqa: S105 - printed for demo log-ins only
DEMO_TOTP_SECRET = "SAMSKABDEMOSAMSKABDEMOSAMSKAB234"  # noqa: S105


def phone(country: str, n: int) -> str:
    # Danish and Norwegian subscriber numbers never start with 0, so these are never real.
    prefix = "+45" if country == "DK" else "+47"
    digits = f"{n:06d}"
    return f"{prefix} 0{digits[0]} {digits[1:3]} {digits[3:5]} {digits[5]}0"


@transaction.atomic
def load(stdout=None):
    rng = random.Random(2014)  # noqa: S311 - demo data, not security
    networks = {}
    for spec in NETWORKS:
        slug = spec["slug"]
        network, _created = Network.objects.update_or_create(slug=slug, defaults=spec)
        networks[slug] = network

    orgs_by_code = {}
    regions = {}
    for code, name in data.DK_REGIONS.items():
        regions[("DK", code)] = _org(name, Organisation.Kind.REGION, code, "DK")
    for code, name in data.NO_REGIONS.items():
        regions[("NO", code)] = _org(
            f"{name} fylkeskommune" if code != "03" else "Oslo",
            Organisation.Kind.REGION,
            code,
            "NO",
        )
    for code, name, region in data.DK_MUNICIPALITIES:
        orgs_by_code[("DK", code)] = _org(
            name, Organisation.Kind.MUNICIPALITY, code, "DK", region=regions[("DK", region)]
        )
    for code, name, region in data.NO_MUNICIPALITIES:
        orgs_by_code[("NO", code)] = _org(
            name, Organisation.Kind.MUNICIPALITY, code, "NO", region=regions[("NO", region)]
        )

    dk, no = networks["sund-by-netvaerket"], networks["sunne-kommuner"]
    for (country, code), org in orgs_by_code.items():
        if country == "DK" and code in data.DK_NON_MEMBERS:
            continue
        network = dk if country == "DK" else no
        since = datetime.date(rng.choice(range(1991, 2025)), 1, 1)
        if not Membership.objects.filter(network=network, organisation=org).exists():
            Membership.objects.create(network=network, organisation=org, since=since)

    secretariats = {
        "sund-by-netvaerket": _org(
            "Sund By Netværkets sekretariat", Organisation.Kind.SECRETARIAT, "", "DK"
        ),
        "sunne-kommuner": _org(
            "Sunne kommuner – sekretariatet", Organisation.Kind.SECRETARIAT, "", "NO"
        ),
    }

    # Invented contacts for every member municipality.
    n = 0
    for (country, _code), org in orgs_by_code.items():
        network = dk if country == "DK" else no
        if not Membership.objects.filter(network=network, organisation=org).exists():
            continue
        firsts = data.FIRST_NAMES_DK if country == "DK" else data.FIRST_NAMES_NO
        lasts = data.LAST_NAMES_DK if country == "DK" else data.LAST_NAMES_NO
        for kind, title in (
            (
                Role.Kind.ADMIN_CONTACT,
                "Folkesundhedskoordinator" if country == "DK" else "Folkehelsekoordinator",
            ),
            (
                Role.Kind.POLITICAL_CONTACT,
                "Byrådsmedlem" if country == "DK" else "Kommunestyrerepresentant",
            ),
        ):
            n += 1
            if Role.objects.filter(network=network, organisation=org, kind=kind).exists():
                continue
            name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
            person = Person.objects.create(
                name=name,
                title=title,
                organisation=org,
                phone=phone(country, n),
                email=address(name, f"{ascii_part(org.name)}.example"),
                public_consent=rng.random() < 0.7,
            )
            Role.objects.create(network=network, person=person, kind=kind, organisation=org)

    accounts = _demo_accounts(networks, orgs_by_code, secretariats)
    if stdout:
        stdout.write(
            f"Demo data: {Network.objects.count()} networks, "
            f"{Organisation.objects.municipalities().count()} municipalities, "
            f"{Membership.objects.count()} memberships, {Person.objects.count()} people."
        )
    return accounts


def _org(name, kind, code, country, region=None):
    lookup = {"country": country, "kind": kind}
    if code:
        lookup["code"] = code
    else:
        lookup["name"] = name
    org, _created = Organisation.objects.update_or_create(
        **lookup, defaults={"name": name, "region": region}
    )
    return org


def _demo_accounts(networks, orgs, secretariats):
    """One log-in for every role; returns (e-mail, description) pairs."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    from samskab.accounts.models import User

    dk, no = networks["sund-by-netvaerket"], networks["sunne-kommuner"]
    silkeborg, lolland, oslo = orgs[("DK", "740")], orgs[("DK", "360")], orgs[("NO", "0301")]
    specs = [
        (
            "admin@samskab.example",
            "Ada Administrator",
            "Platform administrator",
            None,
            None,
            None,
            True,
        ),
        (
            "sekretariat@sundby.example",
            "Signe Sekretær",
            "Chefkonsulent",
            secretariats["sund-by-netvaerket"],
            dk,
            Role.Kind.SECRETARIAT,
            False,
        ),
        (
            "sekretariat@sunnekommuner.example",
            "Solveig Sekretær",
            "Rådgiver",
            secretariats["sunne-kommuner"],
            no,
            Role.Kind.SECRETARIAT,
            False,
        ),
        (
            "kontakt@silkeborg.example",
            "Karen Kontakt",
            "Sundhedskoordinator",
            silkeborg,
            dk,
            Role.Kind.ADMIN_CONTACT,
            False,
        ),
        (
            "politiker@silkeborg.example",
            "Poul Politiker",
            "Formand for Sundhedsudvalget",
            silkeborg,
            dk,
            Role.Kind.POLITICAL_CONTACT,
            False,
        ),
        (
            "redaktoer@lolland.example",
            "Rikke Redaktør",
            "Projektleder",
            lolland,
            dk,
            Role.Kind.ORG_EDITOR,
            False,
        ),
        (
            "kontakt@oslo.example",
            "Kari Kontakt",
            "Folkehelsekoordinator",
            oslo,
            no,
            Role.Kind.ADMIN_CONTACT,
            False,
        ),
        ("borger@samskab.example", "Bo Borger", "", None, None, None, False),
    ]
    result = []
    for email, name, title, org, network, kind, superuser in specs:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                name=name,
                is_staff=superuser or kind == Role.Kind.SECRETARIAT,
                is_superuser=superuser,
            )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        person, _ = Person.objects.update_or_create(
            user=user,
            defaults={
                "name": name,
                "title": title,
                "organisation": org,
                "email": email,
                "public_consent": kind is not None,
            },
        )
        if kind is not None:
            Role.objects.get_or_create(
                network=network,
                person=person,
                kind=kind,
                organisation=org if kind != Role.Kind.SECRETARIAT else None,
            )
        needs_mfa = superuser or kind == Role.Kind.SECRETARIAT
        if (
            needs_mfa
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
        label = "superuser" if superuser else (Role.Kind(kind).label if kind else "user")
        result.append((email, str(label), needs_mfa))
    return result
