"""Demo theme groups of both networks. The texts of *Strategisk Lokalsamfundsudvikling* are
from the Danish network's own page; every person here is invented."""

SLS_LEAD = (
    "For fem år siden etablerede Sund By Netværket temagruppen Sundhed og Lokalsamfund – meget "
    "er sket på fem år, og nu tager temagruppen nyt navn til temagruppen for Strategisk "
    "Lokalsamfundsudvikling."
)
SLS_BACKGROUND = """\
Der er fortsat et stort behov for at arbejde med at styrke sundhed og trivsel, der hvor folk \
bor og lever. Derfor vil robuste lokalsamfund, et styrket nabo- og genboskab samt community \
empowerment fortsat præge temagruppens arbejde.

Men der er ligeledes et behov for, at temagruppen adresserer, hvordan kommunens medarbejdere, \
der arbejder på et administrativt niveau med kort afstand til det besluttende niveau, bliver \
klædt på til at argumentere for lokalsamfunds-perspektivet. Et perspektiv der selvfølgelig \
skal understøttes af strategiske greb, der taler ind i en økonomisk, politisk og \
administrativ/faglig prioritering.

Lokalsamfund skal forstås bredt – det er der, hvor mennesker lever og agerer. Dette ‘take’ på \
sundhedsfremme kan være med til at favne kompleksiteten mellem individ og struktur, og mellem \
lokale erfaringer og organisatorisk kapacitetsopbygning. Lokalsamfundsperspektivet giver \
mulighed for at uddrage erfaringer fra det specifikke til det generelle, så viden kan finde \
anvendelse bredere set.
"""
SLS_TARGET = """\
Målgruppen for temagruppen er de ansatte i kommunen, der arbejder med et helhedsorienteret \
blik på sundhedsfremme, trivsel, kapacitetsopbygning og lokal understøttelse af \
netværksopbygning. Samarbejdspartnere eller ansatte i praksisfeltet er ligeledes velkommen til \
at bidrage til og deltage i gruppens arbejde, men er altså ikke længere den primære målgruppe \
for temagruppen.
"""
SLS_PURPOSE = """\
Lokalsamfundsperspektivet rummer betegnelser som ‘community health’, empowerment, levevilkår, \
kollektiv handlekraft og meget mere, som vi gerne vil udforske i temagruppen. Og alt dette skal \
underbygge bestræbelserne på at tænke og dagsordensætte lokalsamfundsudvikling. Det vil vi \
gerne bidrage til i temagruppen. Vi vil også gerne bidrage til at blive klogere på arbejdet med \
at reducere ulighed i sundhed set i et lokalsamfundsperspektiv. Sociale forhold, tilgængelige \
ressourcer, rammer og netværk har stor indflydelse på menneskers sundhed og trivsel.

Ligeledes er beboersammensætning, uddannelsesniveau og indkomstniveau afgørende indikatorer i \
fht. ulighed i sundhed. Således ser vi i kommunerne forskellige typer af lokalsamfund, hvor \
nogle områder er præget af borgere med lang uddannelse og høj husstandsindkomst, mens andre \
lokalområder er kendetegnende ved, at der bor flere borgere med kort uddannelse og lav \
husstandsindkomst. Dette har ofte indflydelse på borgernes sundhedstilstand, sammenhængskraften \
i lokalsamfundet og ressourcer i civilsamfundet.
"""
SLS_FOCUS = """\
Vi planlægger 3-4 årlige temamøder, de fleste online, men der vil også være plads til at holde \
enkelte møder i nogle af de lokalsamfund, vi er optaget af. Eksempler på emner, der kan tages \
op i gruppen:

- Communitybuilding i Islandsmodellen
- Kommuneplaner og byplanlægning som værktøj
- Setting vs. Individ
- Mikropartnerskaber

Andre forslag er meget velkomne. Tjek kalenderen og find information om gruppens kommende \
møder og tilmeld dig.
"""

