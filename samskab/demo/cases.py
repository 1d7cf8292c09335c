"""Demo cases: about 60 in Danish, Norwegian and English over all topics, at real member
municipalities, with invented contacts. Deterministic and idempotent (by slug)."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from samskab.cases.models import (
    Case,
    CaseLink,
    CaseMaterial,
    CaseQuality,
    Comment,
    InterventionType,
    Topic,
)
from samskab.cases.models import QualityCriterion as QC
from samskab.cases.services import revision_record
from samskab.core.text import slugify
from samskab.networks.models import Network, Organisation

from .data import cases as data
from .data.networks import FIRST_NAMES_DK, FIRST_NAMES_NO, LAST_NAMES_DK, LAST_NAMES_NO

# Municipalities that took up another's idea: (index in DK_CASES/NO_CASES, code).
# How a case taken over from another municipality says so, varied from case to case.
DERIVED_OPENINGS = {
    "da": [
        "Inspireret af casen fra {source}: {summary}",
        "{summary} Idéen og materialerne kommer fra {source}.",
        "Efter forbillede fra {source}. {summary}",
        "Bygger på erfaringerne fra {source}: {summary}",
        "{summary} Vi har tilpasset forløbet fra {source} til lokale forhold.",
    ],
    "nb": [
        "Inspirert av eksempelet fra {source}: {summary}",
        "{summary} Ideen og materiellet kommer fra {source}.",
        "Etter modell fra {source}. {summary}",
        "Bygger på erfaringene fra {source}: {summary}",
        "{summary} Vi har tilpasset opplegget fra {source} til lokale forhold.",
    ],
}

DK_ADOPTIONS = [
    (0, "657"),
    (1, "851"),
    (3, "101"),
    (4, "751"),
    (6, "461"),
    (7, "147"),
    (13, "740"),
    (14, "615"),
    (16, "360"),
    (19, "265"),
]
NO_ADOPTIONS = [(0, "4601"), (1, "5001"), (2, "1103"), (4, "3403"), (6, "3301"), (13, "5501")]

# A tiny valid PDF for demo materials.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _specs():
    """(network slug, language, country, spec, adopted_from) for every demo case."""
    result = []
    for spec in data.DK_CASES:
        result.append(("sund-by-netvaerket", "da", "DK", spec, None))
    for spec in data.NO_CASES:
        result.append(("sunne-kommuner", "nb", "NO", spec, None))
    for spec in data.EN_CASES:
        network = (
            "sund-by-netvaerket" if spec[0].isdigit() and len(spec[0]) == 3 else "sunne-kommuner"
        )
        result.append(
            (network, "en", "DK" if network == "sund-by-netvaerket" else "NO", spec, None)
        )
    for index, code in DK_ADOPTIONS:
        spec = data.DK_CASES[index]
        result.append(("sund-by-netvaerket", "da", "DK", (code, *spec[1:]), spec[0]))
    for index, code in NO_ADOPTIONS:
        spec = data.NO_CASES[index]
        result.append(("sunne-kommuner", "nb", "NO", (code, *spec[1:]), spec[0]))
    return result


def _short(name: str) -> str:
    if name.startswith("Københavns"):
        return "København"
    for suffix in (" Kommune", " kommune", " Regionskommune"):
        name = name.replace(suffix, "")
    return name


@transaction.atomic
def load(stdout=None):
    rng = random.Random(4)  # noqa: S311 - demo data, not security
    networks = {n.slug: n for n in Network.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    types = {t.slug: t for t in InterventionType.objects.all()}
    orgs = {(o.country, o.code): o for o in Organisation.objects.municipalities()}
    from samskab.accounts.models import User

    commenters = list(
        User.objects.filter(
            email__in=[
                "borger@samskab.example",
                "kontakt@silkeborg.example",
                "kontakt@oslo.example",
                "redaktoer@lolland.example",
            ]
        ).order_by("email")
    )
    editor = User.objects.filter(email="redaktoer@lolland.example").first()
    created = 0
    now = timezone.now()
    specs = _specs()
    derived = 0  # cases taken over from another municipality, for varied openings
    for i, (network_slug, language, country, spec, adopted_from) in enumerate(specs):
        (
            code,
            title,
            summary,
            purpose,
            target,
            arena,
            description,
            effect,
            topic_slugs,
            type_slugs,
            kind,
        ) = spec
        network = networks.get(network_slug)
        organisation = orgs.get((country, code))
        if network is None or organisation is None:
            continue
        # Draw every random value whether or not the case exists, so reruns stay aligned.
        first = rng.choice(FIRST_NAMES_DK if country == "DK" else FIRST_NAMES_NO)
        last = rng.choice(LAST_NAMES_DK if country == "DK" else LAST_NAMES_NO)
        start_year = rng.randint(2014, 2024)
        start = datetime.date(start_year, rng.choice([1, 3, 8, 9]), 1)
        end = datetime.date(start_year + rng.randint(1, 3), 6, 30) if kind == "project" else None
        budget = rng.choice([c.value for c in Case.BudgetBand] + [""])
        evaluation = rng.choice(["none", "internal", "internal", "external"])
        scale = [c.value for c in Case.Scale]
        purpose_met = rng.choice(["", *scale[1:], "high"])
        as_planned = rng.choice(["", *scale])
        shared = rng.random() < 0.55
        views = rng.randint(12, 2400)
        contact_public = rng.random() < 0.7
        notes = data.NOTES[language]
        if adopted_from:
            source = orgs.get((country, adopted_from))
            title = f"{title} i {_short(organisation.name)}"
            if source is not None:
                openings = DERIVED_OPENINGS["da" if language == "da" else "nb"]
                opening = openings[derived % len(openings)]
                derived += 1
                summary = opening.format(source=source.name, summary=summary)
        slug = slugify(title)[:200]
        if Case.objects.filter(slug=slug).exists():
            continue
        status = Case.Status.PUBLISHED
        if code == "360" and adopted_from:
            status = Case.Status.DRAFT  # the demo editor's own draft
        elif i % 19 == 7:
            status = Case.Status.SUBMITTED  # waiting in the moderation queue
        case = Case(
            slug=slug,
            network=network,
            language=language,
            title=title,
            summary=summary,
            organisation=organisation,
            contact_name=f"{first} {last}",
            contact_title=(
                "Sundhedskonsulent"
                if language == "da"
                else "Folkehelsekoordinator"
                if language == "nb"
                else "Health adviser"
            ),
            contact_organisation=organisation.name,
            contact_phone=("+45 " if country == "DK" else "+47 ") + f"0{i % 10} {10 + i} 00 00",
            contact_email=f"{slugify(first)}.{slugify(last)}.{i}@kommune.example",
            contact_public=contact_public,
            kind=kind,
            budget_band=budget,
            purpose=purpose,
            target_group=target,
            arena=arena,
            description=description,
            effect=effect,
            partners=notes["partners"][i % len(notes["partners"])],
            recruitment=notes["recruitment"][i % len(notes["recruitment"])],
            funding=notes["funding"][i % len(notes["funding"])],
            barriers=notes["barriers"][i % len(notes["barriers"])],
            promoting_factors=notes["promoting_factors"][i % len(notes["promoting_factors"])],
            implementation_notes=notes["implementation_notes"][
                i % len(notes["implementation_notes"])
            ],
            further_comments=notes["further_comments"][i % len(notes["further_comments"])],
            period_start=start,
            period_end=end,
            evaluation=evaluation,
            purpose_met=purpose_met,
            implemented_as_planned=as_planned,
            shared=shared,
            status=status,
            view_count=views if status == Case.Status.PUBLISHED else 0,
            created_by=editor if status == Case.Status.DRAFT else None,
            submitted_at=now if status != Case.Status.DRAFT else None,
            published_at=(now - datetime.timedelta(days=7 * (len(specs) - i)))
            if status == Case.Status.PUBLISHED
            else None,
        )
        if i % 3 != 2:
            case.quote_text = notes["quotes"][i % len(notes["quotes"])]
            case.quote_speaker = notes["quote_speakers"][i % len(notes["quote_speakers"])]
        case.save()
        case.topics.set([topics[s] for s in topic_slugs if s in topics])
        case.prevention_types.set([types[s] for s in type_slugs if s in types])
        if i % 4 == 0:
            CaseLink.objects.create(
                case=case,
                title=(
                    "Projektets side"
                    if language == "da"
                    else "Prosjektsiden"
                    if language == "nb"
                    else "Project page"
                ),
                url=f"https://{slugify(_short(organisation.name))}.kommune.example/{slug}",
            )
        if evaluation == "external" or i % 5 == 0:
            for criterion in (QC.RELEVANCE, QC.TRANSFERABILITY, QC.INTERSECTORAL)[: 1 + i % 3]:
                CaseQuality.objects.create(
                    case=case,
                    criterion=criterion,
                    note=(
                        "Bygger på lokale data og erfaringer fra andre kommuner."
                        if language == "da"
                        else "Bygger på lokale data og erfaringer fra andre kommuner."
                        if language == "nb"
                        else "Based on local data and others' experience."
                    ),
                )
        if i % 6 == 1:
            from django.core.files.base import ContentFile

            material = CaseMaterial(
                case=case,
                title=(
                    "Evaluering"
                    if language == "da"
                    else "Evaluering"
                    if language == "nb"
                    else "Evaluation"
                ),
                filename="evaluering.pdf",
                content_type="application/pdf",
                size=len(DEMO_PDF),
            )
            material.file.save("evaluering.pdf", ContentFile(DEMO_PDF), save=False)
            material.save()
        if status == Case.Status.PUBLISHED and commenters and i % 5 == 2:
            author = commenters[i % len(commenters)]
            question = Comment.objects.create(
                case=case,
                author=author,
                text=(
                    "Hvordan fik I foreningerne med fra starten?"
                    if language == "da"
                    else "Hvordan fikk dere med frivilligheten?"
                    if language == "nb"
                    else "How did you involve the associations?"
                ),
            )
            if len(commenters) > 1:
                Comment.objects.create(
                    case=case,
                    parent=question,
                    author=commenters[(i + 1) % len(commenters)],
                    text=(
                        "Vi holdt et fællesmøde og fulgte op med et opkald til hver enkelt."
                        if language == "da"
                        else "Vi inviterte til et felles møte og ringte rundt etterpå."
                        if language == "nb"
                        else "We held one joint meeting and followed up with a call to each."
                    ),
                )
        revision_record(actor=None, case=case, action="imported")
        created += 1
    if stdout:
        stdout.write(f"Case bank: {created} new demo cases, {Case.objects.count()} in all.")
    return created
