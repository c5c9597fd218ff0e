"""The relevance suite's own small directory: believable German entries (all people and numbers
fictional), independent of the demo, so a change to the demo never moves the figures.

Every entry has a key ("o:…" organisation, "p:…" police unit, "c:…" contact, "a:…" agreement,
"e:…" event) that the graded queries in queries.py name."""

import datetime

from directory.agreements.models import Agreement, AgreementParty
from directory.contacts.models import ConsentBasis, ContactPerson, Visibility
from directory.core.models import Language, Region, Topic
from directory.events.models import Event, Format
from directory.events.models import Visibility as EventVisibility
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.search.models import Synonym

TOPICS = [
    "Antisemitismus",
    "Rassismus",
    "Muslimfeindlichkeit",
    "Antiziganismus",
    "Queerfeindlichkeit",
    "Rechtsextremismus",
    "Hasskriminalität",
    "Racial Profiling",
    "Sicherheit von Gebetsstätten",
    "Beschwerdemanagement",
    "Obdachlosenfeindlichkeit",
]
LANGUAGES = {
    "ar": "Arabisch",
    "tr": "Türkisch",
    "rom": "Romanes",
    "ro": "Rumänisch",
    "en": "Englisch",
    "fa": "Persisch",
    "he": "Hebräisch",
}
# Land > Kreis / kreisfreie Stadt > Bezirk
REGIONS = {
    "Berlin": {"Berlin": ["Neukölln", "Friedrichshain-Kreuzberg", "Mitte", "Spandau"]},
    "Nordrhein-Westfalen": {
        "Dortmund": ["Innenstadt-Nord", "Hörde", "Eving"],
        "Köln": ["Ehrenfeld", "Kalk"],
    },
}

