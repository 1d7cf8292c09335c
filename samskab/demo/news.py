"""Demo news for both networks (run after the groups loader). Idempotent: an article is
found again by its network, language and slug."""

import datetime
import random
import uuid

from django.db import transaction
from django.utils import timezone

from samskab.accounts.models import User
from samskab.cases.models import Case
from samskab.core import versions
from samskab.core.text import slugify
from samskab.events.models import Event
from samskab.groups.models import ThemeGroup
from samskab.networks.models import Network
from samskab.news.models import Article, Page, Tag
from samskab.news.selectors import MENU_VERSION_KEY
from samskab.programmes.models import Programme

from .data import news as data
from .data import news_desk as desk
from .data import pages as page_data
from .data.networks import DK_MUNICIPALITIES, NO_MUNICIPALITIES

DESK = {
    "da": (desk.DK_TEMPLATES, desk.DK_NAMES, desk.DK_FALLBACK, DK_MUNICIPALITIES),
    "nb": (desk.NO_TEMPLATES, desk.NO_NAMES, desk.NO_FALLBACK, NO_MUNICIPALITIES),
}
ROUNDS = 3  # each template written up to three times, about different places and things

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


def _article(
    network,
    language,
    slug,
    *,
    key,
    author,
    published,
    updated,
    title,
    lead,
    body,
    status=Article.Status.PUBLISHED,
):
    article, _created = Article.objects.update_or_create(
        network=network,
        language=language,
        slug=slug,
        defaults={
            "translation_key": key,
            "author": author,
            "status": status,
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
        count += _load_desk(network, language, author, now)
    pages = _load_pages()
    if stdout:
        stdout.write(f"News: {count} demo articles, {pages} pages.")


def _links(network, language, now):
    """The network's public cases, past and coming events and programmes, in a fixed order."""
    cases = list(
        Case.objects.published()
        .filter(network=network, language=language)
        .order_by("-published_at", "slug")
    )
    events = Event.objects.filter(network=network, audience=Event.Audience.PUBLIC)
    return {
        "case": cases,
        "event": list(events.filter(starts_at__gte=now).order_by("starts_at", "pk"))
        or list(events.order_by("-starts_at", "pk")),
        "past_event": list(events.filter(starts_at__lt=now).order_by("-starts_at", "pk")),
        "programme": list(Programme.objects.filter(network=network).order_by("slug")),
    }


def _load_desk(network, language, author, now) -> int:
    """A few dozen more articles from the templates: one scheduled, one draft, the rest
    published over the last two years; linked to groups, cases, events and programmes."""
    templates, names, fallback, municipalities = DESK[language]
    rng = random.Random(f"news-{network.slug}")  # noqa: S311 - demo data, not security
    links = _links(network, language, now)
    groups = {g.name: g for g in ThemeGroup.objects.filter(network=network)}
    places = [name for _code, name, _region in municipalities]
    titles, count, i = set(), 0, 0
    for round_ in range(ROUNDS):
        for t, (key, kind, group_name, tags, title, lead, body, english) in enumerate(templates):
            place = places[(t * 7 + round_ * 13) % len(places)]
            pool = links["past_event"] if key.startswith("referat") else links.get(kind, [])
            linked = pool[(round_ + t) % len(pool)] if kind and pool else None
            label = (linked.title if hasattr(linked, "title") else linked.name) if linked else ""
            values = {
                "municipality": place,
                "other": places[(t * 5 + round_ * 11 + 3) % len(places)],
                "n": rng.randint(3, 24),
                "m": rng.randint(30, 90),
                "name": names[(t + round_) % len(names)],
                **fallback,
            }
            if kind:
                values[kind] = label or fallback[kind]
            text = [part.format(**values) for part in (title, lead, body)]
            if text[0] in titles:
                continue
            titles.add(text[0])
            days = 4 + i * 14 + rng.randint(0, 6)
            status, published = Article.Status.PUBLISHED, now - datetime.timedelta(days=days)
            if i == 0:  # scheduled: the drafts page shows it, readers do not yet
                published = now + datetime.timedelta(days=3, hours=2)
            elif i == 1:
                status, published = Article.Status.DRAFT, None
            updated = (
                published + datetime.timedelta(days=2)
                if status == Article.Status.PUBLISHED and i % 5 == 3 and days > 2
                else None
            )
            slug = slugify(f"{key}-{place}")[:180]
            found = Article.objects.filter(network=network, language=language, slug=slug)
            key_uuid = found.values_list("translation_key", flat=True).first() or uuid.uuid4()
            fields = {"author": author, "published": published, "updated": updated}
            article = _article(
                network,
                language,
                slug,
                key=key_uuid,
                status=status,
                title=text[0],
                lead=text[1],
                body=text[2],
                **fields,
            )
            article.tags.set(_tags(network, language, tags))
            group = groups.get(group_name)
            _relate(article, group, kind, linked)
            count += 1
            i += 1
            if english and round_ == 0 and status == Article.Status.PUBLISHED:
                en_values = {**values, **desk.EN_FALLBACK}
                if kind:
                    en_values[kind] = label or desk.EN_FALLBACK[kind]
                en = [part.format(**en_values) for part in english]
                version = _article(
                    network,
                    "en",
                    slugify(en[0])[:180],
                    key=key_uuid,
                    title=en[0],
                    lead=en[1],
                    body=en[2],
                    **fields,
                )
                version.tags.set(_tags(network, "en", ["news"]))
                _relate(version, group, kind, linked)
                count += 1
    return count


def _relate(article, group, kind, linked) -> None:
    article.theme_groups.set([group] if group else [])
    article.cases.set([linked] if kind == "case" and linked else [])
    article.events.set([linked] if kind == "event" and linked else [])
    article.programmes.set([linked] if kind == "programme" and linked else [])


def _load_pages() -> int:
    """The networks' static pages in their language and English; in the main menu."""
    count = 0
    for network_slug, pages in page_data.PAGES.items():
        network = Network.objects.filter(slug=network_slug).first()
        if network is None:
            continue
        for position, (slug, texts) in enumerate(pages, start=1):
            defaults = {"published": True, "menu_position": position}
            for code, (title, description, body) in texts.items():
                defaults.update(
                    {
                        f"title_{code}": title,
                        f"description_{code}": description,
                        f"body_{code}": body,
                    }
                )
            Page.objects.update_or_create(network=network, slug=slug, defaults=defaults)
            count += 1
    versions.bump(MENU_VERSION_KEY)
    return count
