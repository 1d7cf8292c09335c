"""Vocabulary for synthetic cases (``manage.py generate_cases``): what municipalities in
Denmark and Norway actually work on, in Danish, Norwegian Bokmål and English, so that
generated cases read like cases and search over them behaves like search over real ones.

THEMES: per prevention package (topic slug), the problems it addresses and the
interventions municipalities run, per language. The rest are shared slots.
"""

THEMES = {
    "alkohol": {
        "da": {
            "problem": ["højt alkoholforbrug", "rusdrikning blandt unge", "alkohol i nattelivet"],
            "intervention": [
                "alkoholdialog i almen praksis",
                "ansvarlig udskænkning",
                "forældrefester uden alkohol",
                "alkoholpolitik på arbejdspladsen",
            ],
        },
        "nb": {
            "problem": ["høyt alkoholforbruk", "rusdrikking blant ungdom", "alkohol i utelivet"],
            "intervention": [
                "alkoholsamtaler hos fastlegen",
                "ansvarlig vertskap",
                "foreldrefester uten alkohol",
                "alkoholpolitikk på arbeidsplassen",
            ],
        },
        "en": {
            "problem": [
                "high alcohol use",
                "binge drinking among young people",
                "alcohol in nightlife",
            ],
            "intervention": [
                "alcohol brief advice in general practice",
                "responsible serving",
                "alcohol-free parent parties",
                "a workplace alcohol policy",
            ],
        },
    },
    "fysisk-aktivitet": {
        "da": {
            "problem": ["fysisk inaktivitet", "for lidt bevægelse i hverdagen", "faldende motion"],
            "intervention": [
                "gåfællesskaber",
                "motion på recept",
                "bevægelse i undervisningen",
                "aktiv transport til skole",
                "seniorfitness",
                "cykelbus",
            ],
        },
        "nb": {
            "problem": [
                "fysisk inaktivitet",
                "for lite bevegelse i hverdagen",
                "synkende aktivitet",
            ],
            "intervention": [
                "turgrupper",
                "fysisk aktivitet på resept",
                "fysisk aktiv læring",
                "aktiv skolevei",
                "seniortrening",
                "sykkelbuss",
            ],
        },
        "en": {
            "problem": ["physical inactivity", "too little everyday movement", "falling exercise"],
            "intervention": [
                "walking groups",
                "exercise on prescription",
                "active lessons",
                "active travel to school",
                "senior fitness",
                "a bike bus",
            ],
        },
    },
    "hygiejne": {
        "da": {
            "problem": ["smitte i daginstitutioner", "sygefravær", "dårlig håndhygiejne"],
            "intervention": ["håndvask i børnehaven", "hygiejnekampagne", "rene hænder i skolen"],
        },
        "nb": {
            "problem": ["smitte i barnehager", "sykefravær", "dårlig håndhygiene"],
            "intervention": ["håndvask i barnehagen", "hygienekampanje", "rene hender i skolen"],
        },
        "en": {
            "problem": ["infections in childcare", "sickness absence", "poor hand hygiene"],
            "intervention": [
                "handwashing in kindergartens",
                "a hygiene campaign",
                "clean hands at school",
            ],
        },
    },
    "indeklima-i-skoler": {
        "da": {
            "problem": ["dårligt indeklima", "støj i klasselokalet", "træthed og hovedpine"],
            "intervention": [
                "indeklimamålinger",
                "udluftning i frikvarteret",
                "grønne klasselokaler",
            ],
        },
        "nb": {
            "problem": ["dårlig inneklima", "støy i klasserommet", "tretthet og hodepine"],
            "intervention": ["inneklimamålinger", "lufting i friminuttet", "grønne klasserom"],
        },
        "en": {
            "problem": ["poor indoor climate", "noise in the classroom", "tiredness and headaches"],
            "intervention": ["indoor climate measurements", "airing in breaks", "green classrooms"],
        },
    },
    "mad-og-maaltider": {
        "da": {
            "problem": ["usund kost", "ensomme måltider", "underernæring blandt ældre"],
            "intervention": [
                "skolemad",
                "fælles måltider for ældre",
                "madskole for familier",
                "spisevenner",
                "sund kantine",
            ],
        },
        "nb": {
            "problem": ["usunt kosthold", "ensomme måltider", "underernæring blant eldre"],
            "intervention": [
                "skolemat",
                "felles måltider for eldre",
                "matkurs for familier",
                "måltidsvenner",
                "sunn kantine",
            ],
        },
        "en": {
            "problem": ["unhealthy diet", "lonely meals", "undernutrition among older people"],
            "intervention": [
                "school meals",
                "shared meals for older people",
                "cooking classes for families",
                "meal companions",
                "a healthy canteen",
            ],
        },
    },
    "mental-sundhed": {
        "da": {
            "problem": ["ensomhed", "mistrivsel", "stress", "angst blandt unge"],
            "intervention": [
                "besøgsvenner",
                "trivselsmålinger",
                "værested for unge",
                "mentorordning",
                "stresshåndtering",
                "ABC for mental sundhed",
                "naturterapi",
            ],
        },
        "nb": {
            "problem": ["ensomhet", "mistrivsel", "stress", "angst blant unge"],
            "intervention": [
                "besøksvenner",
                "trivselsundersøkelser",
                "møteplass for ungdom",
                "mentorordning",
                "stressmestring",
                "ABC for god psykisk helse",
                "naturterapi",
            ],
        },
        "en": {
            "problem": ["loneliness", "poor wellbeing", "stress", "anxiety among young people"],
            "intervention": [
                "visiting friends",
                "wellbeing surveys",
                "a drop-in centre for young people",
                "mentoring",
                "stress management",
                "ABC for mental health",
                "nature therapy",
            ],
        },
    },
    "overvaegt": {
        "da": {
            "problem": ["overvægt blandt børn", "svær overvægt", "livsstilssygdomme"],
            "intervention": ["familieforløb", "sundhedstjek", "vægtstop for voksne"],
        },
        "nb": {
            "problem": ["overvekt blant barn", "fedme", "livsstilssykdommer"],
            "intervention": ["familiebehandling", "helsesjekk", "livsstilskurs for voksne"],
        },
        "en": {
            "problem": ["overweight among children", "obesity", "lifestyle diseases"],
            "intervention": ["family programmes", "health checks", "weight management for adults"],
        },
    },
    "seksuel-sundhed": {
        "da": {
            "problem": ["kønssygdomme", "uønskede graviditeter", "grænseoverskridende adfærd"],
            "intervention": ["seksualundervisning", "ungdomsklinik", "samtaler om grænser"],
        },
        "nb": {
            "problem": ["kjønnssykdommer", "uønskede svangerskap", "grenseoverskridende atferd"],
            "intervention": [
                "seksualundervisning",
                "helsestasjon for ungdom",
                "samtaler om grenser",
            ],
        },
        "en": {
            "problem": [
                "sexually transmitted infections",
                "unwanted pregnancies",
                "boundary violations",
            ],
            "intervention": ["sex education", "a youth clinic", "conversations about consent"],
        },
    },
    "solbeskyttelse": {
        "da": {
            "problem": ["solskoldning", "hudkræft", "solarieforbrug"],
            "intervention": ["skygge på legepladsen", "solkampagne", "solcreme i daginstitutionen"],
        },
        "nb": {
            "problem": ["solbrenthet", "hudkreft", "solariebruk"],
            "intervention": ["skygge på lekeplassen", "solkampanje", "solkrem i barnehagen"],
        },
        "en": {
            "problem": ["sunburn", "skin cancer", "sunbed use"],
            "intervention": ["shade on playgrounds", "a sun campaign", "sunscreen in childcare"],
        },
    },
    "stoffer": {
        "da": {
            "problem": ["hash blandt unge", "eksperimenterende brug af stoffer", "festkultur"],
            "intervention": ["tidlig indsats mod rusmidler", "forældrenetværk", "SSP-samarbejde"],
        },
        "nb": {
            "problem": ["cannabis blant ungdom", "eksperimentering med rusmidler", "festkultur"],
            "intervention": ["tidlig innsats mot rus", "foreldrenettverk", "SLT-samarbeid"],
        },
        "en": {
            "problem": ["cannabis among young people", "experimental drug use", "party culture"],
            "intervention": [
                "early drug prevention",
                "parent networks",
                "school-police cooperation",
            ],
        },
    },
    "tobak": {
        "da": {
            "problem": ["rygning", "snus blandt unge", "passiv rygning"],
            "intervention": [
                "rygestopforløb",
                "røgfri skoletid",
                "røgfri arbejdstid",
                "røgfrie legepladser",
            ],
        },
        "nb": {
            "problem": ["røyking", "snus blant ungdom", "passiv røyking"],
            "intervention": [
                "røykesluttkurs",
                "røykfri skoletid",
                "røykfri arbeidstid",
                "røykfrie lekeplasser",
            ],
        },
        "en": {
            "problem": ["smoking", "snus among young people", "passive smoking"],
            "intervention": [
                "stop-smoking courses",
                "smoke-free school hours",
                "smoke-free working hours",
                "smoke-free playgrounds",
            ],
        },
    },
}

