"""More equivalent words: everyday Danish–Norwegian–Swedish–English pairs from the case bank
that the stemmers cannot join (*røgfri*/*røykfri*, *cykle*/*sykle*, *solcreme*/*solkrem*,
*alkohol*/*alcohol*, *indeklima*/*inneklima* ...), found with the judged relevance set over
the demo cases (tests/search/demo_relevance.json).

Adds only entries whose exact word list is not there yet, so staff edits survive; removing
the migration deletes exactly these entries. The engine caches the list for an hour, so
the cached copy is dropped.
"""

import contextlib

from django.db import migrations

EQUIVALENTS_CACHE_KEY = "search:equivalents"  # engine.EQUIVALENTS_CACHE_KEY

ADDED = [
    ("røgfri, røykfri, rökfri, smoke-free, smokefree", ""),
    (
        "ryge, ryger, rygere, røg, røyke, røyker, røykere, røyk, röka, rökare, rök, "
        "smoke, smoker, smokers",
        "The verb, the smoker and the smoke; 'rygning' has its own entry",
    ),
    ("alkohol, alcohol", ""),
    (
        "bevægelse, bevegelse, rörelse, movement, exercise",
        "Norwegian 'bevegelse'; Danish 'bevægelse' is what English calls exercise",
    ),
    ("teenagere, tenåringer, tonåringar, teenagers, teens, unge, ungdom", ""),
    ("hygiejne, hygiene, hygien", ""),
    ("håndhygiejne, håndhygiene, handhygien, hand hygiene", ""),
    ("håndvask, handtvätt, hand washing, handwashing", ""),
    ("indeklima, inneklima, inomhusmiljö, indoor climate, indoor air", ""),
    ("legeplads, lekeplass, lekplats, playground, playgrounds", ""),
    ("cykel, cykle, cykling, sykkel, sykle, sykling, cykla, bicycle, bike, cycle, cycling", ""),
    ("skolevej, skolevei, skolväg, route to school, way to school", ""),
    ("arbejde, arbeid, arbete, job, jobb, work", ""),
    ("medarbejder, medarbejdere, ansatt, ansatte, anställda, employees, staff", ""),
    ("solcreme, solkrem, solkräm, sunscreen, sun cream", ""),
    ("solbeskyttelse, solskydd, sun protection", ""),
    ("kantine, matsal, canteen", ""),
    ("sund, sunn, healthy", ""),
    ("madspild, matsvinn, food waste", ""),
    ("seksualundervisning, sexualundervisning, sex education, sexuality education", ""),
    ("seksuel sundhed, seksuell helse, sexuell hälsa, sexual health", ""),
    ("plejehjem, sykehjem, äldreboende, nursing home, care home", ""),
    ("sygehus, sykehus, sjukhus, hospital", ""),
    ("sygeplejerske, sykepleier, sjuksköterska, nurse", ""),
    ("sygefravær, sykefravær, sjukfrånvaro, sickness absence, sick leave", ""),
    ("infektion, infeksjon, infection", ""),
    ("tidlig opsporing, tidlig oppdagelse, tidig upptäckt, early detection", ""),
    ("tidlig indsats, tidlig innsats, tidiga insatser, early intervention", ""),
    (
        "funktionsnedsættelse, funksjonsnedsettelse, funktionsnedsättning, disability, "
        "disabilities",
        "",
    ),
    (
        "udviklingshæmning, utviklingshemming, intellektuell funktionsnedsättning, "
        "intellectual disability",
        "",
    ),
    ("udendørs, utendørs, utomhus, outdoor, outdoors", ""),
    ("styrketræning, styrketrening, styrketräning, strength training", ""),
    ("fællesspisning, fellesspising, communal dining, community meal", ""),
    ("bydel, stadsdel, district", ""),
    ("landdistrikt, distrikt, landsbygd, rural area, countryside", ""),
    ("folkeskole, grunnskole, grundskola, primary school", ""),
    ("ungdomsuddannelse, videregående skole, gymnasieskola, upper secondary school", ""),
    ("uddannelse, utdanning, utbildning, education", ""),
    (
        "frisklivssentral, sundhedscenter, sundhedshus, healthy life centre",
        "Norway's frisklivssentral; the nearest Danish is the municipal health centre",
    ),
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
    dependencies = [("search", "0003_seed_equivalents")]

    operations = [migrations.RunPython(add, remove)]
