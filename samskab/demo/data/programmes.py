"""The seed's programme: Netværk for Fællesskabsagenter (seeds 000 and 001), its 2014 call
with exactly the seed's application template, and the 2015 edition with its new focus.
Texts are written for the demo in the seed's spirit."""

# The seed's "Projektbeskrivelseskabelon", question for question.
SEED_FORM = {
    "sections": [
        {
            "id": "s-kommune",
            "title": "Kommune og kontaktperson",
            "help": "",
            "questions": [
                {"id": "kommune", "kind": "short_text", "label": "Kommune", "required": True},
                {
                    "id": "kontakt",
                    "kind": "people",
                    "label": "Kontaktperson & titel",
                    "required": True,
                    "roles": [{"id": "kontakt", "label": "Kontaktperson", "min": 1, "max": 1}],
                    "email": True,
                },
            ],
        },
        {
            "id": "s-ressourcer",
            "title": "Medarbejderressourcer",
            "help": "Op til fire deltagere pr. kommune: en eller to ledere/chefer og op til to "
            "medarbejdere, fx en fra det boligområde, hvor I tænker indsatsen skal foregå.",
            "questions": [
                {
                    "id": "deltagere",
                    "kind": "people",
                    "label": "Medarbejderressourcer (op til fire deltagere pr. kommune)",
                    "required": True,
                    "roles": [
                        {"id": "leder", "label": "Chef/ledelsesniveau", "min": 1, "max": 2},
                        {"id": "medarbejder", "label": "Medarbejderniveau", "min": 0, "max": 2},
                        {"id": "bolig", "label": "Evt. ansat i boligområdet", "min": 0, "max": 1},
                    ],
                    "max_total": 4,
                    "email": False,
                },
            ],
        },
        {
            "id": "s-indsats",
            "title": "Indsatsen",
            "help": "",
            "questions": [
                {
                    "id": "maal",
                    "kind": "long_text",
                    "label": "Hvad er målet med jeres indsats?",
                    "required": True,
                },
                {
                    "id": "lokalomraade",
                    "kind": "long_text",
                    "label": "Beskriv lokalområdet, hvor I tænker indsatsen skal foregå. Hvilke "
                    "styrker, muligheder og udfordringer er der?",
                    "required": True,
                    "suggested_length": "ca. ½ side",
                    "suggested_words": 250,
                },
                {
                    "id": "partnerskaber",
                    "kind": "long_text",
                    "label": "Beskriv med hvem og hvordan I vil indgå partnerskaber",
                    "help": "Fx med lokalt frivillighedscenter, lokale patientforeninger, lokale "
                    "boligforeninger, idræts- eller aktivitetsforeninger.",
                    "required": True,
                },
                {
                    "id": "omraade",
                    "kind": "short_text",
                    "label": "Det valgte geografiske område",
                    "required": True,
                },
            ],
        },
    ]
}

PROGRAMME = {
    "slug": "netvaerk-for-faellesskabsagenter",
    "name": "Netværk for Fællesskabsagenter",
    "lead": "Lær om og få erfaring med aktivt medborgerskab – sammen med fem borgere fra "
    "jeres kommune.",
    "purpose": "Sund By Netværket inviterer landets kommuner til at samskabe og understøtte "
    "aktivt medborgerskab som et middel til at fremme lighed i sundhed. Metoden kommer fra "
    "England, hvor den hedder *Community Champions*: borgere bliver fællesskabsagenter, og "
    "kommunen indgår som en væsentlig part i fællesskabet.",
    "funder": "Ministeriet for Sundhed og Forebyggelse",
    "participation": "Gratis for alle kommuner i Danmark. Kommunen leverer medarbejder- og "
    "ledertimer, udvælger et geografisk område og deler viden og erfaringer på tværs.",
    "contact_name": "Lone Dalby",
    "contact_title": "Chefkonsulent",
    "contact_email": "post@sundby.example",
}

EDITION_2014 = {
    "year": 2014,
    "focus": "- Samskabelse og aktivt medborgerskab\n- Rekruttering og uddannelse af fem "
    "fællesskabsagenter pr. kommune\n- Ledelse af medarbejdere, der arbejder med borgere",
    "description": "Forløbet foregår i to spor: et for ledere (to mødedage) og et for "
    "medarbejdere (seks mødedage, hvoraf en er et netværksmøde, hvor kommunens "
    "fællesskabsagenter inviteres med). Forløbet afsluttes med en konference i december.",
    "timeline": "1. **Kursusdag**: Hvordan samarbejder man med frivillige? New Public "
    "Governance. *Lederspor*: ledelse af velfærd.\n2. **Kursusdag 2 og 3**: metoden fra "
    "England og kommunens egen plan.\n3. **Kursusdag 4**: projekternes fremdrift. "
    "*Lederspor*: kompetence og lederudfordring.\n4. **Netværksmøde**: fællesskabsagenter og "
    "medarbejdere sammen.\n5. **2. netværksmøde**: vidensdeling og evaluering.\n6. "
    "**Afsluttende konference** i december 2014.",
    "tracks": ["Lederspor", "Medarbejderspor"],
}

