import pytest

from samskab.decisions import services
from samskab.networks.models import Role
from tests.conftest import make_user_with_role
from tests.factories import MembershipFactory, OrganisationFactory
from tests.groups.factories import GroupMembershipFactory, ThemeGroupFactory

from .factories import ConsultationFactory, OptionFactory


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def consultation(dk_network, member_org, other_org):
    """A draft with four options, k=2, approval 'up to k'; two member municipalities."""
    c = ConsultationFactory(network=dk_network)
    for _ in range(4):
        OptionFactory(consultation=c)
    return c


@pytest.fixture
def voting(consultation, staff_user):
    return services.consultation_open_voting(actor=staff_user, consultation=consultation)


@pytest.fixture
def other_admin_contact(dk_network, other_org):
    return make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, other_org)


@pytest.fixture
def second_admin_contact(dk_network, member_org):
    return make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, member_org)


@pytest.fixture
def non_member_contact(dk_network):
    org = OrganisationFactory()
    return make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, org)


@pytest.fixture
def former_member_contact(dk_network):
    import datetime

    membership = MembershipFactory(network=dk_network, until=datetime.date(2020, 12, 31))
    return make_user_with_role(dk_network, Role.Kind.ADMIN_CONTACT, membership.organisation)


@pytest.fixture
def theme_group(dk_network):
    return ThemeGroupFactory(network=dk_network)


@pytest.fixture
def group_member(theme_group):
    """An active member of ``theme_group`` with no role in a municipality."""
    return GroupMembershipFactory(group=theme_group).user


@pytest.fixture
def ranked(dk_network, member_org, other_org):
    """A ranked-choice draft with four options."""
    from samskab.decisions.models import Consultation

    c = ConsultationFactory(network=dk_network, method=Consultation.Method.RANKED, k=1)
    for _ in range(4):
        OptionFactory(consultation=c)
    return c
