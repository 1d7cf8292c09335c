"""The personal data decisions hold: who changed a municipality's ballot (the ballot is the
municipality's and stays; the person's name leaves it on erasure), proposals a user made
and the consultations a user set up."""

from samskab.accounts import personal_data

from .models import Ballot, BallotVersion, Consultation, Proposal


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
