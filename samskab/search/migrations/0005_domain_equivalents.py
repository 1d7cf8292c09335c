"""Equivalent words that are different words in Danish and Norwegian (issue 15, point 4):
the spelling correspondences of ``analysis.FOLD_RULES`` join the cognates (*sundhed* /
*sunnhet*, *ældre* / *eldre*) without an entry, so these are the pairs no rule can join,
from the domain's vocabulary (demo, synthetic and seed texts).

Adds only entries whose exact word list is not there yet, so staff edits survive; removing
the migration deletes exactly these entries.
"""

import contextlib

from django.db import migrations

EQUIVALENTS_CACHE_KEY = "search:equivalents"  # engine.EQUIVALENTS_CACHE_KEY

ADDED = [
    ("sundhedsplejerske, helsesykepleier, skolsköterska, health visitor, school nurse", ""),
    ("frivilligcenter, frivillighedscenter, frivilligsentral, volunteer centre", ""),
    ("center, senter, sentral, centrum, centre", ""),
    ("kommune, kommuner, kommunen, kommun, municipality, municipalities", ""),
    ("forvaltning, etat, förvaltning, administration, department", ""),
    ("borger, borgere, innbygger, innbyggere, invånare, citizen, citizens, residents", ""),
    ("ensomhed, ensom, ensomhet, ensamhet, loneliness, lonely", ""),
    ("pårørende, anhöriga, relatives, carers", ""),
    (
        "daginstitution, daginstitutioner, barnehage, barnehager, förskola, nursery, kindergarten",
        "",
    ),
    ("børn, barn, children", ""),
    ("unge, ungdom, ungdommer, young people, youth", ""),
    ("forældre, foreldre, föräldrar, parents", ""),
    ("sundhedsfremme, helsefremming, hälsofrämjande, health promotion", ""),
    ("forebyggelse, forebygging, förebyggande, prevention", ""),
    ("rygestop, røykeslutt, rökstopp, smoking cessation, quit smoking", ""),
    ("hjemmepleje, hjemmetjeneste, hjemmetjenesten, hemtjänst, home care", ""),
    ("arbejdsplads, arbeidsplass, arbetsplats, workplace", ""),
    ("lokalsamfund, lokalsamfunn, nærmiljø, lokalsamhälle, local community", ""),
]


def _forget_cache():
    from django.core.cache import cache

    # A cache that cannot be reached holds nothing stale either.
    with contextlib.suppress(Exception):
        cache.delete(EQUIVALENTS_CACHE_KEY)


def add(apps, schema_editor):
    Equivalent = apps.get_model("search", "Equivalent")
    existing = set(Equivalent.objects.values_list("words", flat=True))
    Equivalent.objects.bulk_create(
        [Equivalent(words=w, note=n) for w, n in ADDED if w not in existing]
    )
    _forget_cache()


def remove(apps, schema_editor):
    Equivalent = apps.get_model("search", "Equivalent")
    Equivalent.objects.filter(words__in=[w for w, _n in ADDED]).delete()
    _forget_cache()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_more_equivalents")]

    operations = [migrations.RunPython(add, remove)]