TARGETS = {
    "da": [
        "ældre over 65 år",
        "børn i indskolingen",
        "unge mellem 15 og 25 år",
        "forældre til småbørn",
        "pårørende til mennesker med demens",
        "borgere med kronisk sygdom",
        "ledige borgere",
        "nyankomne familier",
        "medarbejdere i hjemmeplejen",
        "sårbare familier",
        "elever på erhvervsskoler",
        "mænd over 50",
    ],
    "nb": [
        "eldre over 65 år",
        "barn på småtrinnet",
        "ungdom mellom 15 og 25 år",
        "foreldre til småbarn",
        "pårørende til personer med demens",
        "innbyggere med kronisk sykdom",
        "arbeidsledige",
        "nyankomne familier",
        "ansatte i hjemmetjenesten",
        "sårbare familier",
        "elever på videregående",
        "menn over 50",
    ],
    "en": [
        "people over 65",
        "children in the first school years",
        "young people aged 15 to 25",
        "parents of small children",
        "carers of people with dementia",
        "residents with a chronic illness",
        "unemployed residents",
        "newly arrived families",
        "home care staff",
        "vulnerable families",
        "vocational students",
        "men over 50",
    ],
}

ARENAS = {
    "da": [
        "skolen",
        "daginstitutionen",
        "lokalsamfundet",
        "boligområdet",
        "arbejdspladsen",
        "foreningslivet",
        "sundhedscentret",
        "biblioteket",
        "plejecentret",
        "naturen",
    ],
    "nb": [
        "skolen",
        "barnehagen",
        "lokalsamfunnet",
        "nabolaget",
        "arbeidsplassen",
        "frivilligheten",
        "frisklivssentralen",
        "biblioteket",
        "sykehjemmet",
        "naturen",
    ],
    "en": [
        "school",
        "childcare",
        "the local community",
        "the neighbourhood",
        "the workplace",
        "local clubs",
        "the health centre",
        "the library",
        "the care home",
        "nature",
    ],
}

