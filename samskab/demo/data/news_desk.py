"""More demo news, so that a network's news list, tags, years and groups look lived in:
templates in the network's language, filled in with invented municipalities, figures and
the network's own cases, events, programmes and theme groups. Every person, place and
figure is invented.

A template: (key, link kind, group name or None, tags, title, lead, body, English version
(title, lead, body) or None). The link kind says what the article links to: "case",
"event", "programme" or None. In the text, {municipality}, {other}, {n}, {m}, {name},
{case}, {event} and {programme} are filled in; a template whose link is missing in the
network's demo data is written without it ({case} and the like become a general phrase).
"""

DK_FALLBACK = {
    "case": "en ny indsats",
    "event": "næste netværksmøde",
    "programme": "netværkets programmer",
}
NO_FALLBACK = {
    "case": "et nytt tiltak",
    "event": "neste nettverkssamling",
    "programme": "nettverkets programmer",
}
EN_FALLBACK = {
    "case": "a new initiative",
    "event": "the next network meeting",
    "programme": "the network's programmes",
}

DK_NAMES = ["Mette Holm", "Lars Kjær", "Sofie Dam", "Anders Bech", "Hanne Krogh", "Peter Lund"]
NO_NAMES = ["Kari Nordli", "Ola Haugen", "Ingrid Berg", "Per Solheim", "Marit Lie", "Jon Vik"]

