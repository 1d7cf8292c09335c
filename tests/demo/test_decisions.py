from django.core.management import call_command

from samskab.decisions.models import Ballot, Consultation
from samskab.decisions.selectors import consultation_tally


def test_demo_consultations(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("load_demo", quiet=True)
    no = Consultation.objects.get(network__slug="sunne-kommuner")
    assert no.status == "voting" and no.k == 5 and no.options.count() == 8
    electorate = no.electorate.count()
    voted = Ballot.objects.filter(consultation=no).count()
    assert 0 < voted < electorate
    dk = Consultation.objects.get(network__slug="sund-by-netvaerket")
    assert dk.status == "published"
    chosen = consultation_tally(dk).chosen
    assert chosen and all(dk.options.get(pk=pk).theme_group_id for pk in chosen)
    call_command("load_demo", quiet=True)  # again: nothing duplicated
    assert Consultation.objects.count() == 2
