"""Draft consultations prepared by a theme group: its members draft and change the draft
and its options; only the secretariat opens it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskab.decisions import services
from samskab.decisions.models import Consultation, Option
from tests.groups.factories import ThemeGroupFactory

DATA = {
    "title": "Nye temagrupper",
    "question": "Hvilke temaer?",
    "method": "approval_up_to",
    "k": 2,
    "voter_role": "admin_contact",
    "voting_opens_at": "2030-01-01T10:00Z",
    "voting_closes_at": "2030-01-10T10:00Z",
}


def test_members_draft_staff_open(
    dk_network, theme_group, group_member, plain_user, staff_user, member_org, other_org
):
    with pytest.raises(PermissionDenied):
        services.consultation_create(
            actor=plain_user, network=dk_network, data=DATA, theme_group=theme_group
        )
    with pytest.raises(PermissionDenied):  # not without the group
        services.consultation_create(actor=group_member, network=dk_network, data=DATA)
    draft = services.consultation_create(
        actor=group_member, network=dk_network, data=DATA, theme_group=theme_group
    )
    assert draft.status == Consultation.Status.DRAFT and draft.theme_group == theme_group
    for title in ("Bevægelse", "Mad"):
        services.option_save(actor=group_member, consultation=draft, title=title)
    services.consultation_update(
        actor=group_member, consultation=draft, data={"title": "Nye temagrupper 2027"}
    )
    with pytest.raises(PermissionDenied):
        services.consultation_open_voting(actor=group_member, consultation=draft)
    with pytest.raises(PermissionDenied):
        services.consultation_open_proposals(actor=group_member, consultation=draft)
    opened = services.consultation_open_proposals(actor=staff_user, consultation=draft)
    # once open, the group no longer changes it
    with pytest.raises(PermissionDenied):
        services.option_save(actor=group_member, consultation=opened, title="Søvn")
    assert Option.objects.filter(consultation=draft).count() == 2


def test_a_group_of_another_network_is_refused(dk_network, no_network, staff_user):
    foreign = ThemeGroupFactory(network=no_network)
    with pytest.raises(PermissionDenied):
        services.consultation_create(
            actor=staff_user, network=dk_network, data=DATA, theme_group=foreign
        )


def test_bad_dates_save_nothing(dk_network, theme_group, group_member):
    with pytest.raises(ValidationError):
        services.consultation_create(
            actor=group_member,
            network=dk_network,
            data=DATA | {"voting_closes_at": "2029-12-01T10:00Z"},
            theme_group=theme_group,
        )
    assert not Consultation.objects.exists()


def test_the_pages(client, dk_network, theme_group, group_member, plain_user, staff_user):
    url = reverse("decisions:create_for_group", args=[theme_group.slug])
    assert client.get(url).status_code == 302  # log in first
    client.force_login(plain_user)
    assert client.get(url).status_code == 403
    assert theme_group.name not in client.get(reverse("decisions:list")).content.decode()
    client.force_login(group_member)
    listing = client.get(reverse("decisions:list")).content.decode()
    assert url in listing
    response = client.post(
        url, DATA | {"voting_opens_at": "2030-01-01T10:00", "voting_closes_at": "2029-12-01T10:00"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="error-summary"' in body and "The deadline must come after voting opens." in body
    assert not Consultation.objects.exists()
    response = client.post(
        url, DATA | {"voting_opens_at": "2030-01-01T10:00", "voting_closes_at": "2030-01-10T10:00"}
    )
    assert response.status_code == 302
    draft = Consultation.objects.get()
    page = client.get(draft.get_absolute_url()).content.decode()
    assert f"Prepared by the theme group {theme_group.name}" in page
    assert "Edit the consultation" in page
    assert "Open voting" not in page  # the secretariat opens it
    assert draft.title in client.get(reverse("decisions:list")).content.decode()
    client.force_login(plain_user)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(staff_user)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Open voting" in page


def test_a_renamed_groups_old_address_moves(client, theme_group, group_member, staff_user):
    from samskab.groups import services as group_services

    old = theme_group.slug
    group_services.group_rename(actor=staff_user, group=theme_group, name="Nyt navn")
    client.force_login(group_member)
    response = client.get(reverse("decisions:create_for_group", args=[old]))
    assert response.status_code == 301
    assert response.url == reverse("decisions:create_for_group", args=[theme_group.slug])