ORGANISATIONS = [
    # key, name, short name, kind, city, postcode, land, topics, regions, languages, description
    (
        "o:jgd",
        "Jüdische Kultusgemeinde Groß-Dortmund",
        "",
        "religious",
        "Dortmund",
        "44137",
        "Nordrhein-Westfalen",
        ["Antisemitismus", "Sicherheit von Gebetsstätten"],
        ["Dortmund"],
        ["he"],
        "Gemeinde mit Synagoge, Religionsschule und Seniorenarbeit im Dortmunder Zentrum.",
    ),
    (
        "o:ditib",
        "DITIB Moscheegemeinde Dortmund-Nord",
        "DITIB Nord",
        "mosque",
        "Dortmund",
        "44145",
        "Nordrhein-Westfalen",
        ["Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"],
        ["Innenstadt-Nord"],
        ["tr"],
        "Moscheegemeinde mit Freitagsgebet, Jugendgruppe und Hausaufgabenhilfe in der Nordstadt.",
    ),
    (
        "o:ehrenfeld",
        "Islamische Gemeinde Köln-Ehrenfeld",
        "",
        "mosque",
        "Köln",
        "50823",
        "Nordrhein-Westfalen",
        ["Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"],
        ["Ehrenfeld"],
        ["tr", "ar"],
        "Moscheegemeinde im Stadtteil Ehrenfeld; Dialogarbeit mit Kirchengemeinden und Schulen.",
    ),
    (
        "o:backup",
        "Back Up – Beratung für Opfer rechtsextremer und rassistischer Gewalt",
        "Back Up",
        "counselling",
        "Dortmund",
        "44135",
        "Nordrhein-Westfalen",
        ["Rechtsextremismus", "Rassismus", "Hasskriminalität"],
        ["Nordrhein-Westfalen"],
        ["en", "tr"],
        "Opferberatung in Westfalen: begleitet Betroffene zu Polizei, Gericht und Ärzt:innen.",
    ),
    (
        "o:opferberatung",
        "Opferberatung Berlin-Mitte",
        "",
        "counselling",
        "Berlin",
        "10115",
        "Berlin",
        ["Rassismus", "Rechtsextremismus", "Antisemitismus", "Hasskriminalität"],
        ["Berlin"],
        ["ar", "tr", "en", "fa"],
        "Beratung für Menschen, die rassistisch, antisemitisch oder rechts motivierte Angriffe "
        "erlebt haben; berlinweit, vertraulich und kostenlos.",
    ),
    (
        "o:rias",
        "Recherche- und Informationsstelle Antisemitismus Berlin",
        "RIAS Berlin",
        "advocacy",
        "Berlin",
        "10969",
        "Berlin",
        ["Antisemitismus"],
        ["Berlin"],
        ["he", "en"],
        "Dokumentiert antisemitische Vorfälle in Berlin und unterstützt Betroffene bei der "
        "Meldung.",
    ),
    (
        "o:schwulenberatung",
        "Schwulenberatung Berlin gGmbH",
        "",
        "counselling",
        "Berlin",
        "10709",
        "Berlin",
        ["Queerfeindlichkeit"],
        ["Berlin"],
        ["en"],
        "Beratung und Wohnprojekte für schwule, bisexuelle und trans* Menschen.",
    ),
    (
        "o:lesbenberatung",
        "Lesbenberatung Berlin e.V.",
        "",
        "counselling",
        "Berlin",
        "10965",
        "Berlin",
        ["Queerfeindlichkeit"],
        ["Friedrichshain-Kreuzberg"],
        ["en"],
        "Beratung für lesbische und bisexuelle Frauen und trans* Personen, auch nach "
        "Gewalterfahrungen.",
    ),
    (
        "o:romano",
        "Romano Drom – Selbstorganisation von Sinti und Roma e.V.",
        "Romano Drom",
        "migrant_org",
        "Berlin",
        "12043",
        "Berlin",
        ["Antiziganismus"],
        ["Neukölln"],
        ["rom", "ro"],
        "Beratung, Bildungsarbeit und Dokumentation antiziganistischer Diskriminierung.",
    ),
    (
        "o:nordstadt",
        "Nachbarschaftsforum Nordstadt e.V.",
        "",
        "migrant_org",
        "Dortmund",
        "44147",
        "Nordrhein-Westfalen",
        ["Rassismus", "Racial Profiling"],
        ["Innenstadt-Nord"],
        ["tr", "ar", "ro"],
        "Antidiskriminierungsberatung und Stadtteilarbeit in der Dortmunder Nordstadt.",
    ),
    (
        "o:hoerde",
        "Jugendtreff Hörde",
        "",
        "youth",
        "Dortmund",
        "44263",
        "Nordrhein-Westfalen",
        ["Rechtsextremismus"],
        ["Hörde"],
        [],
        "Offener Treff für Jugendliche mit Projekten zur Demokratiebildung.",
    ),
    (
        "o:integrationsrat",
        "Integrationsrat der Stadt Dortmund",
        "",
        "council",
        "Dortmund",
        "44122",
        "Nordrhein-Westfalen",
        ["Rassismus"],
        ["Dortmund"],
        [],
        "Gewählte Vertretung der Menschen mit Einwanderungsgeschichte im Rat der Stadt.",
    ),
    (
        "o:bündnis",
        "Bündnis Neukölln gegen Rechts",
        "",
        "network",
        "Berlin",
        "12051",
        "Berlin",
        ["Rechtsextremismus", "Hasskriminalität"],
        ["Neukölln"],
        [],
        "Zusammenschluss von Initiativen, Kirchengemeinden und Gewerbetreibenden im Bezirk.",
    ),
    (
        "o:nour",
        "Frauenberatung Nour",
        "",
        "counselling",
        "Berlin",
        "12047",
        "Berlin",
        ["Rassismus", "Muslimfeindlichkeit"],
        ["Berlin"],
        ["ar", "fa"],
        "Beratung auf Arabisch und Persisch für Frauen nach rassistischen Übergriffen.",
    ),
    (
        "o:fluechtlingsrat",
        "Kölner Flüchtlingsrat e.V.",
        "",
        "advocacy",
        "Köln",
        "50667",
        "Nordrhein-Westfalen",
        ["Rassismus", "Racial Profiling"],
        ["Köln"],
        ["ar", "fa", "en"],
        "Beratung für Geflüchtete und Beschwerdestelle bei diskriminierenden Kontrollen.",
    ),
    (
        "o:kaeltehilfe",
        "Kältehilfe Kreuzberg",
        "",
        "counselling",
        "Berlin",
        "10997",
        "Berlin",
        ["Obdachlosenfeindlichkeit"],
        ["Friedrichshain-Kreuzberg"],
        [],
        "Notübernachtung und Beratung für wohnungslose Menschen.",
    ),
]

