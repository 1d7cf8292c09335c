"""News articles in the search index: published ones past their time only, each in its
own language's analyser. Drafts, scheduled and unpublished articles are left out (a
``None`` document removes them); a scheduled article is indexed again at its time."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.search.registry import Document, SearchAdapter

from .models import Article


class ArticleAdapter(SearchAdapter):
    doc_type = "article"
    type_label = _("News")

    def queryset(self):
        return Article.objects.select_related("network").prefetch_related("tags")

    def document(self, article: Article) -> Document | None:
        if not article.is_visible:
            return None
        network = article.network
        return Document(
            doc_type=self.doc_type,
            object_id=str(article.pk),
            title=article.title,
            url=article.get_absolute_url(),
            language=article.language,
            network_id=article.network_id,
            summary=article.lead,
            topics=[t.name for t in article.tags.all()],
            body=article.body,
            published=True,
            date=timezone.localdate(article.published_at),
            facets={"network": [(network.slug, network.name)]},
        )


def index_at_publication(article: Article) -> None:
    """A scheduled article enters the index at its time, by a deferred task where the
    task backend can defer (the database backend in production)."""
    from samskab.search.tasks import index_object

    if not index_object.get_backend().supports_defer:
        return
    task = index_object.using(run_after=article.published_at)
    from django.db import transaction

    transaction.on_commit(lambda: task.enqueue(model="news.article", pk=str(article.pk)))
