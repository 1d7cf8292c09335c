"""The case exchange format: ``{"cases": [...]}`` (issue 4 describes every field).

``case_to_dict`` writes one case; ``parse_case`` checks one incoming case and returns the
values the models need, or the errors, each naming the case and the field. The importer
(``services.cases_import``) checks every case before it saves anything.
"""

import base64
import binascii
import datetime
import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email, validate_slug

from samskab.networks.models import Network

from .files import check_material, clean_filename
from .models import Case, InterventionType, QualityCriterion, Topic

SCALE_VALUES = [c.value for c in Case.Scale]


def material_bytes(material) -> bytes:
    with material.file.open("rb") as fh:
        return fh.read()


def case_to_dict(case: Case, *, with_content: bool = True) -> dict:
    """One case in the exchange format. Relations should be prefetched by the caller.

    Without content (revisions), each material carries its size and SHA-256 instead.
    """
    materials = []
    for m in case.materials.all():
        item = {"title": m.title, "filename": m.filename}
        if with_content:
            item["content_base64"] = base64.b64encode(material_bytes(m)).decode("ascii")
        else:
            item["size"] = m.size
        materials.append(item)
    return {
        "slug": case.slug,
        "network": case.network.slug,
        "language": case.language,
        "title": case.title,
        "summary": case.summary,
        "organisation": {"name": case.organisation.name, "code": case.organisation.code},
        "contact": {
            "name": case.contact_name,
            "title": case.contact_title,
            "organisation": case.contact_organisation,
            "phone": case.contact_phone,
            "email": case.contact_email,
            "public": case.contact_public,
        },
        "kind": case.kind,
        "budget_band": case.budget_band or None,
        **{name: getattr(case, name) for name in Case.TEXT_SECTIONS},
        "period": {
            "start": case.period_start.isoformat() if case.period_start else None,
            "end": case.period_end.isoformat() if case.period_end else None,
        },
        "topics": sorted(t.slug for t in case.topics.all()),
        "prevention_types": sorted(t.slug for t in case.prevention_types.all()),
        "quote": (
            {"text": case.quote_text, "speaker": case.quote_speaker} if case.quote_text else None
        ),
        "evaluation": case.evaluation,
        "purpose_met": case.purpose_met or None,
        "implemented_as_planned": case.implemented_as_planned or None,
        "links": [{"title": link.title, "url": link.url} for link in case.links.all()],
        "materials": materials,
        "quality": [{"criterion": q.criterion, "note": q.note} for q in case.quality.all()],
        "shared": case.shared,
        "status": case.status,
    }


@dataclass
class ParsedCase:
    slug: str
    network: Network
    organisation: dict
    fields: dict
    topics: list
    prevention_types: list
    links: list = field(default_factory=list)
    materials: list = field(default_factory=list)  # (title, filename, bytes, content_type)
    quality: list = field(default_factory=list)


class Lookup:
    """Networks, topics and types, fetched once per import."""

    def __init__(self):
        self.networks = {n.slug: n for n in Network.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}
        self.types = {t.slug: t for t in InterventionType.objects.all()}


def _text(data, key, errors, *, max_length=None, required=False):
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.append((key, "must be a string"))
        return ""
    if required and not value.strip():
        errors.append((key, "is required"))
    if max_length and len(value) > max_length:
        errors.append((key, f"is longer than {max_length} characters"))
    return value


def _choice(data, key, allowed, errors, *, nullable=False, default=None):
    value = data.get(key, default)
    if value is None and nullable:
        return ""
    if value not in allowed:
        errors.append((key, f"must be one of {', '.join(allowed)}; got {value!r}"))
        return ""
    return value


def _date(value, key, errors, *, nullable):
    if value is None:
        if not nullable:
            errors.append((key, "is required (YYYY-MM-DD)"))
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        errors.append((key, f"is not a date in the form YYYY-MM-DD: {value!r}"))
        return None


