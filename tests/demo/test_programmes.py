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


def test_demo_2014_edition_has_the_seeds_sessions_and_topics(db):
    from django.db.models import Count
    from django.utils import translation

    from samskab.programmes.models import Session, SessionTrack

    network_demo.load()
    demo.load()
    demo.load()
    sessions = Session.objects.filter(edition__year=2014).select_related("event")
    assert sessions.count() == 7
    per_track = dict(
        SessionTrack.objects.filter(session__edition__year=2014)
        .order_by()
        .values_list("track__name")
        .annotate(n=Count("id"))
    )
    # Leaders: days 1 and 4 and the conference; employees: six days and the conference.
    assert per_track == {"Lederspor": 3, "Medarbejderspor": 7}
    kinds = sorted({s.event.kind for s in sessions})
    assert kinds == ["conference", "course_day", "network_meeting"]
    first = SessionTrack.objects.get(session__event__title="1. kursusdag", track__name="Lederspor")
    with translation.override("en"):
        assert first.topic == "Leading welfare and staff who work with citizens"
