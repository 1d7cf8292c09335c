"""The one way into the audit trail: ``record(...)``, called by other apps' services inside
their own transaction, so a change that is rolled back leaves no entry."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.utils.functional import Promise

from .models import AuditEntry

# A long text (a description) is kept in part: the trail says that and how it changed.
MAX_TEXT = 500


def _value(value):
    """A JSON-ready form of a field's value."""
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT else value[: MAX_TEXT - 1] + "…"
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Promise | Decimal):
        return str(value)
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _value(v) for k, v in value.items()}
    return str(value)


def snapshot(obj, fields) -> dict:
    """``{field: value}`` of ``obj`` for ``fields`` (a related object as its text)."""
    return {name: _value(getattr(obj, name)) for name in fields}


def _diff(before: dict, after: dict) -> dict:
    before = {k: _value(v) for k, v in (before or {}).items()}
    after = {k: _value(v) for k, v in (after or {}).items()}
    missing = object()
    changed = [
        k
        for k in dict.fromkeys([*before, *after])
        if before.get(k, missing) != after.get(k, missing)
    ]
    return {
        "before": {k: before[k] for k in changed if k in before},
        "after": {k: after[k] for k in changed if k in after},
    }


def _actor_name(actor) -> str:
    if actor is None or not getattr(actor, "pk", None):
        return ""
    return getattr(actor, "name", "") or getattr(actor, "email", "") or str(actor)


def _subject(subject):
    """(user, person) for the person a change is about."""
    if subject is None:
        return None, None
    if subject._meta.label == settings.AUTH_USER_MODEL:
        return subject, None
    return None, subject


def record(
    *,
    actor,
    network,
    action: str,
    obj,
    before: dict | None = None,
    after: dict | None = None,
    label: str | None = None,
    subject=None,
) -> AuditEntry:
    """Write one entry: ``actor`` changed ``obj`` in ``network`` (``action`` is an
    ``audit.models.Action``); ``before``/``after`` are ``{field: value}`` and only the
    fields that differ are kept. ``label`` names the object as the trail shows it
    (``str(obj)`` by default); ``subject`` is the user or person the change is about, so
    that their entries are exported and anonymised with them. Must run inside the
    service's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record() must be called inside the service's transaction.")
    user = actor if getattr(actor, "pk", None) and hasattr(actor, "_meta") else None
    subject_user, subject_person = _subject(subject)
    return AuditEntry.objects.create(
        network=network,
        actor=user,
        actor_name=_actor_name(user)[:200],
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk or "")[:40],
        object_label=(label if label is not None else str(obj))[:300],
        changes=_diff(before, after),
        subject_user=subject_user,
        subject_person=subject_person,
    )
