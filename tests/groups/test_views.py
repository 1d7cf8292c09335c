import pytest
from django.core.files.base import ContentFile

from samskab.groups import services
from samskab.groups.models import (
    GroupAlias,
    GroupContact,
    GroupFollow,
    GroupMembership,
    GroupResource,
    ThemeGroup,
    TopicSuggestion,
)
from tests.conftest import login
from tests.factories import PersonFactory

from .conftest import fresh
from .factories import (
    GroupMembershipFactory,
    GroupResourceFactory,
    ThemeGroupFactory,
    TopicSuggestionFactory,
)


def page(client, group, lang="da", suffix=""):
    return client.get(f"/{lang}/groups/{group.slug}/{suffix}")


# --- the group page ------------------------------------------------------------------------


def test_page_shows_the_texts_with_markdown(client, group):
    html = page(client, group).content.decode()
    assert "<h1" in html and group.name in html
    assert "<strong>stort behov</strong>" in html
    assert "<li>Mikropartnerskaber</li>" in html


def test_markdown_is_sanitised(client, group, coordinator):
    group.background = "<script>alert(1)</script> [klik](javascript:alert(1))"
    group.save()
    html = page(client, group).content.decode()
    assert "<script>alert" not in html
    assert "javascript:" not in html


@pytest.mark.parametrize(
    ("lang", "heading", "meetings"),
    [
        ("da", "Baggrund", "Kommende møder"),
        ("nb", "Bakgrunn", "Kommende møter"),
        ("en", "Background", "Upcoming meetings"),
    ],
)
def test_page_in_three_languages(client, group, lang, heading, meetings):
    html = page(client, group, lang).content.decode()
    assert heading in html
    assert meetings in html


def test_contacts_show_phone_only_as_consented(client, group, member_org):
    agreed = PersonFactory(
        name="Birgitte Vestergaard",
        title="Udviklingskonsulent",
        organisation=member_org,
        phone="+45 09 11 22 33",
        email="birgitte@kommune.example",
        public_consent=True,
    )
    private = PersonFactory(
        name="Søren Lauridsen",
        title="Analytiker",
        organisation=member_org,
        phone="+45 09 44 55 66",
        email="soren@kommune.example",
        public_consent=False,
    )
    GroupContact.objects.create(group=group, person=agreed, position=0)
    GroupContact.objects.create(group=group, person=private, position=1)
    html = page(client, group).content.decode()
    assert "Birgitte Vestergaard" in html and "Udviklingskonsulent" in html
    assert member_org.name in html
    assert "+45 09 11 22 33" in html and "birgitte@kommune.example" in html
    assert "Søren Lauridsen" in html
    assert "+45 09 44 55 66" not in html and "soren@kommune.example" not in html


def test_secretariat_sees_contact_details_without_consent(client, group, member_org, staff_user):
    private = PersonFactory(organisation=member_org, phone="+45 09 44 55 66", public_consent=False)
    GroupContact.objects.create(group=group, person=private)
    client.force_login(staff_user)
    assert "+45 09 44 55 66" in page(client, group).content.decode()


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("anonymous", False),
        ("logged_in", False),
        ("requested", False),
        ("member", True),
        ("coordinator", True),
        ("secretariat", True),
        ("other_secretariat", False),
    ],
)
def test_members_and_members_only_resources(client, group, users, role, sees):
    GroupResourceFactory(group=group, title="Offentlig håndbog")
    secret = GroupResource(group=group, title="Internt referat", members_only=True)
    secret.file.save("referat.txt", ContentFile(b"x"), save=True)
    user = users[role]
    if user.is_authenticated:
        client.force_login(user)
    html = page(client, group).content.decode()
    assert "Offentlig håndbog" in html
    assert ("Internt referat" in html) is sees
    assert (str(users["member"]) in html) is sees
    # Coordinators are listed publicly.
    assert str(users["coordinator"]) in html


def test_meetings_section_is_empty_without_the_events_app(client, group):
    html = page(client, group, "en").content.decode()
    assert 'id="meetings-heading"' in html
    assert "No upcoming meetings have been announced yet." in html
    assert "No past meetings." in html


