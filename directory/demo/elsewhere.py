"""Everything outside Dortmund and Berlin: federal bodies, the rest of Nordrhein-Westfalen,
Hamburg and Sachsen in some detail, and every other Land lightly (its police with one local
unit, two organisations), so that filtering by Land shows something everywhere.

Police and federal bodies are named as they are called; the local organisations here are
fictional, built from the kinds of organisations the source texts describe."""

from directory.contacts.models import Visibility
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from . import dortmund, reference
from .spec import Mailbox, Org, Person, Unit, city, land

Kind = Organisation.Kind
Form = Organisation.LegalForm
U = PoliceUnit.Kind
STAATSSCHUTZ = dortmund.STAATSSCHUTZ

FEDERAL = [
    Unit(
        "Bundeskriminalamt",
        U.FEDERAL_AGENCY,
        short="BKA",
        level="federal",
        seat=city("Wiesbaden"),
        topics=("Hasskriminalität", "Rechtsextremismus", "Religiös begründeter Extremismus"),
        description="Zentralstelle der deutschen Kriminalpolizei; wertet politisch motivierte "
        "Kriminalität bundesweit aus und unterstützt die Länder.",
        children=(
            Unit(
                "Zentrale Meldestelle für strafbare Inhalte im Internet",
                U.OTHER_FUNCTION,
                short="ZMI",
                level="federal",
                seat=city("Wiesbaden"),
                topics=("Hasskriminalität",),
                description="Nimmt Meldungen strafbarer Hassinhalte im Internet entgegen, "
                "prüft sie und leitet sie an die zuständigen Länder weiter.",
                mailboxes=(
                    Mailbox("Zentrale Meldestelle für strafbare Inhalte im Internet", "zmi"),
                ),
            ),
        ),
    ),
    Unit(
        "Bundespolizei",
        U.FEDERAL_AGENCY,
        level="federal",
        seat=city("Potsdam"),
        description="Grenzschutz, Bahnpolizei und Luftsicherheit; Ansprechpartnerin bei "
        "Vorfällen an Bahnhöfen und Flughäfen.",
    ),
]

KOSIZU = Org(
    "Kooperationsnetzwerk Sicher Zusammenleben (KoSiZu) beim BAMF",
    "KoSiZu",
    Form.PUBLIC_BODY,
    Kind.NETWORK,
    city("Nürnberg"),
    (
        "Muslimfeindlichkeit",
        "Religiös begründeter Extremismus",
        "Sicherheit von Gebetsstätten",
        "Dialog und Vertrauensbildung",
    ),
    ("Englisch",),
    "Bringt bundesweit Sicherheitsbehörden und muslimische Akteure ins Gespräch: baut ein "
    "Netz von Ansprechpersonen auf, richtet Austauschformate und jährliche Fachtagungen aus "
    "und fördert Kooperationsprojekte. 2008 als Clearingstelle Präventionskooperation auf "
    "Beschluss der Deutschen Islam Konferenz gegründet.",
    "Polizeibehörden von Bund und Ländern, Moscheegemeinden und muslimische Organisationen",
    regions=tuple(land(name) for name in reference.LANDS),
    mailboxes=(Mailbox("Geschäftsstelle KoSiZu", "sicher.zusammenleben"),),
)