POLICE_UNITS = [
    # key, name, short name, kind, parent key, city, jurisdiction, topics, description
    ("p:berlin", "Polizei Berlin", "", "state_police", None, "Berlin", "Berlin", [], ""),
    (
        "p:lka-be",
        "Landeskriminalamt Berlin",
        "LKA Berlin",
        "lka",
        "p:berlin",
        "Berlin",
        "Berlin",
        [],
        "",
    ),
    (
        "p:staatsschutz-be",
        "Polizeilicher Staatsschutz",
        "LKA 5",
        "state_security",
        "p:lka-be",
        "Berlin",
        "Berlin",
        ["Rechtsextremismus", "Antisemitismus", "Hasskriminalität"],
        "Ermittelt bei politisch motivierter Kriminalität.",
    ),
    (
        "p:lsbti-be",
        "Ansprechpersonen für LSBTI*",
        "",
        "lgbti",
        "p:berlin",
        "Berlin",
        "Berlin",
        ["Queerfeindlichkeit"],
        "Ansprechstelle für lesbische, schwule, bi, trans*, intergeschlechtliche Menschen.",
    ),
    (
        "p:praevention-be",
        "Zentralstelle für Prävention",
        "LKA Präv",
        "prevention",
        "p:lka-be",
        "Berlin",
        "Berlin",
        ["Hasskriminalität"],
        "Kriminalprävention, Opferschutz und Präventionsprojekte mit Schulen.",
    ),
    (
        "p:dir5",
        "Direktion 5 (City)",
        "Dir 5",
        "directorate",
        "p:berlin",
        "Berlin",
        "Friedrichshain-Kreuzberg",
        [],
        "",
    ),
    (
        "p:dir3",
        "Direktion 3 (Ost)",
        "Dir 3",
        "directorate",
        "p:berlin",
        "Berlin",
        "Mitte",
        [],
        "",
    ),
    (
        "p:a53",
        "Abschnitt 53",
        "",
        "precinct",
        "p:dir5",
        "Berlin",
        "Friedrichshain-Kreuzberg",
        [],
        "",
    ),
    ("p:a54", "Abschnitt 54", "", "precinct", "p:dir5", "Berlin", "Neukölln", [], ""),
    ("p:a3", "Abschnitt 3", "", "precinct", "p:dir3", "Berlin", "Mitte", [], ""),
    (
        "p:pp-do",
        "Polizeipräsidium Dortmund",
        "PP Dortmund",
        "presidium",
        None,
        "Dortmund",
        "Dortmund",
        [],
        "",
    ),
    (
        "p:staatsschutz-do",
        "Kriminalinspektion Staatsschutz",
        "KI ST",
        "state_security",
        "p:pp-do",
        "Dortmund",
        "Dortmund",
        ["Rechtsextremismus", "Antisemitismus", "Hasskriminalität"],
        "Zuständig für politisch motivierte Straftaten im Präsidialbereich.",
    ),
    (
        "p:dialog-do",
        "Kompetenzzentrum für Dialog und Vertrauensförderung",
        "",
        "dialogue",
        "p:pp-do",
        "Dortmund",
        "Dortmund",
        ["Muslimfeindlichkeit", "Sicherheit von Gebetsstätten", "Racial Profiling"],
        "Vertrauensarbeit mit Gemeinden, Vereinen und Initiativen.",
    ),
    (
        "p:wache-nord",
        "Polizeiwache Nord",
        "",
        "station",
        "p:pp-do",
        "Dortmund",
        "Innenstadt-Nord",
        [],
        "",
    ),
    (
        "p:kob-nord",
        "Bezirksdienst Nordstadt",
        "",
        "community",
        "p:wache-nord",
        "Dortmund",
        "Innenstadt-Nord",
        [],
        "Kontaktbereichsbeamt:innen für die Nordstadt.",
    ),
    ("p:pp-k", "Polizeipräsidium Köln", "PP Köln", "presidium", None, "Köln", "Köln", [], ""),
    (
        "p:staatsschutz-k",
        "Kriminalinspektion Staatsschutz Köln",
        "",
        "state_security",
        "p:pp-k",
        "Köln",
        "Köln",
        ["Rechtsextremismus", "Hasskriminalität"],
        "",
    ),
    (
        "p:kontakt-k",
        "Kontaktstelle muslimische Institutionen",
        "",
        "dialogue",
        "p:pp-k",
        "Köln",
        "Köln",
        ["Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"],
        "Ansprechstelle für Moscheegemeinden und islamische Verbände.",
    ),
]

