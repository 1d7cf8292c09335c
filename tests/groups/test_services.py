import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from samskab.groups import services
from samskab.groups.models import (
    GroupAlias,
    GroupFollow,
    GroupMembership,
    GroupResource,
    SuggestionSupport,
    ThemeGroup,
    TopicSuggestion,
)

from .conftest import fresh
from .factories import ThemeGroupFactory, TopicSuggestionFactory

# --- create and rename -------------------------------------------------------------------


def test_secretariat_creates_a_group_with_a_slug(dk_network, staff_user):
    group = services.group_create(
        actor=fresh(staff_user),
        network=dk_network,
        data={"name": "  Lighed i  Sundhed ", "lead": "Om lighed."},
    )
    assert group.name == "Lighed i Sundhed"
    assert group.slug == "lighed-i-sundhed"
    assert group.lead == "Om lighed."


@pytest.mark.parametrize("role", ["coordinator", "member", "logged_in", "other_secretariat"])
def test_only_secretariat_creates_groups(dk_network, users, role):
    with pytest.raises(PermissionDenied):
        services.group_create(
            actor=fresh(users[role]), network=dk_network, data={"name": "Ny gruppe"}
        )
    assert not ThemeGroup.objects.filter(name="Ny gruppe").exists()


def test_create_refuses_a_duplicate_name(group, staff_user):
    with pytest.raises(ValidationError) as exc:
        services.group_create(
            actor=fresh(staff_user), network=group.network, data={"name": group.name.upper()}
        )
    assert "name" in exc.value.message_dict


def test_create_never_takes_a_former_slug_or_a_reserved_one(group, staff_user):
    services.group_rename(actor=fresh(staff_user), group=group, name="Nyt navn")
    again = services.group_create(
        actor=fresh(staff_user),
        network=group.network,
        data={"name": "Strategisk Lokalsamfundsudvikling"},
    )
    assert again.slug == "strategisk-lokalsamfundsudvikling-2"
    reserved = services.group_create(
        actor=fresh(staff_user), network=group.network, data={"name": "Following"}
    )
    assert reserved.slug == "following-2"


def test_rename_keeps_the_old_slug_as_an_alias(group, coordinator):
    old_slug, old_name = group.slug, group.name
    services.group_rename(actor=fresh(coordinator), group=group, name="Lokalsamfund og Plan")
    group.refresh_from_db()
    assert group.name == "Lokalsamfund og Plan"
    assert group.slug == "lokalsamfund-og-plan"
    alias = GroupAlias.objects.get(group=group)
    assert (alias.slug, alias.name) == (old_slug, old_name)


def test_renaming_twice_keeps_both_aliases_and_renaming_back_reuses_the_slug(group, coordinator):
    first = group.slug
    services.group_rename(actor=fresh(coordinator), group=group, name="B-gruppen")
    services.group_rename(actor=fresh(coordinator), group=group, name="C-gruppen")
    assert set(GroupAlias.objects.values_list("slug", flat=True)) == {first, "b-gruppen"}
    services.group_rename(
        actor=fresh(coordinator), group=group, name="Strategisk Lokalsamfundsudvikling"
    )
    group.refresh_from_db()
    assert group.slug == first
    assert set(GroupAlias.objects.values_list("slug", flat=True)) == {"b-gruppen", "c-gruppen"}


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_rename_refuses_bad_names(group, coordinator, name):
    with pytest.raises(ValidationError):
        services.group_rename(actor=fresh(coordinator), group=group, name=name)
    group.refresh_from_db()
    assert group.name == "Strategisk Lokalsamfundsudvikling"
    assert not GroupAlias.objects.exists()


def test_rename_refuses_another_groups_name(group, coordinator, dk_network):
    ThemeGroupFactory(network=dk_network, name="Mental Sundhed", slug="mental-sundhed")
    with pytest.raises(ValidationError):
        services.group_rename(actor=fresh(coordinator), group=group, name="mental sundhed")


@pytest.mark.parametrize(
    "role", ["member", "requested", "logged_in", "other_secretariat", "other_group_coordinator"]
)
def test_rename_needs_a_coordinator_or_the_secretariat(group, users, role):
    with pytest.raises(PermissionDenied):
        services.group_rename(actor=fresh(users[role]), group=group, name="Andet navn")


