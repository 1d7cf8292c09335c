"""Demo news, written for the demo in the shape of the Norwegian network's article on its
administrative gathering (title, lead, body with headings, tags, published and updated
dates, some with an English version). Every person, place and figure is invented."""

# (slug, days ago, updated days ago or None, group name or None, tags,
#  title, lead, body, English version (title, lead, body) or None)
DK_ARTICLES = [
    (
        "netvaerksmoede-i-silkeborg",
        12,
        3,
        "Strategisk Lokalsamfundsudvikling",
        ["netværksmøde", "lokalsamfund", "sund by"],
        "Netværksmøde i Silkeborg: lokalsamfund i fokus",
        "Over 80 deltagere fra 40 kommuner mødtes for at dele erfaringer med lokal udvikling.",
        "Tirsdag mødtes sundhedskonsulenter, planlæggere og politikere på netværksmødet.\n\n"
        "## Borgerne som medskabere\n\nFlere kommuner fortalte, hvordan borgerne selv har "
        "taget ejerskab til nye mødesteder i landsbyerne.\n\n"
        "## Næste skridt\n\n- en fælles værktøjskasse\n- besøg på tværs af kommunerne\n\n"
        "> Sundhed skabes der, hvor folk bor. – en deltager fra Testrup Kommune",
        (
            "Network meeting in Silkeborg: local communities in focus",
            "More than 80 participants from 40 municipalities met to share experience.",
            "On Tuesday, health consultants, planners and politicians met at the network "
            "meeting.\n\n## Citizens as co-creators\n\nSeveral municipalities told how "
            "citizens themselves took ownership of new meeting places in the villages.",
        ),
    ),
    (
        "ny-temagruppe-om-mental-sundhed",
        30,
        None,
        "Mental Sundhed",
        ["mental sundhed", "temagrupper"],
        "Ny temagruppe om mental sundhed",
        "Temagruppen samler kommunernes erfaringer med at fremme trivsel blandt unge.",
        "Mange kommuner arbejder med unges trivsel, men erfaringerne deles for sjældent.\n\n"
        "## Hvad gruppen vil\n\nGruppen mødes fire gange om året og besøger hinandens "
        "indsatser. Alle medlemskommuner kan melde en medarbejder ind.",
        (
            "New theme group on mental health",
            "The theme group gathers the municipalities' experience with young people's "
            "well-being.",
            "Many municipalities work with young people's well-being, but experience is "
            "shared too rarely.\n\n## What the group wants\n\nThe group meets four times a "
            "year and visits each other's projects.",
        ),
    ),
    (
        "lighed-i-sundhed-konference",
        45,
        40,
        "Lighed i Sundhed",
        ["lighed i sundhed", "konference"],
        "Konference om lighed i sundhed samlede 200",
        "Hvordan når vi dem, der har mest brug for det? Det var spørgsmålet på årets konference.",
        "Konferencen bød på oplæg fra forskere og kommuner.\n\n## Tre pointer\n\n"
        "1. Indsatser skal laves sammen med borgerne\n2. Data om ulighed skal bruges lokalt\n"
        "3. Tværgående samarbejde kræver ledelse\n\nOplæggene kan findes i gruppens materialer.",
        None,
    ),
    (
        "aktive-faellesskaber-i-vinterhalvaaret",
        60,
        None,
        "Aktive Fællesskaber",
        ["fællesskaber", "fysisk aktivitet"],
        "Aktive fællesskaber i vinterhalvåret",
        "Gåklubber, motion i forsamlingshuset og fællesspisning holder folk i gang hele året.",
        "Når det bliver mørkt, falder aktiviteten. Tre kommuner har prøvet noget nyt.\n\n"
        "## Gåklubben i Testrup\n\nHver torsdag går 30 borgere en tur og drikker kaffe "
        "bagefter. Frivillige står for ruterne.",
        None,
    ),
    (
        "who-healthy-cities-fase-7",
        90,
        85,
        None,
        ["who", "healthy cities"],
        "Netværket deltager i WHO Healthy Cities fase 7",
        "Sund By Netværket er fortsat nationalt netværk i WHO's europæiske Healthy Cities.",
        "Fase 7 sætter fokus på fred, planeten, mennesker, deltagelse, velstand og steder.\n\n"
        "## Hvad betyder det for kommunerne?\n\nMedlemskommunerne kan bruge WHO's "
        "rammer i deres egen sundhedspolitik og deltage i de europæiske møder.",
        (
            "The network takes part in WHO Healthy Cities phase 7",
            "The network remains a national network in WHO's European Healthy Cities.",
            "Phase 7 focuses on peace, planet, people, participation, prosperity and places.",
        ),
    ),
    (
        "sundhedspolitik-i-nye-kommuner",
        120,
        None,
        None,
        ["sundhedspolitik"],
        "Sådan skriver man en sundhedspolitik, der bliver brugt",
        "Fire kommuner fortæller om arbejdet med en politik, som forvaltningerne tager til sig.",
        "En sundhedspolitik virker kun, hvis den bliver brugt i hverdagen.\n\n"
        "## Råd fra kommunerne\n\n- inddrag alle forvaltninger fra starten\n"
        "- skriv kort\n- følg op hvert år",
        None,
    ),
    (
        "frugt-i-frikvarteret-evaluering",
        150,
        140,
        None,
        ["skole", "kost"],
        "Evaluering: frugt i frikvarteret virker",
        "Eleverne spiser mere frugt, og lærerne oplever mere ro efter frikvarteret.",
        "Evalueringen bygger på spørgeskemaer fra 12 skoler.\n\n## Resultater\n\n"
        "| Før | Efter |\n|---|---|\n| 1,2 stk. frugt | 1,9 stk. frugt |\n\n"
        "Casen kan findes i casebanken.",
        None,
    ),
    (
        "aarsmoede-2025",
        200,
        None,
        None,
        ["årsmøde"],
        "Årsmødet valgte ny formand",
        "Årsmødet samlede politikere fra hele landet og valgte en ny formand for netværket.",
        "Den nye formand vil styrke samarbejdet mellem kommunerne.\n\n"
        "## Beretningen\n\nÅrets beretning fremhævede de nye temagrupper og casebanken.",
        None,
    ),
]

