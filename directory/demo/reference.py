"""Reference vocabulary every directory starts with: topics, Länder and cities, languages."""

TOPICS = {
    "phenomenon": [
        "Rassismus",
        "Antisemitismus",
        "Muslimfeindlichkeit",
        "Antiziganismus",
        "Queerfeindlichkeit",
        "Sexismus",
        "Behindertenfeindlichkeit",
        "Obdachlosenfeindlichkeit",
        "Rechtsextremismus",
        "Religiös begründeter Extremismus",
        "Hasskriminalität",
        "Antischwarzer Rassismus",
    ],
    "field": [
        "Racial Profiling",
        "Beschwerdemanagement",
        "Sicherheit von Gebetsstätten",
        "Opferberatung",
        "Prävention",
        "Jugendarbeit",
        "Dialog und Vertrauensbildung",
        "Interkulturelle Kompetenz",
        "Anzeigeerstattung",
    ],
}

LANDS = [
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
]

# Kreise / kreisfreie Städte per Land (a selection), with Bezirke where the demo uses them.
DISTRICTS = {
    "Baden-Württemberg": ["Stuttgart", "Mannheim", "Karlsruhe", "Freiburg im Breisgau"],
    "Bayern": ["München", "Nürnberg", "Augsburg", "Regensburg"],
    "Berlin": ["Berlin"],
    "Brandenburg": ["Potsdam", "Cottbus", "Landkreis Oder-Spree"],
    "Bremen": ["Bremen", "Bremerhaven"],
    "Hamburg": ["Hamburg"],
    "Hessen": ["Frankfurt am Main", "Wiesbaden", "Kassel", "Offenbach am Main"],
    "Mecklenburg-Vorpommern": ["Rostock", "Schwerin", "Landkreis Vorpommern-Greifswald"],
    "Niedersachsen": ["Hannover", "Braunschweig", "Osnabrück", "Göttingen"],
    "Nordrhein-Westfalen": [
        "Dortmund",
        "Köln",
        "Düsseldorf",
        "Essen",
        "Bochum",
        "Gelsenkirchen",
        "Duisburg",
        "Bielefeld",
        "Münster",
    ],
    "Rheinland-Pfalz": ["Mainz", "Ludwigshafen am Rhein", "Koblenz"],
    "Saarland": ["Saarbrücken", "Landkreis Neunkirchen"],
    "Sachsen": ["Leipzig", "Dresden", "Chemnitz"],
    "Sachsen-Anhalt": ["Magdeburg", "Halle (Saale)"],
    "Schleswig-Holstein": ["Kiel", "Lübeck", "Kreis Pinneberg"],
    "Thüringen": ["Erfurt", "Jena", "Gera"],
}

BOROUGHS = {
    "Berlin": [
        "Mitte",
        "Friedrichshain-Kreuzberg",
        "Pankow",
        "Charlottenburg-Wilmersdorf",
        "Spandau",
        "Steglitz-Zehlendorf",
        "Tempelhof-Schöneberg",
        "Neukölln",
        "Treptow-Köpenick",
        "Marzahn-Hellersdorf",
        "Lichtenberg",
        "Reinickendorf",
    ],
    "Dortmund": [
        "Innenstadt-West",
        "Innenstadt-Nord",
        "Innenstadt-Ost",
        "Eving",
        "Scharnhorst",
        "Brackel",
        "Aplerbeck",
        "Hörde",
        "Hombruch",
        "Lütgendortmund",
        "Huckarde",
        "Mengede",
    ],
}

POSTCODE_PREFIX = {
    "Stuttgart": "70", "Mannheim": "68", "Karlsruhe": "76", "Freiburg im Breisgau": "79",
    "München": "80", "Nürnberg": "90", "Augsburg": "86", "Regensburg": "93",
    "Berlin": "10", "Potsdam": "14", "Cottbus": "03", "Landkreis Oder-Spree": "15",
    "Bremen": "28", "Bremerhaven": "27", "Hamburg": "20", "Frankfurt am Main": "60",
    "Wiesbaden": "65", "Kassel": "34", "Offenbach am Main": "63", "Rostock": "18",
    "Schwerin": "19", "Landkreis Vorpommern-Greifswald": "17", "Hannover": "30",
    "Braunschweig": "38", "Osnabrück": "49", "Göttingen": "37", "Dortmund": "44",
    "Köln": "50", "Düsseldorf": "40", "Essen": "45", "Bochum": "44", "Gelsenkirchen": "45",
    "Duisburg": "47", "Bielefeld": "33", "Münster": "48", "Mainz": "55",
    "Ludwigshafen am Rhein": "67", "Koblenz": "56", "Saarbrücken": "66",
    "Landkreis Neunkirchen": "66", "Leipzig": "04", "Dresden": "01", "Chemnitz": "09",
    "Magdeburg": "39", "Halle (Saale)": "06", "Kiel": "24", "Lübeck": "23",
    "Kreis Pinneberg": "25", "Erfurt": "99", "Jena": "07", "Gera": "07",
}  # fmt: skip

LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "Englisch"),
    ("tr", "Türkisch"),
    ("ar", "Arabisch"),
    ("ru", "Russisch"),
    ("uk", "Ukrainisch"),
    ("pl", "Polnisch"),
    ("fr", "Französisch"),
    ("fa", "Persisch"),
    ("prs", "Dari"),
    ("ps", "Paschtu"),
    ("ku", "Kurdisch"),
    ("rom", "Romanes"),
    ("bs", "Bosnisch"),
    ("ro", "Rumänisch"),
    ("bg", "Bulgarisch"),
    ("ti", "Tigrinya"),
    ("so", "Somali"),
    ("vi", "Vietnamesisch"),
    ("sq", "Albanisch"),
    ("es", "Spanisch"),
    ("it", "Italienisch"),
    ("el", "Griechisch"),
    ("gsg", "Deutsche Gebärdensprache"),
    ("he", "Hebräisch"),
]

# Telephone area codes (Vorwahlen) of the cities above.
AREA_CODES = {
    "Stuttgart": "0711", "Mannheim": "0621", "Karlsruhe": "0721", "Freiburg im Breisgau": "0761",
    "München": "089", "Nürnberg": "0911", "Augsburg": "0821", "Regensburg": "0941",
    "Berlin": "030", "Potsdam": "0331", "Cottbus": "0355", "Landkreis Oder-Spree": "03361",
    "Bremen": "0421", "Bremerhaven": "0471", "Hamburg": "040", "Frankfurt am Main": "069",
    "Wiesbaden": "0611", "Kassel": "0561", "Offenbach am Main": "069", "Rostock": "0381",
    "Schwerin": "0385", "Landkreis Vorpommern-Greifswald": "03834", "Hannover": "0511",
    "Braunschweig": "0531", "Osnabrück": "0541", "Göttingen": "0551", "Dortmund": "0231",
    "Köln": "0221", "Düsseldorf": "0211", "Essen": "0201", "Bochum": "0234",
    "Gelsenkirchen": "0209", "Duisburg": "0203", "Bielefeld": "0521", "Münster": "0251",
    "Mainz": "06131", "Ludwigshafen am Rhein": "0621", "Koblenz": "0261", "Saarbrücken": "0681",
    "Landkreis Neunkirchen": "06821", "Leipzig": "0341", "Dresden": "0351", "Chemnitz": "0371",
    "Magdeburg": "0391", "Halle (Saale)": "0345", "Kiel": "0431", "Lübeck": "0451",
    "Kreis Pinneberg": "04101", "Erfurt": "0361", "Jena": "03641", "Gera": "0365",
}  # fmt: skip

# Every phone number in the demo is invented, as every person is; none may ring a real line.
# The Bundesnetzagentur keeps numbers free for film, television and other media ("Drama
# Numbers", Mitteilung 148/2021, Amtsblatt 7/2021): 1000 landline numbers each in five local
# networks (the block after the area code, then 000-999) and, in the mobile networks, Telekom's
# 0171 39200 00-99 among others.
FICTION_RANGES = {"030": "23125", "040": "66969", "069": "90009", "0221": "4710", "089": "99998"}
FICTION_MOBILE = "0171 39200"
# Other cities (Dortmund's 0231 among them) have no such range. There the demo writes a
# subscriber number that begins with 0 ("0231 099 4711"): 0 is the trunk prefix, so no local
# network assigns a number beginning with it, and the area code stays the city's own.
NO_LINE_PREFIX = "099"

# Postcodes of the Bezirke the demo places entries in.
BOROUGH_POSTCODES = {
    ("Berlin", "Mitte"): ["10115", "10117", "10178", "10551", "10557", "13347", "13353"],
    ("Berlin", "Friedrichshain-Kreuzberg"): ["10243", "10245", "10961", "10965", "10997"],
    ("Berlin", "Pankow"): ["10405", "10439", "13187", "13189"],
    ("Berlin", "Charlottenburg-Wilmersdorf"): ["10585", "10627", "10707", "10713"],
    ("Berlin", "Spandau"): ["13581", "13583", "13597"],
    ("Berlin", "Steglitz-Zehlendorf"): ["12163", "12165", "12249", "14163"],
    ("Berlin", "Tempelhof-Schöneberg"): ["10777", "10781", "10827", "12099", "12103"],
    ("Berlin", "Neukölln"): ["12043", "12045", "12047", "12051", "12055", "12359"],
    ("Berlin", "Treptow-Köpenick"): ["12435", "12439", "12555"],
    ("Berlin", "Marzahn-Hellersdorf"): ["12619", "12627", "12681"],
    ("Berlin", "Lichtenberg"): ["10315", "10365", "13055"],
    ("Berlin", "Reinickendorf"): ["13403", "13407", "13437", "13507"],
    ("Dortmund", "Innenstadt-West"): ["44135", "44137", "44139"],
    ("Dortmund", "Innenstadt-Nord"): ["44145", "44147"],
    ("Dortmund", "Innenstadt-Ost"): ["44141", "44143"],
    ("Dortmund", "Eving"): ["44339"],
    ("Dortmund", "Scharnhorst"): ["44328"],
    ("Dortmund", "Brackel"): ["44309"],
    ("Dortmund", "Aplerbeck"): ["44287"],
    ("Dortmund", "Hörde"): ["44263"],
    ("Dortmund", "Hombruch"): ["44225"],
    ("Dortmund", "Lütgendortmund"): ["44388"],
    ("Dortmund", "Huckarde"): ["44369"],
    ("Dortmund", "Mengede"): ["44359"],
}
