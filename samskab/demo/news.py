"""Demo news for both networks (run after the groups loader). Idempotent: an article is
found again by its network, language and slug."""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from samskab.accounts.models import User
from samskab.core.text import slugify
from samskab.groups.models import ThemeGroup
from samskab.networks.models import Network
from samskab.news.models import Article, Tag

from .data import news as data

NETWORKS = {
    "sund-by-netvaerket": ("da", data.DK_ARTICLES, "sekretariat@sundby.example"),
    "sunne-kommuner": ("nb", data.NO_ARTICLES, "sekretariat@sunnekommuner.example"),
}


def _tags(network, language, names):
    return [
        Tag.objects.get_or_create(
            network=network, language=language, slug=slugify(name), defaults={"name": name}
        )[0]
        for name in names
    ]


def _article(network, language, slug, *, key, author, published, updated, title, lead, body):
    article, _created = Article.objects.update_or_create(
        network=network,
        language=language,
        slug=slug,
        defaults={
            "translation_key": key,
            "author": author,
            "status": Article.Status.PUBLISHED,
            "published_at": published,
            "revised_at": updated,
            "title": title,
            "lead": lead,
            "body": body,
        },
    )
    return article


@transaction.atomic
def load(stdout=None):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    count = 0
    for network_slug, (language, articles, author_email) in NETWORKS.items():
        network = Network.objects.filter(slug=network_slug).first()
        if network is None:
            continue
        author = User.objects.filter(email=author_email).first()
        for slug, days, updated_days, group_name, tags, title, lead, body, english in articles:
            existing = Article.objects.filter(network=network, language=language, slug=slug)
            key = existing.values_list("translation_key", flat=True).first()
            published = now - datetime.timedelta(days=days)
            updated = now - datetime.timedelta(days=updated_days) if updated_days else None
            fields = {"author": author, "published": published, "updated": updated}
            key = key or uuid.uuid4()
            article = _article(
                network, language, slug, key=key, title=title, lead=lead, body=body, **fields
            )
            article.tags.set(_tags(network, language, tags))
            group = ThemeGroup.objects.filter(network=network, name=group_name).first()
            article.theme_groups.set([group] if group else [])
            count += 1
            if english:
                en_title, en_lead, en_body = english
                version = _article(
                    network,
                    "en",
                    slugify(en_title)[:180],
                    key=key,
                    title=en_title,
                    lead=en_lead,
                    body=en_body,
                    **fields,
                )
                version.theme_groups.set([group] if group else [])
                count += 1
    if stdout:
        stdout.write(f"News: {count} demo articles.")