def parse_case(data, lookup: Lookup) -> tuple[ParsedCase | None, list[tuple[str, str]]]:
    """Check one case of the exchange format. Returns (parsed, errors as (field, message))."""
    errors: list[tuple[str, str]] = []
    if not isinstance(data, dict):
        return None, [("(case)", "must be a JSON object")]
    slug = data.get("slug")
    try:
        validate_slug(slug)
    except (ValidationError, TypeError):
        errors.append(("slug", f"is not a valid slug: {slug!r}"))
    network = lookup.networks.get(data.get("network"))
    if network is None:
        errors.append(("network", f"unknown network {data.get('network')!r}"))
    f = {
        "language": _choice(data, "language", [c.value for c in Case.Language], errors),
        "title": _text(data, "title", errors, max_length=200, required=True),
        "summary": _text(data, "summary", errors),
        "kind": _choice(data, "kind", [c.value for c in Case.Kind], errors),
        "budget_band": _choice(
            data, "budget_band", [c.value for c in Case.BudgetBand], errors, nullable=True
        ),
        "evaluation": _choice(data, "evaluation", [c.value for c in Case.Evaluation], errors),
        "purpose_met": _choice(data, "purpose_met", SCALE_VALUES, errors, nullable=True),
        "implemented_as_planned": _choice(
            data, "implemented_as_planned", SCALE_VALUES, errors, nullable=True
        ),
        "status": _choice(data, "status", [c.value for c in Case.Status], errors),
    }
    for name in Case.TEXT_SECTIONS:
        f[name] = _text(data, name, errors)
    for key in ("shared",):
        value = data.get(key, False)
        if not isinstance(value, bool):
            errors.append((key, "must be true or false"))
        f[key] = bool(value)

    organisation = data.get("organisation")
    if not isinstance(organisation, dict) or not (organisation.get("name") or "").strip():
        errors.append(("organisation", "needs at least a name"))
        organisation = {"name": "", "code": ""}
    organisation = {
        "name": str(organisation.get("name") or "").strip()[:200],
        "code": str(organisation.get("code") or "").strip()[:20],
    }

    contact = data.get("contact") or {}
    if not isinstance(contact, dict):
        errors.append(("contact", "must be an object"))
        contact = {}
    for key, model_field, length in (
        ("name", "contact_name", 200),
        ("title", "contact_title", 200),
        ("organisation", "contact_organisation", 200),
        ("phone", "contact_phone", 40),
    ):
        f[model_field] = _text(contact, key, errors, max_length=length)
    email = contact.get("email") or ""
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(("contact.email", f"is not an e-mail address: {email!r}"))
    f["contact_email"] = email
    public = contact.get("public", False)
    if not isinstance(public, bool):
        errors.append(("contact.public", "must be true or false"))
    f["contact_public"] = bool(public)

    period = data.get("period") or {}
    if not isinstance(period, dict):
        errors.append(("period", "must be an object with start and end"))
        period = {}
    f["period_start"] = _date(period.get("start"), "period.start", errors, nullable=True)
    f["period_end"] = _date(period.get("end"), "period.end", errors, nullable=True)
    if f["period_start"] and f["period_end"] and f["period_end"] < f["period_start"]:
        errors.append(("period.end", "is before the start"))

    quote = data.get("quote")
    if quote is None:
        f["quote_text"], f["quote_speaker"] = "", ""
    elif isinstance(quote, dict):
        f["quote_text"] = _text(quote, "text", errors)
        f["quote_speaker"] = _text(quote, "speaker", errors, max_length=200)
    else:
        errors.append(("quote", "must be null or an object with text and speaker"))

    def slugs(key, known, what):
        values = data.get(key) or []
        if not isinstance(values, list):
            errors.append((key, "must be a list of slugs"))
            return []
        result = []
        for value in values:
            if value not in known:
                errors.append((key, f"unknown {what} {value!r}"))
            else:
                result.append(known[value])
        return result

    topics = slugs("topics", lookup.topics, "topic")
    types = slugs("prevention_types", lookup.types, "intervention type")

    links = []
    url_validator = URLValidator(schemes=["http", "https"])
    for i, link in enumerate(data.get("links") or []):
        if not isinstance(link, dict):
            errors.append((f"links[{i}]", "must be an object with title and url"))
            continue
        try:
            url_validator(link.get("url") or "")
        except ValidationError:
            errors.append((f"links[{i}].url", f"is not a web address: {link.get('url')!r}"))
            continue
        links.append(((link.get("title") or link["url"])[:200], link["url"]))

    materials = []
    for i, material in enumerate(data.get("materials") or []):
        if not isinstance(material, dict):
            errors.append((f"materials[{i}]", "must be an object"))
            continue
        filename = clean_filename(material.get("filename") or "")
        try:
            content = base64.b64decode(material.get("content_base64") or "", validate=True)
        except (binascii.Error, ValueError, TypeError):
            errors.append((f"materials[{i}].content_base64", "is not valid base64"))
            continue
        try:
            content_type = check_material(filename, content)
        except ValidationError as exc:
            errors.append((f"materials[{i}]", " ".join(exc.messages)))
            continue
        materials.append(
            ((material.get("title") or filename)[:200], filename, content, content_type)
        )

    quality = []
    valid_criteria = [c.value for c in QualityCriterion]
    seen = set()
    for i, item in enumerate(data.get("quality") or []):
        criterion = item.get("criterion") if isinstance(item, dict) else None
        if criterion not in valid_criteria:
            errors.append((f"quality[{i}].criterion", f"unknown criterion {criterion!r}"))
            continue
        if criterion in seen:
            errors.append((f"quality[{i}].criterion", f"{criterion!r} appears twice"))
            continue
        seen.add(criterion)
        quality.append((criterion, str(item.get("note") or "")))

    if errors:
        return None, errors
    return ParsedCase(
        slug=slug,
        network=network,
        organisation=organisation,
        fields=f,
        topics=topics,
        prevention_types=types,
        links=links,
        materials=materials,
        quality=quality,
    ), []


def content_digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
