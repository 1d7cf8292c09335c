"""Everything that changes the case bank. Views, forms, admin, API and commands call these."""

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.core.links import absolute
from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.core.text import fold_line_breaks, single_line
from samskab.networks.models import Organisation, unique_slug

from .exchange import Lookup, ParsedCase, case_to_dict, content_digest, parse_case
from .files import check_material, clean_filename
from .models import (
    Case,
    CaseLink,
    CaseMaterial,
    CaseQuality,
    CaseRevision,
    Comment,
    CommentReport,
    Follow,
    Notification,
)

SIMPLE_FIELDS = (
    "language",
    "title",
    "summary",
    "contact_name",
    "contact_title",
    "contact_organisation",
    "contact_phone",
    "contact_email",
    "contact_public",
    "kind",
    "budget_band",
    *Case.TEXT_SECTIONS,
    "period_start",
    "period_end",
    "quote_text",
    "quote_speaker",
    "evaluation",
    "purpose_met",
    "implemented_as_planned",
    "shared",
)

# What a case needs before it can be submitted or published (drafts need only a title).
REQUIRED_FOR_SUBMIT = {
    "summary": gettext_lazy("Write a short lead."),
    "purpose": gettext_lazy("Describe the purpose."),
    "target_group": gettext_lazy("Describe the target group."),
    "description": gettext_lazy("Describe what you did."),
    "period_start": gettext_lazy("Give the date the case started."),
    "contact_name": gettext_lazy("Name a contact person."),
}

UNFOLLOW_SALT = "cases.unfollow"
# Paths under /cases/ that a case's slug must not take.
RESERVED_SLUGS = {"new", "mine", "moderation", "following", "unfollow"}


# --- helpers ---------------------------------------------------------------------------


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def _prefetched(case: Case) -> Case:
    return (
        Case.objects.select_related("network", "organisation")
        .prefetch_related("topics", "prevention_types", "links", "materials", "quality")
        .get(pk=case.pk)
    )


def record_revision(*, actor, case: Case, action: str) -> CaseRevision:
    data = case_to_dict(_prefetched(case), with_content=False)
    return CaseRevision.objects.create(
        case=case,
        author=actor if actor and actor.is_authenticated else None,
        action=action,
        data=data,
    )


def submit_problems(case: Case, *, topics=None) -> dict:
    """Fields a case still lacks before it can be submitted, as {field: message}."""
    problems = {}
    for name, message in REQUIRED_FOR_SUBMIT.items():
        value = getattr(case, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems[name] = str(message)
    topic_count = len(topics) if topics is not None else case.topics.count()
    if not topic_count:
        problems["topics"] = _("Choose at least one topic.")
    return problems


def _set_relations(case: Case, data: dict) -> None:
    if "topics" in data:
        case.topics.set(data["topics"])
    if "prevention_types" in data:
        case.prevention_types.set(data["prevention_types"])
    if "links" in data:
        case.links.all().delete()
        CaseLink.objects.bulk_create(
            CaseLink(case=case, title=single_line(title), url=url, order=i)
            for i, (title, url) in enumerate(data["links"])
        )
    if "quality" in data:
        case.quality.all().delete()
        CaseQuality.objects.bulk_create(
            CaseQuality(case=case, criterion=criterion, note=note)
            for criterion, note in data["quality"]
        )


def _check_data(case: Case, data: dict) -> None:
    if (
        data.get("period_start")
        and data.get("period_end")
        and (data["period_end"] < data["period_start"])
    ):
        raise ValidationError({"period_end": _("The end date is before the start date.")})
    if not (data.get("title") or case.title or "").strip():
        raise ValidationError({"title": _("Give the case a title.")})


# --- create, edit, workflow -----------------------------------------------------------


@transaction.atomic
def case_create(*, actor, network, organisation: Organisation, data: dict) -> Case:
    """A new draft. ``data``: model fields plus topics, prevention_types, links, quality."""
    _require(
        actor.has_perm("cases.add_case", network),
        _("Only organisation editors and the secretariat may add cases."),
    )
    probe = Case(network=network, organisation=organisation)
    _require(
        actor.has_perm("cases.change_case", probe),
        _("You may only add cases for an organisation you edit."),
    )
    if not Organisation.objects.members_of(network).filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": _("This organisation is not a member of the network.")}
        )
    case = Case(
        network=network, organisation=organisation, created_by=actor, status=Case.Status.DRAFT
    )
    for name in SIMPLE_FIELDS:
        if name in data:
            setattr(case, name, data[name] if data[name] is not None else "")
    for name in ("period_start", "period_end"):
        setattr(case, name, data.get(name))
    fold_line_breaks(case)
    _check_data(case, data)
    case.slug = unique_slug(Case, case.title)
    if case.slug in RESERVED_SLUGS:
        case.slug = unique_slug(Case, f"{case.title} case")
    case.full_clean(exclude=["slug"])
    case.save()
    _set_relations(case, data)
    record_revision(actor=actor, case=case, action="created")
    return case