CONTACTS = [
    # key, affiliation key, title, first name, last name, functional title, function, topics,
    # languages
    ("c:kaya", "o:ditib", "", "Aylin", "Kaya", "", "Vorsitzende", [], ["tr"]),
    ("c:demir", "o:ditib", "", "Mehmet", "Demir", "", "Imam", [], ["tr", "ar"]),
    (
        "c:levi",
        "o:jgd",
        "",
        "Miriam",
        "Levi",
        "",
        "Antisemitismusbeauftragte",
        ["Antisemitismus"],
        ["he"],
    ),
    ("c:rosenbaum", "o:jgd", "Dr.", "Daniel", "Rosenbaum", "", "Geschäftsführer", [], []),
    ("c:yilmaz", "o:ehrenfeld", "", "Emre", "Yılmaz", "", "Dialogbeauftragter", [], ["tr"]),
    ("c:schneider", "o:backup", "", "Katrin", "Schneider", "", "Beraterin", [], ["en"]),
    ("c:okafor", "o:opferberatung", "", "Grace", "Okafor", "", "Projektleitung", [], ["en"]),
    ("c:haddad", "o:opferberatung", "", "Rami", "Haddad", "", "Berater", [], ["ar"]),
    ("c:weiss", "o:rias", "", "Johanna", "Weiß", "", "Referentin für Meldungen", [], []),
    (
        "c:brandt",
        "o:schwulenberatung",
        "",
        "Tobias",
        "Brandt",
        "",
        "Berater Gewaltprävention",
        [],
        [],
    ),
    ("c:lorenz", "o:lesbenberatung", "", "Sanne", "Lorenz", "", "Beraterin", [], []),
    ("c:stojka", "o:romano", "", "Marian", "Stojka", "", "Projektkoordinator", [], ["rom", "ro"]),
    ("c:nowak", "o:nordstadt", "", "Ewa", "Nowak", "", "Antidiskriminierungsberaterin", [], ["ro"]),
    ("c:becker", "o:hoerde", "", "Lukas", "Becker", "", "Sozialarbeiter", [], []),
    ("c:oezdemir", "o:integrationsrat", "", "Selin", "Özdemir", "", "Vorsitzende", [], ["tr"]),
    ("c:saleh", "o:nour", "", "Layla", "Saleh", "", "Beraterin", [], ["ar", "fa"]),
    ("c:amini", "o:fluechtlingsrat", "", "Reza", "Amini", "", "Berater", [], ["fa"]),
    # police
    (
        "c:lsbti-be",
        "p:lsbti-be",
        "",
        "",
        "",
        "Ansprechstelle LSBTI* der Polizei Berlin",
        "",
        ["Queerfeindlichkeit"],
        [],
    ),
    ("c:wagner", "p:lsbti-be", "", "Anne", "Wagner", "", "Ansprechperson für LSBTI*", [], []),
    ("c:fischer", "p:staatsschutz-be", "", "Stefan", "Fischer", "", "Sachbearbeiter", [], []),
    ("c:krause", "p:praevention-be", "", "Petra", "Krause", "", "Präventionsbeauftragte", [], []),
    ("c:schulz", "p:a53", "", "Markus", "Schulz", "", "Abschnittsleiter", [], []),
    ("c:meier", "p:a3", "", "Jana", "Meier", "", "Präventionsbeauftragte", [], []),
    (
        "c:hoffmann",
        "p:staatsschutz-do",
        "",
        "Jens",
        "Hoffmann",
        "",
        "Sachbearbeiter Staatsschutz",
        [],
        [],
    ),
    ("c:richter", "p:dialog-do", "", "Nadine", "Richter", "", "Leiterin", [], []),
    ("c:kowalski", "p:kob-nord", "", "Piotr", "Kowalski", "", "Kontaktbereichsbeamter", [], ["ro"]),
    ("c:bauer", "p:kob-nord", "", "Sandra", "Bauer", "", "Kontaktbereichsbeamtin", [], []),
    ("c:krueger", "p:kontakt-k", "", "Sabine", "Krüger", "", "Kontaktbeamtin", [], []),
    ("c:wolf", "p:staatsschutz-k", "", "Thomas", "Wolf", "", "Sachbearbeiter", [], []),
    ("c:mueller", "p:pp-do", "", "Frank", "Müller", "", "Pressesprecher", [], []),
]