NRW = Unit(
    "Polizei Nordrhein-Westfalen",
    U.STATE_POLICE,
    land("Nordrhein-Westfalen"),
    short="Polizei NRW",
    seat=city("Düsseldorf"),
    children=(
        Unit(
            "Landeskriminalamt Nordrhein-Westfalen",
            U.LKA,
            land("Nordrhein-Westfalen"),
            short="LKA NRW",
            seat=city("Düsseldorf"),
            description="Zentralstelle der Kriminalpolizei in Nordrhein-Westfalen.",
            children=(
                Unit(
                    "Abteilung Polizeilicher Staatsschutz",
                    U.STATE_SECURITY,
                    land("Nordrhein-Westfalen"),
                    seat=city("Düsseldorf"),
                    topics=STAATSSCHUTZ,
                    description="Koordiniert die Staatsschutzdienststellen der Präsidien, "
                    "wertet politisch motivierte Kriminalität landesweit aus.",
                    mailboxes=(
                        Mailbox(
                            "Staatsschutz LKA NRW",
                            "staatsschutz.lka",
                            visibility=Visibility.MEMBERS,
                        ),
                    ),
                ),
            ),
        ),
        dortmund.POLICE,
        Unit(
            "Polizeipräsidium Köln",
            U.PRESIDIUM,
            city("Köln"),
            short="PP Köln",
            description="Kreispolizeibehörde für Köln und Leverkusen.",
            children=(
                Unit(
                    "Kriminalinspektion Staatsschutz",
                    U.STATE_SECURITY,
                    city("Köln"),
                    topics=STAATSSCHUTZ,
                    description="Staatsschutz des Präsidiums Köln mit Kontaktbeamt:innen "
                    "für muslimische Institutionen.",
                    people=(
                        Person(
                            (
                                "Kontaktbeamtin für muslimische Institutionen (KMI)",
                                "Kontaktbeamter für muslimische Institutionen (KMI)",
                            ),
                            topics=("Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"),
                            languages=("Türkisch",),
                        ),
                    ),
                ),
                Unit(
                    "Ansprechpersonen für LSBTI*",
                    U.LGBTI_CONTACT,
                    city("Köln"),
                    topics=("Queerfeindlichkeit",),
                    mailboxes=(
                        Mailbox("Ansprechpersonen für LSBTI* der Polizei Köln", "lsbti.koeln"),
                    ),
                ),
            ),
        ),
    ),
)

HAMBURG = Unit(
    "Polizei Hamburg",
    U.STATE_POLICE,
    land("Hamburg"),
    seat=city("Hamburg"),
    children=(
        Unit(
            "Landeskriminalamt Hamburg",
            U.LKA,
            city("Hamburg"),
            short="LKA Hamburg",
            children=(
                Unit(
                    "LKA 7 – Staatsschutz",
                    U.STATE_SECURITY,
                    city("Hamburg"),
                    short="LKA 7",
                    topics=STAATSSCHUTZ,
                    description="Staatsschutz der Polizei Hamburg: politisch motivierte "
                    "Kriminalität und Hasskriminalität.",
                    people=(
                        Person(
                            (
                                "Sachbearbeiterin Hasskriminalität",
                                "Sachbearbeiter Hasskriminalität",
                            ),
                            topics=("Hasskriminalität",),
                        ),
                    ),
                ),
            ),
        ),
        Unit(
            "Ansprechpersonen für LSBTI*",
            U.LGBTI_CONTACT,
            city("Hamburg"),
            topics=("Queerfeindlichkeit",),
            description="Ansprechpersonen der Polizei Hamburg für queere Menschen und für "
            "Kolleginnen und Kollegen.",
            people=(Person("Ansprechperson für LSBTI*", languages=("Englisch",)),),
            mailboxes=(Mailbox("Ansprechpersonen für LSBTI* der Polizei Hamburg", "lsbti"),),
        ),
    ),
)

