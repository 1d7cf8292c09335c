"""Demo static pages: (slug, {language: (title, description, Markdown body)}) in menu
order. Every person, address and figure is invented."""

PAGES = {
    "sund-by-netvaerket": [
        (
            "om-netvaerket",
            {
                "da": (
                    "Om netværket",
                    "Sund By Netværket samler kommuner, der arbejder for sundhed og trivsel.",
                    "Sund By Netværket er et netværk af danske kommuner, der arbejder med "
                    "sundhed på tværs af fag og forvaltninger.\n\n## Det gør vi\n\n"
                    "- netværksmøder og konferencer\n- temagrupper om udvalgte emner\n"
                    "- en casebank med kommunernes erfaringer\n\n"
                    "## Sådan styres netværket\n\nNetværket ledes af en bestyrelse valgt af "
                    "medlemskommunerne. Sekretariatet står for den daglige drift.",
                ),
                "nb": (
                    "Om nettverket",
                    "Sund By Netværket samler danske kommuner som jobber for helse og trivsel.",
                    "Sund By Netværket er et nettverk av danske kommuner som jobber med helse "
                    "på tvers av fag og sektorer.",
                ),
                "en": (
                    "About the network",
                    "The Healthy Cities Network brings together Danish municipalities working "
                    "for health and well-being.",
                    "The network brings together Danish municipalities that work with health "
                    "across professions and departments.\n\n## What we do\n\n"
                    "- network meetings and conferences\n- theme groups\n"
                    "- a case bank of the municipalities' experience",
                ),
            },
        ),
        (
            "medlemskab",
            {
                "da": (
                    "Bliv medlem",
                    "Sådan bliver kommunen medlem af Sund By Netværket.",
                    "Alle danske kommuner kan blive medlem.\n\n## Det får I\n\n"
                    "- adgang til temagrupper og netværksmøder\n- plads i casebanken\n"
                    "- rabat på konferencer\n\nKontingentet fastsættes af generalforsamlingen. "
                    "Skriv til sekretariatet for at melde jer ind.",
                ),
                "en": (
                    "Become a member",
                    "How a municipality joins the network.",
                    "Every Danish municipality can join.\n\nWrite to the secretariat to become "
                    "a member.",
                ),
            },
        ),
        (
            "kontakt",
            {
                "da": (
                    "Kontakt",
                    "Sekretariatets adresse, telefon og e-mail.",
                    "**Sekretariatet**\n\nSundhedsvej 1, 8600 Silkeborg\n\n"
                    "E-mail: sekretariat@sundby.example\n\nTelefon: 12 34 56 78 "
                    "(hverdage 9–15)",
                ),
                "en": (
                    "Contact",
                    "The secretariat's address, telephone and e-mail.",
                    "**The secretariat**\n\nSundhedsvej 1, 8600 Silkeborg, Denmark\n\n"
                    "E-mail: sekretariat@sundby.example",
                ),
            },
        ),
    ],
    "sunne-kommuner": [
        (
            "om-nettverket",
            {
                "nb": (
                    "Om nettverket",
                    "Sunne kommuner samler norske kommuner som jobber med folkehelse.",
                    "Sunne kommuner er et nettverk av norske kommuner og fylkeskommuner som "
                    "jobber med folkehelse, medborgerskap og bærekraftige lokalsamfunn.\n\n"
                    "## Dette gjør vi\n\n- nettverkssamlinger og konferanser\n"
                    "- temagrupper\n- en eksempelbank med kommunenes erfaringer\n\n"
                    "## Slik styres nettverket\n\nNettverket ledes av et styre valgt av "
                    "medlemmene. Sekretariatet har den daglige driften.",
                ),
                "da": (
                    "Om netværket",
                    "Sunne kommuner samler norske kommuner, der arbejder med folkesundhed.",
                    "Sunne kommuner er et netværk af norske kommuner, der arbejder med "
                    "folkesundhed og medborgerskab.",
                ),
                "en": (
                    "About the network",
                    "Sunne kommuner brings together Norwegian municipalities working for "
                    "public health.",
                    "Sunne kommuner is a network of Norwegian municipalities and counties "
                    "working with public health, citizenship and sustainable communities.",
                ),
            },
        ),
        (
            "medlemskap",
            {
                "nb": (
                    "Bli medlem",
                    "Slik blir kommunen medlem av Sunne kommuner.",
                    "Alle norske kommuner og fylkeskommuner kan bli medlem.\n\n"
                    "## Dette får dere\n\n- temagrupper og samlinger\n- plass i "
                    "eksempelbanken\n- rabatt på konferanser\n\nSkriv til sekretariatet for "
                    "å melde dere inn.",
                ),
                "en": (
                    "Become a member",
                    "How a municipality joins the network.",
                    "Every Norwegian municipality and county can join.",
                ),
            },
        ),
        (
            "kontakt",
            {
                "nb": (
                    "Kontakt",
                    "Sekretariatets adresse, telefon og e-post.",
                    "**Sekretariatet**\n\nFolkehelsegata 2, 0150 Oslo\n\n"
                    "E-post: sekretariat@sunnekommuner.example\n\nTelefon: 22 33 44 55",
                ),
                "en": (
                    "Contact",
                    "The secretariat's address, telephone and e-mail.",
                    "**The secretariat**\n\nFolkehelsegata 2, 0150 Oslo, Norway\n\n"
                    "E-mail: sekretariat@sunnekommuner.example",
                ),
            },
        ),
    ],
}
