"""The news desk's services refuse the wrong actor and bad input, and save nothing then."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samskab.news import services
from samskab.news.models import Article, ArticleRevision

from .conftest import write


def test_secretariat_writes_a_norwegian_article_with_an_english_version(secretariat, no_network):
    # The seed article of the Norwegian network, by its secretariat.
    from samskab.networks.models import Role
    from tests.conftest import make_user_with_role

    staff = make_user_with_role(no_network, Role.Kind.SECRETARIAT)
    nb = write(
        staff,
        no_network,
        language="nb",
        tags=["administrativ samling", "folkehelse", "Folkehelse"],
    )
    en = services.article_create(
        actor=staff,
        network=no_network,
        language="en",
        data={"title": "Administrative gathering 2014", "body": "On Monday 18 August ..."},
        translation_of=nb,
    )
    assert nb.slug == "administrativ-samling-2014"
    assert en.translation_key == nb.translation_key
    assert sorted(t.slug for t in nb.tags.all()) == ["administrativ-samling", "folkehelse"]
    assert en.status == Article.Status.DRAFT
    with pytest.raises(ValidationError):
        services.article_create(
            actor=staff,
            network=no_network,
            language="en",
            data={"title": "Again"},
            translation_of=nb,
        )
    assert Article.objects.filter(translation_key=nb.translation_key).count() == 2


def test_coordinator_writes_only_for_their_groups(coordinator, dk_network, group, other_group):
    article = write(coordinator, dk_network, groups=[group])
    assert article.is_visible
    for groups in ([], [other_group], [group, other_group]):
        with pytest.raises(ValidationError):
            write(coordinator, dk_network, title="Nope", groups=groups)
    assert Article.objects.count() == 1


def test_strangers_cannot_write_change_or_publish(
    plain_user, other_network_staff, dk_network, draft, other_group_coordinator
):
    for actor in (plain_user, other_network_staff, None):
        with pytest.raises(PermissionDenied):
            write(actor, dk_network, title="Indbrud")
    for actor in (plain_user, other_group_coordinator, other_network_staff):
        with pytest.raises(PermissionDenied):
            services.article_update(actor=actor, article=draft, data={"title": "Ændret"})
        with pytest.raises(PermissionDenied):
            services.article_publish(actor=actor, article=draft)
        with pytest.raises(PermissionDenied):
            services.article_delete(actor=actor, article=draft)
    draft.refresh_from_db()
    assert draft.title == "Hemmelig kladde" and draft.status == Article.Status.DRAFT


def test_title_is_required_and_single_line(secretariat, dk_network):
    with pytest.raises(ValidationError) as info:
        write(secretariat, dk_network, title="  \n ")
    assert "title" in info.value.message_dict
    article = write(secretariat, dk_network, title="To\nlinjer")
    assert article.title == "To linjer"
    assert Article.objects.count() == 1


def test_reserved_and_numeric_slugs_get_a_suffix(secretariat, dk_network):
    assert write(secretariat, dk_network, title="2014").slug == "2014-article"
    assert write(secretariat, dk_network, title="Tag").slug == "tag-article"
    assert write(secretariat, dk_network, title="Samme").slug == "samme"
    assert write(secretariat, dk_network, title="Samme").slug == "samme-2"


def test_schedule_publish_update_unpublish(secretariat, draft, time_machine):
    at = timezone.now() + datetime.timedelta(hours=5)
    services.article_publish(actor=secretariat, article=draft, at=at)
    assert draft.is_scheduled and not draft.is_visible
    time_machine.move_to(at + datetime.timedelta(minutes=1), tick=False)
    assert draft.is_visible
    assert draft.revised_at is None
    services.article_update(actor=secretariat, article=draft, data={"body": "Rettet tekst"})
    assert draft.revised_at is not None
    first = draft.published_at
    services.article_publish(actor=secretariat, article=draft)
    assert draft.published_at == first  # publishing again keeps the first date
    services.article_unpublish(actor=secretariat, article=draft)
    assert draft.status == Article.Status.DRAFT and draft.published_at is None
    actions = list(ArticleRevision.objects.filter(article=draft).values_list("action", flat=True))
    assert actions[::-1] == ["create", "schedule", "update", "publish", "unpublish"]


def test_naive_schedule_time_is_refused(secretariat, draft):
    with pytest.raises(ValidationError):
        services.article_publish(
            actor=secretariat, article=draft, at=datetime.datetime(2030, 1, 1, 12, 0)
        )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_empty_article_cannot_be_published(secretariat, dk_network):
    article = services.article_create(
        actor=secretariat, network=dk_network, language="da", data={"title": "Kun titel"}
    )
    with pytest.raises(ValidationError):
        services.article_publish(actor=secretariat, article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_coordinator_edits_their_groups_article_only(
    coordinator, other_group_coordinator, published
):
    services.article_update(actor=coordinator, article=published, data={"title": "Ny titel"})
    assert published.title == "Ny titel"
    with pytest.raises(PermissionDenied):
        services.article_update(actor=other_group_coordinator, article=published, data={})
