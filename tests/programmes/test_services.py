import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from samskab.formbuilder import services as form_services
from samskab.formbuilder.answers import display
from samskab.programmes import services
from samskab.programmes.models import Application, ApplicationLogEntry, Edition
from tests.factories import MembershipFactory

from .conftest import CPH, complete_answers, make_call, submitted_application

S = Application.Status
pytestmark = pytest.mark.django_db


def test_deadline_is_local_end_of_day(staff_user, dk_network):
    call = make_call(staff_user, dk_network)
    assert call.deadline_at == datetime.datetime(2014, 2, 1, 23, 59, 59, tzinfo=CPH)
    assert call.deadline_at.astimezone(datetime.UTC).hour == 22  # CET is UTC+1
    assert call.opens_at == datetime.datetime(2014, 1, 1, 0, 0, tzinfo=CPH)


@pytest.mark.parametrize(
    ("deadline", "utc_hour"),
    [(datetime.date(2026, 2, 1), 22), (datetime.date(2026, 3, 29), 21)],
    ids=["winter", "daylight-saving-starts-that-night"],
)
def test_submit_at_235959_local_and_refused_at_000000(
    staff_user, dk_network, member_org, org_editor, deadline, utc_hour
):
    call = make_call(staff_user, dk_network, opens=datetime.date(2026, 1, 1), deadline=deadline)
    assert call.deadline_at.astimezone(datetime.UTC).hour == utc_hour
    last_second = datetime.datetime.combine(deadline, datetime.time(23, 59, 59), CPH)
    with time_machine.travel(last_second - datetime.timedelta(minutes=5), tick=False):
        application = services.application_start(
            actor=org_editor, call=call, organisation=member_org
        )
        services.application_save(
            actor=org_editor, application=application, answers=complete_answers()
        )
    with time_machine.travel(last_second, tick=False):
        services.application_submit(actor=org_editor, application=application)
    midnight = datetime.datetime.combine(
        deadline + datetime.timedelta(days=1), datetime.time(0, 0, 0), CPH
    )
    with time_machine.travel(midnight, tick=False):
        with pytest.raises(PermissionDenied):
            services.application_save(actor=org_editor, application=application, answers={})
        with pytest.raises(PermissionDenied):
            services.application_submit(actor=org_editor, application=application)
    application.refresh_from_db()
    assert application.status == S.SUBMITTED
    assert application.answers["omraade"] == "Nordbyen"


def test_submit_lists_what_is_missing_and_changes_nothing(application, org_editor):
    services.application_save(
        actor=org_editor,
        application=application,
        answers={"kommune": "Testby", "deltagere": [{"role": "medarbejder", "name": "M"}] * 3},
    )
    with pytest.raises(ValidationError) as exc:
        services.application_submit(actor=org_editor, application=application)
    problems = exc.value.message_dict
    assert {"kontakt", "deltagere", "maal", "lokalomraade", "partnerskaber", "omraade"} <= set(
        problems
    )
    assert "kommune" not in problems
    application.refresh_from_db()
    assert application.status == S.DRAFT and application.submitted_at is None


def test_people_list_limits_per_role_and_in_all(application, org_editor):
    answers = complete_answers()
    answers["deltagere"] = [
        {"role": "leder", "name": "A"},
        {"role": "leder", "name": "B"},
        {"role": "medarbejder", "name": "C"},
        {"role": "medarbejder", "name": "D"},
        {"role": "bolig", "name": "E"},
    ]
    services.application_save(actor=org_editor, application=application, answers=answers)
    with pytest.raises(ValidationError) as exc:
        services.application_submit(actor=org_editor, application=application)
    assert "4" in exc.value.message_dict["deltagere"][0]
    answers["deltagere"] = [{"role": "medarbejder", "name": "C"}]  # no leader
    services.application_save(actor=org_editor, application=application, answers=answers)
    with pytest.raises(ValidationError):
        services.application_submit(actor=org_editor, application=application)


def test_submit_sends_a_receipt_with_the_answers(
    submitted, admin_contact, org_editor, mailoutbox, django_capture_on_commit_callbacks
):
    # The fixture submitted inside the test transaction; submit again and run the hooks.
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(actor=org_editor, application=submitted)
    mail = mailoutbox[-1]
    assert set(mail.to) == {org_editor.email.lower(), admin_contact.email.lower()}
    assert "Nordbyen" in mail.body and "Lis Leder" in mail.body


def test_one_application_per_organisation(call, org_editor, admin_contact, member_org):
    first = services.application_start(actor=org_editor, call=call, organisation=member_org)
    again = services.application_start(actor=admin_contact, call=call, organisation=member_org)
    assert first.pk == again.pk
    assert Application.objects.count() == 1


def test_only_the_organisations_own_people_apply_for_it(call, other_org_editor, member_org):
    with pytest.raises(PermissionDenied):
        services.application_start(actor=other_org_editor, call=call, organisation=member_org)