EDITION_2015 = {
    "year": 2015,
    "focus": "- Ledelse af det endnu ikke opståede – netværk for ledere\n- Inddragelse og "
    "aktivering af politikere; politisk evaluering som løbende justering – netværk for "
    "sundheds- og evalueringsansvarlige\n- Forskningsbaseret metodeudvikling med deltagere "
    "som medforskere",
    "description": "Vi fortsætter i 2015 med støtte fra Ministeriet for Sundhed og "
    "Forebyggelse og tager projektet et skridt videre.",
    "timeline": "Det nærmere forløb for 2015 følger.",
    "tracks": ["Netværk for ledere", "Netværk for sundheds- og evalueringsansvarlige"],
}

CALL_TEXT = (
    "Der er plads til **20 kommuner** i forløbet. Vil jeres kommune deltage, så udfyld "
    "ansøgningen herunder senest 1. februar. Det er vigtigt, at I fokuserer indsatsen i et "
    "bestemt geografisk område, og at der deltager folk på både leder- og medarbejderniveau."
)

LETTERS = {
    "accepted": "Kære kommune\n\nTak for jeres ansøgning. Vi glæder os til at byde jer "
    "velkommen i Netværk for Fællesskabsagenter.\n\nVenlig hilsen\nSund By Netværket",
    "waiting": "Kære kommune\n\nTak for jeres ansøgning. Alle pladser er besat, men I står på "
    "ventelisten og får besked, hvis en plads bliver ledig.\n\nVenlig hilsen\nSund By Netværket",
    "rejected": "Kære kommune\n\nTak for jeres ansøgning. Vi kan desværre ikke tilbyde jer en "
    "plads denne gang.\n\nVenlig hilsen\nSund By Netværket",
}

# (municipality, code, status) for the 2014 call: every state.
APPLICANTS_2014 = [
    ("Lolland Kommune", "360", "accepted"),
    ("Silkeborg Kommune", "740", "accepted"),
    ("Slagelse Kommune", "330", "accepted"),
    ("Aarhus Kommune", "751", "accepted"),
    ("Odense Kommune", "461", "accepted"),
    ("Københavns Kommune", "101", "waiting"),
    ("Aalborg Kommune", "851", "waiting"),
    ("Esbjerg Kommune", "561", "rejected"),
    ("Vejle Kommune", "630", "submitted"),
    ("Horsens Kommune", "615", "withdrawn"),
    ("Randers Kommune", "730", "draft"),
    ("Holbæk Kommune", "316", "submitted"),
]

NORWEGIAN = {
    "slug": "lokalsamfunn-i-bevegelse",
    "name": "Lokalsamfunn i bevegelse",
    "lead": "Et program for kommuner som vil skape helse sammen med innbyggerne.",
    "purpose": "Sunne kommuner inviterer medlemskommunene til et års program om samskaping "
    "og frivillighet i lokalsamfunnet.",
    "funder": "Helsedirektoratet",
    "participation": "Gratis for medlemskommuner; kommunen stiller med ansatte og ledere.",
    "contact_name": "Solveig Sekretær",
    "contact_title": "Rådgiver",
    "contact_email": "post@sunnekommuner.example",
}

NORWEGIAN_FORM = {
    "sections": [
        {
            "id": "s-kommunen",
            "title": "Kommunen",
            "help": "",
            "questions": [
                {
                    "id": "deltakere",
                    "kind": "people",
                    "label": "Deltakere fra kommunen",
                    "required": True,
                    "roles": [
                        {"id": "leder", "label": "Leder", "min": 1, "max": 1},
                        {"id": "medarbeider", "label": "Medarbeider", "min": 1, "max": 2},
                    ],
                    "max_total": 3,
                    "email": True,
                },
                {
                    "id": "maal",
                    "kind": "long_text",
                    "label": "Hva vil dere oppnå?",
                    "required": True,
                    "suggested_length": "omtrent en halv side",
                    "suggested_words": 250,
                },
                {
                    "id": "arena",
                    "kind": "single_choice",
                    "label": "Hvor skal arbeidet foregå?",
                    "required": True,
                    "choices": [
                        {"id": "bydel", "label": "En bydel eller et boligområde"},
                        {"id": "bygd", "label": "En bygd eller et tettsted"},
                        {"id": "hele", "label": "Hele kommunen"},
                    ],
                },
                {
                    "id": "politisk",
                    "kind": "yes_no",
                    "label": "Er arbeidet politisk forankret?",
                },
            ],
        }
    ]
}

CRITERIA = [("Lokal forankring", 1, 5), ("Partnerskaber", 1, 5), ("Ledelsesopbakning", 1, 5)]
REVIEW_COMMENTS = [
    "Tydeligt geografisk område og stærke lokale partnere.",
    "God ledelsesopbakning; partnerskaberne kan beskrives mere konkret.",
    "Målet er bredt formuleret, men lokalområdet er godt beskrevet.",
]


