"""The personal data decisions hold: who changed a municipality's ballot (the ballot is the
municipality's and stays; the person's name leaves it on erasure), proposals a user made
the consultations a user set up, and comments on options (with their reports)."""

from django.utils import timezone

from samskab.accounts import personal_data

from .models import (
    Ballot,
    BallotVersion,
    Consultation,
    OptionComment,
    OptionCommentReport,
    Proposal,
)


def _iso(value):
    return value.isoformat() if value else None


def _export_ballots(user, person):
    if user is None:
        return []
    return [
        {
            "consultation": v.ballot.consultation.title,
            "municipality": v.ballot.organisation.name,
            "changed_at": _iso(v.changed_at),
            "abstain": v.abstain,
            "options": v.option_ids,
        }
        for v in BallotVersion.objects.filter(changed_by=user).select_related(
            "ballot__consultation", "ballot__organisation"
        )
    ]


def _erase_ballots(user, person):
    if user is None:
        return
    BallotVersion.objects.filter(changed_by=user).update(changed_by=None, changed_by_name="")
    Ballot.objects.filter(changed_by=user).update(changed_by=None)


def _export_proposals(user, person):
    if user is None:
        return []
    return [
        {
            "consultation": p.consultation.title,
            "title": p.title,
            "description": p.description,
            "status": p.status,
            "created_at": _iso(p.created_at),
        }
        for p in Proposal.objects.filter(author=user).select_related("consultation")
    ]


def _erase_proposals(user, person):
    if user is not None:
        Proposal.objects.filter(author=user).update(author=None)


def _export_consultations(user, person):
    if user is None:
        return []
    return [{"title": c.title} for c in Consultation.objects.filter(created_by=user)]


def _erase_consultations(user, person):
    if user is not None:
        Consultation.objects.filter(created_by=user).update(created_by=None)


def _export_comments(user, person):
    if user is None:
        return None
    return {
        "comments": [
            {
                "consultation": c.option.consultation.title,
                "option": c.option.title,
                "text": c.text,
                "written": _iso(c.created_at),
                "deleted": _iso(c.deleted_at),
            }
            for c in OptionComment.objects.filter(author=user).select_related(
                "option__consultation"
            )
        ],
        "reports": [
            {"comment": r.comment_id, "reason": r.reason, "reported": _iso(r.created_at)}
            for r in OptionCommentReport.objects.filter(user=user)
        ],
    }


def _erase_comments(user, person):
    if user is None:
        return
    OptionComment.objects.filter(author=user).update(
        text="", author=None, deleted_at=timezone.now()
    )
    OptionComment.objects.filter(hidden_by=user).update(hidden_by=None)
    OptionCommentReport.objects.filter(user=user).delete()


def register():
    personal_data.register(
        "decision_ballots",
        export=_export_ballots,
        erase=_erase_ballots,
        models=("decisions.Ballot", "decisions.BallotVersion"),
    )
    personal_data.register(
        "decision_proposals",
        export=_export_proposals,
        erase=_erase_proposals,
        models=("decisions.Proposal",),
    )
    personal_data.register(
        "decision_consultations",
        export=_export_consultations,
        erase=_erase_consultations,
        models=("decisions.Consultation",),
    )
    personal_data.register(
        "decision_comments",
        export=_export_comments,
        erase=_erase_comments,
        models=("decisions.OptionComment", "decisions.OptionCommentReport"),
    )
