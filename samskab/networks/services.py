"""Writes for networks and organisations."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from samskab.audit import services as audit
from samskab.audit.models import Action
from samskab.core.text import single_line, slugify

from .models import COUNTRIES, Organisation, Role

IMPORT_COLUMNS = ("name", "kind", "code", "country", "website")


class OrganisationImportError(Exception):
    """A file that cannot be imported; ``errors`` lists (line, message) pairs."""

    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        super().__init__("; ".join(f"line {line}: {msg}" for line, msg in errors))


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations: list = field(default_factory=list)


def organisations_import_csv(*, actor=None, text: str) -> ImportResult:
    """Create or update organisations from CSV text with the columns name, kind, code,
    country, website. An organisation is matched by (country, kind, code), or by
    (country, kind, name) when it has no code, so running the same file twice changes
    nothing. Every row is checked first (each field against the model's limits, and the
    name must give a web address); if any row is bad, nothing is saved and the error names
    the line."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in ("name", "kind", "country") if c not in header]
    if missing:
        raise OrganisationImportError(
            [(1, _("missing column(s): %(columns)s") % {"columns": ", ".join(missing)})]
        )
    reader.fieldnames = header

    kinds = {k.value for k in Organisation.Kind}
    countries = {c for c, _label in COUNTRIES}
    rows, errors, seen = [], [], {}
    url_validator = URLValidator()
    for raw in reader:
        # The line the row starts on (blank lines are skipped; a quoted value may span
        # lines).
        line = reader.line_num - sum(v.count("\n") for v in raw.values() if isinstance(v, str))
        row = {k: (raw.get(k) or "").strip() for k in IMPORT_COLUMNS}
        if not any(row.values()):
            continue
        problems, checked = [], set()
        for column in IMPORT_COLUMNS:
            if single_line(row[column]) != row[column]:
                problems.append(_("%(column)s must be one line of text") % {"column": column})
                checked.add(column)
        if not row["name"]:
            problems.append(_("name is empty"))
            checked.add("name")
        elif "name" not in checked and not slugify(row["name"]):
            problems.append(
                _("name '%(name)s' has no letters or digits to make its web address from")
                % {"name": row["name"]}
            )
            checked.add("name")
        if row["kind"] not in kinds:
            checked.add("kind")
            problems.append(
                _("unknown kind '%(kind)s' (use one of %(kinds)s)")
                % {"kind": row["kind"], "kinds": ", ".join(sorted(kinds))}
            )
        row["country"] = row["country"].upper()
        if row["country"] not in countries:
            checked.add("country")
            problems.append(
                _("unknown country '%(country)s' (use %(countries)s)")
                % {"country": row["country"], "countries": ", ".join(sorted(countries))}
            )
        if row["website"] and "website" not in checked:
            try:
                url_validator(row["website"])
            except ValidationError:
                problems.append(_("website '%(url)s' is not a valid URL") % {"url": row["website"]})
                checked.add("website")
        candidate = Organisation(**row)
        try:
            # Every field against the model (lengths, choices), then the model's own rules.
            candidate.full_clean(
                exclude=["slug", "region", *checked],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                problems.extend(m if name == NON_FIELD_ERRORS else f"{name}: {m}" for m in messages)
        key = (row["country"], row["kind"], row["code"] or row["name"].lower())
        if not problems and key in seen:
            problems.append(_("the same organisation as on line %(line)s") % {"line": seen[key]})
        seen.setdefault(key, line)
        if problems:
            errors.append((line, "; ".join(str(p) for p in problems)))
        else:
            rows.append(row)
    if errors:
        raise OrganisationImportError(errors)

    result = ImportResult()
    with transaction.atomic():
        for row in rows:
            lookup = {"country": row["country"], "kind": row["kind"]}
            if row["code"]:
                lookup["code"] = row["code"]
            else:
                lookup["name__iexact"] = row["name"]
                lookup["code"] = ""
            org = Organisation.objects.filter(**lookup).first()
            if org is None:
                org = Organisation.objects.create(**{k: row[k] for k in IMPORT_COLUMNS})
                result.created += 1
            elif any(getattr(org, k) != row[k] for k in ("name", "website")):
                org.name, org.website = row["name"], row["website"]
                org.save(update_fields=["name", "website"])
                result.updated += 1
            else:
                result.unchanged += 1
            result.organisations.append(org)
    return result


# --- the audit trail of roles (roles are given and taken in the admin) ------------------------

ROLE_FIELDS = ("kind", "organisation", "until")


def role_state(role: Role | None) -> dict:
    """The recorded fields of a role as they are in the database now ({} for a new one)."""
    if role is None or role.pk is None:
        return {}
    stored = Role.objects.filter(pk=role.pk).select_related("organisation").first()
    return audit.snapshot(stored, ROLE_FIELDS) if stored is not None else {}


def role_saved_record(*, actor, role: Role, before: dict) -> None:
    """Record that ``actor`` gave or changed ``role`` (``before``: ``role_state`` from before
    the save, in the same transaction)."""
    after = audit.snapshot(role, ROLE_FIELDS)
    if before == after:
        return
    audit.record(
        actor=actor,
        network=role.network,
        action=Action.ROLE_CHANGED if before else Action.ROLE_ADDED,
        obj=role,
        before=before,
        after=after,
        subject=role.person,
    )


def role_deleted_record(*, actor, role: Role, before: dict) -> None:
    audit.record(
        actor=actor,
        network=role.network,
        action=Action.ROLE_REMOVED,
        obj=role,
        before=before,
        after={},
        subject=role.person,
    )
