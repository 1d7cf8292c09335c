"""The personal data in the audit trail: who made a change (the actor and the name kept
with it) and whom a change was about. The section is registered by ``accounts.sections``
(the registry lives above this app)."""

from django.db.models import Q

from .models import AuditEntry

# What the trail shows instead of an erased person (the same words ``accounts`` uses).
ERASED_NAME = "Slettet person"
ERASED_VALUE = "–"


def _about(user, person):
    query = Q(pk__in=[])
    if user is not None:
        query |= Q(subject_user=user)
    if person is not None:
        query |= Q(subject_person=person)
    return AuditEntry.objects.filter(query)


def _row(entry):
    return {
        "when": entry.created_at.isoformat(),
        "network": entry.network.name,
        "action": entry.action,
        "object_type": entry.object_type,
        "object": entry.object_label,
        "changes": entry.changes,
    }


def export(user, person):
    made = (
        AuditEntry.objects.filter(actor=user).select_related("network")
        if user is not None
        else AuditEntry.objects.none()
    )
    return {
        "changes_made": [_row(e) for e in made],
        "changes_about_you": [_row(e) for e in _about(user, person).select_related("network")],
    }


def _scrub(value, words):
    if isinstance(value, str):
        for word in words:
            value = _replace(value, word)
        return value
    if isinstance(value, list):
        return [_scrub(v, words) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, words) for k, v in value.items()}
    return value


def _replace(text: str, word: str) -> str:
    lowered, needle = text.lower(), word.lower()
    out, start = [], 0
    while (found := lowered.find(needle, start)) != -1:
        out.append(text[start:found] + ERASED_NAME)
        start = found + len(word)
    out.append(text[start:])
    return "".join(out)


def erase(user, person):
    """The actor's name goes (the entry stays: the network's history needs it); entries
    about the person lose their name, e-mail and phone, and a change of the person's own
    details loses its values."""
    if user is not None:
        AuditEntry.objects.filter(actor=user).update(actor=None, actor_name=ERASED_NAME)
    words = set()
    for holder, fields in ((user, ("name", "email")), (person, ("name", "email", "phone"))):
        if holder is not None:
            words |= {str(getattr(holder, f) or "").strip() for f in fields}
    words = sorted((w for w in words if len(w) > 1), key=len, reverse=True)
    for entry in _about(user, person):
        entry.object_label = _scrub(entry.object_label, words)[:300]
        if entry.object_type == "accounts.person":
            entry.changes = {
                side: dict.fromkeys(values, ERASED_VALUE)
                for side, values in (entry.changes or {}).items()
            }
        else:
            entry.changes = _scrub(entry.changes, words)
        entry.subject_user = None
        entry.save(update_fields=["object_label", "changes", "subject_user"])
