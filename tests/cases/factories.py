import datetime

import factory
from django.utils import timezone

from samskab.cases.models import Case, Comment, Topic
from tests.factories import NetworkFactory, OrganisationFactory


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"case-{n}")
    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    language = "da"
    title = factory.Sequence(lambda n: f"Sund skole {n}")
    summary = "Eleverne får frugt og bevægelse hver dag."
    purpose = "At give børnene bedre trivsel."
    target_group = "Børn i 0.-6. klasse"
    description = "Vi samlede skoler, forældre og foreninger."
    contact_name = "Mette Nørgaard"
    contact_title = "Sundhedskonsulent"
    contact_organisation = "Testby Kommune"
    contact_phone = "+45 00 00 00 01"
    contact_email = "mette@kommune.example"
    period_start = datetime.date(2022, 1, 1)
    status = Case.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create:
            slugs = extracted if extracted is not None else ["fysisk-aktivitet"]
            obj.topics.set(Topic.objects.filter(slug__in=slugs))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    case = factory.SubFactory(CaseFactory)
    text = "Spændende – hvordan rekrutterede I forældrene?"
