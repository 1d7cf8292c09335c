"""The case bank's sections of a person's data: comments and reports, follows and
notifications, cases they created or are the contact person of (by a verified address)."""

from django.utils import timezone

from samskab.accounts import personal_data

from .models import Case, CaseRevision, Comment, CommentReport, Follow, Notification


def _contact_cases(emails: set[str]):
    """Cases whose contact is given by one of the user's verified addresses (the person's
    typed contact e-mail proves nothing)."""
    if not emails:
        return Case.objects.none()
    return Case.objects.filter(personal_data.email_query("contact_email", emails))


def _export_comments(user, person):
    if user is None:
        return None
    return {
        "comments": [
            {
                "case": c.case.slug,
                "text": c.text,
                "written": c.created_at.isoformat(),
                "edited": c.edited_at.isoformat() if c.edited_at else None,
                "deleted": bool(c.deleted_at),
            }
            for c in Comment.objects.filter(author=user).select_related("case")
        ],
        "reports": [
            {"comment": r.comment_id, "reason": r.reason, "reported": r.created_at.isoformat()}
            for r in CommentReport.objects.filter(user=user)
        ],
    }


def _erase_comments(user, person):
    if user is None:
        return
    # Replies by others stay; the erased person's text and name go.
    Comment.objects.filter(author=user).update(text="", author=None, deleted_at=timezone.now())
    Comment.objects.filter(hidden_by=user).update(hidden_by=None)
    CommentReport.objects.filter(user=user).delete()


def _export_follows(user, person):
    if user is None:
        return None
    return {
        "follows": [
            {"case": f.case.slug, "since": f.created_at.isoformat()}
            for f in Follow.objects.filter(user=user).select_related("case")
        ],
        "notifications": [
            {
                "case": n.case.slug,
                "kind": n.kind,
                "created": n.created_at.isoformat(),
                "read": n.read_at.isoformat() if n.read_at else None,
            }
            for n in Notification.objects.filter(user=user).select_related("case")
        ],
    }


def _erase_follows(user, person):
    if user is None:
        return
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()


def _export_cases(user, person):
    created = (
        list(Case.objects.filter(created_by=user).values_list("slug", flat=True))
        if user is not None
        else []
    )
    contact = [
        {
            "case": c.slug,
            "name": c.contact_name,
            "title": c.contact_title,
            "organisation": c.contact_organisation,
            "phone": c.contact_phone,
            "email": c.contact_email,
            "public": c.contact_public,
        }
        for c in _contact_cases(personal_data.verified_emails(user))
    ]
    revisions = CaseRevision.objects.filter(author=user).count() if user is not None else 0
    return {"cases_created": created, "contact_person_of": contact, "revisions_made": revisions}


def _erase_cases(user, person):
    emails = personal_data.verified_emails(user)
    cases = list(_contact_cases(emails))
    for case in cases:
        Case.objects.filter(pk=case.pk).update(
            contact_name="",
            contact_title="",
            contact_organisation="",
            contact_phone="",
            contact_email="",
            contact_public=False,
        )
        for revision in case.revisions.all():
            contact = (revision.data or {}).get("contact") or {}
            if (contact.get("email") or "").lower() in emails:
                revision.data["contact"] = {
                    "name": "",
                    "title": "",
                    "organisation": "",
                    "phone": "",
                    "email": "",
                    "public": False,
                }
                revision.save(update_fields=["data"])
    if user is not None:
        Case.objects.filter(created_by=user).update(created_by=None)
        CaseRevision.objects.filter(author=user).update(author=None)


personal_data.register(
    "case_comments",
    export=_export_comments,
    erase=_erase_comments,
    models=("cases.Comment", "cases.CommentReport"),
)
personal_data.register(
    "case_follows",
    export=_export_follows,
    erase=_erase_follows,
    models=("cases.Follow", "cases.Notification"),
)
personal_data.register(
    "case_contacts",
    export=_export_cases,
    erase=_erase_cases,
    models=("cases.Case", "cases.CaseRevision"),
)
