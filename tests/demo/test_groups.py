from django.core.management import call_command

from samskab.accounts.models import Person, User
from samskab.groups.models import (
    GroupAlias,
    GroupContact,
    GroupMembership,
    GroupResource,
    SuggestionSupport,
    ThemeGroup,
    TopicSuggestion,
)

MODELS = (
    ThemeGroup,
    GroupAlias,
    GroupContact,
    GroupMembership,
    GroupResource,
    TopicSuggestion,
    SuggestionSupport,
    User,
    Person,
)


def counts():
    return {m.__name__: m.objects.count() for m in MODELS}


def test_demo_is_idempotent_and_complete(db, client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "sunne.localhost"]
    call_command("load_demo", "--quiet")
    first = counts()
    call_command("load_demo", "--quiet")
    assert counts() == first

    # The groups demo's own groups; the decisions demo adds new, still empty groups made
    # from a published decision (tests/demo/test_decisions.py).
    own = ThemeGroup.objects.filter(decision_option__isnull=True)
    dk = own.filter(network__slug="sund-by-netvaerket")
    no = own.filter(network__slug="sunne-kommuner")
    assert 4 <= dk.count() <= 5 and 4 <= no.count() <= 5
    assert {"Medborgerskap", "Robuste lokalsamfunn"} <= set(no.values_list("name", flat=True))
    for group in ThemeGroup.objects.filter(decision_option__isnull=True):
        assert group.memberships.filter(status="active").count() >= 3
        assert group.memberships.filter(role="coordinator").exists()
        assert group.contacts.exists()
        assert group.resources.exists()
        assert group.suggestions.exists()

    sls = dk.get(slug="strategisk-lokalsamfundsudvikling")
    assert "Communitybuilding i Islandsmodellen" in sls.focus
    assert "Mikropartnerskaber" in sls.focus
    assert "community empowerment" in sls.background
    assert sls.resources.filter(title__icontains="håndbog").exists()
    assert sls.suggestions.filter(status="planned").exists()
    alias = GroupAlias.objects.get(slug="sundhed-og-lokalsamfund")
    assert (alias.group, alias.name) == (sls, "Sundhed og Lokalsamfund")

    # The old address redirects; the page notes the former name.
    response = client.get("/da/groups/sundhed-og-lokalsamfund/")
    assert response.status_code == 301
    assert response["Location"] == "/da/groups/strategisk-lokalsamfundsudvikling/"
    html = client.get(response["Location"]).content.decode()
    assert "Sundhed og Lokalsamfund" in html


def test_demo_people_are_invented(db):
    call_command("load_demo", "--quiet")
    for contact in GroupContact.objects.select_related("person"):
        person = contact.person
        assert person.name not in {"Mia Butler", "Charlotte Iisager Petersen"}
        if person.phone:
            assert person.phone.split(" ", 1)[1].startswith("0")
        if person.email:
            assert person.email.endswith(".example")
    for membership in GroupMembership.objects.select_related("user"):
        assert membership.user.email.endswith(".example")