PARTNERS = {
    "da": [
        "Ældre Sagen",
        "lokale idrætsforeninger",
        "Røde Kors",
        "Kræftens Bekæmpelse",
        "Hjerteforeningen",
        "boligforeningen",
        "frivilligcentret",
        "praktiserende læger",
        "sundhedsplejen",
        "biblioteket",
        "Danske Seniorer",
        "jobcentret",
    ],
    "nb": [
        "Nasjonalforeningen for folkehelsen",
        "idrettslag",
        "Røde Kors",
        "Kreftforeningen",
        "LHL",
        "borettslaget",
        "frivilligsentralen",
        "fastlegene",
        "helsestasjonen",
        "biblioteket",
        "pensjonistforeningen",
        "NAV",
    ],
    "en": [
        "the older people's association",
        "local sports clubs",
        "the Red Cross",
        "the cancer society",
        "the heart association",
        "the housing association",
        "the volunteer centre",
        "general practitioners",
        "health visitors",
        "the library",
        "a pensioners' club",
        "the job centre",
    ],
}

SENTENCES = {
    "da": {
        "title": [
            "{Intervention} for {target}",
            "{Intervention} i {arena}",
            "{Intervention} mod {problem}",
            "{Intervention} i {municipality}",
        ],
        "summary": [
            "{Municipality} har med {intervention} sat fokus på {problem} blandt {target}. "
            "Indsatsen foregår i {arena} i samarbejde med {partner}.",
            "Med {intervention} når {municipality} {target}, der ellers er svære at nå. "
            "Formålet er at forebygge {problem}.",
        ],
        "purpose": [
            "Formålet er at mindske {problem} blandt {target} og styrke fællesskab og trivsel.",
            "Vi vil give {target} bedre muligheder for et sundt liv og forebygge {problem}.",
        ],
        "description": [
            "Indsatsen består af {intervention} i {arena}. Forløbet varer {weeks} uger med "
            "mødegange hver uge.",
            "Medarbejdere og frivillige fra {partner} står for {intervention}, og deltagerne "
            "inviteres personligt.",
            "Alle aktiviteter er gratis, og der tages hensyn til borgere med begrænset overskud.",
            "Undervejs samler vi erfaringer fra deltagerne og justerer tilbuddet.",
        ],
        "effect": [
            "{percent} procent af deltagerne fortsætter efter forløbet, og flere oplever "
            "mindre {problem}.",
            "Evalueringen viser bedre trivsel og mere fællesskab blandt {target}.",
        ],
        "partners": ["Sundhedsafdelingen samarbejder med {partner} og {partner2}."],
        "recruitment": [
            "Deltagerne rekrutteres gennem {partner}, opslag i {arena} og personlig kontakt."
        ],
        "funding": ["Indsatsen koster cirka {budget} kroner om året og finansieres af kommunen."],
        "barriers": ["Det tog tid at nå {target}, og frivillige er svære at fastholde."],
        "promoting_factors": ["Et tæt samarbejde med {partner} og engagerede ildsjæle."],
        "implementation_notes": ["Afsæt tid til at forankre {intervention} i den daglige drift."],
        "comment": [
            "Spændende case. Hvordan fik I {partner} med fra starten?",
            "Vi overvejer at starte noget lignende i vores kommune. Må vi kontakte jer?",
            "Tak for deling. Har I målt effekten efter et år?",
        ],
    },
    "nb": {
        "title": [
            "{Intervention} for {target}",
            "{Intervention} i {arena}",
            "{Intervention} mot {problem}",
            "{Intervention} i {municipality}",
        ],
        "summary": [
            "{Municipality} har med {intervention} satt søkelys på {problem} blant {target}. "
            "Tiltaket foregår i {arena} i samarbeid med {partner}.",
            "Med {intervention} når {municipality} {target} som ellers er vanskelige å nå. "
            "Målet er å forebygge {problem}.",
        ],
        "purpose": [
            "Målet er å redusere {problem} blant {target} og styrke fellesskap og trivsel.",
            "Vi vil gi {target} bedre muligheter for et sunt liv og forebygge {problem}.",
        ],
        "description": [
            "Tiltaket består av {intervention} i {arena}. Forløpet varer i {weeks} uker med "
            "samlinger hver uke.",
            "Ansatte og frivillige fra {partner} står for {intervention}, og deltakerne "
            "inviteres personlig.",
            "Alle aktiviteter er gratis, og det tas hensyn til innbyggere med lite overskudd.",
            "Underveis samler vi erfaringer fra deltakerne og justerer tilbudet.",
        ],
        "effect": [
            "{percent} prosent av deltakerne fortsetter etter forløpet, og flere opplever "
            "mindre {problem}.",
            "Evalueringen viser bedre trivsel og mer fellesskap blant {target}.",
        ],
        "partners": ["Folkehelsekoordinatoren samarbeider med {partner} og {partner2}."],
        "recruitment": [
            "Deltakerne rekrutteres gjennom {partner}, oppslag i {arena} og personlig kontakt."
        ],
        "funding": ["Tiltaket koster om lag {budget} kroner i året og finansieres av kommunen."],
        "barriers": ["Det tok tid å nå {target}, og frivillige er vanskelige å beholde."],
        "promoting_factors": ["Et tett samarbeid med {partner} og engasjerte ildsjeler."],
        "implementation_notes": [
            "Sett av tid til å forankre {intervention} i den daglige driften."
        ],
        "comment": [
            "Spennende eksempel. Hvordan fikk dere med {partner} fra starten?",
            "Vi vurderer å starte noe lignende i vår kommune. Kan vi kontakte dere?",
            "Takk for at dere deler. Har dere målt effekten etter ett år?",
        ],
    },
    "en": {
        "title": [
            "{Intervention} for {target}",
            "{Intervention} in {arena}",
            "{Intervention} against {problem}",
            "{Intervention} in {municipality}",
        ],
        "summary": [
            "With {intervention}, {municipality} addresses {problem} among {target}. "
            "It takes place in {arena} in partnership with {partner}.",
            "{Intervention} lets {municipality} reach {target} who are otherwise hard to reach. "
            "The aim is to prevent {problem}.",
        ],
        "purpose": [
            "The aim is to reduce {problem} among {target} and strengthen community and wellbeing.",
            "We want to give {target} better chances of a healthy life and prevent {problem}.",
        ],
        "description": [
            "The intervention consists of {intervention} in {arena}. It runs for {weeks} weeks "
            "with a session every week.",
            "Staff and volunteers from {partner} run {intervention}, and participants are "
            "invited in person.",
            "All activities are free, and we make room for residents with little energy to spare.",
            "Along the way we collect participants' experience and adjust the offer.",
        ],
        "effect": [
            "{percent} per cent of the participants continue after the programme, and more "
            "report less {problem}.",
            "The evaluation shows better wellbeing and more community among {target}.",
        ],
        "partners": ["The health department works with {partner} and {partner2}."],
        "recruitment": [
            "Participants are recruited through {partner}, notices in {arena} and personal contact."
        ],
        "funding": ["It costs about {budget} a year and is funded by the municipality."],
        "barriers": ["Reaching {target} took time, and volunteers are hard to keep."],
        "promoting_factors": ["Close cooperation with {partner} and committed local champions."],
        "implementation_notes": ["Set aside time to embed {intervention} in daily operations."],
        "comment": [
            "Interesting case. How did you get {partner} on board from the start?",
            "We are thinking of starting something similar. May we contact you?",
            "Thank you for sharing. Have you measured the effect after a year?",
        ],
    },
}
