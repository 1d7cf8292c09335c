import factory

from samskab.groups.models import (
    GroupMembership,
    GroupResource,
    ThemeGroup,
    TopicSuggestion,
)
from tests.factories import NetworkFactory, UserFactory


class ThemeGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeGroup

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Temagruppe {n}")
    slug = factory.Sequence(lambda n: f"temagruppe-{n}")
    lead = "En temagruppe for kommunale medarbejdere."
    background = "Der er **stort behov** for at styrke sundhed."
    purpose = "At blive klogere sammen."
    target_group = "Kommunale medarbejdere."
    focus = "Eksempler på emner:\n\n- Mikropartnerskaber\n- Setting vs. Individ"


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(ThemeGroupFactory)
    user = factory.SubFactory(UserFactory)
    role = GroupMembership.Role.MEMBER
    status = GroupMembership.Status.ACTIVE


class GroupResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupResource

    group = factory.SubFactory(ThemeGroupFactory)
    title = factory.Sequence(lambda n: f"Håndbog {n}")
    url = "https://haandbog.example/"


class TopicSuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicSuggestion

    group = factory.SubFactory(ThemeGroupFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Emne {n}")
