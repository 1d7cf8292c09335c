"""Seed list of equivalent words across Danish, Norwegian, Swedish and English.

Staff edit the list in the admin; this only fills an empty table."""

from django.db import migrations

SEED = [
    ("sundhed, helse, hälsa, health", ""),
    ("ældre, eldre, äldre, elderly, older people, seniors", ""),
    ("børn, barn, children", ""),
    ("fællesskab, fellesskap, gemenskap, community", ""),
    ("borger, borgere, innbygger, innbyggere, medborgare, invånare, citizen, residents", ""),
    ("forebyggelse, forebygging, förebyggande, prevention", ""),
    ("ensomhed, ensomhet, ensamhet, loneliness", ""),
    ("kommune, kommun, municipality, council", ""),
    ("trivsel, välbefinnande, wellbeing", ""),
    ("unge, ungdom, ungdomar, youth, young people", ""),
    (
        "bevægelse, fysisk aktivitet, physical activity",
        "Danish 'bevægelse' is often used for physical activity",
    ),
    ("motion, trening, träning, exercise", ""),
    ("rygning, røyking, rökning, smoking", ""),
    ("rygestop, røykeslutt, rökavvänjning, smoking cessation, quit smoking", ""),
    ("tobak, tobakk, tobacco", ""),
    ("skolemad, skolemat, skollunch, school meals, school lunch", ""),
    ("mental sundhed, psykisk helse, psykisk hälsa, mental health", ""),
    ("mistrivsel, psykiske plager, psykisk ohälsa, mental distress", ""),
    ("frivillig, frivillige, volunteer, volunteers", ""),
    ("forening, förening, association, club", ""),
    ("sundhedsfremme, helsefremming, hälsofrämjande, health promotion", ""),
    ("overvægt, overvekt, övervikt, overweight, obesity", ""),
    ("kost, kosthold, diet, nutrition", ""),
    ("måltid, måltider, meal, meals", ""),
    ("skole, skola, school", ""),
    ("daginstitution, børnehave, barnehage, förskola, kindergarten, nursery", ""),
    ("sygdom, sykdom, sjukdom, illness, disease", ""),
    ("arbejdsplads, arbeidsplass, arbetsplats, workplace", ""),
    ("lokalsamfund, lokalsamfunn, lokalsamhälle, local community", ""),
    ("boligområde, bostadsområde, housing estate, neighbourhood", ""),
    ("fællesskabsagent, helseambassadør, community champion", ""),
    ("samskabelse, samskaping, samskapande, co-creation, co-production", ""),
    ("indsats, tiltak, insats, intervention, initiative", ""),
    ("evaluering, utvärdering, evaluation", ""),
    ("social ulighed, sosial ulikhet, social ojämlikhet, social inequality", ""),
    ("ulighed, ulikhet, ojämlikhet, inequality, inequalities", ""),
    ("søvn, sömn, sleep", ""),
    ("stoffer, rusmidler, narkotika, droger, drugs", ""),
    ("forældre, foreldre, föräldrar, parents", ""),
    ("pårørende, anhöriga, relatives, carers", ""),
    ("demens, dementia", ""),
    ("faldforebyggelse, fallforebygging, fallprevention, fall prevention", ""),
    ("hjemmepleje, hjemmetjeneste, hemtjänst, home care", ""),
    (
        "sundhedsplejerske, helsesykepleier, helsesøster, skolsköterska, health visitor, school nurse",
        "",
    ),
    ("mobning, mobbing, mobbning, bullying", ""),
    ("udsatte, utsatte, utsatta, disadvantaged, vulnerable", ""),
    ("idræt, idrett, idrott, sport, sports", ""),
    ("friluftsliv, outdoor life, outdoor recreation", ""),
    ("arbejdsløse, ledige, arbeidsledige, arbetslösa, unemployed", ""),
    ("indvandrere, innvandrere, invandrare, immigrants, migrants", ""),
    ("netværk, nettverk, nätverk, network", ""),
    ("mødested, møteplass, mötesplats, meeting place", ""),
    ("besøgsven, besøksvenn, besöksvän, befriending, visiting friend", ""),
    ("borgerinddragelse, medvirkning, medborgardialog, citizen participation, participation", ""),
    ("kommunalbestyrelse, kommunestyre, kommunfullmäktige, municipal council", ""),
    ("folkesundhed, folkehelse, folkhälsa, public health", ""),
]


def seed(apps, schema_editor):
    Equivalent = apps.get_model("search", "Equivalent")
    if Equivalent.objects.exists():
        return
    Equivalent.objects.bulk_create([Equivalent(words=w, note=n) for w, n in SEED])


def unseed(apps, schema_editor):
    Equivalent = apps.get_model("search", "Equivalent")
    Equivalent.objects.filter(words__in=[w for w, _n in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(seed, unseed)]
