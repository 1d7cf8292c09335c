"""The search index: a table of its own, independent of the models it indexes.

``SearchDocument`` holds what the engine needs to find, rank and show a hit; ``SearchFacet``
what it needs to filter; ``SearchTerm`` the vocabulary with document frequencies (for
ranking and "did you mean"). The full-text index on top of ``SearchDocument`` depends on
the database (``backends.py``): an FTS5 table on SQLite, a ``tsvector`` column with a GIN
index on PostgreSQL. Both are fed the same analysed terms (``analysis.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    doc_type = models.CharField(_("type"), max_length=40)
    object_id = models.CharField(_("object id"), max_length=64)
    network_id = models.PositiveBigIntegerField(_("network id"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8)
    url = models.CharField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    # Analysed terms per field, space separated with a space before and after, so that
    # " term " counts exact occurrences and " term" prefix occurrences.
    terms_title = models.TextField(blank=True)
    terms_mid = models.TextField(blank=True)
    terms_body = models.TextField(blank=True)
    # One token per facet value and visible network (see backends.facet_token), indexed
    # with the terms so that filters are intersections inside the full-text index.
    terms_facets = models.TextField(blank=True)
    len_title = models.PositiveIntegerField(default=0)
    len_mid = models.PositiveIntegerField(default=0)
    len_body = models.PositiveIntegerField(default=0)
    # {key: [[value, label], ...]} as shown in the facet list; filtering uses SearchFacet.
    facets = models.JSONField(default=dict, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["doc_type", "object_id"], name="searchdocument_unique_object"
            ),
        ]

    def __str__(self):
        return self.title


class SearchFacet(models.Model):
    """One filterable value of a document. Key ``_net`` lists the networks that may see it."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facet_rows"
    )
    key = models.CharField(max_length=40)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["key", "value", "document"], name="searchfacet_key_value")]

    def __str__(self):
        return f"{self.key}={self.value}"


class SearchTerm(models.Model):
    """The indexed vocabulary: a term, how many documents hold it, and a word it came from.

    Rows whose term starts with ``#`` are collection statistics (document count, total
    field lengths); the tokeniser never produces ``#``.
    """

    term = models.CharField(max_length=80, unique=True)
    df = models.BigIntegerField(default=0)
    form = models.CharField(max_length=80, blank=True)

    def __str__(self):
        return self.term


class Equivalent(models.Model):
    """Words that mean the same across Danish, Norwegian, Swedish and English but that
    stemming cannot join (*ældre* / *eldre* / *äldre* / *elderly*). A query for one finds
    the others. Multi-word entries (*fysisk aktivitet*) match as phrases."""

    words = models.TextField(
        _("equivalent words"),
        help_text=_(
            "Words or short phrases that mean the same, separated by commas, "
            'e.g. "ældre, eldre, äldre, elderly".'
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("equivalent words")
        verbose_name_plural = _("equivalent words")
        ordering = ["words"]

    def __str__(self):
        return self.words

    def word_list(self) -> list[str]:
        return [w.strip() for w in self.words.split(",") if w.strip()]
