"""An organisation's application: started once per call, saved as a draft by any of its
editors and its administrative contact, submitted and resubmitted until the deadline,
withdrawn. The deadline is checked here, on the server, at the moment of the write."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from samskab.cases.files import check_material, clean_filename
from samskab.core.guards import require
from samskab.formbuilder.answers import missing
from samskab.formbuilder.schema import MAX_FILE_MB, question_map

from .. import emails
from ..models import Application, ApplicationFile, ApplicationLogEntry, Call
from ..predicates import applicable_organisation_ids

S = Application.Status
CLOSED = _("The call is closed: applications can no longer be changed or submitted.")


def log(application: Application, action: str, actor, letter: str = "") -> None:
    ApplicationLogEntry.objects.create(
        application=application,
        action=action,
        status=application.status,
        actor=actor if actor is not None and actor.is_authenticated else None,
        letter=letter,
    )


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("call").get(pk=application.pk)


@transaction.atomic
def application_start(*, actor, call: Call, organisation) -> Application:
    """The organisation's application to the call: the one it has, or a new draft."""
    require(actor, "programmes.apply", call, _("You may not apply to this call."))
    if organisation.pk not in applicable_organisation_ids(actor, call):
        raise PermissionDenied(_("You may not apply on behalf of this organisation."))
    existing = Application.objects.filter(call=call, organisation=organisation).first()
    if existing is not None:
        return existing
    application = Application.objects.create(
        call=call,
        organisation=organisation,
        form_version=call.form.current(),
        created_by=actor,
    )
    log(application, "started", actor)
    return application


def _merge(application: Application, answers: dict, version) -> dict:
    """The new answers over the old; answers to questions the current version no longer
    has are kept (they show under "answers to removed questions")."""
    known = question_map(version.definition)
    kept = {k: v for k, v in (application.answers or {}).items() if k not in known}
    return {**kept, **answers}


def _store_uploads(application, actor, version, uploads: dict) -> dict:
    """Check each uploaded file by its content and the question's size limit, store it,
    and give the answers that point at it. Raises ``ValidationError`` per question."""
    known = question_map(version.definition)
    stored, errors = {}, {}
    for qid, upload in uploads.items():
        question = known.get(qid)
        if question is None or question["kind"] != "file":
            errors[qid] = _("That question does not take a file.")
            continue
        data = upload.read()
        limit = question.get("max_mb", MAX_FILE_MB) * 1024 * 1024
        name = clean_filename(upload.name)
        try:
            if len(data) > limit:
                raise ValidationError(
                    _("The file is %(size)s; the limit is %(limit)s.")
                    % {"size": filesizeformat(len(data)), "limit": filesizeformat(limit)}
                )
            content_type = check_material(name, data)
        except ValidationError as exc:
            errors[qid] = " ".join(exc.messages)
            continue
        stored[qid] = (name, content_type, data)
    if errors:
        raise ValidationError(errors)
    answers = {}
    for qid, (name, content_type, data) in stored.items():
        record = ApplicationFile(
            application=application,
            question_id=qid,
            filename=name,
            content_type=content_type,
            size=len(data),
            uploaded_by=actor,
        )
        record.file.save(name, ContentFile(data), save=True)
        answers[qid] = {"file": record.pk, "name": name, "size": len(data)}
    return answers


@transaction.atomic
def application_save(
    *, actor, application: Application, answers: dict, uploads: dict | None = None
) -> Application:
    """Save the answers as they are (a draft may be half done). A submitted application
    stays submitted: its new answers are what the secretariat sees. ``uploads`` are files
    for file questions, by question id; a file question without a new file keeps its
    file."""
    application = _locked(application)
    require(actor, "programmes.change_application", application, CLOSED)
    version = application.call.form.current()
    files = {
        q["id"]: application.answers[q["id"]]
        for q in question_map(version.definition).values()
        if q["kind"] == "file" and q["id"] in (application.answers or {})
    }
    files.update(_store_uploads(application, actor, version, uploads or {}))
    answers = {**answers, **files}
    application.answers = _merge(application, answers, version)
    application.form_version = version
    application.save(update_fields=["answers", "form_version", "updated_at"])
    log(application, "saved", actor)
    return application


@transaction.atomic
def application_submit(*, actor, application: Application) -> Application:
    """Submit (or resubmit) the application before the deadline; refused with what is
    missing, per question. Sends a receipt with the answers."""
    application = _locked(application)
    require(actor, "programmes.change_application", application, CLOSED)
    problems = missing(application.form_version.definition, application.answers or {})
    if problems:
        raise ValidationError(problems)
    application.status = S.SUBMITTED
    application.submitted_at = timezone.now()
    application.save(update_fields=["status", "submitted_at", "updated_at"])
    log(application, "submitted", actor)
    emails.receipt(application, actor)
    return application


@transaction.atomic
def application_withdraw(*, actor, application: Application) -> Application:
    """Withdraw the application. When an accepted organisation withdraws, the first on the
    waiting list is offered the seat."""
    call = Call.objects.select_for_update().get(pk=application.call_id)
    application = _locked(application)
    require(
        actor,
        "programmes.withdraw_application",
        application,
        _("This application can no longer be withdrawn."),
    )
    was_accepted = application.status == S.ACCEPTED
    application.status = S.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    log(application, "withdrawn", actor)
    if was_accepted:
        offer_seat(call, actor)
    return application


def offer_seat(call: Call, actor) -> Application | None:
    """The first on the waiting list (by the time they were put there) gets the free seat."""
    accepted = call.applications.filter(status=S.ACCEPTED).count()
    if accepted >= call.seats:
        return None
    first = call.applications.filter(status=S.WAITING).order_by("decided_at", "id").first()
    if first is None:
        return None
    first.status = S.ACCEPTED
    first.decided_at = timezone.now()
    first.save(update_fields=["status", "decided_at", "updated_at"])
    log(first, "moved_up", actor, call.letter_accepted)
    emails.letter(first, call.letter_accepted)
    return first