@transaction.atomic
def case_update(*, actor, case: Case, data: dict, organisation: Organisation | None = None) -> Case:
    _require(actor.has_perm("cases.change_case", case), _("You may not change this case."))
    if organisation is not None and organisation.pk != case.organisation_id:
        probe = Case(network=case.network, organisation=organisation)
        _require(
            actor.has_perm("cases.change_case", probe),
            _("You may only move a case to an organisation you edit."),
        )
        case.organisation = organisation
    _check_data(case, data)
    for name in SIMPLE_FIELDS:
        if name in data:
            value = data[name]
            setattr(
                case,
                name,
                "" if value is None and name not in ("period_start", "period_end") else value,
            )
    fold_line_breaks(case)
    case.full_clean()
    case.save()
    _set_relations(case, data)
    record_revision(actor=actor, case=case, action="edited")
    if case.is_published:
        notify_followers(case=case, kind=Notification.Kind.UPDATED, actor=actor)
    return case


@transaction.atomic
def case_submit(*, actor, case: Case) -> Case:
    _require(actor.has_perm("cases.change_case", case), _("You may not submit this case."))
    if case.status != Case.Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    problems = submit_problems(case)
    if problems:
        raise ValidationError(problems)
    case.status = Case.Status.SUBMITTED
    case.submitted_at = timezone.now()
    case.save(update_fields=["status", "submitted_at", "updated_at"])
    record_revision(actor=actor, case=case, action="submitted")
    if case.network.contact_email:
        enqueue_on_commit(
            send_email,
            subject=_("A case is waiting for review: %(title)s")
            % {"title": single_line(case.title)},
            body=_("%(org)s has submitted the case “%(title)s”. Review it here:\n%(url)s")
            % {
                "org": case.organisation.name,
                "title": case.title,
                "url": absolute(reverse("cases:queue"), network=case.network),
            },
            to=[case.network.contact_email],
        )
    return case


def _tell_author(case: Case, subject: str, body: str) -> None:
    if case.created_by_id and case.created_by.email:
        enqueue_on_commit(send_email, subject=subject, body=body, to=[case.created_by.email])


@transaction.atomic
def case_publish(*, actor, case: Case) -> Case:
    _require(
        actor.has_perm("cases.moderate_case", case),
        _("Only the network's secretariat may publish cases."),
    )
    if case.status == Case.Status.PUBLISHED:
        raise ValidationError(_("The case is already published."))
    problems = submit_problems(case)
    if problems:
        raise ValidationError(problems)
    case.status = Case.Status.PUBLISHED
    case.moderation_comment = ""
    if case.published_at is None:
        case.published_at = timezone.now()
    case.save(update_fields=["status", "moderation_comment", "published_at", "updated_at"])
    record_revision(actor=actor, case=case, action="published")
    url = absolute(case.get_absolute_url(), network=case.network)
    with translation.override(case.created_by.language if case.created_by_id else None):
        _tell_author(
            case,
            _("Your case has been published: %(title)s") % {"title": single_line(case.title)},
            _("The secretariat has published your case. Read it here:\n%(url)s") % {"url": url},
        )
    return case


