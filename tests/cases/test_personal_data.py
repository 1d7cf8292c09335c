import pytest
from django.apps import apps

from samskab.accounts import personal_data
from samskab.accounts import services as account_services
from samskab.cases import services
from samskab.cases.models import Case, Comment, CommentReport, Follow, Notification

from .factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_every_case_model_linking_to_a_person_is_covered():
    covered = {m for s in personal_data.sections() for m in s.models}
    user_model = apps.get_model("accounts", "User")
    for model in apps.get_app_config("cases").get_models():
        links = [
            f
            for f in model._meta.get_fields()
            if f.is_relation and f.related_model is user_model and f.concrete
        ]
        if links:
            assert f"cases.{model.__name__}" in covered, model


def test_export_and_erase(case, plain_user, org_editor, dk_network, member_org):
    contact_case = CaseFactory(
        network=dk_network,
        organisation=member_org,
        contact_email=plain_user.email,
        contact_name="Plain Person",
    )
    services.revision_record(actor=None, case=contact_case, action="edited")
    services.case_follow(actor=plain_user, case=case)
    comment = services.comment_create(actor=plain_user, case=case, text="Min kommentar")
    services.comment_create(actor=org_editor, case=case, text="Svar", parent=comment)
    services.comment_report(actor=plain_user, comment=Comment.objects.get(text="Svar"))
    services.comment_create(actor=org_editor, case=case, text="Notify me")
    data = account_services.personal_data_export(user=plain_user)
    assert data["case_comments"]["comments"][0]["text"] == "Min kommentar"
    assert data["case_follows"]["follows"][0]["case"] == case.slug
    assert data["case_contacts"]["contact_person_of"][0]["case"] == contact_case.slug

    account_services.user_erase(actor=plain_user, user=plain_user)
    comment.refresh_from_db()
    assert comment.text == "" and comment.author is None
    assert Comment.objects.filter(text="Svar").exists()  # others' replies stay
    assert (
        not Follow.objects.exists()
        and not Notification.objects.filter(user_id=plain_user.pk).exists()
    )
    assert not CommentReport.objects.exists()
    contact_case.refresh_from_db()
    assert contact_case.contact_name == "" and contact_case.contact_email == ""
    assert contact_case.revisions.exists()
    assert all(r.data["contact"]["email"] == "" for r in contact_case.revisions.all())
    assert Case.objects.filter(pk=case.pk).exists()
