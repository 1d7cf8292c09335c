import datetime

import factory
from django.utils import timezone

from samskab.events.models import Event, Question, Registration, new_code
from samskab.groups.models import GroupMembership, ThemeGroup
from tests.factories import NetworkFactory, UserFactory


class ThemeGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeGroup

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Temagruppe {n}")
    slug = factory.Sequence(lambda n: f"temagruppe-{n}")


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(ThemeGroupFactory)
    user = factory.SubFactory(UserFactory)
    role = GroupMembership.Role.MEMBER
    status = GroupMembership.Status.ACTIVE


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Temamøde {n}")
    description = "Vi mødes om **lokalsamfund**."
    kind = Event.Kind.THEME_MEETING
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    format = Event.Format.HYBRID
    venue = "Rådhuset"
    address = "Torvet 1, 0000 Eksempelby"
    online_url = "https://meet.example/secret-room-4711"
    practical_details = "Dørkode 9911, lokale 3.14"
    audience = Event.Audience.PUBLIC
    capacity = None
    contact_name = "Sekretariatet"
    contact_email = "events@sundby.example"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    label = "Kostbehov"
    kind = Question.Kind.TEXT


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Deltager {n}")
    email = factory.Sequence(lambda n: f"deltager{n}@test.example")
    status = Registration.Status.CONFIRMED
    code = factory.LazyFunction(new_code)
