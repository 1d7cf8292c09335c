"""The decisions' part of the XSS world (``test_xss.py``): every text a consultation
carries, written through the decisions' services by the people who write it.

- ``decisions``: one consultation per payload (title, question, background), with a
  payload option, a plain option and a municipality's accepted proposal (which becomes an
  option); opened for voting (the invitation mails), voted (open ballot), closed and
  published, so the page shows the results, the chart and how each municipality voted;
- ``decision_voting``: one consultation in its voting phase with one option per payload
  (the options on the page and the ballot form's labels);
- ``decision_proposals``: one consultation in its proposal phase with one submitted
  proposal per payload (the secretariat's review list) and one draft option per payload
  (the secretariat's options page).
"""

import datetime

from django.utils import timezone

from samskab.decisions import services
from samskab.networks.models import Role
from tests.conftest import make_user_with_role

from .payloads import PAYLOADS, payload

N = len(PAYLOADS)
CONSULTATION_FIELDS = ["consultation.title", "consultation.question", "consultation.background"]
OPTION_FIELDS = ["option.title", "option.description"]
PROPOSAL_FIELDS = ["proposal.title", "proposal.description"]


def _data(title, question, background=""):
    now = timezone.now()
    return {
        "title": title,
        "question": question,
        "background": background,
        "method": "approval_up_to",
        "k": 2,
        "voter_role": "admin_contact",
        "open_ballot": True,
        "voting_opens_at": now + datetime.timedelta(days=1),
        "voting_closes_at": now + datetime.timedelta(days=14),
    }


def _published(w, staff, contact, i):
    c = services.consultation_create(
        actor=staff,
        network=w.dk,
        data=_data(
            payload(i, "consultation.title"),
            payload(i, "consultation.question"),
            payload(i, "consultation.background"),
        ),
    )
    option = services.option_save(
        actor=staff,
        consultation=c,
        title=payload(i, "option.title"),
        description=payload(i, "option.description"),
    )
    services.option_save(actor=staff, consultation=c, title="Plan B")
    c = services.consultation_open_proposals(actor=staff, consultation=c)
    proposal = services.proposal_create(
        actor=contact,
        consultation=c,
        organisation=w.org,
        title=payload(i, "proposal.title"),
        description=payload(i, "proposal.description"),
    )
    services.proposal_review(actor=staff, proposal=proposal, accept=True)
    c = services.consultation_open_voting(actor=staff, consultation=c)
    services.ballot_cast(
        actor=contact,
        consultation=c,
        organisation=w.org,
        option_ids=[option.pk, proposal.option_id] if i % 2 else [option.pk],
    )
    c = services.consultation_close(actor=staff, consultation=c)
    return services.consultation_publish(actor=staff, consultation=c)


def build_decisions(w, staff):
    """Returns the contact who votes for ``w.org``; the objects go into ``w.objects``."""
    contact = make_user_with_role(w.dk, Role.Kind.ADMIN_CONTACT, w.org)
    o = w.objects
    o["contact"] = contact
    o["decisions"] = [_published(w, staff, contact, i) for i in range(N)]

    voting = services.consultation_create(
        actor=staff, network=w.dk, data=_data("Afstemning om temaer", "Hvilke temaer?")
    )
    for i in range(N):
        services.option_save(
            actor=staff,
            consultation=voting,
            title=payload(i, "option.title"),
            description=payload(i, "option.description"),
        )
    o["decision_voting"] = services.consultation_open_voting(actor=staff, consultation=voting)

    proposals = services.consultation_create(
        actor=staff, network=w.dk, data=_data("Forslag til temaer", "Hvilke temaer?")
    )
    proposals = services.consultation_open_proposals(actor=staff, consultation=proposals)
    for i in range(N):
        services.option_save(actor=staff, consultation=proposals, title=payload(i, "option.title"))
        services.proposal_create(
            actor=contact,
            consultation=proposals,
            organisation=w.org,
            title=payload(i, "proposal.title"),
            description=payload(i, "proposal.description"),
        )
    o["decision_proposals"] = proposals
    return contact
