"""The WordPress import: one transaction that brings a network's old site in.

``site_import(actor=..., network=..., path=...)`` reads the export twice, streaming (first
the authors, terms and attachments, which every post may refer to; then the posts and
pages), and returns an :class:`ImportReport`. A second run with the same or a newer export
updates what the first made (the WordPress-id map in ``ImportedItem``), leaves alone what did
not change, and never overwrites an article or page that was changed in Samskab since: it
reports those instead. ``dry_run`` does everything and rolls it back (no files are stored).
"""

from __future__ import annotations

import datetime
import hashlib
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskab.cases.files import check_material, clean_filename
from samskab.core.files import unguessable_name
from samskab.core.guards import person, require
from samskab.core.text import single_line, slugify
from samskab.news.models import Article, ArticleRevision, Page, Tag
from samskab.news.services import RESERVED_SLUGS, article_set_image
from samskab.news.services.images import IMAGE_TYPES
from samskab.news.services.pages import RESERVED_PAGE_SLUGS

from . import wxr
from .addresses import normalise_path
from .content import CONVERTER_VERSION, plain_text, to_markdown, upload_key
from .models import ImportedFile, ImportedItem, ImportRun, OldAddress

LANGUAGE_CODES = ("da", "nb", "en")
# WordPress statuses -> article status; the others are not imported.
STATUSES = {"publish": "published", "future": "published", "draft": "draft", "pending": "draft"}
# Internal WordPress types that are never content.
INTERNAL_TYPES = {
    "revision",
    "nav_menu_item",
    "custom_css",
    "customize_changeset",
    "oembed_cache",
    "user_request",
    "wp_block",
    "wp_template",
    "wp_template_part",
    "wp_global_styles",
    "wp_navigation",
    "wp_font_family",
    "wp_font_face",
}
MAX_FILE_SIZE = 50 * 1024 * 1024


@dataclass
class ImportReport:
    """Counts per kind (created, updated, unchanged, skipped) and every item not imported."""

    dry_run: bool = False
    counts: dict[str, Counter] = field(default_factory=dict)
    problems: list[dict] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    dropped_characters: int = 0
    language: str = ""
    run_id: int | None = None

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += n

    def skip(self, kind: str, wp_id, reason: str) -> None:
        self.count(kind, "skipped")
        self.problems.append({"kind": kind, "wp_id": wp_id, "reason": reason})

    def note(self, kind: str, wp_id, reason: str) -> None:
        """Imported, but something of it did not come along."""
        self.problems.append({"kind": kind, "wp_id": wp_id, "reason": reason})

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "language": self.language,
            "counts": {k: dict(v) for k, v in sorted(self.counts.items())},
            "problems": self.problems,
            "missing_files": self.missing_files,
            "dropped_characters": self.dropped_characters,
        }


@dataclass
class _Attachment:
    wp_id: int
    url: str
    file: str
    alt: str
    title: str
    link: str


@dataclass
class _Context:
    actor: object
    network: object
    report: ImportReport
    language: str
    tz: zoneinfo.ZoneInfo
    uploads: Path | None
    dry_run: bool
    authors: dict = field(default_factory=dict)  # login -> wxr.Author
    users: dict = field(default_factory=dict)  # login -> User | None
    terms: dict = field(default_factory=dict)  # (kind, slug) -> name
    attachments: dict = field(default_factory=dict)  # wp_id -> _Attachment
    files: dict = field(default_factory=dict)  # uploads key -> ImportedFile
    files_by_id: dict = field(default_factory=dict)  # wp_id -> ImportedFile
    used_terms: set = field(default_factory=set)  # (domain, slug, tag pk)
    site_hosts: set = field(default_factory=set)  # the old site's host names


def _site_language(code: str) -> str | None:
    code = (code or "").lower()
    for ours, theirs in (("da", "da"), ("nb", "nb"), ("nb", "no"), ("nb", "nn"), ("en", "en")):
        if code == theirs or code.startswith(theirs + "-"):
            return ours
    return None


def _verified_user(email: str):
    """The user whose *verified* address this is (allauth), else None."""
    if not email:
        return None
    address = (
        EmailAddress.objects.filter(email__iexact=email.strip(), verified=True)
        .select_related("user")
        .first()
    )
    return address.user if address and address.user.is_active else None


def _fingerprint(*values) -> str:
    return hashlib.sha256(repr((CONVERTER_VERSION, *values)).encode()).hexdigest()


