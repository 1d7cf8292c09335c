"""Personal data held by programmes: applications a user started, what they did to
applications (the log), and the people named in applications' people lists, found by an
e-mail address the user has verified (never by a name, which anyone can type)."""

from django.db.models import Q

from samskab.accounts import personal_data
from samskab.formbuilder.schema import question_map

from .models import (
    Application,
    ApplicationFile,
    ApplicationLogEntry,
    Call,
    Champion,
    Participant,
    Review,
    ReviewerInvitation,
    Substitution,
)

ERASED = "–"


def _named(user):
    """(application, question id, index) for each person entry with one of the user's
    verified addresses. Applications are few (a few hundred a year): read in Python, the
    same on both databases."""
    if user is None:
        return []
    emails = {e.lower() for e in personal_data.verified_emails(user)}
    if not emails:
        return []
    found = []
    for application in Application.objects.select_related(
        "call__edition__programme", "form_version"
    ):
        for qid, value in (application.answers or {}).items():
            if not isinstance(value, list):
                continue
            for index, entry in enumerate(value):
                if isinstance(entry, dict) and str(entry.get("email", "")).lower() in emails:
                    found.append((application, qid, index))
    return found


def _export(user, person):
    named = []
    for application, qid, index in _named(user):
        question = question_map(application.form_version.definition).get(qid, {})
        entry = application.answers[qid][index]
        named.append(
            {
                "application": str(application),
                "question": question.get("label", qid),
                "name": entry.get("name", ""),
                "title": entry.get("title", ""),
                "email": entry.get("email", ""),
            }
        )
    started, actions = [], []
    if user is not None:
        started = [
            {"application": str(a), "status": a.status, "started_at": a.created_at.isoformat()}
            for a in Application.objects.filter(created_by=user).select_related(
                "call__edition__programme", "organisation"
            )
        ]
        actions = [
            {"application": str(e.application), "action": e.action, "at": e.at.isoformat()}
            for e in ApplicationLogEntry.objects.filter(actor=user).select_related(
                "application__organisation", "application__call__edition__programme"
            )
        ]
    reviews = []
    if user is not None:
        reviews = [
            {
                "application": str(r.application),
                "comment": r.comment,
                "scores": {str(s.criterion): s.value for s in r.scores.all()},
                "updated_at": r.updated_at.isoformat(),
            }
            for r in Review.objects.filter(reviewer=user)
            .select_related("application__organisation", "application__call__edition__programme")
            .prefetch_related("scores__criterion")
        ]
    uploaded = []
    if user is not None:
        uploaded = [
            {"application": str(f.application), "file": f.filename, "at": f.uploaded_at.isoformat()}
            for f in ApplicationFile.objects.filter(uploaded_by=user).select_related(
                "application__organisation", "application__call__edition__programme"
            )
        ]
    emails = {e.lower() for e in personal_data.verified_emails(user)} if user else set()
    participant_in = [
        {
            "edition": str(p.application.call.edition),
            "name": p.name,
            "title": p.title,
            "email": p.email,
        }
        for p in Participant.objects.filter(email__in=emails).select_related(
            "application__call__edition__programme"
        )
    ]
    substitute_for = [
        {"session": str(s.session), "name": s.name, "email": s.email}
        for s in Substitution.objects.filter(email__in=emails).select_related("session__event")
    ]
    champion_of = [
        {
            "edition": str(c.application.call.edition),
            "municipality": c.application.organisation.name,
            "name": c.name,
            "email": c.email,
            "phone": c.phone,
            "area": c.area,
            "consent": c.consent_text,
            "consented_at": c.consented_at.isoformat(),
        }
        for c in Champion.objects.filter(email__in=emails).select_related(
            "application__organisation", "application__call__edition__programme"
        )
    ]
    invitations = [
        {
            "call": str(i.call),
            "email": i.email,
            "status": str(i.status()),
            "invited_at": i.created_at.isoformat(),
        }
        for i in ReviewerInvitation.objects.filter(
            Q(email__in=emails) | Q(accepted_by=user) if user else Q(email__in=emails)
        ).select_related("call__edition__programme")
    ]
    return {
        "reviewer_invitations": invitations,
        "champion": champion_of,
        "participant_in_editions": participant_in,
        "substitute_for_sessions": substitute_for,
        "files_uploaded": uploaded,
        "named_in_applications": named,
        "applications_started": started,
        "actions": actions,
        "reviews": reviews,
    }


def _erase(user, person):
    changed = {}
    for application, qid, index in _named(user):
        application = changed.setdefault(application.pk, application)
        entry = application.answers[qid][index]
        application.answers[qid][index] = {"role": entry.get("role"), "name": ERASED}
    for application in changed.values():
        application.save(update_fields=["answers"])
    emails = {e.lower() for e in personal_data.verified_emails(user)} if user else set()
    if emails:
        # A participant's place stays in the municipality's numbers; who it was goes.
        Participant.objects.filter(email__in=emails).update(name=ERASED, title="", email="")
        Substitution.objects.filter(email__in=emails).update(name=ERASED, email="")
        # An invitation to review is about its address only.
        ReviewerInvitation.objects.filter(email__in=emails).delete()
        # A champion is a private citizen: nothing of them is kept.
        Champion.objects.filter(email__in=emails).delete()
    if user is not None:
        Champion.objects.filter(created_by=user).update(created_by=None)
    if user is not None:
        Application.objects.filter(created_by=user).update(created_by=None)
        ApplicationLogEntry.objects.filter(actor=user).update(actor=None)
        # The files belong to the organisation's application; who uploaded them goes.
        ApplicationFile.objects.filter(uploaded_by=user).update(uploaded_by=None)
        # The scores stay for the call's figures; who gave them goes.
        Review.objects.filter(reviewer=user).update(reviewer=None)
        ReviewerInvitation.objects.filter(accepted_by=user).delete()
        ReviewerInvitation.objects.filter(invited_by=user).update(invited_by=None)
        ReviewerInvitation.objects.filter(revoked_by=user).update(revoked_by=None)
        # A reviewer named on a call stops being one.
        for call in Call.objects.filter(reviewers=user):
            call.reviewers.remove(user)


personal_data.register(
    "programmes",
    export=_export,
    erase=_erase,
    models=(
        "programmes.Call",
        "programmes.Application",
        "programmes.ApplicationFile",
        "programmes.ApplicationLogEntry",
        "programmes.Review",
        "programmes.Participant",
        "programmes.Substitution",
        "programmes.Champion",
        "programmes.ReviewerInvitation",
    ),
)