def test_members_only_and_listed_calls(staff_user, dk_network, org_editor, member_org):
    today = datetime.date.today()
    outsider = MembershipFactory(network=dk_network, until=datetime.date(2011, 1, 1))
    from tests.conftest import make_user_with_role

    outsider_editor = make_user_with_role(dk_network, "org_editor", outsider.organisation)
    members = make_call(
        staff_user,
        dk_network,
        opens=today - datetime.timedelta(days=1),
        deadline=today + datetime.timedelta(days=1),
        eligibility="members",
        year=2030,
    )
    assert outsider_editor.has_perm("programmes.apply", members) is False
    assert org_editor.has_perm("programmes.apply", members) is True
    listed = make_call(
        staff_user,
        dk_network,
        opens=today - datetime.timedelta(days=1),
        deadline=today + datetime.timedelta(days=1),
        eligibility="listed",
        listed=[outsider.organisation],
        year=2031,
    )
    assert outsider_editor.has_perm("programmes.apply", listed) is True
    assert org_editor.has_perm("programmes.apply", listed) is False


def test_the_21st_acceptance_is_refused(call, staff_user, dk_network):
    apps = [
        submitted_application(call, MembershipFactory(network=dk_network).organisation, staff_user)
        for _ in range(21)
    ]
    for application in apps[:20]:
        services.decision_set(actor=staff_user, application=application, outcome="accepted")
    with pytest.raises(ValidationError) as exc:
        services.decision_set(actor=staff_user, application=apps[20], outcome="accepted")
    assert "20" in exc.value.messages[0]
    assert Application.objects.filter(status=S.ACCEPTED).count() == 20
    services.decision_set(actor=staff_user, application=apps[20], outcome="waiting")
    entries = ApplicationLogEntry.objects.filter(application=apps[0], action="decided_accepted")
    assert entries.get().actor == staff_user


def test_withdrawn_seat_goes_to_the_first_on_the_waiting_list(
    call, staff_user, dk_network, submitted, org_editor
):
    call.seats = 1
    call.save()
    services.decision_set(actor=staff_user, application=submitted, outcome="accepted")
    first, second = (
        submitted_application(call, MembershipFactory(network=dk_network).organisation, staff_user)
        for _ in range(2)
    )
    services.decision_set(actor=staff_user, application=first, outcome="waiting")
    services.decision_set(actor=staff_user, application=second, outcome="waiting")
    services.application_withdraw(actor=org_editor, application=submitted)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (S.ACCEPTED, S.WAITING)
    assert first.log.filter(action="moved_up").exists()


def test_only_staff_decide(submitted, org_editor, other_network_staff):
    for actor in (org_editor, other_network_staff, None):
        with pytest.raises(PermissionDenied):
            services.decision_set(actor=actor, application=submitted, outcome="accepted")
    submitted.refresh_from_db()
    assert submitted.status == S.SUBMITTED


def test_a_changed_form_never_loses_an_answer(submitted, staff_user, org_editor, call):
    form = call.form
    old_version = submitted.form_version
    form_services.item_remove(actor=staff_user, form=form, item_id="omraade")
    form_services.question_save(
        actor=staff_user,
        form=form,
        section_id="s-indsats",
        question_id="maal",
        kind="long_text",
        label="Hvad er jeres mål?",
    )
    submitted.refresh_from_db()
    assert submitted.form_version == old_version  # kept the version it was answered on
    rows = display(submitted.form_version.definition, submitted.answers)
    assert "Nordbyen" in str(rows)
    # Saving again on the new version keeps the answer to the removed question.
    services.application_save(
        actor=org_editor, application=submitted, answers={"maal": "Nyt mål", "kommune": "X"}
    )
    submitted.refresh_from_db()
    assert submitted.answers["omraade"] == "Nordbyen"
    assert submitted.answers["maal"] == "Nyt mål"
    shown = display(submitted.form_version.definition, submitted.answers)
    assert shown[-1]["rows"][0]["text"] == "Nordbyen"


def test_edition_copy_takes_texts_tracks_and_form(call, staff_user):
    copy = services.edition_copy(actor=staff_user, edition=call.edition)
    assert copy.year == call.edition.year + 1
    assert [t.name for t in copy.tracks.all()] == ["Lederspor"]
    assert copy.call.form_id != call.form_id
    assert copy.call.form.current().definition == call.form.current().definition
    assert copy.call.seats == call.seats
    local = copy.call.deadline_at.astimezone(CPH)
    assert (local.hour, local.minute, local.second) == (23, 59, 59)
    with pytest.raises(ValidationError):
        services.edition_copy(actor=staff_user, edition=call.edition)
    assert Edition.objects.count() == 2


def test_call_dates_are_checked(staff_user, dk_network):
    call = make_call(staff_user, dk_network)
    with pytest.raises(ValidationError) as exc:
        services.call_save(
            actor=staff_user,
            edition=call.edition,
            opens_on=datetime.date(2014, 2, 1),
            deadline_on=datetime.date(2014, 1, 1),
            seats=20,
            eligibility="country",
        )
    assert "deadline_on" in exc.value.message_dict