DK_TEMPLATES = [
    (
        "maanedens-case",
        "case",
        "Aktive Fællesskaber",
        ["case", "inspiration"],
        "Månedens case: {case}",
        "{municipality} deler erfaringerne fra {case} – og hvad de ville gøre anderledes i dag.",
        "Hver måned fremhæver sekretariatet en indsats fra casebanken.\n\n"
        "## Hvad gjorde de?\n\n{municipality} startede i det små med {n} borgere og en "
        "medarbejder, der havde tid til at lytte.\n\n## Det lærte de\n\n"
        "- tag borgerne med fra første møde\n- sæt ord på, hvem der ejer indsatsen\n"
        "- mål det, der betyder noget lokalt\n\n"
        "> Vi troede, vi skulle levere en løsning. Vi skulle skabe et rum. "
        "– {name}, {municipality}",
        (
            "Case of the month: {case}",
            "{municipality} shares what it learnt from {case}.",
            "Every month the secretariat highlights an initiative from the case bank.\n\n"
            "## What they did\n\n{municipality} started small, with {n} citizens and a member "
            "of staff who had time to listen.",
        ),
    ),
    (
        "tilmelding-aabnet",
        "event",
        None,
        ["arrangementer", "netværksmøde"],
        "Tilmeldingen er åbnet: {event}",
        "Sæt kryds i kalenderen. Der er plads til {m} deltagere, og tilmeldingen er åben nu.",
        "Programmet byder på oplæg, workshops og god tid til at tale med kolleger fra andre "
        "kommuner.\n\n## Hvem er det for?\n\nSundhedskonsulenter, planlæggere, ledere og "
        "politikere fra medlemskommunerne.\n\n## Praktisk\n\n- deltagelse er gratis for "
        "medlemmer\n- frokost og kaffe er inkluderet\n- tilmelding på arrangementets side",
        None,
    ),
    (
        "programmet-aabner",
        "programme",
        "Lighed i Sundhed",
        ["programmer", "medborgerskab"],
        "{programme}: nu kan kommunerne søge",
        "Netværket inviterer igen kommuner til at samskabe aktivt medborgerskab sammen med "
        "borgerne.",
        "Programmet løber over et år med kursusdage, netværksmøder og en afsluttende "
        "konference.\n\n## Hvad får kommunen?\n\n- uddannelse af fem fællesskabsagenter\n"
        "- sparring fra netværkets konsulenter\n- et netværk af kolleger i andre kommuner\n\n"
        "## Sådan søger I\n\nAnsøgningen udfyldes på programmets side. {other} deltog sidste "
        "år og anbefaler at tage lederne med fra start.",
        (
            "{programme}: municipalities can now apply",
            "The network again invites municipalities to co-create active citizenship.",
            "The programme runs for a year with course days, network meetings and a "
            "closing conference.\n\n## How to apply\n\nThe application is made on the "
            "programme's page.",
        ),
    ),
    (
        "erfaringer-fra-programmet",
        "programme",
        "Aktive Fællesskaber",
        ["programmer", "fællesskab"],
        "Fællesskabsagenter i {municipality}: {n} nye mødesteder på et år",
        "Et år med {programme} har givet {municipality} nye fællesskaber – og nye spørgsmål.",
        "Fem borgere og to medarbejdere fra {municipality} har gennemført {programme}.\n\n"
        "## Det kom der ud af\n\nI løbet af året er der opstået {n} nye mødesteder: "
        "gåhold, et reparationscafé og en fællesspisning i forsamlingshuset.\n\n"
        "> Det vigtigste er, at det er borgernes egne idéer. – {name}",
        None,
    ),
    (
        "ny-medlemskommune",
        None,
        None,
        ["medlemmer", "sund by"],
        "Velkommen til {municipality}",
        "{municipality} er blevet medlem af netværket og vil især arbejde med lokalsamfund og "
        "trivsel.",
        "Netværket har nu {m} medlemskommuner.\n\n## Hvorfor melde sig ind?\n\n"
        "{name} fra {municipality} fortæller, at kommunen ønsker at lære af andre og dele "
        "egne erfaringer med sundhed i planlægningen.",
        None,
    ),
    (
        "temagruppe-besoeg",
        None,
        "Strategisk Lokalsamfundsudvikling",
        ["temagrupper", "lokalsamfund"],
        "Temagruppen på besøg i {municipality}",
        "Gruppen så, hvordan borgere og kommune sammen har gjort en nedlagt skole til "
        "landsbyens samlingspunkt.",
        "{n} medlemmer af temagruppen tog turen til {municipality}.\n\n## Fra skole til "
        "samlingssted\n\nBygningen rummer i dag værksted, motionsrum og en café drevet af "
        "frivillige.\n\n## Næste møde\n\nGruppen mødes næste gang i {other}.",
        None,
    ),
    (
        "ny-rapport",
        None,
        "Lighed i Sundhed",
        ["lighed i sundhed", "viden"],
        "Ny rapport: ulighed i sundhed i {m} kommuner",
        "Rapporten samler kommunernes tal og peger på, hvor indsatsen gør størst forskel.",
        "Rapporten bygger på data fra {m} kommuner og interview med {n} medarbejdere.\n\n"
        "## Tre anbefalinger\n\n1. Brug lokale data i planlægningen\n2. Samarbejd på tværs "
        "af forvaltningerne\n3. Inddrag borgerne, før beslutningerne tages\n\n"
        "Rapporten drøftes på {event}.",
        (
            "New report: health inequality in {m} municipalities",
            "The report gathers the municipalities' figures and points to where action "
            "makes the most difference.",
            "The report draws on data from {m} municipalities.\n\n## Three "
            "recommendations\n\n1. Use local data in planning\n2. Work across departments\n"
            "3. Involve citizens before decisions are made",
        ),
    ),
    (
        "mental-sundhed-unge",
        None,
        "Mental Sundhed",
        ["mental sundhed", "unge"],
        "Unge i {municipality} designer deres egne fritidstilbud",
        "Et samarbejde mellem ungdomsskole, sundhedstjeneste og foreninger har givet {n} nye "
        "tilbud.",
        "De unge blev spurgt, hvad de savnede – og svaret var steder at være uden krav.\n\n"
        "## Sådan gjorde de\n\n- workshops på skolerne\n- unge som medarrangører\n"
        "- faste voksne, der kender de unge\n\n"
        "> Vi bestemmer selv, hvad der skal ske. – en ung fra {municipality}",
        None,
    ),
    (
        "referat-netvaerksmoede",
        "event",
        None,
        ["netværksmøde", "referat"],
        "Det blev sagt på {event}",
        "Oplæg, spørgsmål og de vigtigste pointer fra dagen, samlet af sekretariatet.",
        "Tak til de {m} deltagere og til {municipality} for at lægge lokaler til.\n\n"
        "## Dagens pointer\n\n- sundhed i planlægningen kræver, at fagene mødes tidligt\n"
        "- frivillige skal have ejerskab, ikke opgaver\n\n## Materialer\n\n"
        "Oplæggene ligger i temagruppernes materialer.",
        None,
    ),
    (
        "kursus-borgerinddragelse",
        None,
        "Aktive Fællesskaber",
        ["kursus", "borgerinddragelse"],
        "Kursus i borgerinddragelse i {municipality}",
        "To dage om at invitere borgerne ind, før løsningen er fundet.",
        "Kurset holdes i {municipality} og henvender sig til medarbejdere i alle "
        "forvaltninger.\n\n## Indhold\n\n- metoder til dialog\n- at holde et godt borgermøde\n"
        "- når borgerne er uenige\n\nUnderviser er {name}.",
        None,
    ),
    (
        "politisk-dialogmoede",
        None,
        None,
        ["politik", "sund by"],
        "Politikere fra {n} kommuner drøftede sundhed i planlægningen",
        "Dialogmødet handlede om, hvordan byrådet kan sætte retning uden at detailstyre.",
        "Formanden for netværket, {name}, åbnede mødet i {municipality}.\n\n## Spørgsmålet\n\n"
        "Hvordan bliver sundhed en del af kommuneplanen? Svarene var mange, men én ting gik "
        "igen: tag borgerne med.",
        None,
    ),
    (
        "casebanken-vokser",
        "case",
        None,
        ["case", "casebanken"],
        "Casebanken runder {m} indsatser",
        "Den nyeste er {case} – og flere er på vej fra kommunerne.",
        "Casebanken er netværkets fælles hukommelse.\n\n## Del jeres erfaringer\n\n"
        "Alle medlemskommuner kan oprette en case. Sekretariatet hjælper gerne med at "
        "skrive den.\n\n> En god case fortæller også om det, der ikke lykkedes. – {name}",
        None,
    ),
]

