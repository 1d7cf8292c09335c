"""The personal data theme groups hold: memberships, follows, suggestions, supports, the
groups a person is a contact of and the resources a user added."""

from samskab.accounts import personal_data

from .models import (
    GroupContact,
    GroupFollow,
    GroupMembership,
    GroupResource,
    SuggestionSupport,
    TopicSuggestion,
)


def _iso(value):
    return value.isoformat() if value else None


def _export_memberships(user, person):
    if user is None:
        return []
    return [
        {
            "group": m.group.name,
            "network": m.group.network.name,
            "role": m.role,
            "status": m.status,
            "since": _iso(m.created_at),
            "accepted_at": _iso(m.accepted_at),
        }
        for m in GroupMembership.objects.filter(user=user).select_related("group__network")
    ]


def _erase_memberships(user, person):
    if user is not None:
        GroupMembership.objects.filter(user=user).delete()


def _export_follows(user, person):
    if user is None:
        return []
    return [
        {"group": f.group.name, "since": _iso(f.created_at)}
        for f in GroupFollow.objects.filter(user=user).select_related("group")
    ]


def _erase_follows(user, person):
    if user is not None:
        GroupFollow.objects.filter(user=user).delete()


def _export_suggestions(user, person):
    if user is None:
        return []
    return [
        {
            "group": s.group.name,
            "title": s.title,
            "description": s.description,
            "status": s.status,
            "suggested_at": _iso(s.created_at),
        }
        for s in TopicSuggestion.objects.filter(author=user).select_related("group")
    ]


def _erase_suggestions(user, person):
    # The topic stays on the group's list (others supported it); it loses its author.
    if user is not None:
        TopicSuggestion.objects.filter(author=user).update(author=None)
        TopicSuggestion.objects.filter(decided_by=user).update(decided_by=None)


def _export_supports(user, person):
    if user is None:
        return []
    return [
        {
            "group": s.suggestion.group.name,
            "suggestion": s.suggestion.title,
            "supported_at": _iso(s.created_at),
        }
        for s in SuggestionSupport.objects.filter(user=user).select_related("suggestion__group")
    ]


def _erase_supports(user, person):
    if user is not None:
        SuggestionSupport.objects.filter(user=user).delete()


def _export_contacts(user, person):
    if person is None:
        return []
    return [
        {"group": c.group.name, "network": c.group.network.name}
        for c in GroupContact.objects.filter(person=person).select_related("group__network")
    ]


def _erase_contacts(user, person):
    if person is not None:
        GroupContact.objects.filter(person=person).delete()


def _export_resources(user, person):
    if user is None:
        return []
    return [
        {"group": r.group.name, "title": r.title, "added_at": _iso(r.created_at)}
        for r in GroupResource.objects.filter(created_by=user).select_related("group")
    ]


def _erase_resources(user, person):
    # The file belongs to the group; only the link to who added it goes.
    if user is not None:
        GroupResource.objects.filter(created_by=user).update(created_by=None)


def register() -> None:
    personal_data.register(
        "group_memberships",
        export=_export_memberships,
        erase=_erase_memberships,
        models=("groups.GroupMembership",),
    )
    personal_data.register(
        "group_follows",
        export=_export_follows,
        erase=_erase_follows,
        models=("groups.GroupFollow",),
    )
    personal_data.register(
        "topic_suggestions",
        export=_export_suggestions,
        erase=_erase_suggestions,
        models=("groups.TopicSuggestion",),
    )
    personal_data.register(
        "suggestion_supports",
        export=_export_supports,
        erase=_erase_supports,
        models=("groups.SuggestionSupport",),
    )
    personal_data.register(
        "group_contacts",
        export=_export_contacts,
        erase=_erase_contacts,
        models=("groups.GroupContact",),
    )
    personal_data.register(
        "group_resources",
        export=_export_resources,
        erase=_erase_resources,
        models=("groups.GroupResource",),
    )