@transaction.atomic
def case_send_back(*, actor, case: Case, comment: str) -> Case:
    _require(
        actor.has_perm("cases.moderate_case", case),
        _("Only the network's secretariat may send cases back."),
    )
    if not comment.strip():
        raise ValidationError({"comment": _("Tell the author what to change.")})
    case.status = Case.Status.DRAFT
    case.moderation_comment = comment.strip()
    case.save(update_fields=["status", "moderation_comment", "updated_at"])
    record_revision(actor=actor, case=case, action="sent_back")
    url = absolute(reverse("cases:edit", kwargs={"slug": case.slug}), network=case.network)
    with translation.override(case.created_by.language if case.created_by_id else None):
        _tell_author(
            case,
            _("Your case needs changes: %(title)s") % {"title": single_line(case.title)},
            _(
                "The secretariat has sent your case back with this comment:\n\n%(comment)s\n\n"
                "Change it here:\n%(url)s"
            )
            % {"comment": case.moderation_comment, "url": url},
        )
    return case


@transaction.atomic
def case_restore(*, actor, case: Case, revision: CaseRevision) -> Case:
    """Put back the text, classification, links and quality of an earlier revision.
    Materials, status and slug stay as they are."""
    _require(
        actor.has_perm("cases.moderate_case", case),
        _("Only the network's secretariat may restore revisions."),
    )
    if revision.case_id != case.pk:
        raise ValidationError(_("That revision belongs to another case."))
    data = dict(revision.data)
    data["materials"] = []
    data["status"] = case.status
    data["network"] = case.network.slug
    data["slug"] = case.slug
    parsed, errors = parse_case(data, Lookup())
    if errors:
        raise ValidationError(
            _("The revision cannot be restored: %(errors)s")
            % {"errors": "; ".join(f"{f}: {m}" for f, m in errors)}
        )
    for name, value in parsed.fields.items():
        if name != "status":
            setattr(case, name, value)
    fold_line_breaks(case)
    case.save()
    _set_relations(
        case,
        {
            "topics": parsed.topics,
            "prevention_types": parsed.prevention_types,
            "links": parsed.links,
            "quality": parsed.quality,
        },
    )
    record_revision(actor=actor, case=case, action="restored")
    if case.is_published:
        notify_followers(case=case, kind=Notification.Kind.UPDATED, actor=actor)
    return case


@transaction.atomic
def case_delete(*, actor, case: Case) -> None:
    _require(
        actor.has_perm("cases.change_case", case)
        and case.status != Case.Status.PUBLISHED
        or actor.has_perm("cases.moderate_case", case),
        _("You may not delete this case."),
    )
    for material in case.materials.all():
        material.file.delete(save=False)
    case.delete()


def case_record_view(*, case: Case) -> None:
    """Count a reading. One UPDATE, no read-modify-write race."""
    Case.objects.filter(pk=case.pk).update(view_count=F("view_count") + 1)
    case.view_count += 1


# --- materials -------------------------------------------------------------------------


@transaction.atomic
def material_add(*, actor, case: Case, title: str, filename: str, content: bytes) -> CaseMaterial:
    _require(actor.has_perm("cases.change_case", case), _("You may not change this case."))
    filename = clean_filename(filename)
    content_type = check_material(filename, content)
    material = CaseMaterial(
        case=case,
        title=single_line(title or filename)[:200],
        filename=filename,
        content_type=content_type,
        size=len(content),
        order=case.materials.count(),
    )
    material.file.save(filename, ContentFile(content), save=False)
    material.save()
    record_revision(actor=actor, case=case, action="material_added")
    return material


@transaction.atomic
def material_delete(*, actor, case: Case, material: CaseMaterial) -> None:
    _require(actor.has_perm("cases.change_case", case), _("You may not change this case."))
    if material.case_id != case.pk:
        raise ValidationError(_("That file belongs to another case."))
    name = material.file.name
    storage = material.file.storage
    material.delete()
    transaction.on_commit(lambda: storage.delete(name))
    record_revision(actor=actor, case=case, action="material_removed")


# --- import ----------------------------------------------------------------------------


