"""Writes for the news desk: create, translate, change, publish (now or at a time),
unpublish and delete articles. Each is one transaction and validates before it saves."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.audit import services as audit
from samskab.audit.models import Action
from samskab.core.guards import require
from samskab.core.text import single_line, slugify
from samskab.networks.predicates import staff_network_ids

from ..models import LANGUAGES, Article, ArticleRevision, Tag
from ..predicates import coordinated_group_ids
from ..search import index_at_publication

LANGUAGE_CODES = {code for code, _name in LANGUAGES}
# Paths under /news/ that are pages of their own, not articles.
RESERVED_SLUGS = {"new", "tag", "feed", "drafts", "rss", "atom"}
TEXT_FIELDS = ("title", "lead", "body")


def _free_slug(network, language: str, title: str, *, article: Article | None = None) -> str:
    base = slugify(title)[:180] or "article"
    if base.isdigit() or base in RESERVED_SLUGS:
        base = f"{base}-article"
    slug, n = base, 2
    others = Article.objects.filter(network=network, language=language)
    if article is not None and article.pk:
        others = others.exclude(pk=article.pk)
    while others.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _tags(network, language: str, names) -> list[Tag]:
    tags = []
    for raw in names or []:
        name = single_line(raw)[:100]
        slug = slugify(name)[:100]
        if not slug:
            continue
        tag, _created = Tag.objects.get_or_create(
            network=network, language=language, slug=slug, defaults={"name": name}
        )
        if tag not in tags:
            tags.append(tag)
    return tags


def _check_groups(actor, network, groups) -> None:
    """Coordinators (who are not the network's staff) write news of their own groups."""
    if any(g.network_id != network.id for g in groups):
        raise ValidationError({"theme_groups": _("Choose theme groups of this network.")})
    if actor.is_superuser or network.id in staff_network_ids(actor):
        return
    mine = coordinated_group_ids(actor)
    if not groups or any(g.pk not in mine for g in groups):
        raise ValidationError(
            {"theme_groups": _("Choose at least one theme group you coordinate, and only those.")}
        )


def _check_links(network, data: dict) -> None:
    if any(event.network_id != network.id for event in data.get("events") or []):
        raise ValidationError({"events": _("Choose events of this network.")})
    if any(case.network_id != network.id for case in data.get("cases") or []):
        raise ValidationError({"cases": _("Choose cases of this network.")})
    if any(p.network_id != network.id for p in data.get("programmes") or []):
        raise ValidationError({"programmes": _("Choose programmes of this network.")})


def _revision(article: Article, actor, action: str) -> None:
    ArticleRevision.objects.create(
        article=article,
        actor=actor if actor.is_authenticated else None,
        action=action,
        title=article.title,
        lead=article.lead,
        body=article.body,
    )


def _apply(article: Article, data: dict) -> None:
    if "title" in data:
        article.title = single_line(data["title"])
    for field in ("lead", "body"):
        if field in data and data[field] is not None:
            setattr(article, field, data[field])
    if not article.title:
        raise ValidationError({"title": _("An article needs a title.")})


def _set_relations(article: Article, data: dict) -> None:
    if "tags" in data:
        article.tags.set(_tags(article.network, article.language, data["tags"]))
    for field in ("theme_groups", "events", "cases", "programmes"):
        if field in data and data[field] is not None:
            getattr(article, field).set(list(data[field]))


@transaction.atomic
def article_create(
    *, actor, network, language: str, data: dict, translation_of: Article | None = None
) -> Article:
    """A new draft, in ``language``; ``translation_of`` makes it a version of that article.
    ``data``: title, lead, body, tags (names), theme_groups, events, cases, programmes."""
    require(
        actor,
        "news.add_article",
        network,
        _("Only the secretariat and theme-group coordinators may write news."),
    )
    if language not in LANGUAGE_CODES:
        raise ValidationError({"language": _("Choose Danish, Norwegian or English.")})
    key = uuid.uuid4()
    if translation_of is not None:
        require(
            actor,
            "news.change_article",
            translation_of,
            _("Only the article's editors may translate it."),
        )
        if translation_of.network_id != network.id:
            raise ValidationError(_("The article belongs to another network."))
        key = translation_of.translation_key
        if Article.objects.filter(translation_key=key, language=language).exists():
            raise ValidationError(
                {"language": _("The article already has a version in this language.")}
            )
        if "theme_groups" not in data:
            data = {**data, "theme_groups": list(translation_of.theme_groups.all())}
    _check_groups(actor, network, list(data.get("theme_groups") or []))
    _check_links(network, data)
    article = Article(network=network, language=language, translation_key=key, author=actor)
    _apply(article, data)
    article.slug = _free_slug(network, language, article.title)
    article.full_clean()
    article.save()
    _set_relations(article, data)
    _revision(article, actor, "create")
    return article


@transaction.atomic
def article_update(*, actor, article: Article, data: dict) -> Article:
    """Change an article's text and links. A published article's text change sets its
    "last updated" date; the slug stays (links keep working)."""
    require(
        actor,
        "news.change_article",
        article,
        _("Only the secretariat and the coordinators of the article's groups may change it."),
    )
    if "theme_groups" in data and data["theme_groups"] is not None:
        _check_groups(actor, article.network, list(data["theme_groups"]))
    _check_links(article.network, data)
    before = tuple(getattr(article, f) for f in TEXT_FIELDS)
    _apply(article, data)
    changed = before != tuple(getattr(article, f) for f in TEXT_FIELDS)
    if changed and article.is_visible:
        article.revised_at = timezone.now()
    article.full_clean()
    article.save()
    _set_relations(article, data)
    if changed:
        _revision(article, actor, "update")
    return article


PUBLICATION_FIELDS = ("status", "published_at")


def _record(actor, article: Article, action: str, before: dict) -> None:
    audit.record(
        actor=actor,
        network=article.network,
        action=action,
        obj=article,
        before=before,
        after=audit.snapshot(article, PUBLICATION_FIELDS),
        label=article.title,
    )


@transaction.atomic
def article_publish(*, actor, article: Article, at: datetime.datetime | None = None) -> Article:
    """Publish now, or at ``at`` (an aware time; the article stays hidden until then)."""
    require(
        actor,
        "news.publish_article",
        article,
        _("Only the secretariat and the coordinators of the article's groups may publish it."),
    )
    before = audit.snapshot(article, PUBLICATION_FIELDS)
    now = timezone.now()
    if at is not None and timezone.is_naive(at):
        raise ValidationError({"publish_at": _("Give the time in the network's time zone.")})
    if not article.title or not (article.lead or article.body):
        raise ValidationError(_("Write a lead or a body before you publish."))
    if at is None or at <= now:
        # Publishing again keeps the first publication date (a correction is an update).
        if not (article.is_visible and article.published_at):
            article.published_at = now
    else:
        article.published_at = at
    article.status = Article.Status.PUBLISHED
    article.save()
    _revision(article, actor, "schedule" if article.is_scheduled else "publish")
    _record(actor, article, Action.ARTICLE_PUBLISHED, before)
    if article.is_scheduled:
        index_at_publication(article)
    return article


@transaction.atomic
def article_unpublish(*, actor, article: Article) -> Article:
    """Back to draft: readers no longer see it anywhere."""
    require(
        actor,
        "news.publish_article",
        article,
        _("Only the secretariat and the coordinators of the article's groups may unpublish it."),
    )
    before = audit.snapshot(article, PUBLICATION_FIELDS)
    article.status = Article.Status.DRAFT
    article.published_at = None
    article.revised_at = None
    article.save()
    _revision(article, actor, "unpublish")
    _record(actor, article, Action.ARTICLE_UNPUBLISHED, before)
    return article


@transaction.atomic
def article_delete(*, actor, article: Article) -> None:
    require(
        actor,
        "news.delete_article",
        article,
        _("Only the secretariat and the coordinators of the article's groups may delete it."),
    )
    article.delete()
