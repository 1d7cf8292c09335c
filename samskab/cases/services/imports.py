"""Importing cases from the exchange format (all or nothing)."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from samskab.core.guards import person, require
from samskab.core.text import fold_line_breaks
from samskab.networks.models import Organisation

from ..exchange import Lookup, ParsedCase, content_digest, parse_case
from ..models import Case, CaseMaterial
from .cases import _set_parsed_relations, revision_record


class ImportError_(Exception):
    """The file has errors; nothing was saved. ``errors``: lines naming case and field."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _organisation_for(parsed: ParsedCase) -> Organisation:
    name, code = parsed.organisation["name"], parsed.organisation["code"]
    country = parsed.network.country
    if code:
        found = Organisation.objects.filter(code=code, country=country).order_by("kind").first()
        if found:
            return found
    found = Organisation.objects.filter(name__iexact=name).first()
    if found:
        return found
    kind = Organisation.Kind.MUNICIPALITY if code.isdigit() else Organisation.Kind.OTHER
    org = Organisation(name=name, code=code, country=country, kind=kind)
    org.save()
    return org


def _import_one(parsed: ParsedCase, *, actor) -> str:
    case = Case.objects.filter(slug=parsed.slug).first()
    created = case is None
    if created:
        case = Case(slug=parsed.slug)
    case.network = parsed.network
    case.organisation = _organisation_for(parsed)
    for name, value in parsed.fields.items():
        setattr(case, name, value)
    if case.status == Case.Status.PUBLISHED and case.published_at is None:
        case.published_at = timezone.now()
    fold_line_breaks(case)
    case.save()
    _set_parsed_relations(case, parsed)
    existing = [(m.title, m.filename, m.size, m) for m in case.materials.all()]
    same = len(existing) == len(parsed.materials) and all(
        (e[0], e[1], e[2]) == (p[0], p[1], len(p[2]))
        and content_digest(p[2]) == content_digest(_read(e[3]))
        for e, p in zip(existing, parsed.materials, strict=True)
    )
    if not same:
        for *_ignored, material in existing:
            name, storage = material.file.name, material.file.storage
            material.delete()
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))
        for i, (title, filename, content, content_type) in enumerate(parsed.materials):
            material = CaseMaterial(
                case=case,
                title=title,
                filename=filename,
                content_type=content_type,
                size=len(content),
                order=i,
            )
            material.file.save(filename, ContentFile(content), save=False)
            material.save()
    revision_record(actor=actor, case=case, action="imported")
    return "created" if created else "updated"


def _read(material) -> bytes:
    from ..exchange import material_bytes

    try:
        return material_bytes(material)
    except OSError:
        return b""


def cases_import(*, actor, data) -> dict:
    """Import the exchange format. All or nothing: any error saves nothing and is reported
    as ``case <slug> (#n): <field>: <message>``. The actor is the operator of
    ``manage.py import_cases`` (``core.guards.OPERATOR``) or a superuser."""
    require(actor, "cases.import_cases")
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise ImportError_(['The file must be a JSON object {"cases": [...]}.'])
    lookup = Lookup()
    parsed_cases, errors, seen = [], [], set()
    for i, item in enumerate(data["cases"], start=1):
        slug = item.get("slug") if isinstance(item, dict) else None
        parsed, case_errors = parse_case(item, lookup)
        for field_name, message in case_errors:
            errors.append(f"case {slug!r} (#{i}): {field_name}: {message}")
        if slug in seen:
            errors.append(f"case {slug!r} (#{i}): slug: appears more than once in the file")
        seen.add(slug)
        if parsed:
            parsed_cases.append(parsed)
    if errors:
        raise ImportError_(errors)
    result = {"created": 0, "updated": 0}
    with transaction.atomic():
        for parsed in parsed_cases:
            try:
                with transaction.atomic():
                    result[_import_one(parsed, actor=person(actor))] += 1
            except ValidationError as exc:
                raise ImportError_([f"case {parsed.slug!r}: {m}" for m in exc.messages]) from exc
    return result