class ImportError_(Exception):
    """The file has errors; nothing was saved. ``errors``: lines naming case and field."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _organisation_for(parsed: ParsedCase) -> Organisation:
    name, code = parsed.organisation["name"], parsed.organisation["code"]
    country = parsed.network.country
    if code:
        found = Organisation.objects.filter(code=code, country=country).order_by("kind").first()
        if found:
            return found
    found = Organisation.objects.filter(name__iexact=name).first()
    if found:
        return found
    kind = Organisation.Kind.MUNICIPALITY if code.isdigit() else Organisation.Kind.OTHER
    org = Organisation(name=name, code=code, country=country, kind=kind)
    org.save()
    return org


def _import_one(parsed: ParsedCase, *, actor) -> str:
    case = Case.objects.filter(slug=parsed.slug).first()
    created = case is None
    if created:
        case = Case(slug=parsed.slug)
    case.network = parsed.network
    case.organisation = _organisation_for(parsed)
    for name, value in parsed.fields.items():
        setattr(case, name, value)
    if case.status == Case.Status.PUBLISHED and case.published_at is None:
        case.published_at = timezone.now()
    fold_line_breaks(case)
    case.save()
    _set_relations(
        case,
        {
            "topics": parsed.topics,
            "prevention_types": parsed.prevention_types,
            "links": parsed.links,
            "quality": parsed.quality,
        },
    )
    existing = [(m.title, m.filename, m.size, m) for m in case.materials.all()]
    same = len(existing) == len(parsed.materials) and all(
        (e[0], e[1], e[2]) == (p[0], p[1], len(p[2]))
        and content_digest(p[2]) == content_digest(_read(e[3]))
        for e, p in zip(existing, parsed.materials, strict=True)
    )
    if not same:
        for *_ignored, material in existing:
            name, storage = material.file.name, material.file.storage
            material.delete()
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))
        for i, (title, filename, content, content_type) in enumerate(parsed.materials):
            material = CaseMaterial(
                case=case,
                title=title,
                filename=filename,
                content_type=content_type,
                size=len(content),
                order=i,
            )
            material.file.save(filename, ContentFile(content), save=False)
            material.save()
    record_revision(actor=actor, case=case, action="imported")
    return "created" if created else "updated"


def _read(material) -> bytes:
    from .exchange import material_bytes

    try:
        return material_bytes(material)
    except OSError:
        return b""


def cases_import(*, actor, data) -> dict:
    """Import the exchange format. All or nothing: any error saves nothing and is reported
    as ``case <slug> (#n): <field>: <message>``."""
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise ImportError_(['The file must be a JSON object {"cases": [...]}.'])
    lookup = Lookup()
    parsed_cases, errors, seen = [], [], set()
    for i, item in enumerate(data["cases"], start=1):
        slug = item.get("slug") if isinstance(item, dict) else None
        parsed, case_errors = parse_case(item, lookup)
        for field_name, message in case_errors:
            errors.append(f"case {slug!r} (#{i}): {field_name}: {message}")
        if slug in seen:
            errors.append(f"case {slug!r} (#{i}): slug: appears more than once in the file")
        seen.add(slug)
        if parsed:
            parsed_cases.append(parsed)
    if errors:
        raise ImportError_(errors)
    result = {"created": 0, "updated": 0}
    with transaction.atomic():
        for parsed in parsed_cases:
            try:
                with transaction.atomic():
                    result[_import_one(parsed, actor=actor)] += 1
            except ValidationError as exc:
                raise ImportError_([f"case {parsed.slug!r}: {m}" for m in exc.messages]) from exc
    return result


# --- follow and notifications ----------------------------------------------------------


def case_follow(*, actor, case: Case) -> Follow:
    _require(actor.has_perm("cases.follow_case", case), _("Log in to follow a published case."))
    follow, _created = Follow.objects.get_or_create(user=actor, case=case)
    return follow


def case_unfollow(*, actor, case: Case) -> None:
    Follow.objects.filter(user=actor, case=case).delete()


def unfollow_token(follow: Follow) -> str:
    return signing.dumps({"u": follow.user_id, "c": follow.case_id}, salt=UNFOLLOW_SALT)


def unfollow_by_token(token: str) -> Case | None:
    """One-click unfollow from an e-mail. Returns the case, or None for a bad token."""
    try:
        data = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None
    Follow.objects.filter(user_id=data.get("u"), case_id=data.get("c")).delete()
    return Case.objects.filter(pk=data.get("c")).first()


def notify_followers(*, case: Case, kind: str, actor=None) -> int:
    """An in-site notification and an e-mail (tasks API) for each follower but the actor."""
    follows = list(
        case.follows.select_related("user").exclude(user=actor)
        if actor is not None and actor.is_authenticated
        else case.follows.select_related("user")
    )
    Notification.objects.bulk_create(
        Notification(user=f.user, case=case, kind=kind) for f in follows
    )
    url = absolute(case.get_absolute_url(), network=case.network)
    for follow in follows:
        unfollow_url = absolute(
            reverse("cases:unfollow_token", kwargs={"token": unfollow_token(follow)}),
            network=case.network,
        )
        with translation.override(follow.user.language):
            if kind == Notification.Kind.COMMENTED:
                subject = _("New comment on “%(title)s”") % {"title": single_line(case.title)}
                text = _("Someone commented on a case you follow.")
            else:
                subject = _("“%(title)s” has been updated") % {"title": single_line(case.title)}
                text = _("A case you follow has been updated.")
            body = _(
                "%(text)s\n\n%(url)s\n\nStop following this case with one click:\n%(unfollow)s"
            ) % {"text": text, "url": url, "unfollow": unfollow_url}
        enqueue_on_commit(send_email, subject=subject, body=body, to=[follow.user.email])
    return len(follows)


def notifications_mark_read(*, actor) -> int:
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- comments --------------------------------------------------------------------------


def _clean_comment_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a comment first.")})
    if len(text) > 5000:
        raise ValidationError({"text": _("A comment can be at most 5,000 characters.")})
    return text


@transaction.atomic
def comment_create(*, actor, case: Case, text: str, parent: Comment | None = None) -> Comment:
    _require(
        actor.has_perm("cases.comment_case", case), _("Log in to comment on a published case.")
    )
    text = _clean_comment_text(text)
    if parent is not None:
        if parent.case_id != case.pk:
            raise ValidationError(_("You can only reply to a comment on the same case."))
        # Replies are one level deep: a reply to a reply joins the same thread.
        parent = parent.parent or parent
    comment = Comment.objects.create(case=case, author=actor, parent=parent, text=text)
    notify_followers(case=case, kind=Notification.Kind.COMMENTED, actor=actor)
    return comment


@transaction.atomic
def comment_update(*, actor, comment: Comment, text: str) -> Comment:
    _require(
        actor.has_perm("cases.change_comment", comment), _("You can only edit your own comments.")
    )
    comment.text = _clean_comment_text(text)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["text", "edited_at"])
    return comment


