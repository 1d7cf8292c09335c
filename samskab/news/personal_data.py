"""The news desk's section of a person's data: the articles they wrote and revised, and
the pages they last changed."""

from samskab.accounts import personal_data

from .models import Article, ArticleRevision, Page


def _export(user, person):
    if user is None:
        return None
    return {
        "articles": [
            {"slug": a.slug, "language": a.language, "title": a.title}
            for a in Article.objects.filter(author=user)
        ],
        "revisions": [
            {"article": r.article_id, "action": r.action, "at": r.created_at.isoformat()}
            for r in ArticleRevision.objects.filter(actor=user)
        ],
        "pages_last_changed": [p.slug for p in Page.objects.filter(updated_by=user)],
    }


def _erase(user, person):
    # The articles are the network's: they stay, without their author.
    if user is None:
        return
    Article.objects.filter(author=user).update(author=None)
    ArticleRevision.objects.filter(actor=user).update(actor=None)
    Page.objects.filter(updated_by=user).update(updated_by=None)


personal_data.register(
    "news_articles",
    export=_export,
    erase=_erase,
    models=("news.Article", "news.ArticleRevision", "news.Page"),
)
