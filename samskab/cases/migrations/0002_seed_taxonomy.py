from django.db import migrations


def seed(apps, schema_editor):
    from samskab.cases.taxonomy import seed as seed_taxonomy

    seed_taxonomy(apps.get_model("cases", "Topic"), apps.get_model("cases", "InterventionType"))


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