SACHSEN = Unit(
    "Polizei Sachsen",
    U.STATE_POLICE,
    land("Sachsen"),
    seat=city("Dresden"),
    children=(
        Unit(
            "Landeskriminalamt Sachsen",
            U.LKA,
            land("Sachsen"),
            short="LKA Sachsen",
            seat=city("Dresden"),
            children=(
                Unit(
                    "Polizeiliches Terrorismus- und Extremismus-Abwehrzentrum",
                    U.STATE_SECURITY,
                    land("Sachsen"),
                    short="PTAZ",
                    seat=city("Dresden"),
                    topics=STAATSSCHUTZ,
                    description="Bündelt im Landeskriminalamt die Bekämpfung von "
                    "politisch motiviertem Extremismus und Terrorismus in Sachsen.",
                    people=(
                        Person(
                            (
                                "Sachbearbeiterin Politisch motivierte Kriminalität -rechts-",
                                "Sachbearbeiter Politisch motivierte Kriminalität -rechts-",
                            ),
                            topics=("Rechtsextremismus",),
                        ),
                    ),
                ),
            ),
        ),
        Unit(
            "Polizeidirektion Dresden",
            U.PRESIDIUM,
            city("Dresden"),
            short="PD Dresden",
            children=(
                Unit(
                    "Ansprechperson für LSBTIQ*",
                    U.LGBTI_CONTACT,
                    city("Dresden"),
                    topics=("Queerfeindlichkeit",),
                    mailboxes=(
                        Mailbox(
                            "Ansprechperson für LSBTIQ* der Polizeidirektion Dresden",
                            "lsbtiq.dresden",
                        ),
                    ),
                ),
            ),
        ),
        Unit(
            "Polizeidirektion Leipzig",
            U.PRESIDIUM,
            city("Leipzig"),
            short="PD Leipzig",
            children=(
                Unit(
                    "Fachdienst Prävention",
                    U.PREVENTION,
                    city("Leipzig"),
                    topics=("Prävention", "Interkulturelle Kompetenz"),
                    people=(
                        Person(
                            ("Präventionsbeauftragte", "Präventionsbeauftragter"), review="stale"
                        ),
                    ),
                ),
            ),
        ),
        Unit("Polizeidirektion Chemnitz", U.PRESIDIUM, city("Chemnitz"), short="PD Chemnitz"),
    ),
)