def test_unknown_and_foreign_groups_are_404(client, group, no_network):
    norwegian = ThemeGroupFactory(network=no_network, slug="medborgerskap")
    assert client.get("/da/groups/findes-ikke/").status_code == 404
    assert page(client, norwegian).status_code == 404


def test_norwegian_host_shows_norwegian_groups(client, no_network, settings):
    settings.ALLOWED_HOSTS = ["testserver", "sunne.testserver"]
    norwegian = ThemeGroupFactory(network=no_network, name="Medborgerskap", slug="medborgerskap")
    response = client.get("/nb/groups/", HTTP_HOST="sunne.testserver")
    assert "Medborgerskap" in response.content.decode()
    assert (
        client.get(f"/nb/groups/{norwegian.slug}/", HTTP_HOST="sunne.testserver").status_code == 200
    )


def test_list_shows_groups_counts_and_my_state(client, group, member, plain_user):
    other = ThemeGroupFactory(
        network=group.network, name="Aktive Fællesskaber", slug="aktive-faellesskaber"
    )
    GroupFollow.objects.create(group=other, user=member)
    client.force_login(member)
    html = client.get("/en/groups/").content.decode()
    assert group.name in html and other.name in html
    assert "You are a member" in html and "You follow this group" in html


def test_list_costs_a_fixed_number_of_queries(client, group, member, django_assert_max_num_queries):
    for _n in range(5):
        g = ThemeGroupFactory(network=group.network)
        GroupMembershipFactory.create_batch(2, group=g)
    client.force_login(member)
    client.get("/da/groups/")  # warm caches (network host map, session)
    with django_assert_max_num_queries(8):
        client.get("/da/groups/")


# --- renaming ------------------------------------------------------------------------------


def test_old_urls_redirect_permanently_after_a_rename(client, group, coordinator):
    old = group.slug
    services.group_rename(actor=fresh(coordinator), group=group, name="Sundhed i Lokalsamfund")
    group.refresh_from_db()
    response = client.get(f"/da/groups/{old}/")
    assert response.status_code == 301
    assert response["Location"] == f"/da/groups/{group.slug}/"
    client.force_login(coordinator)
    response = client.get(f"/en/groups/{old}/suggestions/?status=open")
    assert response.status_code == 301
    assert response["Location"] == f"/en/groups/{group.slug}/suggestions/?status=open"
    response = client.get(f"/nb/groups/{old}/members/", follow=True)
    assert response.redirect_chain == [(f"/nb/groups/{group.slug}/members/", 301)]
    assert response.status_code == 200


def test_page_notes_the_former_name(client, group, coordinator):
    services.group_rename(actor=fresh(coordinator), group=group, name="Nyt navn")
    group.refresh_from_db()
    html = page(client, group, "da").content.decode()
    assert "Tidligere Strategisk Lokalsamfundsudvikling" in html
    html = page(client, group, "en").content.decode()
    assert "Formerly Strategisk Lokalsamfundsudvikling" in html


