from django.utils import timezone

from samskab.demo import events as demo
from samskab.demo import groups as groups_demo
from samskab.demo import networks as network_demo
from samskab.events.models import Event, Registration
from samskab.groups.models import ThemeGroup


def test_demo_data_is_idempotent(db):
    network_demo.load()
    groups_demo.load()
    demo.load()
    counts = (Event.objects.count(), Registration.objects.count())
    assert counts[0] >= 10 and counts[1] > 10
    now = timezone.now()
    for group in ThemeGroup.objects.all():  # every group has a coming and a past meeting
        assert group.events.filter(starts_at__gt=now).exists(), group
        assert group.events.filter(ends_at__lt=now).exists(), group
    demo.load()
    assert (Event.objects.count(), Registration.objects.count()) == counts
    assert Event.objects.filter(ends_at__lt=timezone.now()).exists()
    assert Event.objects.filter(network__slug="sunne-kommuner").count() >= 4
