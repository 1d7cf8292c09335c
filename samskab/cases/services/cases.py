"""Creating, editing and moderating cases (the workflow draft -> submitted -> published)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskab.audit import services as audit
from samskab.audit.models import Action
from samskab.core.guards import require
from samskab.core.links import absolute
from samskab.core.tasks import enqueue_on_commit, send_email
from samskab.core.text import fold_line_breaks, single_line
from samskab.networks.models import Organisation, unique_slug

from ..exchange import Lookup, case_to_dict, parse_case
from ..models import Case, CaseLink, CaseQuality, CaseRevision, Notification
from ..selectors import case_reads, submit_problems
from .social import followers_notify

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

# Paths under /cases/ that a case's slug must not take.
RESERVED_SLUGS = {"new", "mine", "moderation", "following", "unfollow"}


def _prefetched(case: Case) -> Case:
    return (
        Case.objects.select_related("network", "organisation")
        .prefetch_related("topics", "prevention_types", "links", "materials", "quality")
        .get(pk=case.pk)
    )


def revision_record(*, actor, case: Case, action: str) -> CaseRevision:
    data = case_to_dict(_prefetched(case), with_content=False)
    return CaseRevision.objects.create(
        case=case,
        author=actor if actor and actor.is_authenticated else None,
        action=action,
        data=data,
    )


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


def _set_parsed_relations(case: Case, parsed) -> None:
    """The relations of a case read from the exchange format (a restored revision, an import)."""
    _set_relations(
        case,
        {
            "topics": parsed.topics,
            "prevention_types": parsed.prevention_types,
            "links": parsed.links,
            "quality": parsed.quality,
        },
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
    require(
        actor,
        "cases.add_case",
        network,
        _("Only organisation editors and the secretariat may add cases."),
    )
    probe = Case(network=network, organisation=organisation)
    require(
        actor, "cases.change_case", probe, _("You may only add cases for an organisation you edit.")
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
    revision_record(actor=actor, case=case, action="created")
    return case


@transaction.atomic
def case_update(*, actor, case: Case, data: dict, organisation: Organisation | None = None) -> Case:
    require(actor, "cases.change_case", case, _("You may not change this case."))
    if organisation is not None and organisation.pk != case.organisation_id:
        probe = Case(network=case.network, organisation=organisation)
        require(
            actor,
            "cases.change_case",
            probe,
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
    revision_record(actor=actor, case=case, action="edited")
    if case.is_published:
        followers_notify(case=case, kind=Notification.Kind.UPDATED, actor=actor)
    return case


@transaction.atomic
def case_submit(*, actor, case: Case) -> Case:
    require(actor, "cases.change_case", case, _("You may not submit this case."))
    if case.status != Case.Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    problems = submit_problems(case)
    if problems:
        raise ValidationError(problems)
    case.status = Case.Status.SUBMITTED
    case.submitted_at = timezone.now()
    case.save(update_fields=["status", "submitted_at", "updated_at"])
    revision_record(actor=actor, case=case, action="submitted")
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


MODERATION_FIELDS = ("status", "moderation_comment", "published_at")


def _record(actor, case: Case, action: str, before: dict) -> None:
    audit.record(
        actor=actor,
        network=case.network,
        action=action,
        obj=case,
        before=before,
        after=audit.snapshot(case, MODERATION_FIELDS),
        label=case.title,
    )


def _tell_author(case: Case, subject: str, body: str) -> None:
    if case.created_by_id and case.created_by.email:
        enqueue_on_commit(send_email, subject=subject, body=body, to=[case.created_by.email])


@transaction.atomic
def case_publish(*, actor, case: Case) -> Case:
    require(
        actor, "cases.moderate_case", case, _("Only the network's secretariat may publish cases.")
    )
    if case.status == Case.Status.PUBLISHED:
        raise ValidationError(_("The case is already published."))
    problems = submit_problems(case)
    if problems:
        raise ValidationError(problems)
    before = audit.snapshot(case, MODERATION_FIELDS)
    case.status = Case.Status.PUBLISHED
    case.moderation_comment = ""
    if case.published_at is None:
        case.published_at = timezone.now()
    case.save(update_fields=["status", "moderation_comment", "published_at", "updated_at"])
    revision_record(actor=actor, case=case, action="published")
    _record(actor, case, Action.CASE_PUBLISHED, before)
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
    require(
        actor, "cases.moderate_case", case, _("Only the network's secretariat may send cases back.")
    )
    if not comment.strip():
        raise ValidationError({"comment": _("Tell the author what to change.")})
    before = audit.snapshot(case, MODERATION_FIELDS)
    case.status = Case.Status.DRAFT
    case.moderation_comment = comment.strip()
    case.save(update_fields=["status", "moderation_comment", "updated_at"])
    revision_record(actor=actor, case=case, action="sent_back")
    _record(actor, case, Action.CASE_SENT_BACK, before)
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
    require(
        actor,
        "cases.moderate_case",
        case,
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
    _set_parsed_relations(case, parsed)
    revision_record(actor=actor, case=case, action="restored")
    if case.is_published:
        followers_notify(case=case, kind=Notification.Kind.UPDATED, actor=actor)
    return case


@transaction.atomic
def case_delete(*, actor, case: Case) -> None:
    require(actor, "cases.delete_case", case, _("You may not delete this case."))
    for material in case.materials.all():
        material.file.delete(save=False)
    case.delete()


def case_record_view(*, case: Case) -> None:
    """Count a reading: in the shared cache with ``READ_COUNTS_IN_CACHE`` (written by
    ``case_reads_flush``), otherwise one UPDATE (no read-modify-write race)."""
    if settings.READ_COUNTS_IN_CACHE:
        case_reads.add(case.pk)
    else:
        Case.objects.filter(pk=case.pk).update(view_count=F("view_count") + 1)
        case.view_count += 1


def case_record_view_by_id(*, case_id: int) -> None:
    """Count a reading of a page served from the page cache (only with the counter in
    the cache: the database is not touched)."""
    case_reads.add(case_id)


def case_reads_flush() -> int:
    """Write the readings counted in the cache to the cases, one UPDATE per case; returns
    how many readings were written. Readings counted while it runs are kept for the next
    flush (``core.counters``). Saves no signal, so cached pages stay valid."""

    def write(amounts: dict) -> None:
        with transaction.atomic():
            for case_id, amount in sorted(amounts.items()):
                Case.objects.filter(pk=case_id).update(view_count=F("view_count") + amount)

    return case_reads.drain(write)