def test_edit_form_renames_and_saves(client, group, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/da/groups/{group.slug}/edit/",
        {
            "name": "Lokalsamfund og Strategi",
            "lead": "Ny manchet",
            "background": "B",
            "purpose": "P",
            "target_group": "T",
            "focus": "F",
            "join_policy": "open",
        },
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.slug == "lokalsamfund-og-strategi"
    assert response["Location"] == f"/da/groups/{group.slug}/"
    assert (group.lead, group.join_policy) == ("Ny manchet", "open")
    assert GroupAlias.objects.filter(slug="strategisk-lokalsamfundsudvikling").exists()


def test_edit_form_with_errors_changes_nothing(client, group, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/en/groups/{group.slug}/edit/", {"name": "", "lead": "Ny", "join_policy": "sometimes"}
    )
    assert response.status_code == 200
    assert "Please correct the following" in response.content.decode()
    group.refresh_from_db()
    assert group.lead != "Ny"


def test_edit_form_sets_contacts(client, group, coordinator, staff_user):
    client.force_login(coordinator)
    response = client.get(f"/da/groups/{group.slug}/edit/")
    secretary = staff_user.person
    assert secretary.name in response.content.decode()
    client.post(
        f"/da/groups/{group.slug}/edit/",
        {"name": group.name, "join_policy": "approval", "contacts": [secretary.pk]},
    )
    assert [c.person for c in group.contacts.all()] == [secretary]


def test_secretariat_creates_a_group(client, dk_network, staff_user):
    client.force_login(staff_user)
    response = client.post(
        "/da/groups/new/", {"name": "Lighed i Sundhed", "join_policy": "approval"}
    )
    assert response.status_code == 302
    group = ThemeGroup.objects.get(name="Lighed i Sundhed")
    assert group.network == dk_network
    assert response["Location"] == f"/da/groups/{group.slug}/"
    response = client.post(
        "/da/groups/new/", {"name": "Lighed i Sundhed", "join_policy": "approval"}
    )
    assert response.status_code == 200
    assert ThemeGroup.objects.filter(name="Lighed i Sundhed").count() == 1


# --- joining and members -------------------------------------------------------------------


def test_join_accept_flow_through_the_pages(
    client, group, coordinator, plain_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(plain_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/groups/{group.slug}/join/", follow=True)
    assert "Your request has been sent" in response.content.decode()
    assert "Withdraw your request" in response.content.decode()
    assert mailoutbox[-1].to == [coordinator.email]
    membership = GroupMembership.objects.get(user=plain_user)

    client.force_login(coordinator)
    members_page = client.get(f"/en/groups/{group.slug}/members/").content.decode()
    assert "Requests to join" in members_page and str(plain_user) in members_page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/groups/{group.slug}/members/{membership.pk}/accept/", follow=True
        )
    assert f"{plain_user} is now a member." in response.content.decode()
    assert mailoutbox[-1].to == [plain_user.email]


def test_membership_actions_report_rule_errors(client, group, coordinator):
    client.force_login(coordinator)
    mine = GroupMembership.objects.get(user=coordinator)
    response = client.post(f"/en/groups/{group.slug}/members/{mine.pk}/demote/", follow=True)
    assert "at least one coordinator" in response.content.decode()
    mine.refresh_from_db()
    assert mine.role == "coordinator"
    assert client.post(f"/en/groups/{group.slug}/members/{mine.pk}/explode/").status_code == 404


def test_membership_of_another_group_is_404(client, group, coordinator, other_group_coordinator):
    theirs = GroupMembership.objects.get(user=other_group_coordinator)
    client.force_login(coordinator)
    url = f"/en/groups/{group.slug}/members/{theirs.pk}/remove/"
    assert client.post(url).status_code == 404


def test_open_group_join_is_immediate(client, group, plain_user):
    group.join_policy = "open"
    group.save()
    client.force_login(plain_user)
    response = client.post(f"/en/groups/{group.slug}/join/", follow=True)
    assert "You are now a member" in response.content.decode()


def test_leave(client, group, member):
    client.force_login(member)
    response = client.post(f"/en/groups/{group.slug}/leave/", follow=True)
    assert "You are no longer a member" in response.content.decode()
    assert not GroupMembership.objects.filter(user=member).exists()


def test_withdrawing_a_join_request_says_so(client, group, requester):
    client.force_login(requester)
    response = client.post(f"/en/groups/{group.slug}/leave/", follow=True)
    html = response.content.decode()
    assert "Your request to join the group has been withdrawn." in html
    assert "no longer a member" not in html
    assert not GroupMembership.objects.filter(user=requester).exists()


def test_non_members_are_told_of_members_only_meetings(client, group, member):
    from tests.events.factories import EventFactory

    EventFactory(
        network=group.network, theme_group=group, audience="group_members", title="Lukket møde"
    )
    html = client.get(f"/en/groups/{group.slug}/").content.decode()
    assert "Lukket møde" not in html
    assert "No upcoming meetings have been announced yet." not in html
    assert "The group has 1 upcoming meeting for its members." in html
    client.force_login(member)
    html = client.get(f"/en/groups/{group.slug}/").content.decode()
    assert "Lukket møde" in html and "for its members" not in html


# --- follow --------------------------------------------------------------------------------


def test_follow_and_following_page(client, group, plain_user):
    client.force_login(plain_user)
    client.post(f"/da/groups/{group.slug}/follow/", {"action": "follow"})
    html = client.get("/da/groups/following/").content.decode()
    assert group.name in html
    response = client.post(
        f"/da/groups/{group.slug}/follow/", {"action": "unfollow", "next": "/da/groups/following/"}
    )
    assert response["Location"] == "/da/groups/following/"
    assert group.name not in client.get("/da/groups/following/").content.decode()


def test_follow_never_redirects_off_site(client, group, plain_user):
    client.force_login(plain_user)
    response = client.post(
        f"/da/groups/{group.slug}/follow/", {"action": "follow", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"/da/groups/{group.slug}/"


def test_follow_with_htmx_returns_a_fragment(client, group, plain_user):
    client.force_login(plain_user)
    response = client.post(
        f"/en/groups/{group.slug}/follow/", {"action": "follow"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'aria-pressed="true"' in html and 'value="unfollow"' in html


# --- resources -----------------------------------------------------------------------------


def test_download_members_only_file(client, group, member):
    resource = GroupResource(group=group, title="Referat", members_only=True)
    resource.file.save("referat.txt", ContentFile(b"hemmeligt"), save=True)
    url = f"/da/groups/{group.slug}/resources/{resource.pk}/download/"
    assert client.get(url).status_code == 403
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"hemmeligt"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_public_file_and_link(client, group):
    resource = GroupResource(group=group, title="Håndbog")
    resource.file.save("haandbog.pdf", ContentFile(b"%PDF"), save=True)
    response = client.get(f"/da/groups/{group.slug}/resources/{resource.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    link = GroupResourceFactory(group=group, url="https://haandbog.example/")
    response = client.get(f"/da/groups/{group.slug}/resources/{link.pk}/download/")
    assert response["Location"] == "https://haandbog.example/"


def test_resource_of_another_group_is_404(client, group, dk_network):
    other = ThemeGroupFactory(network=dk_network)
    resource = GroupResourceFactory(group=other)
    response = client.get(f"/da/groups/{group.slug}/resources/{resource.pk}/download/")
    assert response.status_code == 404


def test_media_files_are_not_linked_directly(client, group, member):
    resource = GroupResource(group=group, title="Referat", members_only=True)
    resource.file.save("referat.txt", ContentFile(b"x"), save=True)
    client.force_login(member)
    html = page(client, group).content.decode()
    assert resource.file.url not in html


def test_coordinator_uploads_a_file(client, group, coordinator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(coordinator)
    response = client.post(
        f"/da/groups/{group.slug}/resources/",
        {
            "title": "Referat",
            "file": SimpleUploadedFile("referat.pdf", b"%PDF-1.4"),
            "members_only": "on",
        },
    )
    assert response.status_code == 302
    resource = GroupResource.objects.get()
    assert resource.members_only and resource.filename == "referat.pdf"
    response = client.post(
        f"/en/groups/{group.slug}/resources/",
        {"title": "Farlig", "file": SimpleUploadedFile("side.html", b"<script>")},
    )
    assert response.status_code == 200
    assert "cannot be shared here" in response.content.decode()
    assert GroupResource.objects.count() == 1


# --- topic suggestions ---------------------------------------------------------------------


def test_suggestions_sorted_by_support(client, group, member, coordinator):
    few = TopicSuggestionFactory(group=group, title="Få støtter")
    many = TopicSuggestionFactory(group=group, title="Mange støtter")
    for _n in range(3):
        GroupMembershipFactory(group=group)
    for m in GroupMembership.objects.filter(group=group)[:3]:
        many.supports.create(user=m.user)
    few.supports.create(user=member)
    client.force_login(member)
    html = client.get(f"/da/groups/{group.slug}/suggestions/").content.decode()
    assert html.index("Mange støtter") < html.index("Få støtter")


def test_member_suggests_and_supports_through_the_page(client, group, member, coordinator):
    client.force_login(member)
    response = client.post(
        f"/da/groups/{group.slug}/suggestions/",
        {"title": "Mikropartnerskaber", "description": "Små aftaler"},
    )
    assert response.status_code == 302
    suggestion = TopicSuggestion.objects.get()
    assert suggestion.author == member
    client.force_login(coordinator)
    url = f"/en/groups/{group.slug}/suggestions/{suggestion.pk}/support/"
    response = client.post(url, {"action": "support"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "1 supporter" in html and "Withdraw support" in html
    response = client.post(url, {"action": "withdraw"}, HTTP_HX_REQUEST="true")
    assert "0 supporters" in response.content.decode()
    assert not suggestion.supports.exists()


def test_empty_suggestion_shows_a_form_error(client, group, member):
    client.force_login(member)
    response = client.post(f"/en/groups/{group.slug}/suggestions/", {"title": ""})
    assert response.status_code == 200
    assert "Please correct the following" in response.content.decode()
    assert not TopicSuggestion.objects.exists()


def test_coordinator_plans_a_suggestion(client, group, coordinator):
    suggestion = TopicSuggestionFactory(group=group)
    client.force_login(coordinator)
    response = client.post(
        f"/da/groups/{group.slug}/suggestions/{suggestion.pk}/decide/",
        {"status": "planned", "note": "Forårsmødet", "planned_for": "2027-03-04"},
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == "planned" and suggestion.decision_note == "Forårsmødet"
    html = client.get(f"/da/groups/{group.slug}/suggestions/").content.decode()
    assert "Forårsmødet" in html and "Planlagt" in html


def test_decision_form_validates(client, group, coordinator):
    suggestion = TopicSuggestionFactory(group=group)
    client.force_login(coordinator)
    response = client.post(
        f"/en/groups/{group.slug}/suggestions/{suggestion.pk}/decide/",
        {"status": "declined", "planned_for": "2027-03-04"},
    )
    assert response.status_code == 200
    suggestion.refresh_from_db()
    assert suggestion.status == "open"


def test_anonymous_pages_are_cached_and_a_rename_refreshes_them(client, group, coordinator):
    first = page(client, group)
    assert first["X-Page-Cache"] == "miss"
    assert page(client, group)["X-Page-Cache"] == "hit"
    assert client.get("/da/groups/")["X-Page-Cache"] == "miss"
    services.group_update(actor=fresh(coordinator), group=group, data={"lead": "Ny manchet"})
    response = page(client, group)
    assert response["X-Page-Cache"] == "miss"
    assert "Ny manchet" in response.content.decode()


def test_logged_in_pages_are_never_cached(client, group, member):
    client.force_login(member)
    response = page(client, group)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_admin_shows_only_the_own_networks_groups(client, group, staff_user, no_network):
    norwegian = ThemeGroupFactory(network=no_network, name="Medborgerskap", slug="medborgerskap")
    login(client, staff_user)  # the admin wants the second factor
    html = client.get("/da/admin/groups/themegroup/").content.decode()
    assert group.name in html and norwegian.name not in html
    assert client.get(f"/da/admin/groups/themegroup/{norwegian.pk}/change/").status_code in (
        302,
        403,
        404,
    )
    assert client.get(f"/da/admin/groups/themegroup/{group.pk}/change/").status_code == 200


def test_coordinator_edits_a_link_and_a_file(client, group, coordinator):
    link = GroupResourceFactory(group=group, title="Håndbog", url="https://gammel.example/")
    upload = GroupResource(group=group, title="Referat")
    upload.file.save("referat.txt", ContentFile(b"x"), save=True)
    client.force_login(coordinator)
    response = client.post(
        f"/da/groups/{group.slug}/resources/{link.pk}/edit/",
        {"title": "Ny håndbog", "url": "https://ny.example/", "members_only": "on"},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.title, link.url, link.members_only) == ("Ny håndbog", "https://ny.example/", True)
    response = client.post(
        f"/en/groups/{group.slug}/resources/{link.pk}/edit/", {"title": "", "url": ""}
    )
    assert response.status_code == 200
    link.refresh_from_db()
    assert link.title == "Ny håndbog"
    response = client.post(
        f"/da/groups/{group.slug}/resources/{upload.pk}/edit/", {"title": "Referat fra mødet"}
    )
    assert response.status_code == 302
    upload.refresh_from_db()
    assert upload.title == "Referat fra mødet" and upload.url == "" and upload.is_file