# Demo users who are members of groups: (e-mail, name, title, municipality code).
DK_PEOPLE = [
    ("koordinator@sundby.example", "Kirsten Koordinator", "Sundhedskonsulent", "740"),
    ("medlem@sundby.example", "Mikkel Medlem", "Projektleder, lokalsamfund", "751"),
    ("anne.lund@kommune.example", "Anne Lund", "Folkesundhedskonsulent", "461"),
    ("jens.holm@kommune.example", "Jens Holm", "Planlægger", "851"),
    ("trine.skov@kommune.example", "Trine Skov", "Sundhedsfremmekonsulent", "101"),
    ("rasmus.bech@kommune.example", "Rasmus Bech", "Områdeleder", "360"),
    ("helle.krogh@kommune.example", "Helle Krogh", "Konsulent, mental sundhed", "630"),
    ("kasper.dam@kommune.example", "Kasper Dam", "Idræts- og fritidskonsulent", "621"),
    ("pia.juhl@kommune.example", "Pia Juhl", "Sundhedschef", "265"),
    ("sanne.friis@kommune.example", "Sanne Friis", "Boligsocial medarbejder", "330"),
]
NO_PEOPLE = [
    ("koordinator@sunnekommuner.example", "Kristin Koordinator", "Folkehelsekoordinator", "0301"),
    ("medlem@sunnekommuner.example", "Magnus Medlem", "Rådgiver, samfunnsutvikling", "4601"),
    ("ingrid.haugen@kommune.example", "Ingrid Haugen", "Folkehelserådgiver", "5001"),
    ("ola.berge@kommune.example", "Ola Berge", "Arealplanlegger", "1103"),
    ("silje.strand@kommune.example", "Silje Strand", "Frivillighetskoordinator", "3403"),
    ("eirik.moen@kommune.example", "Eirik Moen", "Kommuneoverlege", "1804"),
    ("hilde.eide@kommune.example", "Hilde Eide", "Prosjektleder, nærmiljø", "3107"),
    ("vegard.lunde@kommune.example", "Vegard Lunde", "Enhetsleder, kultur", "5501"),
]

# Invented contacts (not members): (key, name, title, municipality code or None, consent).
CONTACTS = {
    "dk-sls": ("Birgitte Vestergaard", "Udviklingskonsulent", "740", True),
    "dk-mental": ("Louise Brandt", "Chefkonsulent", "461", True),
    "dk-lighed": ("Søren Lauridsen", "Analytiker", "101", False),
    "dk-aktiv": ("Camilla Bak", "Konsulent", "621", True),
    "no-medborger": ("Sigrid Aasen", "Seniorrådgiver", "3403", True),
    "no-robust": ("Torstein Nygård", "Samfunnsplanlegger", "5501", True),
    "no-plan": ("Åse Myhre", "Arealplanlegger", "3201", True),
    "no-oppvekst": ("Øystein Sæther", "Oppvekstsjef", "4204", False),
}

