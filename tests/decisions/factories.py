import datetime

import factory
from django.utils import timezone

from samskab.decisions.models import Consultation, Option
from tests.factories import NetworkFactory


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    network = factory.SubFactory(NetworkFactory)
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    title = factory.Sequence(lambda n: f"Which theme groups, round {n}?")
    question = "Which themes should become theme groups?"
    method = Consultation.Method.APPROVAL_UP_TO
    k = 2
    voting_opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    voting_closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))


class OptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Option

    consultation = factory.SubFactory(ConsultationFactory)
    title = factory.Sequence(lambda n: f"Theme {n}")
    description = "A theme."
    position = factory.Sequence(lambda n: n)
