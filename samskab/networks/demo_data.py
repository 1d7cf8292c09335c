"""Real municipality names and official codes for the demo data (no people here)."""

# Danish regions (regionskode) and their 98 municipalities (kommunekode).
DK_REGIONS = {
    "1084": "Region Hovedstaden",
    "1085": "Region Sjælland",
    "1083": "Region Syddanmark",
    "1082": "Region Midtjylland",
    "1081": "Region Nordjylland",
}

DK_MUNICIPALITIES = [
    # (code, name, region code)
    ("101", "Københavns Kommune", "1084"), ("147", "Frederiksberg Kommune", "1084"),
    ("151", "Ballerup Kommune", "1084"), ("153", "Brøndby Kommune", "1084"),
    ("155", "Dragør Kommune", "1084"), ("157", "Gentofte Kommune", "1084"),
    ("159", "Gladsaxe Kommune", "1084"), ("161", "Glostrup Kommune", "1084"),
    ("163", "Herlev Kommune", "1084"), ("165", "Albertslund Kommune", "1084"),
    ("167", "Hvidovre Kommune", "1084"), ("169", "Høje-Taastrup Kommune", "1084"),
    ("173", "Lyngby-Taarbæk Kommune", "1084"), ("175", "Rødovre Kommune", "1084"),
    ("183", "Ishøj Kommune", "1084"), ("185", "Tårnby Kommune", "1084"),
    ("187", "Vallensbæk Kommune", "1084"), ("190", "Furesø Kommune", "1084"),
    ("201", "Allerød Kommune", "1084"), ("210", "Fredensborg Kommune", "1084"),
    ("217", "Helsingør Kommune", "1084"), ("219", "Hillerød Kommune", "1084"),
    ("223", "Hørsholm Kommune", "1084"), ("230", "Rudersdal Kommune", "1084"),
    ("240", "Egedal Kommune", "1084"), ("250", "Frederikssund Kommune", "1084"),
    ("260", "Halsnæs Kommune", "1084"), ("270", "Gribskov Kommune", "1084"),
    ("400", "Bornholms Regionskommune", "1084"),
    ("253", "Greve Kommune", "1085"), ("259", "Køge Kommune", "1085"),
    ("265", "Roskilde Kommune", "1085"), ("269", "Solrød Kommune", "1085"),
    ("306", "Odsherred Kommune", "1085"), ("316", "Holbæk Kommune", "1085"),
    ("320", "Faxe Kommune", "1085"), ("326", "Kalundborg Kommune", "1085"),
    ("329", "Ringsted Kommune", "1085"), ("330", "Slagelse Kommune", "1085"),
    ("336", "Stevns Kommune", "1085"), ("340", "Sorø Kommune", "1085"),
    ("350", "Lejre Kommune", "1085"), ("360", "Lolland Kommune", "1085"),
    ("370", "Næstved Kommune", "1085"), ("376", "Guldborgsund Kommune", "1085"),
    ("390", "Vordingborg Kommune", "1085"),
    ("410", "Middelfart Kommune", "1083"), ("420", "Assens Kommune", "1083"),
    ("430", "Faaborg-Midtfyn Kommune", "1083"), ("440", "Kerteminde Kommune", "1083"),
    ("450", "Nyborg Kommune", "1083"), ("461", "Odense Kommune", "1083"),
    ("479", "Svendborg Kommune", "1083"), ("480", "Nordfyns Kommune", "1083"),
    ("482", "Langeland Kommune", "1083"), ("492", "Ærø Kommune", "1083"),
    ("510", "Haderslev Kommune", "1083"), ("530", "Billund Kommune", "1083"),
    ("540", "Sønderborg Kommune", "1083"), ("550", "Tønder Kommune", "1083"),
    ("561", "Esbjerg Kommune", "1083"), ("563", "Fanø Kommune", "1083"),
    ("573", "Varde Kommune", "1083"), ("575", "Vejen Kommune", "1083"),
    ("580", "Aabenraa Kommune", "1083"), ("607", "Fredericia Kommune", "1083"),
    ("621", "Kolding Kommune", "1083"), ("630", "Vejle Kommune", "1083"),
    ("615", "Horsens Kommune", "1082"), ("657", "Herning Kommune", "1082"),
    ("661", "Holstebro Kommune", "1082"), ("665", "Lemvig Kommune", "1082"),
    ("671", "Struer Kommune", "1082"), ("706", "Syddjurs Kommune", "1082"),
    ("707", "Norddjurs Kommune", "1082"), ("710", "Favrskov Kommune", "1082"),
    ("727", "Odder Kommune", "1082"), ("730", "Randers Kommune", "1082"),
    ("740", "Silkeborg Kommune", "1082"), ("741", "Samsø Kommune", "1082"),
    ("746", "Skanderborg Kommune", "1082"), ("751", "Aarhus Kommune", "1082"),
    ("756", "Ikast-Brande Kommune", "1082"), ("760", "Ringkøbing-Skjern Kommune", "1082"),
    ("766", "Hedensted Kommune", "1082"), ("779", "Skive Kommune", "1082"),
    ("791", "Viborg Kommune", "1082"),
    ("773", "Morsø Kommune", "1081"), ("787", "Thisted Kommune", "1081"),
    ("810", "Brønderslev Kommune", "1081"), ("813", "Frederikshavn Kommune", "1081"),
    ("820", "Vesthimmerlands Kommune", "1081"), ("825", "Læsø Kommune", "1081"),
    ("840", "Rebild Kommune", "1081"), ("846", "Mariagerfjord Kommune", "1081"),
    ("849", "Jammerbugt Kommune", "1081"), ("851", "Aalborg Kommune", "1081"),
    ("860", "Hjørring Kommune", "1081"),
]