@transaction.atomic
def comment_delete(*, actor, comment: Comment) -> None:
    """The text goes; the place in the thread stays so replies keep their context."""
    _require(
        actor.has_perm("cases.delete_comment", comment), _("You can only delete your own comments.")
    )
    comment.text = ""
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["text", "deleted_at"])


@transaction.atomic
def comment_report(*, actor, comment: Comment, reason: str = "") -> CommentReport:
    _require(actor.has_perm("cases.report_comment", comment), _("Log in to report a comment."))
    report, _created = CommentReport.objects.get_or_create(
        comment=comment, user=actor, defaults={"reason": single_line(reason)[:500]}
    )
    return report


@transaction.atomic
def comment_hide(*, actor, comment: Comment) -> Comment:
    _require(
        actor.has_perm("cases.moderate_comment", comment),
        _("Only the network's secretariat may hide comments."),
    )
    comment.hidden_at = timezone.now()
    comment.hidden_by = actor
    comment.save(update_fields=["hidden_at", "hidden_by"])
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    return comment


@transaction.atomic
def comment_restore(*, actor, comment: Comment) -> Comment:
    _require(
        actor.has_perm("cases.moderate_comment", comment),
        _("Only the network's secretariat may restore comments."),
    )
    comment.hidden_at = None
    comment.hidden_by = None
    comment.save(update_fields=["hidden_at", "hidden_by"])
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    return comment