# (kind, name, legal form, topics, languages, description, target groups) of a fictional
# local organisation; {city} is its city.
TEMPLATES = {
    "mosque": (
        Kind.MOSQUE,
        "Moscheegemeinde {city} e.V.",
        Form.REGISTERED_ASSOCIATION,
        ("Muslimfeindlichkeit", "Sicherheit von Gebetsstätten", "Dialog und Vertrauensbildung"),
        ("Türkisch", "Arabisch"),
        "Moscheegemeinde mit Freitagsgebet, Koranunterricht und Jugendarbeit; öffnet die "
        "Moschee für Schulklassen und Nachbarschaft und steht mit der örtlichen Polizei "
        "im Sicherheitsdialog.",
        "Gemeindemitglieder, Nachbarschaft",
    ),
    "antidiscrimination": (
        Kind.COUNSELLING,
        "Antidiskriminierungsberatung {city}",
        Form.REGISTERED_ASSOCIATION,
        ("Rassismus", "Racial Profiling", "Opferberatung"),
        ("Englisch", "Arabisch", "Türkisch"),
        "Unabhängige Beratung für Menschen, die Diskriminierung erleben: am "
        "Arbeitsplatz, bei der Wohnungssuche, in Behörden oder durch die "
        "Polizei. Begleitet bei Beschwerden.",
        "Von Diskriminierung Betroffene",
    ),
    "victims": (
        Kind.COUNSELLING,
        "Opferberatung {city}",
        Form.REGISTERED_ASSOCIATION,
        ("Opferberatung", "Rechtsextremismus", "Rassismus", "Antisemitismus"),
        ("Englisch", "Russisch"),
        "Beratung für Betroffene rechter, rassistischer und antisemitischer Gewalt und "
        "ihre Angehörigen: kostenlos, vertraulich, auf Wunsch aufsuchend.",
        "Betroffene, Angehörige, Zeug:innen",
    ),
    "youth": (
        Kind.YOUTH,
        "Kinder- und Jugendhaus {city}-Mitte",
        Form.REGISTERED_ASSOCIATION,
        ("Jugendarbeit", "Prävention"),
        ("Türkisch", "Arabisch", "Englisch"),
        "Offene Kinder- und Jugendarbeit mit Hausaufgabenhilfe, Sport und Medienprojekten; "
        "Workshops zu Demokratie und gegen Diskriminierung.",
        "Kinder und Jugendliche",
    ),
    "alliance": (
        Kind.NETWORK,
        "Bündnis gegen Rassismus {city}",
        Form.INITIATIVE,
        ("Rassismus", "Rechtsextremismus"),
        ("Englisch",),
        "Zusammenschluss von Vereinen, Gewerkschaften und Religionsgemeinschaften; "
        "organisiert die Internationalen Wochen gegen Rassismus und Gedenkveranstaltungen.",
        "Öffentlichkeit",
    ),
    "queer": (
        Kind.ADVOCACY,
        "Queeres Netzwerk {city} e.V.",
        Form.REGISTERED_ASSOCIATION,
        ("Queerfeindlichkeit", "Opferberatung"),
        ("Englisch",),
        "Interessenvertretung und Beratung für lesbische, schwule, bisexuelle, trans*, "
        "inter* und queere Menschen; dokumentiert queerfeindliche Vorfälle.",
        "LSBTIQ* und ihre Angehörigen",
    ),
    "african": (
        Kind.MIGRANT_ORGANISATION,
        "Afrikanischer Kulturverein {city} e.V.",
        Form.REGISTERED_ASSOCIATION,
        ("Antischwarzer Rassismus", "Rassismus"),
        ("Englisch", "Französisch"),
        "Verein afrikanischer und afrodiasporischer Menschen: Kulturveranstaltungen, "
        "Elternarbeit und Empowerment gegen Rassismus.",
        "Afrodiasporische Communities",
    ),
    "roma": (
        Kind.ADVOCACY,
        "Roma-Selbstorganisation {city} e.V.",
        Form.REGISTERED_ASSOCIATION,
        ("Antiziganismus",),
        ("Romanes", "Rumänisch"),
        "Selbstorganisation von Sinti und Roma: Beratung, Bildungsarbeit und "
        "Dokumentation antiziganistischer Vorfälle.",
        "Sinti und Roma",
    ),
    "homeless": (
        Kind.OTHER,
        "Wohnungslosenhilfe {city} e.V.",
        Form.REGISTERED_ASSOCIATION,
        ("Obdachlosenfeindlichkeit", "Opferberatung"),
        ("Polnisch", "Rumänisch"),
        "Tagesaufenthalt, Beratung und Straßensozialarbeit für wohnungslose Menschen; "
        "dokumentiert Gewalt gegen Obdachlose.",
        "Wohnungslose Menschen",
    ),
    "disability": (
        Kind.COUNSELLING,
        "Beratungsstelle für Menschen mit Behinderung {city}",
        Form.REGISTERED_ASSOCIATION,
        ("Behindertenfeindlichkeit", "Opferberatung"),
        ("Deutsche Gebärdensprache",),
        "Peer-Beratung von Menschen mit Behinderung für Menschen mit Behinderung, "
        "auch bei Diskriminierung und Gewalt.",
        "Menschen mit Behinderung",
    ),
    "women": (
        Kind.COUNSELLING,
        "Frauenberatungsstelle {city}",
        Form.REGISTERED_ASSOCIATION,
        ("Sexismus", "Opferberatung"),
        ("Englisch", "Türkisch", "Arabisch"),
        "Beratung für Frauen bei Gewalt, Diskriminierung und in Krisen; Begleitung zu "
        "Polizei und Gericht.",
        "Frauen und Mädchen",
    ),
    "alevi": (
        Kind.RELIGIOUS,
        "Alevitische Gemeinde {city} e.V.",
        Form.REGISTERED_ASSOCIATION,
        ("Rassismus", "Sicherheit von Gebetsstätten", "Dialog und Vertrauensbildung"),
        ("Türkisch", "Kurdisch"),
        "Alevitische Gemeinde mit Cemevi, Jugend- und Frauengruppe; engagiert im "
        "interreligiösen Dialog.",
        "Gemeindemitglieder",
    ),
    "education": (
        Kind.EDUCATION,
        "Bildungswerk für Demokratie {city}",
        Form.REGISTERED_ASSOCIATION,
        ("Rechtsextremismus", "Prävention", "Interkulturelle Kompetenz"),
        ("Englisch",),
        "Seminare und Projekttage gegen Rechtsextremismus und Diskriminierung für "
        "Schulen, Vereine und Verwaltung, auch Fortbildungen für die Polizei.",
        "Schulen, Fachkräfte, Verwaltung",
    ),
}