NO_ARTICLES = [
    (
        "administrativ-samling-2014",
        20,
        5,
        "Medborgerskap",
        ["administrativ samling", "medborgerskap", "robuste lokalsamfunn", "folkehelse"],
        "Administrativ samling 2014",
        "Nå skal vi fremme medborgerskapet lokalt, skape robuste lokalsamfunn og opprette "
        "temagrupper!",
        "Mandag møttes de ikke-politiske kontaktene i medlemskommunene på administrativ "
        "samling.\n\n## Fremme medborgerskap\n\nSentralt stod ønsket om å jobbe for økt "
        "medvirkning lokalt.\n\n## Skape robuste lokalsamfunn\n\nEt robust samfunn er godt "
        "rustet til å møte dagens og fremtidens helseutfordringer.\n\n## Opprette temagrupper"
        "\n\nMålet er å ha opprettet fem temagrupper i løpet av høsten.",
        (
            "Administrative gathering 2014",
            "Now we will promote citizenship locally, build robust communities and create "
            "theme groups!",
            "On Monday the non-political contacts of our member municipalities met for the "
            "administrative gathering.\n\n## Promoting citizenship\n\nAt the centre was the "
            "wish to work for more participation locally.",
        ),
    ),
    (
        "robuste-lokalsamfunn-i-nord",
        40,
        None,
        "Robuste lokalsamfunn",
        ["robuste lokalsamfunn", "frivillighet"],
        "Robuste lokalsamfunn i nord",
        "Tre kommuner i nord deler erfaringer med frivillighet og beredskap.",
        "Når avstandene er store, blir naboene viktige.\n\n## Frivilligsentralene\n\n"
        "Frivilligsentralene har fått en ny rolle som møteplass og koordinator.",
        None,
    ),
    (
        "folkehelse-i-planlegging-kurs",
        70,
        60,
        "Folkehelse i planlegging",
        ["planlegging", "folkehelse"],
        "Kurs: folkehelse i kommuneplanen",
        "Planleggere og folkehelsekoordinatorer lærte sammen om helsekonsekvenser i planer.",
        "Kurset gikk over to dager.\n\n## Verktøy\n\n- sjekkliste for planarbeid\n"
        "- eksempler fra kommunene\n\n> Planlegging er folkehelsearbeid. – en deltaker",
        (
            "Course: public health in the municipal plan",
            "Planners and public-health coordinators learned together about health impacts.",
            "The course ran over two days.\n\n## Tools\n\n- a checklist for planning\n"
            "- examples from the municipalities",
        ),
    ),
    (
        "gode-oppvekstmiljo-barnehager",
        100,
        None,
        "Gode oppvekstmiljø",
        ["oppvekst", "barnehage"],
        "Gode oppvekstmiljø starter i barnehagen",
        "Barnehagene i fire kommuner har laget felles mål for fysisk aktivitet og mat.",
        "Arbeidet startet med en kartlegging i alle barnehagene.\n\n## Resultatene\n\n"
        "Barna er mer ute, og foreldrene er mer involvert.",
        None,
    ),
    (
        "sunne-kommuner-arsmote",
        160,
        150,
        None,
        ["årsmøte", "sunne kommuner"],
        "Årsmøtet i Sunne kommuner",
        "Årsmøtet vedtok ny strategi og ønsket tre nye medlemskommuner velkommen.",
        "Strategien bygger på WHOs Healthy Cities fase 7.\n\n## Nye medlemmer\n\n"
        "Tre kommuner er tatt opp som medlemmer i nettverket.",
        None,
    ),
    (
        "who-europamote",
        220,
        None,
        None,
        ["who", "healthy cities"],
        "Nettverket på WHOs europamøte",
        "Sekretariatet presenterte nettverkets arbeid med medborgerskap for de europeiske "
        "nettverkene.",
        "Møtet samlet nasjonale nettverk fra hele Europa.\n\n## Erfaringer fra Norge\n\n"
        "Interessen for temagruppene var stor.",
        (
            "The network at WHO's European meeting",
            "The secretariat presented the network's work on citizenship.",
            "The meeting gathered national networks from all over Europe.",
        ),
    ),
]