AGREEMENTS = [
    # key, title, topics, party keys
    (
        "a:do-moschee",
        "Kooperationsvereinbarung Sicherheit der Moscheegemeinden in Dortmund",
        ["Sicherheit von Gebetsstätten"],
        ["p:pp-do", "o:ditib"],
    ),
    (
        "a:be-antisemitismus",
        "Vereinbarung zur Meldung antisemitischer Vorfälle in Berlin",
        ["Antisemitismus"],
        ["p:berlin", "o:rias"],
    ),
]

EVENTS = [
    # key, title, format, region, place, topics, organiser keys, description
    (
        "e:forum-do",
        "Forum Sicherheit und Vielfalt in der Nordstadt",
        "Forum",
        "Dortmund",
        "Dietrich-Keuning-Haus, Leopoldstraße 50, Dortmund",
        ["Muslimfeindlichkeit", "Rassismus"],
        ["p:pp-do", "o:ditib"],
        "Zweites Forum der Polizei mit ihren Partnerorganisationen aus der Nordstadt.",
    ),
    (
        "e:ak-antisemitismus",
        "Arbeitskreis Antisemitismus",
        "Arbeitskreis",
        "Berlin",
        "",
        ["Antisemitismus"],
        ["o:rias"],
        "Treffen der Meldestellen und der Polizei zu antisemitischen Vorfällen.",
    ),
    (
        "e:hospitation",
        "Blick in die Polizei: Hospitation auf der Wache Nord",
        "Hospitation",
        "Innenstadt-Nord",
        "",
        [],
        ["p:wache-nord"],
        "Vertreter:innen von Gemeinden begleiten einen Tag lang den Dienst.",
    ),
    (
        "e:fachtagung",
        "Fachtagung Hasskriminalität erkennen und anzeigen",
        "Fachtagung",
        "Köln",
        "Gürzenich, Martinstraße 29, Köln",
        ["Hasskriminalität"],
        [],
        "Anzeigeverhalten, Beratung und Strafverfolgung im Gespräch.",
    ),
    (
        "e:workshop-queer",
        "Workshop queerfeindliche Gewalt melden",
        "Workshop",
        "Neukölln",
        "",
        ["Queerfeindlichkeit"],
        ["o:schwulenberatung"],
        "",
    ),
]

# The synonyms the office starts with (search migration 0002), here so that the figures do not
# depend on what an earlier test left in the table.
SYNONYMS = {
    "LSBTI*": "LSBTIQ*, LGBTIQ, queer, lesbisch, schwul, trans, bisexuell, intergeschlechtlich",
    "Staatsschutz": "PMK, politisch motivierte Kriminalität",
    "KOB": "Kontaktbereichsbeamt, Bezirksdienst",
    "PP": "Polizeipräsidium",
    "LKA": "Landeskriminalamt",
    "BKA": "Bundeskriminalamt",
    "Muslimfeindlichkeit": "antimuslimischer Rassismus, Islamfeindlichkeit",
    "Antiziganismus": "Rassismus gegen Sinti und Roma, Romafeindlichkeit",
}


