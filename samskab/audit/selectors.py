"""Reads of the audit trail: a network's entries, filtered, and what the filters offer."""

import datetime
from functools import cache

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import AuditEntry


def entry_list(
    *,
    network,
    actor_id: int | None = None,
    action: str = "",
    object_type: str = "",
    since: datetime.date | None = None,
    until: datetime.date | None = None,
):
    """The network's entries, newest first (one query per page)."""
    entries = AuditEntry.objects.filter(network=network)
    if actor_id:
        entries = entries.filter(actor_id=actor_id)
    if action:
        entries = entries.filter(action=action)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if since:
        entries = entries.filter(created_at__date__gte=since)
    if until:
        entries = entries.filter(created_at__date__lte=until)
    return entries.order_by("-created_at", "-pk")


def actor_choices(*, network) -> list[tuple[str, str]]:
    """(user id, name) of everyone with an entry in the network, by name."""
    names = {}
    rows = (
        AuditEntry.objects.filter(network=network, actor__isnull=False)
        .order_by("created_at")
        .values_list("actor_id", "actor_name")
        .distinct()
    )
    for actor_id, name in rows:
        names[actor_id] = name  # the latest name wins
    return sorted(((str(k), v) for k, v in names.items()), key=lambda item: item[1].lower())


@cache
def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def object_type_label(label: str) -> str:
    model = _model(label)
    return capfirst(model._meta.verbose_name) if model is not None else label


def object_type_choices(*, network) -> list[tuple[str, str]]:
    types = (
        AuditEntry.objects.filter(network=network)
        .order_by()
        .values_list("object_type", flat=True)
        .distinct()
    )
    return sorted(((t, object_type_label(t)) for t in types), key=lambda item: item[1])


def _field(label: str, name: str):
    model = _model(label)
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _shown(field, value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return str(value)


def change_rows(entry: AuditEntry) -> list[dict]:
    """What changed, as rows of (field, before, after) in the reader's language."""
    before = (entry.changes or {}).get("before", {})
    after = (entry.changes or {}).get("after", {})
    rows = []
    for name in dict.fromkeys([*before, *after]):
        field = _field(entry.object_type, name)
        label = capfirst(field.verbose_name) if field is not None else capfirst(name)
        rows.append(
            {
                "field": label,
                "before": _shown(field, before.get(name)),
                "after": _shown(field, after.get(name)),
            }
        )
    return rows


def entries_for_page(entries) -> list[dict]:
    """The rows a page shows: each entry with its object type and changes spelled out."""
    return [
        {
            "entry": entry,
            "object_type": object_type_label(entry.object_type),
            "changes": change_rows(entry),
        }
        for entry in entries
    ]
