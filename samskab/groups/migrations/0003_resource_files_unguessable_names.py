"""Move group resources stored under the old, guessable names (``groups/<id>/<name>``) to
unguessable ones (``groups/<id>/<random>/<name>``), keeping each file's own name."""

import re

from django.db import migrations

from samskab.core.files import unguessable_name

OLD_NAME = re.compile(r"groups/(?P<group>\d+)/(?P<filename>[^/]+)")


def move_to_unguessable_names(apps, schema_editor):
    GroupResource = apps.get_model("groups", "GroupResource")
    for resource in GroupResource.objects.exclude(file="").iterator():
        match = OLD_NAME.fullmatch(resource.file.name)
        if match is None:
            continue  # already unguessable
        storage = resource.file.storage
        old = resource.file.name
        if not storage.exists(old):
            continue  # nothing to move; the download view answers 404 for it
        with storage.open(old, "rb") as handle:
            new = storage.save(
                unguessable_name(f"groups/{match['group']}", match["filename"]), handle
            )
        GroupResource.objects.filter(pk=resource.pk).update(file=new)
        storage.delete(old)


class Migration(migrations.Migration):
    dependencies = [("groups", "0002_resources_follows_suggestions_aliases")]

    operations = [migrations.RunPython(move_to_unguessable_names, migrations.RunPython.noop)]