def local(template, city_name, **options):
    kind, name, form, topics, languages, description, target_groups = TEMPLATES[template]
    return Org(
        name.format(city=city_name),
        "",
        form,
        kind,
        city(city_name),
        topics,
        languages,
        description,
        target_groups,
        people=(Person(None),),
        **options,
    )


ORGANISATIONS = [
    KOSIZU,
    local("mosque", "Köln"),
    local("queer", "Hamburg", review="current"),
    local("mosque", "Hamburg"),
    local("antidiscrimination", "Leipzig"),
    local("alliance", "Dresden"),
    local("african", "Chemnitz", review="never"),
]

# Every other Land: its police, one local unit with a function unit, two local organisations.
LANDS = [
    ("Baden-Württemberg", "Polizei Baden-Württemberg", "Polizeipräsidium Stuttgart"),
    ("Bayern", "Bayerische Polizei", "Polizeipräsidium München"),
    ("Brandenburg", "Polizei Brandenburg", "Polizeiinspektion Potsdam"),
    ("Bremen", "Polizei Bremen", None),
    ("Hessen", "Polizei Hessen", "Polizeipräsidium Frankfurt am Main"),
    ("Mecklenburg-Vorpommern", "Landespolizei Mecklenburg-Vorpommern", "Polizeipräsidium Rostock"),
    ("Niedersachsen", "Polizei Niedersachsen", "Polizeidirektion Hannover"),
    ("Rheinland-Pfalz", "Polizei Rheinland-Pfalz", "Polizeipräsidium Mainz"),
    ("Saarland", "Polizei Saarland", "Polizeiinspektion Saarbrücken-Stadt"),
    ("Sachsen-Anhalt", "Landespolizei Sachsen-Anhalt", "Polizeiinspektion Magdeburg"),
    ("Schleswig-Holstein", "Landespolizei Schleswig-Holstein", "Polizeidirektion Kiel"),
    ("Thüringen", "Thüringer Polizei", "Landespolizeiinspektion Erfurt"),
]
ORDER = [
    "mosque",
    "antidiscrimination",
    "victims",
    "youth",
    "alliance",
    "queer",
    "african",
    "roma",
    "homeless",
    "disability",
    "women",
    "alevi",
    "education",
]


def function_unit(number, seat):
    """The local unit's function unit: the kinds take turns from Land to Land."""
    name = seat[1]
    return [
        Unit(
            "Ansprechperson für LSBTI*",
            U.LGBTI_CONTACT,
            seat,
            topics=("Queerfeindlichkeit",),
            mailboxes=(Mailbox(f"Ansprechperson für LSBTI* {name}", "lsbti"),),
        ),
        Unit(
            "Kriminalprävention und Opferschutz",
            U.PREVENTION,
            seat,
            topics=("Prävention", "Opferberatung"),
            mailboxes=(Mailbox(f"Kriminalprävention {name}", "praevention"),),
        ),
        Unit(
            "Staatsschutz",
            U.STATE_SECURITY,
            seat,
            topics=STAATSSCHUTZ,
            people=(Person(None, review="stale" if number == 2 else None),),
        ),
    ][number % 3]


def lands(districts):
    """(police tree, organisations) of the other Länder; `districts` maps a Land to its
    cities (reference.DISTRICTS)."""
    units, organisations = [], []
    for number, (land_name, police, local_unit) in enumerate(LANDS):
        seat = city(districts[land_name][0])
        if local_unit is None:
            units.append(
                Unit(
                    police,
                    U.STATE_POLICE,
                    land(land_name),
                    seat=seat,
                    children=(function_unit(number, seat),),
                )
            )
        else:
            kind = U.PRECINCT if "inspektion" in local_unit else U.PRESIDIUM
            child = Unit(local_unit, kind, seat, children=(function_unit(number, seat),))
            units.append(
                Unit(police, U.STATE_POLICE, land(land_name), seat=seat, children=(child,))
            )
        for offset in (0, 1):
            template = ORDER[(2 * number + offset) % len(ORDER)]
            organisations.append(local(template, seat[1], public=offset == 0 or number % 2 == 0))
    return units, organisations
