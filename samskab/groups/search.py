"""Theme groups and their public resources in the search index.

A theme group's page is public, so every group is indexed: its name, lead, purpose,
background, target group and focus, and its former names (so that searching the old name
of a renamed group finds it). Never indexed: the contacts (their phone and e-mail), the
member list, membership requests and topic suggestions.

Resources: only those every reader may see (``members_only`` False); making a resource
members-only takes it out of the index.
"""

from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from samskab.search.registry import Document, SearchAdapter

from .models import GroupAlias, GroupResource, ThemeGroup


def _language(network) -> str:
    return network.default_language or "da"


class ThemeGroupAdapter(SearchAdapter):
    doc_type = "theme_group"
    type_label = _("Theme group")

    def queryset(self):
        return ThemeGroup.objects.select_related("network").prefetch_related(
            Prefetch("aliases", queryset=GroupAlias.objects.order_by("-created_at", "-id"))
        )

    def document(self, group: ThemeGroup) -> Document | None:
        network = group.network
        language = _language(network)
        with translation.override(language):
            url = reverse("groups:detail", kwargs={"slug": group.slug})
        former = [a.name for a in group.aliases.all() if a.name and a.name != group.name]
        body = [group.background, group.target_group, group.focus, *dict.fromkeys(former)]
        return Document(
            doc_type=self.doc_type,
            object_id=str(group.pk),
            title=group.name,
            url=url,
            language=language,
            network_id=group.network_id,
            summary="\n\n".join(text for text in (group.lead, group.purpose) if text),
            body="\n\n".join(text for text in body if text),
            published=True,
            date=group.created_at.date() if group.created_at else None,
            facets={"network": [(network.slug, network.name)]},
        )


class GroupResourceAdapter(SearchAdapter):
    doc_type = "resource"
    type_label = _("Resource")

    def queryset(self):
        return GroupResource.objects.select_related("group", "group__network")

    def document(self, resource: GroupResource) -> Document | None:
        if resource.members_only:
            return None
        group = resource.group
        network = group.network
        language = _language(network)
        with translation.override(language):
            # The checked view: the file, or a redirect to the link.
            url = reverse(
                "groups:resource_download", kwargs={"slug": group.slug, "pk": resource.pk}
            )
        return Document(
            doc_type=self.doc_type,
            object_id=str(resource.pk),
            title=resource.title,
            url=url,
            language=language,
            network_id=group.network_id,
            summary=resource.description,
            topics=[group.name],
            body=resource.filename,
            published=True,
            date=resource.created_at.date() if resource.created_at else None,
            facets={"network": [(network.slug, network.name)]},
        )


def _reindex(model: str, pk) -> None:
    from samskab.core.tasks import enqueue_on_commit
    from samskab.search.tasks import index_object

    enqueue_on_commit(index_object, model=model, pk=str(pk))


def _group_saved(sender, instance, raw=False, **kwargs):
    """The group's name and slug are part of its resources' documents (a rename)."""
    if raw:
        return
    for pk in GroupResource.objects.filter(group=instance).values_list("pk", flat=True):
        _reindex("groups.groupresource", pk)


def _alias_changed(sender, instance, raw=False, **kwargs):
    """Former names are part of the group's document."""
    if not raw and instance.group_id:
        _reindex("groups.themegroup", instance.group_id)


def connect_signals() -> None:
    post_save.connect(_group_saved, sender=ThemeGroup, dispatch_uid="search-group-resources")
    post_save.connect(_alias_changed, sender=GroupAlias, dispatch_uid="search-group-alias")
    post_delete.connect(_alias_changed, sender=GroupAlias, dispatch_uid="search-group-alias-delete")