def build():
    """Create the corpus; returns {key: entry}."""
    Synonym.objects.all().delete()
    for term, alternatives in SYNONYMS.items():
        Synonym.objects.create(term=term, alternatives=alternatives)
    topics = {name: Topic.objects.create(name=name) for name in TOPICS}
    languages = {
        code: Language.objects.create(code=code, name=name) for code, name in LANGUAGES.items()
    }
    regions = {}
    for land, districts in REGIONS.items():
        regions[land] = Region.objects.create(name=land, kind=Region.Kind.LAND)
        for district, boroughs in districts.items():
            parent = Region.objects.create(
                name=district, kind=Region.Kind.DISTRICT, parent=regions[land]
            )
            regions.setdefault(district, parent)
            for borough in boroughs:
                regions[borough] = Region.objects.create(
                    name=borough, kind=Region.Kind.BOROUGH, parent=parent
                )
    entries = {}
    for key, name, short, kind, city, postcode, land, tops, regs, langs, text in ORGANISATIONS:
        org = Organisation.objects.create(
            name=name,
            short_name=short,
            kind=kind,
            legal_form=Organisation.LegalForm.REGISTERED_ASSOCIATION,
            city=city,
            postcode=postcode,
            land=regions[land],
            description=text,
            is_public=True,
        )
        org.topics.set([topics[t] for t in tops])
        org.regions.set([regions[r] for r in regs])
        org.languages.set([languages[code] for code in langs])
        entries[key] = org
    for key, name, short, kind, parent, city, region, tops, text in POLICE_UNITS:
        unit = PoliceUnit.objects.create(
            name=name,
            short_name=short,
            kind=kind,
            parent=entries[parent] if parent else None,
            city=city,
            land=regions["Berlin" if city == "Berlin" else "Nordrhein-Westfalen"],
            jurisdiction=regions[region],
            description=text,
        )
        unit.topics.set([topics[t] for t in tops])
        entries[key] = unit
    for key, at, title, first, last, functional, function, tops, langs in CONTACTS:
        affiliation = entries[at]
        contact = ContactPerson.objects.create(
            organisation=affiliation if at.startswith("o:") else None,
            police_unit=affiliation if at.startswith("p:") else None,
            title=title,
            first_name=first,
            last_name=last,
            functional_title=functional,
            function=function,
            visibility=Visibility.MEMBERS,
            consent_given_on=datetime.date(2026, 3, 2),
            consent_basis=ConsentBasis.WRITTEN,
        )
        contact.topics.set([topics[t] for t in tops])
        contact.languages.set([languages[code] for code in langs])
        entries[key] = contact
    for key, title, tops, parties in AGREEMENTS:
        agreement = Agreement.objects.create(
            title=title, status=Agreement.Status.ACTIVE, is_public=True
        )
        agreement.topics.set([topics[t] for t in tops])
        for party in parties:
            AgreementParty.objects.create(
                agreement=agreement,
                organisation=entries[party] if party.startswith("o:") else None,
                police_unit=entries[party] if party.startswith("p:") else None,
            )
        entries[key] = agreement
    for key, title, format_name, region, place, tops, organisers, text in EVENTS:
        event = Event.objects.create(
            title=title,
            format=Format.objects.get_or_create(name=format_name)[0],
            starts_at=datetime.datetime(2026, 9, 17, 10, tzinfo=datetime.UTC),
            region=regions[region],
            place=place,
            description=text,
            visibility=EventVisibility.MEMBERS,
        )
        event.topics.set([topics[t] for t in tops])
        event.organisations.set([entries[k] for k in organisers if k.startswith("o:")])
        event.police_units.set([entries[k] for k in organisers if k.startswith("p:")])
        entries[key] = event
    return entries
