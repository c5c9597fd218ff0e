"""Graded German queries over the corpus in corpus.py: (category, query, {key: grade}).

Grades: 3 the answer, 2 a very good result, 1 related. An empty dict expects nothing."""

EXACT = "exact"
UMLAUT = "umlaut"
TYPO = "typo"
PREFIX = "prefix"
COMPOUND = "compound"
SYNONYM = "synonym"
FUNCTION = "function"
PLACE_TOPIC = "place+topic"
PERSON = "person"
NUMBER = "number"
NOTHING = "nothing"
EVENT = "event"

CATEGORIES = [
    EXACT, UMLAUT, TYPO, PREFIX, COMPOUND, SYNONYM, FUNCTION, PLACE_TOPIC, PERSON, NUMBER, NOTHING,
    EVENT,
]  # fmt: skip

PP_DO_UNITS = {"p:staatsschutz-do": 1, "p:dialog-do": 1, "p:wache-nord": 1, "p:kob-nord": 1}
PP_K_UNITS = {"p:staatsschutz-k": 1, "p:kontakt-k": 1}

QUERIES = [
    # --- exact names
    (EXACT, "Jüdische Kultusgemeinde Groß-Dortmund", {"o:jgd": 3, "c:levi": 1, "c:rosenbaum": 1}),
    (EXACT, "Schwulenberatung Berlin", {"o:schwulenberatung": 3, "c:brandt": 1}),
    (EXACT, "Polizeipräsidium Dortmund", {"p:pp-do": 3, **PP_DO_UNITS, "c:mueller": 1}),
    (
        EXACT,
        "Kriminalinspektion Staatsschutz",
        {"p:staatsschutz-do": 3, "p:staatsschutz-k": 3, "c:hoffmann": 1, "c:wolf": 1},
    ),
    (EXACT, "Frauenberatung Nour", {"o:nour": 3, "c:saleh": 1}),
    (
        EXACT,
        "Kompetenzzentrum für Dialog und Vertrauensförderung",
        {"p:dialog-do": 3, "c:richter": 1},
    ),
    (EXACT, "Zentralstelle für Prävention", {"p:praevention-be": 3, "c:krause": 1}),
    (EXACT, "Integrationsrat", {"o:integrationsrat": 3, "c:oezdemir": 1}),
    (EXACT, "Kältehilfe Kreuzberg", {"o:kaeltehilfe": 3}),
    (EXACT, "Bündnis Neukölln gegen Rechts", {"o:bündnis": 3}),
    # --- umlauts and transliterations
    (UMLAUT, "Mueller", {"c:mueller": 3}),
    (UMLAUT, "Muller", {"c:mueller": 3}),
    (UMLAUT, "Oezdemir", {"c:oezdemir": 3}),
    (UMLAUT, "Ozdemir", {"c:oezdemir": 3}),
    (UMLAUT, "Hoerde", {"o:hoerde": 3, "c:becker": 1}),
    (UMLAUT, "Koeln Ehrenfeld", {"o:ehrenfeld": 3, "c:yilmaz": 1}),
    (UMLAUT, "Weiss", {"c:weiss": 3}),
    (UMLAUT, "Kruger", {"c:krueger": 3}),
    (UMLAUT, "Yilmaz", {"c:yilmaz": 3}),
    (UMLAUT, "Fluechtlingsrat Koeln", {"o:fluechtlingsrat": 3, "c:amini": 1}),
    (UMLAUT, "Juedische Kultusgemeinde", {"o:jgd": 3, "c:levi": 1, "c:rosenbaum": 1}),
    # --- typos
    (TYPO, "Polizeipresidium Dortmund", {"p:pp-do": 3, **PP_DO_UNITS, "c:mueller": 1}),
    (TYPO, "Antisemitismusbeauftrage", {"c:levi": 3}),
    (TYPO, "Schwulenbertung", {"o:schwulenberatung": 3, "c:brandt": 1}),
    (TYPO, "Kowalsky", {"c:kowalski": 3}),
    (TYPO, "Rosenbaun", {"c:rosenbaum": 3}),
    (TYPO, "Staatschutz Dortmund", {"p:staatsschutz-do": 3, "c:hoffmann": 2}),
    (
        TYPO,
        "Muslimfeindlichkiet",
        {
            "o:ditib": 2,
            "o:ehrenfeld": 2,
            "o:nour": 2,
            "p:dialog-do": 2,
            "p:kontakt-k": 2,
            "c:kaya": 1,
            "c:demir": 1,
            "c:yilmaz": 1,
            "c:saleh": 1,
            "c:richter": 1,
            "c:krueger": 1,
        },
    ),
    (TYPO, "Präventionsbeuftragte", {"c:krause": 3, "c:meier": 3}),
    (TYPO, "Opferberatng Berlin", {"o:opferberatung": 3, "c:okafor": 1, "c:haddad": 1}),
    (TYPO, "Lesbenberatnug", {"o:lesbenberatung": 3, "c:lorenz": 1}),
    (
        TYPO,
        "Kontaktbereichsbeamter Nordstat",
        {"c:kowalski": 3, "c:bauer": 3, "p:kob-nord": 2},
    ),
    (TYPO, "Antiziganismuss", {"o:romano": 3, "c:stojka": 1}),
    # --- prefixes
    (PREFIX, "Mosch", {"o:ditib": 3, "o:ehrenfeld": 2, "a:do-moschee": 2, "p:kontakt-k": 1}),
    (PREFIX, "Antizig", {"o:romano": 3, "c:stojka": 1}),
    (PREFIX, "Kompetenz", {"p:dialog-do": 3, "c:richter": 1}),
    (PREFIX, "Schwul", {"o:schwulenberatung": 3, "c:brandt": 1, "p:lsbti-be": 1}),
    (
        PREFIX,
        "Staatssch",
        {
            "p:staatsschutz-be": 3,
            "p:staatsschutz-do": 3,
            "p:staatsschutz-k": 3,
            "c:hoffmann": 2,
            "c:fischer": 1,
            "c:wolf": 1,
        },
    ),
    (PREFIX, "Präven", {"p:praevention-be": 3, "c:krause": 2, "c:meier": 2}),
    (PREFIX, "Hadd", {"c:haddad": 3}),
    (PREFIX, "Integr", {"o:integrationsrat": 3, "c:oezdemir": 1}),
    # --- compounds, joined and apart
    (COMPOUND, "Antisemitismus Beauftragte", {"c:levi": 3}),
    (COMPOUND, "Beauftragte Antisemitismus", {"c:levi": 3}),
    (COMPOUND, "Schwulen Beratung", {"o:schwulenberatung": 3, "c:brandt": 1}),
    (COMPOUND, "Kontaktbereichsbeamte", {"c:kowalski": 3, "c:bauer": 3, "p:kob-nord": 2}),
    (COMPOUND, "Bereichsbeamter", {"c:kowalski": 3, "c:bauer": 3, "p:kob-nord": 1}),
    (COMPOUND, "Gemeinde Dortmund", {"o:jgd": 3, "o:ditib": 3, "a:do-moschee": 1}),
    (COMPOUND, "Opfer Beratung", {"o:opferberatung": 3, "o:backup": 2}),
    (COMPOUND, "Polizei Präsidium Köln", {"p:pp-k": 3, **PP_K_UNITS}),
    (COMPOUND, "Moscheegemeinde Köln", {"o:ehrenfeld": 3, "p:kontakt-k": 1}),
    (COMPOUND, "Wache Nord", {"p:wache-nord": 3, "p:kob-nord": 1}),
    (COMPOUND, "Dialog Beauftragter", {"c:yilmaz": 3}),
    # --- abbreviations and synonyms
    (
        SYNONYM,
        "LSBTI",
        {
            "p:lsbti-be": 3,
            "c:lsbti-be": 3,
            "c:wagner": 2,
            "o:schwulenberatung": 1,
            "o:lesbenberatung": 1,
        },
    ),
    (SYNONYM, "queer Polizei Berlin", {"p:lsbti-be": 3, "c:lsbti-be": 3, "c:wagner": 2}),
    (SYNONYM, "PMK Dortmund", {"p:staatsschutz-do": 3, "c:hoffmann": 2}),
    (SYNONYM, "KOB Nordstadt", {"c:kowalski": 3, "c:bauer": 3, "p:kob-nord": 2}),
    (SYNONYM, "PP Köln", {"p:pp-k": 3, **PP_K_UNITS}),
    (SYNONYM, "RIAS", {"o:rias": 3, "c:weiss": 2, "a:be-antisemitismus": 1}),
    (
        SYNONYM,
        "LKA Berlin",
        {
            "p:lka-be": 3,
            "p:staatsschutz-be": 2,
            "p:praevention-be": 2,
            "c:fischer": 1,
            "c:krause": 1,
        },
    ),
    (SYNONYM, "Roma", {"o:romano": 3, "c:stojka": 2}),
    (
        SYNONYM,
        "lesbisch",
        {"o:lesbenberatung": 3, "p:lsbti-be": 2, "c:lsbti-be": 1, "c:lorenz": 1, "c:wagner": 1},
    ),
    (SYNONYM, "Polizeiliche Staatsschutz PMK Berlin", {"p:staatsschutz-be": 3, "c:fischer": 2}),
    (SYNONYM, "Kontaktbereichsbeamtin", {"c:bauer": 3, "c:kowalski": 2, "p:kob-nord": 1}),
    # --- functions
    (FUNCTION, "Imam", {"c:demir": 3}),
    (FUNCTION, "Vorsitzende", {"c:kaya": 3, "c:oezdemir": 3}),
    (FUNCTION, "Pressesprecher Polizei Dortmund", {"c:mueller": 3}),
    (FUNCTION, "Sachbearbeiter Staatsschutz", {"c:hoffmann": 3, "c:fischer": 3, "c:wolf": 3}),
    (
        FUNCTION,
        "Beraterin",
        {"c:schneider": 3, "c:lorenz": 3, "c:saleh": 3, "c:nowak": 2},
    ),
    (FUNCTION, "Geschäftsführer jüdische Gemeinde", {"c:rosenbaum": 3}),
    (FUNCTION, "Sozialarbeiter", {"c:becker": 3}),
    (
        FUNCTION,
        "Ansprechpartner LSBTI Polizei",
        {"c:wagner": 3, "c:lsbti-be": 3, "p:lsbti-be": 2},
    ),
    (FUNCTION, "Leiterin Kompetenzzentrum", {"c:richter": 3}),
    (FUNCTION, "Abschnittsleiter", {"c:schulz": 3}),
    (FUNCTION, "Imam Dortmund", {"c:demir": 3}),
    # --- place and topic
    (
        PLACE_TOPIC,
        "Antisemitismus Dortmund",
        {"p:staatsschutz-do": 3, "o:jgd": 3, "c:levi": 3, "c:hoffmann": 2},
    ),
    (
        PLACE_TOPIC,
        "Muslimfeindlichkeit Köln",
        {"o:ehrenfeld": 3, "p:kontakt-k": 3, "c:krueger": 2, "c:yilmaz": 2},
    ),
    (PLACE_TOPIC, "Kontaktbeamtin Moschee Köln", {"c:krueger": 3}),
    (PLACE_TOPIC, "Rechtsextremismus Neukölln", {"o:bündnis": 3}),
    (
        PLACE_TOPIC,
        "Queerfeindlichkeit Berlin",
        {
            "p:lsbti-be": 3,
            "c:lsbti-be": 3,
            "o:schwulenberatung": 3,
            "o:lesbenberatung": 3,
            "c:wagner": 2,
            "c:brandt": 1,
            "c:lorenz": 1,
        },
    ),
    (PLACE_TOPIC, "Antiziganismus Berlin", {"o:romano": 3, "c:stojka": 2}),
    (PLACE_TOPIC, "Racial Profiling Köln", {"o:fluechtlingsrat": 3, "c:amini": 2}),
    (
        PLACE_TOPIC,
        "Hasskriminalität Dortmund",
        {"p:staatsschutz-do": 3, "o:backup": 3, "c:hoffmann": 2, "c:schneider": 2},
    ),
    (
        PLACE_TOPIC,
        "Arabisch Beratung Berlin",
        {"o:nour": 3, "o:opferberatung": 3, "c:haddad": 2, "c:saleh": 2},
    ),
    (
        PLACE_TOPIC,
        "Staatsschutz Antisemitismus Dortmund",
        {"c:hoffmann": 3, "p:staatsschutz-do": 3},
    ),
    (PLACE_TOPIC, "Türkisch Moschee Nordstadt", {"o:ditib": 3, "c:kaya": 2, "c:demir": 2}),
    (PLACE_TOPIC, "Beraterin Rassismus Dortmund", {"c:schneider": 3, "c:nowak": 2}),
    # --- person names
    (PERSON, "Aylin Kaya", {"c:kaya": 3}),
    (PERSON, "Kaya", {"c:kaya": 3}),
    (PERSON, "Miriam Levi", {"c:levi": 3}),
    (PERSON, "Hoffmann", {"c:hoffmann": 3}),
    (PERSON, "Grace Okafor", {"c:okafor": 3}),
    (PERSON, "Stojka", {"c:stojka": 3}),
    (PERSON, "Wagner LSBTI", {"c:wagner": 3}),
    (PERSON, "Dr. Rosenbaum", {"c:rosenbaum": 3}),
    (PERSON, "Saleh", {"c:saleh": 3}),
    (PERSON, "Richter Dortmund", {"c:richter": 3}),
    (PERSON, "Frank Müller", {"c:mueller": 3}),
    # --- numbers and short words
    (NUMBER, "Abschnitt 53", {"p:a53": 3, "c:schulz": 2}),
    (NUMBER, "Abschnitt 3", {"p:a3": 3, "c:meier": 2}),
    (NUMBER, "Direktion 5", {"p:dir5": 3, "p:a53": 1, "p:a54": 1, "c:schulz": 1}),
    (NUMBER, "Direktion 3", {"p:dir3": 3, "p:a3": 1, "c:meier": 1}),
    (NUMBER, "LKA 5", {"p:staatsschutz-be": 3, "c:fischer": 1}),
    (NUMBER, "44145", {"o:ditib": 3}),
    (NUMBER, "Abschnitt 54 Neukölln", {"p:a54": 3}),
    # --- nonsense and stop words: nothing
    (NOTHING, "der die das", {}),
    (NOTHING, "und oder aber", {}),
    (NOTHING, "Xylophonquartett", {}),
    (NOTHING, "Kuchenrezept Sonntag", {}),
    (NOTHING, "qwrtzp", {}),
    (NOTHING, "Fußballverein Bayern", {}),
    (NOTHING, "wie ist das Wetter", {}),
    (NOTHING, "Raumfahrt", {}),
    (NOTHING, "Zahnarzt Hamburg", {}),
    # --- events (a title, a format, a word form, a typo, the place and topic)
    (EVENT, "Fachtagung Hasskriminalität", {"e:fachtagung": 3}),
    (EVENT, "Fachtagungen Köln", {"e:fachtagung": 3}),
    (EVENT, "Hospitation", {"e:hospitation": 3}),
    (EVENT, "Hospitaton", {"e:hospitation": 3}),
    (EVENT, "Blick in die Polizei", {"e:hospitation": 3}),
    (EVENT, "Arbeitskreise Antisemitismus", {"e:ak-antisemitismus": 3}),
    (EVENT, "Forum Nordstadt", {"e:forum-do": 3}),
    (EVENT, "Workshop queerfeindlich", {"e:workshop-queer": 3}),
]
