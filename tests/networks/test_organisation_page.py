"""An organisation's page lists its cases, its coming events, the theme groups its people
belong to and the programme editions it takes part in, each linking to its page, with an
empty state for each (issue 20, point 23). The sections come from the apps above networks
through ``networks.selectors.register_organisation_section``."""

import datetime

import pytest

from samskab.events.models import Event
from samskab.programmes.models import Application
from tests.cases.factories import CaseFactory
from tests.conftest import make_user_with_role
from tests.events.factories import EventFactory, GroupMembershipFactory, ThemeGroupFactory
from tests.programmes.conftest import make_call, submitted_application

pytestmark = pytest.mark.django_db


def section(html, key):
    start = html.index(f'data-organisation-section="{key}"')
    return html[start : html.index("</section>", start)]


def test_empty_states_in_the_readers_language(client, dk_network, member_org):
    html = client.get(f"/da/organisations/{member_org.slug}/").content.decode()
    assert "Organisationen har endnu ikke offentliggjort nogen cases." in section(html, "cases")
    assert "Organisationen har ingen kommende arrangementer." in section(html, "events")
    assert "Ingen fra organisationen er endnu medlem af en temagruppe." in section(html, "groups")
    assert "Organisationen deltager endnu ikke i noget forløb." in section(html, "programmes")


def test_sections_list_and_link_the_organisations_things(
    client, dk_network, member_org, other_org, staff_user
):
    case = CaseFactory(network=dk_network, organisation=member_org, title="Røgfri skoletid")
    CaseFactory(network=dk_network, organisation=other_org, title="Andres case")
    CaseFactory(
        network=dk_network,
        organisation=member_org,
        title="Kladden",
        status="draft",
        published_at=None,
    )
    colleague = make_user_with_role(dk_network, None, member_org)
    event = EventFactory(network=dk_network, created_by=colleague, title="Temamøde om røg")
    EventFactory(network=dk_network, created_by=colleague, title="Aflyst møde")
    Event.objects.filter(title="Aflyst møde").update(
        cancelled_at=datetime.datetime.now(datetime.UTC)
    )
    EventFactory(
        network=dk_network,
        created_by=colleague,
        title="Kun for inviterede",
        audience=Event.Audience.INVITED,
    )
    EventFactory(network=dk_network, created_by=staff_user, title="Sekretariatets møde")
    group = ThemeGroupFactory(network=dk_network, name="Mental sundhed")
    GroupMembershipFactory(group=group, user=colleague)
    requested = ThemeGroupFactory(network=dk_network, name="Kun anmodet")
    GroupMembershipFactory(group=requested, user=colleague, status="requested")
    call = make_call(staff_user, dk_network, year=2014)
    accepted = submitted_application(call, member_org, staff_user)
    Application.objects.filter(pk=accepted.pk).update(status=Application.Status.ACCEPTED)
    other_call = make_call(staff_user, dk_network, year=2015)
    submitted_application(other_call, member_org, staff_user)  # not accepted: not listed

    html = client.get(f"/da/organisations/{member_org.slug}/").content.decode()
    cases = section(html, "cases")
    assert f'href="/da/cases/{case.slug}/"' in cases and "Røgfri skoletid" in cases
    assert "Andres case" not in cases and "Kladden" not in cases
    events = section(html, "events")
    assert f'href="/da/events/{event.pk}/"' in events and "Temamøde om røg" in events
    for hidden in ("Aflyst møde", "Kun for inviterede", "Sekretariatets møde"):
        assert hidden not in events
    groups = section(html, "groups")
    assert f'href="/da/groups/{group.slug}/"' in groups and "1 medlem fra organisationen" in groups
    assert "Kun anmodet" not in groups
    programmes = section(html, "programmes")
    assert call.edition.get_absolute_url() in programmes and "2014" in programmes
    assert other_call.edition.get_absolute_url() not in programmes


def test_organisation_page_queries_do_not_grow(
    client, dk_network, member_org, django_assert_max_num_queries
):
    for i in range(5):
        CaseFactory(network=dk_network, organisation=member_org, title=f"Case {i}")
    with django_assert_max_num_queries(25):
        assert client.get(f"/da/organisations/{member_org.slug}/").status_code == 200
