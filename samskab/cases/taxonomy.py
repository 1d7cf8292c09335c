"""The Danish Health Authority's prevention packages (topics) and their four headings
(intervention types), with labels in Danish, Norwegian Bokmål and English."""

TOPICS = [
    ("alkohol", "Alkohol", "Alkohol", "Alcohol"),
    ("fysisk-aktivitet", "Fysisk aktivitet", "Fysisk aktivitet", "Physical activity"),
    ("hygiejne", "Hygiejne", "Hygiene", "Hygiene"),
    ("indeklima-i-skoler", "Indeklima i skoler", "Inneklima i skoler", "Indoor climate in schools"),
    ("mad-og-maaltider", "Mad og måltider", "Mat og måltider", "Food and meals"),
    ("mental-sundhed", "Mental sundhed", "Psykisk helse", "Mental health"),
    ("overvaegt", "Overvægt", "Overvekt", "Overweight"),
    ("seksuel-sundhed", "Seksuel sundhed", "Seksuell helse", "Sexual health"),
    ("solbeskyttelse", "Solbeskyttelse", "Solbeskyttelse", "Sun protection"),
    ("stoffer", "Stoffer", "Rusmidler", "Drugs"),
    ("tobak", "Tobak", "Tobakk", "Tobacco"),
]

INTERVENTION_TYPES = [
    ("rammer", "Rammer", "Rammer", "Settings and structures"),
    ("tilbud", "Tilbud", "Tilbud", "Services"),
    (
        "information-og-undervisning",
        "Information og undervisning",
        "Informasjon og undervisning",
        "Information and teaching",
    ),
    ("tidlig-opsporing", "Tidlig opsporing", "Tidlig oppdagelse", "Early detection"),
]


def seed(topic_model, type_model) -> None:
    """Create the topics and types that are missing; never overwrite staff's edits."""
    for order, (slug, da, nb, en) in enumerate(TOPICS):
        topic_model.objects.get_or_create(
            slug=slug,
            defaults={"order": order, "label": da, "label_da": da, "label_nb": nb, "label_en": en},
        )
    for order, (slug, da, nb, en) in enumerate(INTERVENTION_TYPES):
        type_model.objects.get_or_create(
            slug=slug,
            defaults={"order": order, "label": da, "label_da": da, "label_nb": nb, "label_en": en},
        )