# Groups: slug-free specs; members are indexes into the network's people list, the first
# ones listed as coordinators.
DK_GROUPS = [
    {
        "name": "Strategisk Lokalsamfundsudvikling",
        "former_names": ["Sundhed og Lokalsamfund"],
        "lead": SLS_LEAD,
        "background": SLS_BACKGROUND,
        "purpose": SLS_PURPOSE,
        "target_group": SLS_TARGET,
        "focus": SLS_FOCUS,
        "join_policy": "approval",
        "contact": "dk-sls",
        "coordinators": [0],
        "members": [1, 2, 3, 5, 9],
        "resources": [
            (
                "Strategisk lokalsamfunds håndbog",
                "Håndbogen giver dig som kommunal beslutningstager, planlægger og/eller konsulent "
                "et indblik i, hvordan kommuner kan arbejde med lokalsamfund som en "
                "sundhedsfremmende arena.",
                "https://sundby.example/temagrupper/strategisk-lokalsamfundsudvikling/haandbog.pdf",
                False,
            ),
            (
                "Referat af temamødet i Silkeborg",
                "Kun for gruppens medlemmer.",
                "file:referat-temamoede-silkeborg.txt",
                True,
            ),
        ],
        "suggestions": [
            (
                "Communitybuilding i Islandsmodellen",
                "Hvad kan vi lære af den islandske model for forebyggelse blandt unge, og hvordan "
                "bygger man fællesskaber op omkring den?",
                1,
                [2, 3, 5],
                "planned",
                "Planlagt til forårets online temamøde.",
            ),
            (
                "Mikropartnerskaber med foreninger",
                "Små, konkrete aftaler mellem kommune og lokale foreninger – erfaringer og "
                "faldgruber.",
                2,
                [1, 9],
                "open",
                "",
            ),
            (
                "Kommuneplanen som værktøj for sundhed",
                "Hvordan får vi lokalsamfundsperspektivet ind i kommuneplanen?",
                3,
                [1],
                "open",
                "",
            ),
            ("Setting vs. Individ", "", 5, [], "open", ""),
        ],
    },
    {
        "name": "Mental Sundhed",
        "lead": "Temagruppen samler kommunale medarbejdere, der arbejder med at fremme mental "
        "sundhed og trivsel hos børn, unge og voksne.",
        "background": "Flere danskere end tidligere oplever dårlig mental sundhed, og især unge "
        "kvinder rapporterer stress og ensomhed. Kommunerne har en central rolle i at skabe "
        "rammer, der fremmer trivsel, og i at opspore tidligt.",
        "purpose": "Gruppen vil dele erfaringer med indsatser, der styrker mental sundhed, og "
        "blive klogere på, hvordan de kan forankres på tværs af forvaltninger.",
        "target_group": "Sundhedskonsulenter, SSP-medarbejdere og ledere i kommunernes børne-, "
        "unge- og sundhedsområder.",
        "focus": "I den kommende periode ser vi især på:\n\n- ABC for mental sundhed i "
        "kommunen\n- Ensomhed blandt unge\n- Trivsel i skolen og fritidslivet",
        "join_policy": "approval",
        "contact": "dk-mental",
        "coordinators": [6],
        "members": [2, 4, 8],
        "resources": [
            (
                "ABC for mental sundhed – introduktion",
                "",
                "https://sundby.example/temagrupper/mental-sundhed/abc.pdf",
                False,
            ),
        ],
        "suggestions": [
            ("Ensomhed blandt unge på ungdomsuddannelser", "", 4, [2, 8, 6], "open", ""),
            (
                "Mental sundhed på arbejdspladsen",
                "",
                8,
                [2],
                "declined",
                "Ligger uden for gruppens fokus i denne periode.",
            ),
        ],
    },
    {
        "name": "Lighed i Sundhed",
        "lead": "Social ulighed i sundhed starter tidligt og følger mennesker hele livet. "
        "Temagruppen arbejder med, hvordan kommunerne kan mindske den.",
        "background": "Der er stor forskel på, hvor mange gode leveår borgerne har, afhængigt "
        "af uddannelse, indkomst og bopæl.",
        "purpose": "At dele viden om indsatser, der virker for de borgere, der har mest brug "
        "for dem – og om at måle det.",
        "target_group": "Kommunale medarbejdere og ledere, der arbejder strategisk med social "
        "ulighed i sundhed.",
        "focus": "Emner i den kommende periode:\n\n- Proportional universalisme i praksis\n"
        "- Data om ulighed på bydelsniveau\n- Samarbejde med boligsociale helhedsplaner",
        "join_policy": "approval",
        "contact": "dk-lighed",
        "coordinators": [8],
        "members": [5, 9, 3],
        "resources": [
            (
                "Notat: ulighed i sundhed på bydelsniveau",
                "Kun for gruppens medlemmer.",
                "file:notat-ulighed-bydele.txt",
                True,
            ),
        ],
        "suggestions": [
            ("Proportional universalisme – hvordan gør man?", "", 9, [5, 3], "open", ""),
        ],
    },
    {
        "name": "Aktive Fællesskaber",
        "lead": "Om bevægelse, idræt og fællesskaber i foreninger, nærmiljøer og byrum.",
        "background": "Fysisk aktivitet i fællesskab styrker både fysisk og mental sundhed.",
        "purpose": "At inspirere hinanden til at skabe aktive fællesskaber sammen med "
        "foreninger og borgere.",
        "target_group": "Kultur-, fritids- og sundhedskonsulenter.",
        "focus": "Eksempler på emner:\n\n- Foreningssamarbejde i udsatte boligområder\n"
        "- Byrum, der inviterer til bevægelse",
        "join_policy": "open",
        "contact": "dk-aktiv",
        "coordinators": [7],
        "members": [1, 4],
        "resources": [
            (
                "Idékatalog: byrum der inviterer til bevægelse",
                "",
                "https://sundby.example/temagrupper/aktive-faellesskaber/idekatalog.pdf",
                False,
            ),
        ],
        "suggestions": [
            ("Bevægelse i byrummet", "", 4, [1], "open", ""),
        ],
    },
]