# Danish municipalities that are not members in the demo (so the directory shows ~80).
DK_NON_MEMBERS = {
    "155", "161", "183", "187", "223", "269", "336", "482", "492", "530", "563", "665",
    "671", "727", "741", "773", "825", "840",
}

# Norwegian counties (fylkesnummer, 2024) and member municipalities (kommunenummer, 2024).
NO_REGIONS = {
    "03": "Oslo", "11": "Rogaland", "15": "Møre og Romsdal", "18": "Nordland",
    "31": "Østfold", "32": "Akershus", "33": "Buskerud", "34": "Innlandet", "39": "Vestfold",
    "40": "Telemark", "42": "Agder", "46": "Vestland", "50": "Trøndelag", "55": "Troms",
    "56": "Finnmark",
}

NO_MUNICIPALITIES = [
    ("0301", "Oslo kommune", "03"), ("1103", "Stavanger kommune", "11"),
    ("1106", "Haugesund kommune", "11"), ("1108", "Sandnes kommune", "11"),
    ("1505", "Kristiansund kommune", "15"), ("1506", "Molde kommune", "15"),
    ("1508", "Ålesund kommune", "15"), ("1804", "Bodø kommune", "18"),
    ("1806", "Narvik kommune", "18"), ("1833", "Rana kommune", "18"),
    ("3101", "Halden kommune", "31"), ("3103", "Moss kommune", "31"),
    ("3105", "Sarpsborg kommune", "31"), ("3107", "Fredrikstad kommune", "31"),
    ("3201", "Bærum kommune", "32"), ("3203", "Asker kommune", "32"),
    ("3205", "Lillestrøm kommune", "32"), ("3207", "Nordre Follo kommune", "32"),
    ("3209", "Ullensaker kommune", "32"), ("3212", "Nesodden kommune", "32"),
    ("3301", "Drammen kommune", "33"), ("3303", "Kongsberg kommune", "33"),
    ("3305", "Ringerike kommune", "33"), ("3401", "Kongsvinger kommune", "34"),
    ("3403", "Hamar kommune", "34"), ("3405", "Lillehammer kommune", "34"),
    ("3407", "Gjøvik kommune", "34"), ("3901", "Horten kommune", "39"),
    ("3905", "Tønsberg kommune", "39"), ("3907", "Sandefjord kommune", "39"),
    ("3909", "Larvik kommune", "39"), ("4001", "Porsgrunn kommune", "40"),
    ("4003", "Skien kommune", "40"), ("4202", "Grimstad kommune", "42"),
    ("4203", "Arendal kommune", "42"), ("4204", "Kristiansand kommune", "42"),
    ("4601", "Bergen kommune", "46"), ("5001", "Trondheim kommune", "50"),
    ("5006", "Steinkjer kommune", "50"), ("5037", "Levanger kommune", "50"),
    ("5501", "Tromsø kommune", "55"), ("5601", "Alta kommune", "56"),
]

FIRST_NAMES_DK = ["Anne", "Mette", "Louise", "Camilla", "Maria", "Søren", "Jens", "Lars",
                  "Mads", "Henrik", "Trine", "Rasmus", "Pia", "Kasper", "Helle", "Morten",
                  "Line", "Anders", "Sanne", "Jakob"]
LAST_NAMES_DK = ["Nørgaard", "Kjær", "Bech", "Lund", "Holm", "Skov", "Dam", "Brandt",
                 "Vestergaard", "Krogh", "Møller", "Juhl", "Friis", "Bak", "Lauridsen"]
FIRST_NAMES_NO = ["Ingrid", "Kari", "Silje", "Marte", "Ola", "Håkon", "Eirik", "Sigrid",
                  "Torstein", "Åse", "Nils", "Ragnhild", "Vegard", "Hilde", "Øystein"]
LAST_NAMES_NO = ["Haugen", "Berge", "Solberg", "Lie", "Dahl", "Strand", "Moen", "Aasen",
                 "Bakken", "Nygård", "Eide", "Lunde", "Myhre", "Sæther"]
