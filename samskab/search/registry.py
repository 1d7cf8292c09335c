"""What is searchable: each app registers its model with an adapter that makes a Document.

    from samskab.search.registry import Document, SearchAdapter, register

    class CaseAdapter(SearchAdapter):
        doc_type = "case"
        type_label = _("Case")

        def queryset(self):
            return Case.objects.select_related("network", "organisation")

        def document(self, case):
            return Document(doc_type=self.doc_type, object_id=str(case.pk), ...)

    register(Case, CaseAdapter())      # in CasesConfig.ready()

Saving or deleting a registered object sends ``object_changed`` or ``object_removed``, on
which ``search.signals`` enqueues its re-indexing (tasks API, after commit);
``manage.py rebuild_search_index`` rebuilds everything registered. This module is the bottom
of the search app: it imports nothing of it, so every other module may import it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

# A registered object was saved (``sender``: its model; ``pk``) or deleted (``sender``,
# ``doc_type``, ``object_id``).
object_changed = Signal()
object_removed = Signal()


@dataclass
class Document:
    """One searchable thing, as the index sees it. Never put personal contact data here."""

    doc_type: str
    object_id: str
    title: str
    url: str
    language: str = "da"
    network_id: int | None = None
    shared_network_ids: Sequence[int] = ()
    summary: str = ""
    topics: Sequence[str] = ()
    body: str = ""
    published: bool = True
    date: datetime.date | None = None
    # Filter facets: key -> values, each a string or a (value, label) pair, e.g.
    # {"topic": [("fysisk-aktivitet", "Fysisk aktivitet")], "year": ["2024"]}.
    facets: dict[str, Iterable] = field(default_factory=dict)


class SearchAdapter:
    """Turns objects of one model into Documents. Subclass and set ``doc_type``."""

    doc_type: str = ""
    type_label = ""
    model = None

    def queryset(self):
        return self.model._default_manager.all()

    def document(self, obj) -> Document | None:
        raise NotImplementedError

    def documents(self, queryset) -> Iterable[Document | None]:
        """Documents of many objects (a rebuild); override to share work between them."""
        for obj in queryset.iterator(chunk_size=500):
            yield self.document(obj)


_adapters: dict[str, SearchAdapter] = {}
_by_model: dict[type, SearchAdapter] = {}
_replaced: dict[type, list[SearchAdapter]] = {}

# The facets shown beside results, in this order; apps may add more with register_facet.
FACETS: dict[str, str] = {
    "type": _("Type"),
    "network": _("Network"),
    "topic": _("Topic"),
    "municipality": _("Municipality"),
    "year": _("Year"),
    "budget": _("Budget per year"),
    "evaluated": _("Evaluated"),
}


def register_facet(key: str, label) -> None:
    FACETS.setdefault(key, label)


# Facet values whose label depends on the reader's language (a topic, a choice): key ->
# a function from the values shown to {value: label} in the active language. The index
# stores one label per value (the site's default language); this one is shown instead.
FACET_LABELLERS: dict[str, Callable[[list[str]], dict[str, str]]] = {}


def register_facet_labels(key: str, labeller: Callable[[list[str]], dict[str, str]]) -> None:
    FACET_LABELLERS[key] = labeller


def facet_labels(key: str, values: list[str]) -> dict[str, str]:
    """Labels of ``values`` of facet ``key`` in the active language ({} if none known)."""
    labeller = FACET_LABELLERS.get(key)
    return {str(k): str(v) for k, v in labeller(values).items()} if labeller and values else {}


def register(model, adapter: SearchAdapter) -> SearchAdapter:
    """Make ``model`` searchable through ``adapter`` and keep its documents current."""
    if not adapter.doc_type:
        adapter.doc_type = model._meta.label_lower
    previous = _by_model.get(model)
    if previous is not None and previous is not adapter:
        # One adapter per model: a new one (e.g. a test's) stands in until unregistered.
        _disconnect(model, previous)
        _replaced.setdefault(model, []).append(previous)
    adapter.model = model
    _adapters[adapter.doc_type] = adapter
    _by_model[model] = adapter
    uid = f"search-index-{adapter.doc_type}"
    post_save.connect(_on_save, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid + "-delete", weak=False)
    return adapter


def unregister(model) -> None:
    """Stop indexing ``model``; an adapter it replaced (see ``register``) is back in place."""
    adapter = _by_model.pop(model, None)
    if adapter is None:
        return
    _disconnect(model, adapter)
    if _replaced.get(model):
        register(model, _replaced[model].pop())


def _disconnect(model, adapter: SearchAdapter) -> None:
    if _adapters.get(adapter.doc_type) is adapter:
        del _adapters[adapter.doc_type]
    uid = f"search-index-{adapter.doc_type}"
    post_save.disconnect(sender=model, dispatch_uid=uid)
    post_delete.disconnect(sender=model, dispatch_uid=uid + "-delete")


def adapters() -> dict[str, SearchAdapter]:
    return dict(_adapters)


def adapter_for_type(doc_type: str) -> SearchAdapter | None:
    return _adapters.get(doc_type)


def adapter_for_model(model) -> SearchAdapter | None:
    return _by_model.get(model)


def type_label(doc_type: str) -> str:
    adapter = _adapters.get(doc_type)
    return str(adapter.type_label) if adapter and adapter.type_label else doc_type


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata
        return
    object_changed.send(sender=sender, pk=str(instance.pk))


def _on_delete(sender, instance, **kwargs):
    adapter = _by_model.get(sender)
    if adapter is not None:
        object_removed.send(sender=sender, doc_type=adapter.doc_type, object_id=str(instance.pk))
