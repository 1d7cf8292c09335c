import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from samskab.accounts.models import Person
from samskab.networks.models import Membership, Network, Organisation, Role

PASSWORD = "correct-horse-battery-staple"


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ("slug",)

    slug = "sund-by-netvaerket"
    name = "Sund By Netværket"
    country = "DK"
    default_language = "da"
    time_zone = "Europe/Copenhagen"
    hosts = "localhost\ntestserver\n127.0.0.1"
    tagline_da = "Kommuner der samarbejder om sundhed"
    tagline_nb = "Kommuner som samarbeider om helse"
    tagline_en = "Municipalities working together on health"
    contact_email = "post@sundby.example"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testby {n} Kommune")
    kind = Organisation.Kind.MUNICIPALITY
    code = factory.Sequence(lambda n: f"{(n % 900) + 100:03d}")
    country = "DK"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    since = datetime.date(2010, 1, 1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@test.example")
    name = factory.Sequence(lambda n: f"Test Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Kontakt Person {n}")
    title = "Konsulent"
    organisation = factory.SubFactory(OrganisationFactory)
    phone = factory.Sequence(lambda n: f"+45 00 00 {n % 100:02d} 00")
    email = factory.Sequence(lambda n: f"person{n}@kommune.example")
    public_consent = False


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    network = factory.SubFactory(NetworkFactory)
    person = factory.SubFactory(PersonFactory)
    kind = Role.Kind.ADMIN_CONTACT
    organisation = factory.SelfAttribute("person.organisation")