NO_GROUPS = [
    {
        "name": "Medborgerskap",
        "lead": "Hvordan kan kommunen legge til rette for at innbyggerne deltar, bidrar og "
        "tar ansvar i lokalsamfunnet?",
        "background": "Medborgerskap handler om å høre til og å kunne påvirke. Frivillighet, "
        "samskaping og innbyggerinvolvering er viktige verktøy i folkehelsearbeidet.",
        "purpose": "Temagruppen deler erfaringer med samskaping og frivillighet på tvers av "
        "kommunene.",
        "target_group": "Folkehelsekoordinatorer, frivillighetskoordinatorer og andre som "
        "arbeider med innbyggerinvolvering.",
        "focus": "Eksempler på tema:\n\n- Frivillighetspolitikk i praksis\n- Samskaping med "
        "lag og foreninger\n- Innbyggerdialog i planarbeid",
        "join_policy": "approval",
        "contact": "no-medborger",
        "coordinators": [0],
        "members": [1, 4, 6],
        "resources": [
            (
                "Veileder for samskaping med frivillige",
                "",
                "https://sunnekommuner.example/temagrupper/medborgerskap/veileder.pdf",
                False,
            ),
            (
                "Notater fra temamøtet i Hamar",
                "Kun for medlemmer.",
                "file:notater-temamote-hamar.txt",
                True,
            ),
        ],
        "suggestions": [
            ("Frivilligsentralens rolle", "", 4, [1, 6], "open", ""),
            ("Samskaping i nærmiljøet", "", 6, [4], "planned", "Tas opp på høstmøtet."),
        ],
    },
    {
        "name": "Robuste lokalsamfunn",
        "lead": "Om lokalsamfunn som tåler endringer – og om møteplasser, tillit og "
        "nabofellesskap.",
        "background": "Robuste lokalsamfunn har sterke sosiale nettverk og gode møteplasser. "
        "Det gir bedre helse og mer beredskap når noe skjer.",
        "purpose": "Å lære av hverandre om hvordan kommunene kan styrke lokalsamfunnene, både "
        "i byer og distrikter.",
        "target_group": "Planleggere og folkehelsekoordinatorer.",
        "focus": "Tema vi vil se på:\n\n- Møteplasser i distriktene\n- Nabolagsprogram\n"
        "- Beredskap og sosial kapital",
        "join_policy": "open",
        "contact": "no-robust",
        "coordinators": [7],
        "members": [2, 5],
        "resources": [
            (
                "Eksempelsamling: møteplasser i distriktene",
                "",
                "https://sunnekommuner.example/temagrupper/robuste-lokalsamfunn/moteplasser.pdf",
                False,
            ),
        ],
        "suggestions": [
            ("Sosial kapital og beredskap", "", 5, [2], "open", ""),
        ],
    },
    {
        "name": "Folkehelse i planlegging",
        "lead": "Hvordan kan folkehelse bli en tydelig del av kommuneplanens samfunnsdel og "
        "arealdel?",
        "background": "Folkehelseloven krever at kommunene har oversikt over helsetilstand og "
        "påvirkningsfaktorer, og at den brukes i planarbeidet.",
        "purpose": "Gruppen deler eksempler på planer som fremmer helse og utjevner sosiale "
        "forskjeller.",
        "target_group": "Planleggere, folkehelsekoordinatorer og kommuneoverleger.",
        "focus": "- Oversiktsarbeidet som grunnlag for planer\n- Grønnstruktur og helse\n"
        "- Helsekonsekvensutredning",
        "join_policy": "approval",
        "contact": "no-plan",
        "coordinators": [3],
        "members": [0, 2, 5],
        "resources": [
            (
                "Sjekkliste for folkehelse i kommuneplanen",
                "",
                "https://sunnekommuner.example/temagrupper/folkehelse-i-planlegging/sjekkliste.pdf",
                False,
            ),
        ],
        "suggestions": [
            ("Helsekonsekvensutredning i praksis", "", 2, [0, 5], "open", ""),
        ],
    },
    {
        "name": "Gode oppvekstmiljø",
        "lead": "Om barn og unges oppvekst i kommunen: skole, fritid og nærmiljø.",
        "background": "En god oppvekst legger grunnlaget for god helse gjennom hele livet.",
        "purpose": "Å dele erfaringer med tiltak for barn og unge på tvers av sektorer.",
        "target_group": "Ansatte i oppvekst-, kultur- og helsesektoren.",
        "focus": "- Fritidserklæringen\n- Trygge skoleveier\n- Ungdomsmedvirkning",
        "join_policy": "approval",
        "contact": "no-oppvekst",
        "coordinators": [6],
        "members": [1, 7],
        "resources": [
            (
                "Referat fra oppstartsmøtet",
                "Bare for medlemmer.",
                "file:referat-oppstartsmote.txt",
                True,
            ),
        ],
        "suggestions": [
            ("Ungdomsråd som medvirkningskanal", "", 1, [7, 6], "open", ""),
            ("Fritidserklæringen i praksis", "", 7, [1], "open", ""),
        ],
    },
]
