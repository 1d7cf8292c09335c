"""Group resources are private files: never served by a static route (not even under
``make run``, where DEBUG is on), stored under names no one can guess, and handed out only
by the checked download view."""

import importlib
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches

from samskab.groups import services
from samskab.groups.models import GroupResource

pytestmark = pytest.mark.django_db


@pytest.fixture
def development_urls(settings):
    """The URL configuration as ``make run`` builds it (DEBUG on)."""
    import samskab.urls

    settings.DEBUG = True
    importlib.reload(samskab.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(samskab.urls)
    clear_url_caches()


@pytest.fixture
def private_file(group, coordinator):
    return services.resource_create(
        actor=coordinator,
        group=group,
        data={
            "title": "Notat",
            "file": SimpleUploadedFile("notat-ulighed-bydele.txt", b"hemmeligt notat"),
            "members_only": True,
        },
    )


def test_the_static_media_route_does_not_serve_a_private_file(
    client, development_urls, private_file, member
):
    assert (private_file.file.storage.path(private_file.file.name)).endswith(
        "notat-ulighed-bydele.txt"
    )
    client.force_login(member)
    for path in (f"/media/{private_file.file.name}", f"/media/groups/{private_file.group_id}/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"hemmeligt" not in response.content


def test_stored_names_are_not_guessable(group, coordinator, private_file):
    name = private_file.file.name
    assert name != f"groups/{group.pk}/notat-ulighed-bydele.txt"
    assert re.fullmatch(rf"groups/{group.pk}/[0-9a-f]{{32}}/notat-ulighed-bydele\.txt", name)
    # The same file name twice gets two different, unrelated names.
    again = services.resource_create(
        actor=coordinator,
        group=group,
        data={"title": "Igen", "file": SimpleUploadedFile("notat-ulighed-bydele.txt", b"2")},
    )
    assert again.file.name != name and again.filename == "notat-ulighed-bydele.txt"


def test_the_checked_view_gives_members_the_file_with_its_own_name(
    client, group, private_file, member, plain_user
):
    url = f"/en/groups/{group.slug}/resources/{private_file.pk}/download/"
    assert client.get(url).status_code == 403
    client.force_login(plain_user)
    assert client.get(url).status_code == 403
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"hemmeligt notat"
    assert 'filename="notat-ulighed-bydele.txt"' in response["Content-Disposition"]


def test_existing_files_move_to_unguessable_names(group, settings):
    """The data migration moves files stored under the old, guessable names."""
    from django.apps import apps

    migration = importlib.import_module(
        "samskab.groups.migrations.0003_resource_files_unguessable_names"
    )
    old = GroupResource(group=group, title="Gammel", members_only=True)
    old.file.save("x.txt", ContentFile(b"gammelt"), save=False)
    storage = old.file.storage
    storage.delete(old.file.name)
    legacy = f"groups/{group.pk}/gammelt-referat.txt"
    storage.save(legacy, ContentFile(b"gammelt"))
    old.file.name = legacy
    old.save()
    missing = GroupResource(group=group, title="Væk", file=f"groups/{group.pk}/vaek.txt")
    missing.save()
    link = GroupResource.objects.create(group=group, title="Link", url="https://x.example/")

    migration.move_to_unguessable_names(apps, None)

    old.refresh_from_db()
    assert re.fullmatch(rf"groups/{group.pk}/[0-9a-f]{{32}}/gammelt-referat\.txt", old.file.name)
    assert old.filename == "gammelt-referat.txt"
    assert not storage.exists(legacy)
    with old.file.open("rb") as handle:
        assert handle.read() == b"gammelt"
    missing.refresh_from_db()
    assert missing.file.name == f"groups/{group.pk}/vaek.txt"  # nothing to move; left as is
    link.refresh_from_db()
    assert link.file.name == "" and link.url == "https://x.example/"
    # Running it again changes nothing.
    before = old.file.name
    migration.move_to_unguessable_names(apps, None)
    old.refresh_from_db()
    assert old.file.name == before
