import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskab.demo.data.programmes import SEED_FORM
from samskab.formbuilder import services
from samskab.formbuilder.answers import AnswerForm, missing
from samskab.formbuilder.schema import validate_definition

pytestmark = pytest.mark.django_db


def test_the_seed_form_is_a_valid_definition():
    validate_definition(SEED_FORM)


@pytest.mark.parametrize(
    "definition",
    [
        {
            "sections": [
                {"id": "s", "title": "S", "questions": [{"id": "s", "kind": "date", "label": "D"}]}
            ]
        },
        {
            "sections": [
                {
                    "id": "s",
                    "title": "S",
                    "questions": [{"id": "q", "kind": "people", "label": "P"}],
                }
            ]
        },
        {
            "sections": [
                {
                    "id": "s",
                    "title": "S",
                    "questions": [{"id": "q", "kind": "single_choice", "label": "C"}],
                }
            ]
        },
        {
            "sections": [
                {"id": "s", "title": "S", "questions": [{"id": "q", "kind": "code", "label": "X"}]}
            ]
        },
        {"sections": [], "script": "x"},
    ],
    ids=["same-id", "people-without-roles", "choice-without-choices", "unknown-kind", "extra-key"],
)
def test_bad_definitions_are_refused(definition):
    with pytest.raises(ValidationError):
        validate_definition(definition)


def test_every_change_is_a_new_version_with_stable_ids(staff_user, dk_network):
    form = services.form_create(actor=staff_user, network=dk_network, name="Ansøgning")
    services.section_save(actor=staff_user, form=form, title="Kommune")
    section = form.current().definition["sections"][0]
    services.question_save(
        actor=staff_user, form=form, section_id=section["id"], kind="short_text", label="Kommune"
    )
    question = form.current().definition["sections"][0]["questions"][0]
    services.question_save(
        actor=staff_user,
        form=form,
        section_id=section["id"],
        question_id=question["id"],
        kind="long_text",
        label="Kommunens navn",
    )
    versions = list(form.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2, 3, 4]
    assert versions[2].definition["sections"][0]["questions"][0]["label"] == "Kommune"
    changed = form.current().definition["sections"][0]["questions"][0]
    assert changed["id"] == question["id"] and changed["kind"] == "long_text"


def test_only_the_networks_secretariat_builds(dk_network, org_editor, other_network_staff):
    for actor in (org_editor, other_network_staff, None):
        with pytest.raises(PermissionDenied):
            services.form_create(actor=actor, network=dk_network, name="X")


def test_answer_form_parses_people_by_role_and_limits_them():
    post = {
        "a-kommune": "Lolland",
        "a-kontakt-kontakt-TOTAL_FORMS": "1",
        "a-kontakt-kontakt-INITIAL_FORMS": "0",
        "a-kontakt-kontakt-0-name": "Karen",
        "a-kontakt-kontakt-0-title": "Konsulent",
        "a-kontakt-kontakt-0-email": "karen@kommune.example",
    }
    for role in ("leder", "medarbejder", "bolig"):
        post[f"a-deltagere-{role}-TOTAL_FORMS"] = "0"
        post[f"a-deltagere-{role}-INITIAL_FORMS"] = "0"
    form = AnswerForm(SEED_FORM, data=post)
    assert form.is_valid()
    answers = form.answers()
    assert answers["kontakt"] == [
        {"role": "kontakt", "name": "Karen", "title": "Konsulent", "email": "karen@kommune.example"}
    ]
    assert "deltagere" in missing(SEED_FORM, answers)
    post["a-deltagere-bolig-TOTAL_FORMS"] = "2"
    post["a-deltagere-bolig-0-name"] = "A"
    post["a-deltagere-bolig-1-name"] = "B"
    assert not AnswerForm(SEED_FORM, data=post).is_valid()  # at most one in the housing area


def test_staff_are_warned_before_changing_a_form_with_answers(client, staff_user, dk_network):
    from tests.factories import MembershipFactory
    from tests.programmes.conftest import make_call, submitted_application

    call = make_call(staff_user, dk_network)
    client.force_login(staff_user)
    page = client.get(reverse("formbuilder:edit", args=[call.form.pk]))
    assert "warning" not in page.content.decode().split("<main")[1].split("Version")[0]
    submitted_application(call, MembershipFactory(network=dk_network).organisation, staff_user)
    page = client.get(reverse("formbuilder:edit", args=[call.form.pk]))
    assert "allerede 1 svar" in page.content.decode()
