"""Every payload of ``tests/security/payloads.py`` through the fields of programmes and of
the form builder (written through the services), and out through every page that shows
them and the XLSX export: nothing runs, no cell starts a formula, and each page shows the
markers it should (so the test cannot pass by looking at nothing)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samskab.formbuilder.services import form_replace
from samskab.programmes import services
from tests.factories import UserFactory
from tests.security.payloads import FORMULA_START, PAYLOADS, payload
from tests.security.support import MARKER, executable_findings

pytestmark = pytest.mark.django_db
N = len(PAYLOADS)


@pytest.fixture
def xss(call, staff_user, org_editor, member_org, dk_network):
    sections = [
        {
            "id": f"s{k}",
            "title": payload(k, "section.title"),
            "help": payload(k, "section.help"),
            "questions": [],
        }
        for k in range(min(N, 50))
    ]
    for i in range(N):
        sections[i % len(sections)]["questions"].append(
            {
                "id": f"q{i}",
                "kind": "short_text",
                "label": payload(i, "question.label"),
                "help": payload(i, "question.help"),
            }
        )
    roles = [
        {"id": f"r{i}", "label": payload(i, "role.label"), "min": 0, "max": 1} for i in range(20)
    ]
    sections[0]["questions"].append(
        {"id": "people", "kind": "people", "label": "P", "roles": roles}
    )
    choices = [{"id": f"c{i}", "label": payload(i, "choice.label")} for i in range(N)]
    sections[1]["questions"] += [
        {"id": "one", "kind": "single_choice", "label": "One", "choices": choices},
        {"id": "many", "kind": "multiple_choice", "label": "Many", "choices": choices},
    ]
    form_replace(actor=staff_user, form=call.form, definition={"sections": sections})
    programme = call.edition.programme
    services.programme_save(
        actor=staff_user,
        network=dk_network,
        programme=programme,
        data={
            "name": payload(0, "programme.name"),
            "purpose": "\n\n".join(payload(i, "programme.purpose") for i in range(N)),
        },
    )
    for i in range(1, N):
        services.programme_save(
            actor=staff_user, network=dk_network, data={"name": payload(i, "programme.name")}
        )
    application = services.application_start(actor=org_editor, call=call, organisation=member_org)
    answers = {f"q{i}": payload(i, "answer") for i in range(N)}
    answers["people"] = [
        {"role": f"r{i}", "name": payload(i, "person.name"), "title": payload(i, "person.title")}
        for i in range(20)
    ]
    answers["one"] = "c0"
    answers["many"] = [f"c{i}" for i in range(N)]
    services.application_save(actor=org_editor, application=application, answers=answers)
    application = services.application_submit(actor=org_editor, application=application)
    # The review: criteria the secretariat names, a comment, a reviewer who named themself.
    services.criteria_set(
        actor=staff_user,
        call=call,
        criteria=[(payload(i, "criterion.name"), 1, 5) for i in range(N)],
    )
    services.review_save(
        actor=staff_user,
        application=application,
        scores={},
        comment="\n\n".join(payload(i, "review.comment") for i in range(N)),
    )
    reviewer = UserFactory(name=payload(0, "reviewer.name")[:150])
    invitation = services.reviewer_invite(actor=staff_user, call=call, email=reviewer.email)
    services.reviewer_invitation_accept(actor=reviewer, invitation=invitation)
    services.review_save(
        actor=reviewer, application=application, scores={}, comment=payload(1, "review.comment")
    )
    call.refresh_from_db()
    return {"call": call, "application": application, "reviewer": reviewer}


def _check(html: str, fields: set[str]):
    findings = executable_findings(html)
    assert not findings, findings[:5]
    seen = {m.rsplit("-", 1)[0].removeprefix("xss-") for m in MARKER.findall(html)}
    assert fields <= seen, f"no payload of {fields - seen} reached the page"


def test_payloads_stay_text_on_every_page(client, xss, staff_user, org_editor):
    call, application = xss["call"], xss["application"]
    edition = call.edition
    slug = edition.programme.slug
    _check(client.get(reverse("programmes:list")).content.decode(), {"programme.name"})
    _check(
        client.get(reverse("programmes:detail", args=[slug])).content.decode(),
        {"programme.name", "programme.purpose"},
    )
    questions = {
        "section.title",
        "section.help",
        "question.label",
        "question.help",
        "role.label",
        "choice.label",
    }
    _check(
        client.get(reverse("programmes:edition", args=[slug, edition.year])).content.decode(),
        questions,
    )
    client.force_login(org_editor)
    _check(
        client.get(reverse("programmes:application_edit", args=[application.pk])).content.decode(),
        questions | {"answer", "person.name", "person.title"},
    )
    client.force_login(staff_user)
    shown = {"section.title", "question.label", "answer", "person.name", "role.label"}
    shown |= {"choice.label"}
    review = {"criterion.name", "review.comment", "reviewer.name"}
    _check(
        client.get(reverse("programmes:application", args=[application.pk])).content.decode(),
        shown | review,
    )
    _check(
        client.get(reverse("programmes:review", args=[slug, edition.year])).content.decode(),
        {"programme.name"},
    )
    _check(
        client.get(reverse("programmes:reviewers", args=[slug, edition.year])).content.decode(),
        {"reviewer.name"},
    )
    _check(
        client.get(reverse("programmes:print", args=[slug, edition.year])).content.decode(), shown
    )
    client.force_login(xss["reviewer"])
    _check(
        client.get(reverse("programmes:application", args=[application.pk])).content.decode(),
        shown | review,
    )
    client.force_login(staff_user)
    _check(
        client.get(reverse("formbuilder:edit", args=[call.form.pk])).content.decode(),
        {"section.title", "question.label"},
    )
    _check(
        client.get(reverse("formbuilder:preview", args=[call.form.pk])).content.decode(), questions
    )


def test_no_cell_of_the_export_starts_a_formula(client, xss, staff_user):
    edition = xss["call"].edition
    client.force_login(staff_user)
    response = client.get(reverse("programmes:export", args=[edition.programme.slug, edition.year]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    cells = [c for row in rows for c in row if isinstance(c, str)]
    assert any(MARKER.search(c) for c in cells)
    assert not [c for c in cells if c.startswith(FORMULA_START)]


def test_the_receipt_subject_is_one_line(
    xss, mailoutbox, org_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(actor=org_editor, application=xss["application"])
    assert mailoutbox and "\n" not in mailoutbox[-1].subject