NO_TEMPLATES = [
    (
        "manedens-eksempel",
        "case",
        "Medborgerskap",
        ["eksempler", "inspirasjon"],
        "Månedens eksempel: {case}",
        "{municipality} deler erfaringene fra {case} – og hva de ville gjort annerledes i dag.",
        "Hver måned løfter sekretariatet fram et tiltak fra eksempelbanken.\n\n"
        "## Hva gjorde de?\n\n{municipality} startet i det små med {n} innbyggere og en "
        "ansatt som hadde tid til å lytte.\n\n## Dette lærte de\n\n"
        "- ta med innbyggerne fra første møte\n- avklar hvem som eier tiltaket\n"
        "- mål det som betyr noe lokalt\n\n"
        "> Vi trodde vi skulle levere en løsning. Vi skulle skape et rom. – {name}, {municipality}",
        (
            "Example of the month: {case}",
            "{municipality} shares what it learnt from {case}.",
            "Every month the secretariat highlights an initiative from the case bank.\n\n"
            "## What they did\n\n{municipality} started small, with {n} citizens.",
        ),
    ),
    (
        "pamelding-apnet",
        "event",
        None,
        ["arrangementer", "nettverkssamling"],
        "Påmeldingen er åpnet: {event}",
        "Sett av datoen. Det er plass til {m} deltakere, og påmeldingen er åpen nå.",
        "Programmet byr på innlegg, verksteder og god tid til å snakke med kolleger fra andre "
        "kommuner.\n\n## Hvem er det for?\n\nFolkehelsekoordinatorer, planleggere, ledere og "
        "politikere fra medlemskommunene.\n\n## Praktisk\n\n- gratis for medlemmer\n"
        "- lunsj og kaffe er inkludert\n- påmelding på arrangementets side",
        None,
    ),
    (
        "programmet-apner",
        "programme",
        "Robuste lokalsamfunn",
        ["programmer", "samskaping"],
        "{programme}: nå kan kommunene søke",
        "Nettverket inviterer kommunene til et år med samskaping og frivillighet i lokalsamfunnet.",
        "Programmet går over et år med samlinger, veiledning og en avsluttende konferanse.\n\n"
        "## Hva får kommunen?\n\n- opplæring for ansatte og innbyggere\n- veiledning fra "
        "nettverket\n- kolleger i andre kommuner\n\n## Slik søker dere\n\nSøknaden fylles ut "
        "på programmets side. {other} deltok i fjor og anbefaler å ta med lederne fra start.",
        (
            "{programme}: municipalities can now apply",
            "The network invites municipalities to a year of co-creation and volunteering.",
            "The programme runs for a year with gatherings, guidance and a closing "
            "conference.\n\n## How to apply\n\nThe application is made on the programme's "
            "page.",
        ),
    ),
    (
        "erfaringer-fra-programmet",
        "programme",
        "Medborgerskap",
        ["programmer", "frivillighet"],
        "Ett år med {programme} i {municipality}",
        "{n} nye møteplasser og et nettverk av frivillige – dette fikk {municipality} ut av "
        "programmet.",
        "Ansatte og innbyggere fra {municipality} har fullført {programme}.\n\n"
        "## Dette kom ut av det\n\nI løpet av året har det kommet {n} nye møteplasser: "
        "turgrupper, en reparasjonskafé og felles middag på grendehuset.\n\n"
        "> Det viktigste er at det er innbyggernes egne ideer. – {name}",
        None,
    ),
    (
        "ny-medlemskommune",
        None,
        None,
        ["medlemmer", "folkehelse"],
        "Velkommen til {municipality}",
        "{municipality} er nytt medlem i nettverket og vil særlig jobbe med oppvekst og "
        "møteplasser.",
        "Nettverket har nå {m} medlemskommuner.\n\n## Hvorfor bli med?\n\n"
        "{name} fra {municipality} forteller at kommunen vil lære av andre og dele egne "
        "erfaringer med folkehelse i planleggingen.",
        None,
    ),
    (
        "faggruppe-besok",
        None,
        "Robuste lokalsamfunn",
        ["temagrupper", "lokalsamfunn"],
        "Temagruppen på besøk i {municipality}",
        "Gruppen så hvordan innbyggere og kommune sammen har gjort en nedlagt skole til "
        "bygdas samlingspunkt.",
        "{n} medlemmer av temagruppen tok turen til {municipality}.\n\n## Fra skole til "
        "samlingssted\n\nBygget har i dag verksted, treningsrom og en kafé drevet av "
        "frivillige.\n\n## Neste møte\n\nGruppen møtes neste gang i {other}.",
        None,
    ),
    (
        "ny-rapport",
        None,
        "Folkehelse i planlegging",
        ["folkehelse", "kunnskap"],
        "Ny rapport: folkehelse i planene til {m} kommuner",
        "Rapporten samler kommunenes erfaringer og peker på hva som virker.",
        "Rapporten bygger på planene til {m} kommuner og intervjuer med {n} ansatte.\n\n"
        "## Tre anbefalinger\n\n1. Bruk lokale data i planarbeidet\n2. Samarbeid på tvers av "
        "sektorene\n3. Involver innbyggerne før vedtakene fattes\n\n"
        "Rapporten drøftes på {event}.",
        None,
    ),
    (
        "gode-oppvekstmiljo",
        None,
        "Gode oppvekstmiljø",
        ["oppvekst", "ungdom"],
        "Ungdom i {municipality} lager sine egne fritidstilbud",
        "Et samarbeid mellom skole, helsestasjon og frivillige lag har gitt {n} nye tilbud.",
        "Ungdommene ble spurt hva de savnet – og svaret var steder å være uten krav.\n\n"
        "## Slik gjorde de det\n\n- verksteder på skolene\n- ungdom som medarrangører\n"
        "- faste voksne som kjenner ungdommene\n\n"
        "> Vi bestemmer selv hva som skal skje. – en ungdom fra {municipality}",
        None,
    ),
    (
        "referat-samling",
        "event",
        None,
        ["nettverkssamling", "referat"],
        "Dette ble sagt på {event}",
        "Innlegg, spørsmål og de viktigste poengene fra dagen, samlet av sekretariatet.",
        "Takk til de {m} deltakerne og til {municipality} for lokalene.\n\n"
        "## Dagens poenger\n\n- folkehelse i planleggingen krever at fagene møtes tidlig\n"
        "- frivillige skal ha eierskap, ikke oppgaver\n\n## Materiell\n\n"
        "Innleggene ligger i temagruppenes ressurser.",
        None,
    ),
    (
        "kurs-medvirkning",
        None,
        "Medborgerskap",
        ["kurs", "medvirkning"],
        "Kurs i medvirkning i {municipality}",
        "To dager om å invitere innbyggerne inn før løsningen er funnet.",
        "Kurset holdes i {municipality} og er for ansatte i alle sektorer.\n\n## Innhold\n\n"
        "- metoder for dialog\n- et godt folkemøte\n- når innbyggerne er uenige\n\n"
        "Kursholder er {name}.",
        None,
    ),
    (
        "politisk-dialogmote",
        None,
        None,
        ["politikk", "folkehelse"],
        "Politikere fra {n} kommuner drøftet folkehelse i planleggingen",
        "Dialogmøtet handlet om hvordan kommunestyret kan sette retning uten å detaljstyre.",
        "Nettverkets leder, {name}, åpnet møtet i {municipality}.\n\n## Spørsmålet\n\n"
        "Hvordan blir folkehelse en del av kommuneplanen? Svarene var mange, men én ting gikk "
        "igjen: ta med innbyggerne.",
        None,
    ),
    (
        "eksempelbanken-vokser",
        "case",
        None,
        ["eksempler", "eksempelbanken"],
        "Eksempelbanken passerer {m} tiltak",
        "Det nyeste er {case} – og flere er på vei fra kommunene.",
        "Eksempelbanken er nettverkets felles hukommelse.\n\n## Del erfaringene deres\n\n"
        "Alle medlemskommuner kan legge inn et eksempel. Sekretariatet hjelper gjerne til.\n\n"
        "> Et godt eksempel forteller også om det som ikke lyktes. – {name}",
        None,
    ),
]