def _address(ctx: _Context, url: str, target: str, wp_id=None) -> None:
    key = normalise_path(url)
    if not key or not target:
        return
    OldAddress.objects.update_or_create(
        network=ctx.network, path=key, defaults={"target": target, "wp_id": wp_id}
    )


def _old_addresses(ctx: _Context, item: wxr.Item, target: str) -> None:
    param = {"page": "page_id", "attachment": "attachment_id"}.get(item.post_type, "p")
    _address(ctx, f"/?{param}={item.post_id}", target, item.post_id)
    for url in {item.link, item.guid}:
        if url and _same_site(ctx, url):
            _address(ctx, url, target, item.post_id)


def _same_site(ctx: _Context, url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return not ctx.site_hosts or host in ctx.site_hosts


# ---------------------------------------------------------------------------- pass one


def _collect(ctx: _Context, path: Path) -> wxr.Site:
    site = wxr.Site()
    with path.open("rb") as fh:
        reader = wxr.Reader(fh)
        for kind, obj in reader:
            if kind == "site":
                site = obj
            elif kind == "author":
                ctx.authors[obj.login] = obj
            elif kind == "term":
                ctx.terms[(obj.kind, obj.slug)] = obj.name
            elif kind == "item" and obj.post_type == "attachment":
                ctx.attachments[obj.post_id] = _Attachment(
                    wp_id=obj.post_id,
                    url=obj.attachment_url,
                    file=obj.meta.get("_wp_attached_file", "")
                    or upload_key(obj.attachment_url)
                    or "",
                    alt=single_line(obj.meta.get("_wp_attachment_image_alt", ""))[:300],
                    title=single_line(obj.title)[:200],
                    link=obj.link,
                )
        ctx.report.dropped_characters = reader.dropped
    return site


def _import_file(ctx: _Context, att: _Attachment) -> None:
    kind = ImportedItem.Kind.ATTACHMENT
    record = ImportedItem.objects.filter(network=ctx.network, kind=kind, wp_id=att.wp_id).first()
    existing = ImportedFile.objects.filter(network=ctx.network, wp_id=att.wp_id).first()
    source = (ctx.uploads / att.file) if ctx.uploads and att.file else None
    if source is not None:
        try:
            source.resolve().relative_to(ctx.uploads.resolve())
        except ValueError:
            source = None  # "../" in a hostile export: never read outside the folder
    if source is None or not source.is_file():
        if existing is None:
            ctx.report.skip(
                "attachment", att.wp_id, _("File not found: %(url)s") % {"url": att.url}
            )
            ctx.report.missing_files.append(att.url)
            return
        ctx.report.count("attachment", "unchanged")
    else:
        if source.stat().st_size > MAX_FILE_SIZE:
            ctx.report.skip(
                "attachment", att.wp_id, _("File too large: %(url)s") % {"url": att.url}
            )
            return
        data = source.read_bytes()
        print_ = _fingerprint(hashlib.sha256(data).hexdigest(), att.alt, att.title)
        if existing is not None and record is not None and record.fingerprint == print_:
            ctx.report.count("attachment", "unchanged")
        else:
            filename = clean_filename(Path(att.file).name)
            try:
                content_type = check_material(filename, data)
            except ValidationError as exc:
                reason = _("File refused (%(reason)s): %(url)s") % {
                    "reason": " ".join(exc.messages),
                    "url": att.url,
                }
                ctx.report.skip("attachment", att.wp_id, reason)
                return
            if ctx.dry_run:
                name = ""
            else:
                name = default_storage.save(
                    unguessable_name("wordpress", filename), ContentFile(data)
                )
            if existing is None:
                existing = ImportedFile(network=ctx.network, wp_id=att.wp_id)
                ctx.report.count("attachment", "created")
            else:
                old = existing.name
                if old and not ctx.dry_run:
                    transaction.on_commit(lambda: default_storage.delete(old))
                ctx.report.count("attachment", "updated")
            existing.name = name
            existing.filename = filename
            existing.content_type = content_type
            existing.size = len(data)
            existing.alt = att.alt
            existing.save()
            ImportedItem.objects.update_or_create(
                network=ctx.network,
                kind=kind,
                wp_id=att.wp_id,
                defaults={"object_id": existing.pk, "fingerprint": print_, "guid": att.url[:500]},
            )
    ctx.files_by_id[att.wp_id] = existing
    ctx.files[upload_key(att.url) or att.file] = existing
    if att.file:
        ctx.files[att.file] = existing
    target = existing.get_absolute_url()
    _address(ctx, att.url, target, att.wp_id)
    _address(ctx, f"/?attachment_id={att.wp_id}", target, att.wp_id)
    if att.link:
        _address(ctx, att.link, target, att.wp_id)


# ---------------------------------------------------------------------------- pass two


def _lookup(ctx: _Context):
    def by_key(key: str):
        found = ctx.files.get(key)
        return (found.get_absolute_url(), found.alt or found.filename) if found else None

    def by_id(wp_id: int):
        found = ctx.files_by_id.get(wp_id)
        return (found.get_absolute_url(), found.alt or found.filename) if found else None

    return by_key, by_id


def _body(ctx: _Context, item: wxr.Item, kind: str) -> str:
    by_key, by_id = _lookup(ctx)
    body, shortcodes, missing = to_markdown(item.content, lookup=by_key, files_by_id=by_id)
    for code in sorted(set(shortcodes)):
        ctx.report.note(kind, item.post_id, _("Shortcode removed: %(code)s") % {"code": code})
    for url in sorted(set(missing)):
        ctx.report.note(kind, item.post_id, _("Image or file not found: %(url)s") % {"url": url})
        if url not in ctx.report.missing_files:
            ctx.report.missing_files.append(url)
    return body


def _author(ctx: _Context, login: str):
    if login not in ctx.users:
        author = ctx.authors.get(login)
        ctx.users[login] = _verified_user(author.email) if author else None
    return ctx.users[login]


def _author_name(ctx: _Context, login: str) -> str:
    author = ctx.authors.get(login)
    if author is None:
        return single_line(login)[:200]
    full = f"{author.first_name} {author.last_name}".strip()
    return single_line(author.display_name or full or login)[:200]


def _free_slug(model, network, base: str, reserved, *, exclude=None, **scope) -> str:
    base = base or "wordpress"
    if base.isdigit() or base in reserved:
        base = f"{base}-1"
    others = model.objects.filter(network=network, **scope)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    slug, n = base, 2
    while others.filter(slug=slug).exists():
        slug = f"{base[: 190 - len(str(n))]}-{n}"
        n += 1
    return slug


def _tags(ctx: _Context, item: wxr.Item) -> list[Tag]:
    tags = []
    for domain, nicename, name in item.terms:
        if domain not in ("post_tag", "category"):
            continue
        name = single_line(name or ctx.terms.get((domain, nicename), nicename))[:100]
        slug = slugify(name)[:100]
        if not slug:
            continue
        tag, _created = Tag.objects.get_or_create(
            network=ctx.network, language=ctx.language, slug=slug, defaults={"name": name}
        )
        if tag not in tags:
            tags.append(tag)
        ctx.used_terms.add((domain, nicename, tag.pk))
    return tags


def _edited_since(record: ImportedItem | None, obj) -> bool:
    return (
        record is not None
        and record.synced_at is not None
        and obj.updated_at > record.synced_at + datetime.timedelta(seconds=1)
    )


def _import_post(ctx: _Context, item: wxr.Item) -> None:
    status = STATUSES.get(item.status)
    if status is None:
        ctx.report.skip(
            "post", item.post_id, _("Status %(status)s is not imported.") % {"status": item.status}
        )
        return
    published_at = wxr.parse_gmt(item.post_date_gmt) or wxr.parse_local(item.post_date, ctx.tz)
    if status == "published" and published_at is None:
        ctx.report.skip("post", item.post_id, _("A published post without a date."))
        return
    thumbnail = item.meta.get("_thumbnail_id", "")
    print_ = _fingerprint(
        item.title, item.content, item.excerpt, item.status, item.post_date, item.post_date_gmt,
        item.slug, item.terms, thumbnail, item.creator, ctx.language,
    )  # fmt: skip
    kind = ImportedItem.Kind.POST
    record = ImportedItem.objects.filter(network=ctx.network, kind=kind, wp_id=item.post_id).first()
    article = None
    if record is not None:
        article = Article.objects.filter(pk=record.object_id, network=ctx.network).first()
        if article is None:
            ctx.report.skip("post", item.post_id, _("Deleted in Samskab since the last import."))
            return
        if _edited_since(record, article):
            ctx.report.skip("post", item.post_id, _("Changed in Samskab since the last import."))
            return
        if record.fingerprint == print_:
            ctx.report.count("post", "unchanged")
            _old_addresses(ctx, item, article.get_absolute_url())
            return
    created = article is None
    if created:
        article = Article(network=ctx.network, language=ctx.language)
        article.slug = _free_slug(
            Article,
            ctx.network,
            slugify(unquote(item.slug) or item.title)[:180],
            RESERVED_SLUGS,
            language=ctx.language,
        )
    article.title = single_line(item.title)[:200] or _("Untitled")
    article.lead = plain_text(item.excerpt)
    article.body = _body(ctx, item, "post")
    article.status = status
    article.published_at = published_at if status == "published" else None
    user = _author(ctx, item.creator)
    article.author = user
    article.full_clean(validate_unique=False)
    article.save()
    article.tags.set(_tags(ctx, item))
    ArticleRevision.objects.create(
        article=article,
        actor=person(ctx.actor),
        action="import",
        title=article.title,
        lead=article.lead,
        body=article.body,
    )
    if user is None:
        ctx.report.note(
            "post",
            item.post_id,
            _("No user with the verified address of %(author)s: kept as the imported author.")
            % {"author": _author_name(ctx, item.creator)},
        )
    if thumbnail.isdigit():
        _main_image(ctx, item, article, int(thumbnail))
    article.refresh_from_db(fields=["updated_at"])
    ImportedItem.objects.update_or_create(
        network=ctx.network,
        kind=kind,
        wp_id=item.post_id,
        defaults={
            "object_id": article.pk,
            "guid": item.guid[:500],
            "fingerprint": print_,
            "synced_at": article.updated_at,
            "author_name": "" if user else _author_name(ctx, item.creator),
        },
    )
    approved = [c for c in item.comments if c.approved == "1"]
    if approved:
        ctx.report.count("comment", "skipped", len(approved))
        ctx.report.problems.append(
            {
                "kind": "comment",
                "wp_id": item.post_id,
                "reason": ngettext(
                    "%(n)s comment not imported: news articles have no comments.",
                    "%(n)s comments not imported: news articles have no comments.",
                    len(approved),
                )
                % {"n": len(approved)},
            }
        )
    ctx.report.count("post", "created" if created else "updated")
    _old_addresses(ctx, item, article.get_absolute_url())


def _main_image(ctx: _Context, item: wxr.Item, article: Article, wp_id: int) -> None:
    found = ctx.files_by_id.get(wp_id)
    if found is None:
        ctx.report.note("post", item.post_id, _("Featured image %(id)s not found.") % {"id": wp_id})
        return
    if ctx.dry_run or found.content_type not in IMAGE_TYPES:
        return
    att = ctx.attachments.get(wp_id)
    with default_storage.open(found.name, "rb") as fh:
        content = fh.read()
    try:
        article_set_image(
            actor=ctx.actor,
            article=article,
            alt=found.alt or (att.title if att else "") or article.title,
            filename=found.filename,
            content=content,
        )
    except ValidationError as exc:
        ctx.report.note(
            "post",
            item.post_id,
            _("Featured image refused: %(reason)s") % {"reason": " ".join(exc.messages)},
        )


def _import_page(ctx: _Context, item: wxr.Item, parents: dict) -> None:
    if item.status not in ("publish", "draft", "pending", "private"):
        ctx.report.skip(
            "page", item.post_id, _("Status %(status)s is not imported.") % {"status": item.status}
        )
        return
    print_ = _fingerprint(
        item.title, item.content, item.excerpt, item.status, item.slug, item.parent,
        item.menu_order, ctx.language,
    )  # fmt: skip
    kind = ImportedItem.Kind.PAGE
    record = ImportedItem.objects.filter(network=ctx.network, kind=kind, wp_id=item.post_id).first()
    page = None
    if record is not None:
        page = Page.objects.filter(pk=record.object_id, network=ctx.network).first()
        if page is None:
            ctx.report.skip("page", item.post_id, _("Deleted in Samskab since the last import."))
            return
        if _edited_since(record, page):
            ctx.report.skip("page", item.post_id, _("Changed in Samskab since the last import."))
            return
        if record.fingerprint == print_:
            ctx.report.count("page", "unchanged")
            _old_addresses(ctx, item, page.get_absolute_url())
            return
    created = page is None
    lang = ctx.language
    if created:
        page = Page(network=ctx.network)
        page.slug = _free_slug(
            Page, ctx.network, slugify(unquote(item.slug) or item.title)[:90], RESERVED_PAGE_SLUGS
        )
    setattr(page, f"title_{lang}", single_line(item.title)[:200] or _("Untitled"))
    setattr(page, f"body_{lang}", _body(ctx, item, "page"))
    setattr(page, f"description_{lang}", plain_text(item.excerpt)[:300])
    page.published = item.status == "publish"
    # Samskab's pages are flat: top-level pages keep their order as the menu.
    page.menu_position = (
        min(item.menu_order, 999) if page.published and not item.parent and item.menu_order > 0
        else None
    )  # fmt: skip
    page.updated_by = person(ctx.actor)
    page.full_clean(validate_unique=False)
    page.save()
    if item.parent:
        parents[item.post_id] = item.parent
    ImportedItem.objects.update_or_create(
        network=ctx.network,
        kind=kind,
        wp_id=item.post_id,
        defaults={"object_id": page.pk, "guid": item.guid[:500], "fingerprint": print_,
                  "synced_at": page.updated_at},
    )  # fmt: skip
    ctx.report.count("page", "created" if created else "updated")
    _old_addresses(ctx, item, page.get_absolute_url())


def _term_addresses(ctx: _Context, base: str) -> None:
    """/tag/<slug>/ and /category/<slug>/ of the old site -> the tag's news list."""
    tags = {t.pk: t for t in Tag.objects.filter(pk__in={pk for _d, _s, pk in ctx.used_terms})}
    for domain, nicename, pk in ctx.used_terms:
        prefix = "tag" if domain == "post_tag" else "category"
        if nicename and pk in tags:
            _address(ctx, f"{base}/{prefix}/{nicename}/", tags[pk].get_absolute_url())


@transaction.atomic
def site_import(
    *,
    actor,
    network,
    path,
    uploads=None,
    language: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Import a WordPress export (``path``) into ``network``; files from ``uploads`` (a
    local copy of wp-content/uploads). Raises ``ValidationError`` for a file that cannot be
    read (nothing is saved)."""
    require(
        actor,
        "wpimport.import_site",
        network,
        _("Only the network's secretariat may import a WordPress site."),
    )
    if language is not None and language not in LANGUAGE_CODES:
        raise ValidationError({"language": _("Choose Danish, Norwegian or English.")})
    path = Path(path)
    uploads = Path(uploads) if uploads else None
    if uploads is not None and not uploads.is_dir():
        raise ValidationError({"uploads": _("The uploads folder does not exist.")})
    report = ImportReport(dry_run=dry_run)
    ctx = _Context(
        actor=actor,
        network=network,
        report=report,
        language="",
        tz=zoneinfo.ZoneInfo(network.time_zone),
        uploads=uploads,
        dry_run=dry_run,
    )
    started = timezone.now()
    try:
        site = _collect(ctx, path)
        ctx.language = language or _site_language(site.language) or network.default_language
        report.language = ctx.language
        ctx.site_hosts = {
            urlsplit(u).hostname for u in (site.link, site.base_site_url, site.base_blog_url) if u
        }
        for att in ctx.attachments.values():
            _import_file(ctx, att)
        parents: dict[int, int] = {}
        with path.open("rb") as fh:
            for kind, item in wxr.Reader(fh):
                if kind != "item" or item.post_type == "attachment":
                    continue
                if item.post_type == "post":
                    _import_post(ctx, item)
                elif item.post_type == "page":
                    _import_page(ctx, item, parents)
                elif item.post_type in INTERNAL_TYPES or item.status == "auto-draft":
                    ctx.report.count("other", "skipped")
                else:
                    report.skip(
                        item.post_type,
                        item.post_id,
                        _("The post type %(type)s is not mapped to anything in Samskab.")
                        % {"type": item.post_type},
                    )
    except OSError as exc:
        raise ValidationError({"file": _("The file cannot be read: %(e)s") % {"e": exc}}) from exc
    except wxr.WXRError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    for child, parent in parents.items():
        report.note(
            "page",
            child,
            _("Under page %(parent)s in WordPress; Samskab's pages have no hierarchy.")
            % {"parent": parent},
        )
    base = urlsplit(site.base_blog_url or site.link).path.rstrip("/")
    _term_addresses(ctx, base)
    run = ImportRun.objects.create(
        network=network,
        file_name=path.name[:300],
        started_at=started,
        finished_at=timezone.now(),
        counts={k: dict(v) for k, v in report.counts.items()},
        problems=report.problems,
    )
    report.run_id = run.pk
    if dry_run:
        transaction.set_rollback(True)
        report.run_id = None
    return report
