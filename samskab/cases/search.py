"""The case bank in the search index: one Document per case, public fields only (never the
contact's phone or e-mail): every text section, the quote, and the titles of the case's
materials and links (as the public case page shows them). Adding or removing a material or
a link re-indexes its case."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from samskab.networks.models import Network
from samskab.search.registry import Document, SearchAdapter, object_changed

from . import selectors
from .models import Case, CaseLink, CaseMaterial, InterventionType, Topic

# Every Markdown section the case page shows, and the quote.
TEXT_FIELDS = (*Case.TEXT_SECTIONS, "quote_text")


class CaseAdapter(SearchAdapter):
    doc_type = "case"
    type_label = _("Case")

    def queryset(self):
        return Case.objects.select_related(
            "network", "organisation", "organisation__region"
        ).prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("order")),
            Prefetch("prevention_types", queryset=InterventionType.objects.order_by("order")),
            Prefetch("materials", queryset=CaseMaterial.objects.only("case_id", "title", "order")),
            Prefetch("links", queryset=CaseLink.objects.only("case_id", "title", "order")),
        )

    def documents(self, queryset):
        # One query for the networks, not one per shared case.
        network_ids = list(Network.objects.values_list("pk", flat=True))
        # And one URL pattern per language rather than a reverse() per case.
        patterns = {}
        for language, _name in Case.Language.choices:
            with translation.override(language):
                patterns[language] = reverse("cases:detail", kwargs={"slug": "SLUG"})
        readable = selectors.networks_reading(queryset.values_list("pk", flat=True), network_ids)
        for case in queryset.iterator(chunk_size=500):
            url = patterns.get(case.language or "da", patterns["da"]).replace("SLUG", case.slug)
            yield self.document(case, reading=readable.get(case.pk, set()), url=url)

    def document(self, case: Case, *, reading=None, url=None) -> Document | None:
        if case.status != Case.Status.PUBLISHED:
            return None
        # The same document whatever language the request or command that indexes it runs
        # in: the words in the case's own language (its topics as its readers call them),
        # the facet labels in the site's default language, as the facet lists show them.
        topics = list(case.topics.all())
        with translation.override(settings.LANGUAGE_CODE):
            facets = self._facets(case, topics)
        with translation.override(case.language or settings.LANGUAGE_CODE):
            return self._document(case, topics, reading=reading, url=url, facets=facets)

    def _facets(self, case: Case, topics) -> dict:
        org = case.organisation
        year = (
            case.period_start.year
            if case.period_start
            else (case.published_at.year if case.published_at else case.created_at.year)
        )
        facets = {
            "network": [(case.network.slug, case.network.name)],
            "topic": [(t.slug, t.label) for t in topics],
            "year": [str(year)],
            "evaluated": [case.evaluation],
        }
        if org is not None:
            facets["municipality"] = [(org.slug, org.name)]
        if case.budget_band:
            facets["budget"] = [(case.budget_band, case.get_budget_band_display())]
        return facets

    def _document(self, case: Case, topics, *, reading, url, facets) -> Document:
        if url is None:
            with translation.override(case.language or "da"):
                url = case.get_absolute_url()
        if reading is None:  # the one visibility rule: the networks that can read the case
            reading = selectors.networks_reading([case.pk], Network.objects.values("pk")).get(
                case.pk, set()
            )
        shared = sorted(pk for pk in reading if pk != case.network_id)
        types = list(case.prevention_types.all())
        org = case.organisation
        body = "\n\n".join(getattr(case, f) for f in TEXT_FIELDS if getattr(case, f))
        # Titles of the files and links the case page lists (not file names or addresses).
        attached = [m.title for m in case.materials.all()] + [x.title for x in case.links.all()]
        body = "\n\n".join(part for part in (body, *attached) if part)
        return Document(
            doc_type=self.doc_type,
            object_id=str(case.pk),
            title=case.title,
            url=url,
            language=case.language or "da",
            network_id=case.network_id,
            shared_network_ids=shared,
            summary=case.summary,
            topics=[t.label for t in topics]
            + [t.label for t in types]
            + ([org.name] if org else []),
            body=body,
            published=True,
            date=(case.published_at or case.created_at).date(),
            facets=facets,
        )


def _case_attachment_changed(sender, instance, raw=False, **kwargs):
    """A material or link was added, changed or removed: re-index its case."""
    if raw or not instance.case_id:
        return
    object_changed.send(sender=Case, pk=str(instance.case_id))


for _model in (CaseMaterial, CaseLink):
    post_save.connect(_case_attachment_changed, sender=_model, dispatch_uid=f"search-{_model}")
    post_delete.connect(
        _case_attachment_changed, sender=_model, dispatch_uid=f"search-del-{_model}"
    )


TOPIC_LABELS_KEY = "search:topic-labels"


def topic_labels(values: list[str]) -> dict[str, str]:
    """The topic facet in the reader's language (the index holds the default one). The
    taxonomy is small and seldom changes: its labels in every language are kept in the
    cache (public names only) and forgotten when a topic is saved or deleted."""
    labels = cache.get(TOPIC_LABELS_KEY)
    if labels is None:
        languages = [code for code, _name in settings.LANGUAGES]
        labels = {}
        for topic in Topic.objects.all():
            labels[topic.slug] = {}
            for code in languages:
                with translation.override(code):
                    labels[topic.slug][code] = topic.label
        cache.set(TOPIC_LABELS_KEY, labels, 24 * 3600)
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {v: labels[v].get(language, v) for v in values if v in labels}


def _forget_topic_labels(**kwargs):
    cache.delete(TOPIC_LABELS_KEY)


post_save.connect(_forget_topic_labels, sender=Topic, dispatch_uid="search-topic-labels")
post_delete.connect(_forget_topic_labels, sender=Topic, dispatch_uid="search-topic-labels-del")


def choice_labels(choices, values: list[str]) -> dict[str, str]:
    """A choice facet (evaluated, budget) in the reader's language."""
    known = dict(choices.choices)
    return {value: str(known[value]) for value in values if value in known}