# The 2014 edition's sessions and their topics per track (seed 001's table: the leader
# track meets on days 1 and 4, the employee track on six days, one of them the network
# meeting with the champions; the closing conference in December, seed 000).
# (title, kind, date, venue, {track: (da, nb, en)})
LEADERS, EMPLOYEES = "Lederspor", "Medarbejderspor"
SESSIONS_2014 = [
    (
        "1. kursusdag",
        "course_day",
        (2014, 3, 11),
        "Sund By Netværkets sekretariat, København",
        {
            EMPLOYEES: (
                "Hvordan samarbejder man med frivillige? New Public Governance",
                "Hvordan samarbeider man med frivillige? New Public Governance",
                "How do we work with volunteers? New Public Governance",
            ),
            LEADERS: (
                "Ledelse af velfærd og medarbejdere der arbejder med borgere",
                "Ledelse av velferd og medarbeidere som arbeider med innbyggere",
                "Leading welfare and staff who work with citizens",
            ),
        },
    ),
    (
        "2. kursusdag",
        "course_day",
        (2014, 4, 8),
        "Sund By Netværkets sekretariat, København",
        {
            EMPLOYEES: (
                "Indføring i metoden fra England og planlægning af kommunens egen proces med "
                "implementering af Netværk for Fællesskabsagenter",
                "Innføring i metoden fra England og planlegging av kommunens egen prosess med "
                "å innføre Netværk for Fællesskabsagenter",
                "An introduction to the English method and planning the municipality's own "
                "process of putting Netværk for Fællesskabsagenter into practice",
            ),
        },
    ),
    (
        "3. kursusdag",
        "course_day",
        (2014, 4, 9),
        "Sund By Netværkets sekretariat, København",
        {
            EMPLOYEES: (
                "Indføring i metoden fra England og planlægning af kommunens egen proces med "
                "implementering af Netværk for Fællesskabsagenter",
                "Innføring i metoden fra England og planlegging av kommunens egen prosess med "
                "å innføre Netværk for Fællesskabsagenter",
                "An introduction to the English method and planning the municipality's own "
                "process of putting Netværk for Fællesskabsagenter into practice",
            ),
        },
    ),
    (
        "4. kursusdag",
        "course_day",
        (2014, 6, 3),
        "Odense Rådhus",
        {
            EMPLOYEES: (
                "Projekternes fremdrift. Udfordringer og muligheder i samarbejdet med "
                "fællesskabsagenter",
                "Prosjektenes framdrift. Utfordringer og muligheter i samarbeidet med "
                "fellesskapsagenter",
                "How the projects are going. Challenges and opportunities in working with "
                "community champions",
            ),
            LEADERS: (
                "Kompetence og lederudfordring i samarbejdet med fællesskabsagenter",
                "Kompetanse og lederutfordringer i samarbeidet med fellesskapsagenter",
                "Skills and the leadership challenge of working with community champions",
            ),
        },
    ),
    (
        "Netværksmøde",
        "network_meeting",
        (2014, 9, 16),
        "Aarhus Rådhus",
        {
            EMPLOYEES: (
                "Fælles møde for fællesskabsagenter og medarbejdere. Fælles kompetenceudvikling",
                "Felles møte for fellesskapsagenter og medarbeidere. Felles kompetanseutvikling",
                "A joint meeting for community champions and staff. Learning together",
            ),
        },
    ),
    (
        "2. netværksmøde",
        "network_meeting",
        (2014, 11, 4),
        "Sund By Netværkets sekretariat, København",
        {
            EMPLOYEES: (
                "Netværksmøde for kommunens medarbejdere. Vidensdeling og evaluering",
                "Nettverksmøte for kommunens medarbeidere. Kunnskapsdeling og evaluering",
                "A network meeting for the municipalities' staff. Sharing knowledge and evaluation",
            ),
        },
    ),
    (
        "Afsluttende konference",
        "conference",
        (2014, 12, 9),
        "Mogens Dahl Koncertsal",
        {
            EMPLOYEES: (
                "Afsluttende konference med præsentation af indsatsen og vidensdeling med "
                "resten af Sund By Netværket",
                "Avsluttende konferanse med presentasjon av innsatsen og kunnskapsdeling med "
                "resten av Sund By Netværket",
                "Closing conference: presenting the work and sharing knowledge with the rest "
                "of the Healthy Cities Network",
            ),
            LEADERS: (
                "Afsluttende konference med præsentation af indsatsen og vidensdeling med "
                "resten af Sund By Netværket",
                "Avsluttende konferanse med presentasjon av innsatsen og kunnskapsdeling med "
                "resten av Sund By Netværket",
                "Closing conference: presenting the work and sharing knowledge with the rest "
                "of the Healthy Cities Network",
            ),
        },
    ),
]
