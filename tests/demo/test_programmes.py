from samskab.demo import networks as network_demo
from samskab.demo import programmes as demo
from samskab.demo.data.programmes import SEED_FORM
from samskab.formbuilder.answers import missing
from samskab.programmes.models import Application, Call, Review, Score


def test_demo_programmes_are_idempotent_and_cover_every_state(db):
    network_demo.load()
    demo.load()
    counts = (Application.objects.count(), Review.objects.count(), Score.objects.count())
    demo.load()
    assert (Application.objects.count(), Review.objects.count(), Score.objects.count()) == counts
    call_2014 = Call.objects.get(edition__year=2014)
    assert call_2014.seats == 20 and call_2014.state() == "closed"
    assert call_2014.form.current().definition == SEED_FORM
    assert set(call_2014.applications.values_list("status", flat=True)) == set(
        Application.Status.values
    )
    assert call_2014.applications.count() == 12
    assert Review.objects.values("reviewer").distinct().count() == 2
    for application in call_2014.applications.exclude(status="draft"):
        assert missing(application.form_version.definition, application.answers) == {}
    assert Call.objects.get(edition__year=2015).state() == "open"
    assert Call.objects.filter(edition__programme__network__slug="sunne-kommuner").exists()
