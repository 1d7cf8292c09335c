import pytest
from django.apps import apps
from django.conf import settings

from samskab.accounts import personal_data, services
from samskab.accounts.models import Person
from samskab.groups.models import (
    GroupContact,
    GroupFollow,
    GroupMembership,
    GroupResource,
    SuggestionSupport,
    TopicSuggestion,
)

from .factories import GroupResourceFactory, TopicSuggestionFactory


def test_every_groups_model_with_personal_data_is_registered():
    covered = {m for s in personal_data.sections() for m in s.models}
    for model in apps.get_app_config("groups").get_models():
        links = [
            f
            for f in model._meta.get_fields()
            if f.is_relation
            and f.concrete
            and f.related_model is not None
            and f.related_model._meta.label in {settings.AUTH_USER_MODEL, "accounts.Person"}
        ]
        if links:
            assert model._meta.label in covered, model._meta.label


@pytest.fixture
def busy_member(group, member, coordinator):
    GroupFollow.objects.create(group=group, user=member)
    own = TopicSuggestionFactory(group=group, author=member, title="Mit forslag")
    other = TopicSuggestionFactory(group=group, author=coordinator, title="Andet forslag")
    SuggestionSupport.objects.create(suggestion=other, user=member)
    GroupResourceFactory(group=group, created_by=member, title="Min håndbog")
    person = Person.objects.create(user=member, name=member.name, email=member.email)
    GroupContact.objects.create(group=group, person=person)
    return member, own, other


def test_export_has_the_groups_sections(group, busy_member):
    member, _own, _other = busy_member
    data = services.personal_data_export(user=member)
    assert data["group_memberships"][0]["group"] == group.name
    assert data["group_follows"][0]["group"] == group.name
    assert data["topic_suggestions"][0]["title"] == "Mit forslag"
    assert data["suggestion_supports"][0]["suggestion"] == "Andet forslag"
    assert data["group_contacts"][0]["group"] == group.name
    assert data["group_resources"][0]["title"] == "Min håndbog"


def test_erasure_removes_or_anonymises(group, busy_member, django_capture_on_commit_callbacks):
    member, own, other = busy_member
    with django_capture_on_commit_callbacks(execute=True):
        services.user_erase(actor=member, user=member)
    assert not GroupMembership.objects.filter(user_id=member.pk).exists()
    assert not GroupFollow.objects.exists()
    assert not SuggestionSupport.objects.filter(suggestion=other).exists()
    own.refresh_from_db()
    assert own.author is None and own.title == "Mit forslag"
    assert not GroupContact.objects.exists()
    assert GroupResource.objects.get(title="Min håndbog").created_by is None
    assert TopicSuggestion.objects.count() == 2