def test_update_renames_and_sets_contacts_in_order(group, coordinator, member):
    from tests.factories import PersonFactory

    first, second = PersonFactory(), PersonFactory()
    services.group_update(
        actor=fresh(coordinator),
        group=group,
        data={"name": "Nyt Navn", "purpose": "Nyt formål", "contacts": [second, first]},
    )
    group.refresh_from_db()
    assert (group.name, group.slug, group.purpose) == ("Nyt Navn", "nyt-navn", "Nyt formål")
    assert [c.person for c in group.contacts.all()] == [second, first]
    services.group_update(actor=fresh(coordinator), group=group, data={"contacts": [first]})
    assert [c.person for c in group.contacts.all()] == [first]


# --- joining -----------------------------------------------------------------------------


def test_join_request_tells_the_coordinators(
    group, coordinator, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.group_join(actor=fresh(plain_user), group=group)
    assert membership.status == GroupMembership.Status.REQUESTED
    assert [m.to for m in mailoutbox] == [[coordinator.email]]
    assert plain_user.name in mailoutbox[0].subject
    assert f"/groups/{group.slug}/members/" in mailoutbox[0].body


def test_join_mail_is_in_the_coordinators_language(
    group, coordinator, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    coordinator.language = "en"
    coordinator.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.group_join(actor=fresh(plain_user), group=group)
    assert "asks to join" in mailoutbox[0].subject


def test_open_group_joins_at_once_without_mail(
    group, coordinator, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    group.join_policy = ThemeGroup.JoinPolicy.OPEN
    group.save()
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.group_join(actor=fresh(plain_user), group=group)
    assert membership.status == GroupMembership.Status.ACTIVE
    assert fresh(plain_user).has_perm("groups.view_members", group)
    assert mailoutbox == []


@pytest.mark.parametrize("role", ["requested", "member", "coordinator"])
def test_cannot_join_twice(group, users, role):
    """``groups.join_group`` refuses members and those waiting for an answer."""
    with pytest.raises(PermissionDenied):
        services.group_join(actor=fresh(users[role]), group=group)


def test_anonymous_cannot_join(group):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.group_join(actor=AnonymousUser(), group=group)


def test_accept_makes_a_member_and_mails_them(
    group, coordinator, requester, mailoutbox, django_capture_on_commit_callbacks
):
    membership = GroupMembership.objects.get(group=group, user=requester)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_accept(actor=fresh(coordinator), membership=membership)
    membership.refresh_from_db()
    assert membership.status == GroupMembership.Status.ACTIVE
    assert membership.accepted_at is not None
    assert [m.to for m in mailoutbox] == [[requester.email]]
    assert group.name in mailoutbox[0].subject
    assert fresh(requester).has_perm("groups.view_members", group)


def test_accept_twice_is_refused(group, coordinator, member):
    membership = GroupMembership.objects.get(group=group, user=member)
    with pytest.raises(ValidationError):
        services.membership_accept(actor=fresh(coordinator), membership=membership)


@pytest.mark.parametrize(
    "role", ["member", "requested", "logged_in", "other_secretariat", "other_group_coordinator"]
)
def test_only_runners_accept(group, users, requester, role):
    membership = GroupMembership.objects.get(group=group, user=requester)
    with pytest.raises(PermissionDenied):
        services.membership_accept(actor=fresh(users[role]), membership=membership)
    membership.refresh_from_db()
    assert membership.status == GroupMembership.Status.REQUESTED


def test_secretariat_accepts_and_declines(group, staff_user, requester, plain_user):
    services.membership_accept(
        actor=fresh(staff_user), membership=GroupMembership.objects.get(user=requester)
    )
    pending = services.group_join(actor=fresh(plain_user), group=group)
    services.membership_decline(actor=fresh(staff_user), membership=pending)
    assert not GroupMembership.objects.filter(user=plain_user).exists()


def test_decline_only_a_request(group, coordinator, member):
    with pytest.raises(ValidationError):
        services.membership_decline(
            actor=fresh(coordinator), membership=GroupMembership.objects.get(user=member)
        )


def test_promote_demote_and_the_last_coordinator(group, coordinator, member):
    mine = GroupMembership.objects.get(user=coordinator)
    theirs = GroupMembership.objects.get(user=member)
    with pytest.raises(ValidationError):
        services.membership_set_role(actor=fresh(coordinator), membership=mine, role="member")
    with pytest.raises(ValidationError):
        services.membership_remove(actor=fresh(coordinator), membership=mine)
    with pytest.raises(ValidationError):
        services.group_leave(actor=fresh(coordinator), group=group)
    services.membership_set_role(actor=fresh(coordinator), membership=theirs, role="coordinator")
    assert fresh(member).has_perm("groups.change_group", group)
    services.membership_set_role(actor=fresh(member), membership=mine, role="member")
    assert not fresh(coordinator).has_perm("groups.change_group", group)


def test_set_role_refuses_unknown_roles_and_requests(group, coordinator, requester):
    theirs = GroupMembership.objects.get(user=requester)
    with pytest.raises(ValidationError):
        services.membership_set_role(
            actor=fresh(coordinator), membership=theirs, role="coordinator"
        )
    with pytest.raises(ValidationError):
        services.membership_set_role(actor=fresh(coordinator), membership=theirs, role="boss")


def test_remove_a_member(group, coordinator, member):
    services.membership_remove(
        actor=fresh(coordinator), membership=GroupMembership.objects.get(user=member)
    )
    assert not fresh(member).has_perm("groups.view_members", group)


def test_leave_and_withdraw(group, member, requester, plain_user):
    services.group_leave(actor=fresh(member), group=group)
    services.group_leave(actor=fresh(requester), group=group)
    assert not GroupMembership.objects.filter(user__in=[member, requester]).exists()
    # The service checks groups.leave_group itself: a non-member and a second leave are refused.
    with pytest.raises(PermissionDenied):
        services.group_leave(actor=fresh(plain_user), group=group)
    with pytest.raises(PermissionDenied):
        services.group_leave(actor=fresh(member), group=group)


# --- follows -------------------------------------------------------------------------------


def test_follow_is_idempotent_and_unfollow_removes(group, plain_user):
    services.group_follow(actor=fresh(plain_user), group=group)
    services.group_follow(actor=fresh(plain_user), group=group)
    assert GroupFollow.objects.filter(user=plain_user).count() == 1
    services.group_unfollow(actor=fresh(plain_user), group=group)
    assert not GroupFollow.objects.exists()


def test_anonymous_cannot_follow(group):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.group_follow(actor=AnonymousUser(), group=group)


# --- resources -------------------------------------------------------------------------------


def test_add_a_file_and_a_link(group, coordinator):
    upload = SimpleUploadedFile("referat.pdf", b"%PDF-1.4 demo", content_type="application/pdf")
    resource = services.resource_create(
        actor=fresh(coordinator),
        group=group,
        data={"title": "Referat", "file": upload, "members_only": True},
    )
    assert resource.is_file and resource.filename == "referat.pdf"
    assert resource.file.read() == b"%PDF-1.4 demo"
    link = services.resource_create(
        actor=fresh(coordinator),
        group=group,
        data={"title": "Håndbog", "url": "https://haandbog.example/"},
    )
    assert not link.is_file and not link.members_only


@pytest.mark.parametrize(
    "data",
    [
        {"title": "Begge", "url": "https://a.example/"},  # gets a file added below
        {"title": "Ingen"},
        {"title": "", "url": "https://a.example/"},
        {"title": "Ikke en adresse", "url": "not a url"},
    ],
)
def test_bad_resources_are_refused_and_nothing_is_saved(group, coordinator, data):
    if data["title"] == "Begge":
        data["file"] = SimpleUploadedFile("a.pdf", b"x")
    with pytest.raises(ValidationError):
        services.resource_create(actor=fresh(coordinator), group=group, data=data)
    assert not GroupResource.objects.exists()


def test_dangerous_file_types_are_refused(group, coordinator):
    for name in ("side.html", "script.js", "program.exe", "billede.svg"):
        with pytest.raises(ValidationError):
            services.resource_create(
                actor=fresh(coordinator),
                group=group,
                data={"title": "X", "file": SimpleUploadedFile(name, b"<script>")},
            )
    assert not GroupResource.objects.exists()


def test_too_large_files_are_refused(group, coordinator, monkeypatch):
    monkeypatch.setattr("samskab.groups.services.resources.MAX_RESOURCE_BYTES", 10)
    with pytest.raises(ValidationError):
        services.resource_create(
            actor=fresh(coordinator),
            group=group,
            data={"title": "X", "file": SimpleUploadedFile("a.pdf", b"x" * 11)},
        )


def test_delete_resource_removes_the_file(group, coordinator, django_capture_on_commit_callbacks):
    resource = services.resource_create(
        actor=fresh(coordinator),
        group=group,
        data={"title": "Referat", "file": SimpleUploadedFile("r.txt", b"hej")},
    )
    storage, name = resource.file.storage, resource.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_delete(actor=fresh(coordinator), resource=resource)
    assert not GroupResource.objects.exists()
    assert not storage.exists(name)


@pytest.mark.parametrize("role", ["member", "logged_in", "other_secretariat"])
def test_only_runners_manage_resources(group, users, role):
    with pytest.raises(PermissionDenied):
        services.resource_create(
            actor=fresh(users[role]), group=group, data={"title": "X", "url": "https://a.example/"}
        )


# --- topic suggestions ----------------------------------------------------------------------


def test_members_suggest_and_others_support_once(group, member, coordinator):
    suggestion = services.suggestion_create(
        actor=fresh(member), group=group, title="  Mikropartnerskaber ", description="Små aftaler."
    )
    assert suggestion.title == "Mikropartnerskaber"
    services.suggestion_support(actor=fresh(coordinator), suggestion=suggestion)
    services.suggestion_support(actor=fresh(coordinator), suggestion=suggestion)
    assert SuggestionSupport.objects.filter(suggestion=suggestion).count() == 1
    services.suggestion_withdraw_support(actor=fresh(coordinator), suggestion=suggestion)
    assert not SuggestionSupport.objects.exists()
    with pytest.raises(PermissionDenied):
        services.suggestion_support(actor=fresh(member), suggestion=suggestion)


@pytest.mark.parametrize("role", ["anonymous", "logged_in", "requested", "other_secretariat"])
def test_outsiders_cannot_suggest(group, users, role):
    with pytest.raises(PermissionDenied):
        services.suggestion_create(actor=fresh(users[role]), group=group, title="X")
    assert not TopicSuggestion.objects.exists()


def test_empty_suggestion_is_refused(group, member):
    with pytest.raises(ValidationError):
        services.suggestion_create(actor=fresh(member), group=group, title="   ")


def test_coordinator_plans_with_a_note_and_a_date(group, coordinator, member):
    import datetime

    suggestion = TopicSuggestionFactory(group=group, author=member)
    services.suggestion_decide(
        actor=fresh(coordinator),
        suggestion=suggestion,
        status="planned",
        note="Forårsmødet",
        planned_for=datetime.date(2027, 3, 4),
    )
    suggestion.refresh_from_db()
    assert suggestion.status == "planned"
    assert suggestion.decided_by == coordinator and suggestion.decided_at
    assert suggestion.planned_for == datetime.date(2027, 3, 4)
    with pytest.raises(ValidationError):
        services.suggestion_withdraw_support(actor=fresh(coordinator), suggestion=suggestion)
    services.suggestion_decide(actor=fresh(coordinator), suggestion=suggestion, status="open")
    suggestion.refresh_from_db()
    assert suggestion.decided_by is None


def test_decide_validates(group, coordinator, member):
    import datetime

    suggestion = TopicSuggestionFactory(group=group, author=member)
    with pytest.raises(ValidationError):
        services.suggestion_decide(actor=fresh(coordinator), suggestion=suggestion, status="maybe")
    with pytest.raises(ValidationError):
        services.suggestion_decide(
            actor=fresh(coordinator),
            suggestion=suggestion,
            status="declined",
            planned_for=datetime.date(2027, 1, 1),
        )
    with pytest.raises(PermissionDenied):
        services.suggestion_decide(actor=fresh(member), suggestion=suggestion, status="declined")
    suggestion.refresh_from_db()
    assert suggestion.status == "open"


def test_membership_changes_are_seen_by_the_same_user_object(group, plain_user, coordinator):
    """Predicates remember memberships on the user object; services make them forget."""
    actor = fresh(plain_user)
    assert actor.has_perm("groups.join_group", group)
    membership = services.group_join(actor=actor, group=group)
    assert not actor.has_perm("groups.join_group", group)
    assert actor.has_perm("groups.leave_group", group)
    boss = fresh(coordinator)
    membership = services.membership_accept(actor=boss, membership=membership)
    services.membership_set_role(actor=boss, membership=membership, role="coordinator")
    assert membership.user.has_perm("groups.change_group", group)
    services.membership_remove(actor=boss, membership=membership)
    assert not membership.user.has_perm("groups.view_members", group)
