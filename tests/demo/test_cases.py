import pytest

from samskab.cases.models import Case, Topic
from samskab.demo import cases as demo
from samskab.demo import networks as networks_demo

pytestmark = pytest.mark.django_db


def test_demo_cases_are_varied_and_idempotent():
    networks_demo.load()
    created = demo.load()
    assert 55 <= created <= 70
    assert Case.objects.count() == created
    assert demo.load() == 0
    assert Case.objects.count() == created
    used = set(Case.objects.values_list("topics__slug", flat=True))
    assert used >= set(Topic.objects.values_list("slug", flat=True))
    languages = set(Case.objects.values_list("language", flat=True))
    assert languages == {"da", "nb", "en"}
    assert Case.objects.filter(status="submitted").exists()
    assert Case.objects.filter(status="draft").exists()
    assert Case.objects.filter(shared=True, network__slug="sunne-kommuner").exists()
    assert all(e.endswith(".example") for e in Case.objects.values_list("contact_email", flat=True))
    assert all(
        p.split()[1].startswith("0") for p in Case.objects.values_list("contact_phone", flat=True)
    )
