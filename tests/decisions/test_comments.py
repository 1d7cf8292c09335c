"""Comments on options: who may write them and when, deletion, reports and moderation,
through the services and the pages."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samskab.decisions import services
from samskab.decisions.models import OptionComment, OptionCommentReport


@pytest.fixture
def proposals(consultation, staff_user):
    return services.consultation_open_proposals(actor=staff_user, consultation=consultation)


@pytest.fixture
def option(proposals):
    return proposals.options.first()


def _url(name, consultation, pk):
    return reverse(f"decisions:{name}", args=[consultation.slug, pk])


def test_contacts_and_staff_comment_while_proposals_and_voting(
    consultation, option, admin_contact, staff_user, plain_user, non_member_contact
):
    services.comment_create(actor=admin_contact, option=option, text="Vigtigt tema.")
    services.comment_create(actor=staff_user, option=option, text="Tak.")
    for who in (plain_user, non_member_contact, None):
        with pytest.raises(PermissionDenied):
            services.comment_create(actor=who, option=option, text="Nej.")
    with pytest.raises(ValidationError):
        services.comment_create(actor=admin_contact, option=option, text="   ")
    with pytest.raises(ValidationError):
        services.comment_create(actor=admin_contact, option=option, text="x" * 5001)
    assert OptionComment.objects.count() == 2


def test_no_comments_on_a_draft_or_after_the_deadline(consultation, staff_user, admin_contact):
    option = consultation.options.first()
    with pytest.raises(PermissionDenied):
        services.comment_create(actor=admin_contact, option=option, text="For tidligt.")
    services.consultation_open_voting(actor=staff_user, consultation=consultation)
    services.comment_create(actor=admin_contact, option=option, text="Under afstemningen.")
    later = timezone.now() + datetime.timedelta(days=30)
    with time_machine.travel(later, tick=False), pytest.raises(PermissionDenied):
        services.comment_create(actor=admin_contact, option=option, text="For sent.")
    assert OptionComment.objects.count() == 1


def test_delete_report_hide_restore(
    option, admin_contact, political_contact, staff_user, other_network_staff
):
    comment = services.comment_create(actor=admin_contact, option=option, text="Noget groft.")
    services.comment_report(actor=political_contact, comment=comment, reason="Groft\nsprog")
    services.comment_report(actor=political_contact, comment=comment, reason="igen")
    report = OptionCommentReport.objects.get()
    assert report.reason == "Groft sprog"
    with pytest.raises(PermissionDenied):
        services.comment_hide(actor=other_network_staff, comment=comment)
    with pytest.raises(PermissionDenied):
        services.comment_delete(actor=political_contact, comment=comment)
    services.comment_hide(actor=staff_user, comment=comment)
    comment.refresh_from_db()
    assert comment.hidden_at and comment.hidden_by == staff_user
    assert OptionCommentReport.objects.get().resolved_at is not None
    services.comment_restore(actor=staff_user, comment=comment)
    comment.refresh_from_db()
    assert comment.hidden_at is None
    services.comment_delete(actor=admin_contact, comment=comment)
    comment.refresh_from_db()
    assert comment.text == "" and comment.deleted_at is not None


def test_option_page_and_posting(client, proposals, option, admin_contact, plain_user):
    page = client.get(_url("option", proposals, option.pk)).content.decode()
    assert "No comments yet." in page and "Log in to comment" in page
    client.force_login(admin_contact)
    response = client.post(_url("comment_add", proposals, option.pk), {"text": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="error-summary"' in body and "Write a comment first." in body
    assert not OptionComment.objects.exists()
    response = client.post(_url("comment_add", proposals, option.pk), {"text": "Godt forslag"})
    assert response.status_code == 302
    detail = client.get(proposals.get_absolute_url()).content.decode()
    assert f"Comments on “{option.title}” (1)" in detail
    client.force_login(plain_user)
    assert client.post(_url("comment_add", proposals, option.pk), {"text": "x"}).status_code == 403
    assert OptionComment.objects.count() == 1


def test_report_and_moderate_through_the_pages(
    client, proposals, option, admin_contact, political_contact, staff_user
):
    comment = services.comment_create(actor=admin_contact, option=option, text="Upassende")
    client.force_login(political_contact)
    response = client.post(_url("comment_report", proposals, comment.pk), {"reason": "spam"})
    assert response.status_code == 302
    client.force_login(staff_user)
    detail = client.get(proposals.get_absolute_url()).content.decode()
    assert "Reported comments" in detail and "1 report" in detail
    response = client.post(
        _url("comment_moderate", proposals, comment.pk), {"next": "consultation"}
    )
    assert response.status_code == 302 and response.url.endswith("#reported")
    client.logout()
    page = client.get(_url("option", proposals, option.pk)).content.decode()
    assert "Upassende" not in page and "hidden by the secretariat" in page
    client.force_login(admin_contact)
    assert client.post(_url("comment_moderate", proposals, comment.pk)).status_code == 403


def test_a_comment_of_another_consultation_is_404(
    client, proposals, option, admin_contact, staff_user, dk_network
):
    from tests.decisions.factories import ConsultationFactory

    other = ConsultationFactory(network=dk_network)
    comment = services.comment_create(actor=admin_contact, option=option, text="Her")
    client.force_login(staff_user)
    assert client.post(_url("comment_moderate", other, comment.pk)).status_code == 404
    assert client.get(_url("option", other, option.pk)).status_code == 404


def test_personal_data_of_comments(option, admin_contact, political_contact):
    from samskab.accounts.selectors import personal_data_export
    from samskab.accounts.services import user_erase

    comment = services.comment_create(actor=admin_contact, option=option, text="Min mening")
    services.comment_report(actor=political_contact, comment=comment)
    assert "Min mening" in str(personal_data_export(user=admin_contact))
    assert OptionCommentReport.objects.count() == 1
    user_erase(actor=political_contact, user=political_contact)
    assert not OptionCommentReport.objects.exists()
    user_erase(actor=admin_contact, user=admin_contact)
    comment.refresh_from_db()
    assert comment.author is None and comment.text == ""
