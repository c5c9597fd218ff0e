"""Berlin: the Polizei Berlin with its five local directions (districts as assigned since the
2020 reform), the LKA's state security and prevention units and the contact points at the
Präsidium, and organisations active in the city.

Named organisations are real and described neutrally; the mosque association, the counselling
service for refugees and every person, address, email and phone number are fictional."""

from directory.contacts.models import Visibility
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from .spec import Mailbox, Org, Person, Unit, borough, city

Kind = Organisation.Kind
Form = Organisation.LegalForm
U = PoliceUnit.Kind
BERLIN = city("Berlin")


def b(name):
    return borough("Berlin", name)


KOB = ("Kontaktbereichsbeamtin", "Kontaktbereichsbeamter")


def abschnitt(number, district, area, people=()):
    return Unit(
        f"Abschnitt {number}",
        U.PRECINCT,
        b(district),
        short=f"A {number}",
        description=f"Polizeiabschnitt für {area}; Wache rund um die Uhr besetzt, "
        "Kontaktbereichsdienst und Abschnittskommissariat.",
        people=people,
    )


def direktion(number, name, main_district, districts, sections, children=()):
    """A direction: its jurisdiction is one region, so the district most of its area lies in;
    its sections name the others."""
    return Unit(
        f"Direktion {number} ({name})",
        U.DIRECTORATE,
        b(main_district),
        short=f"Dir {number}",
        description=f"Örtliche Direktion für {districts}. Gliedert sich in Direktionsstab, "
        "Referat Kriminalitätsbekämpfung und Polizeiabschnitte.",
        children=(*children, *sections),
    )


def interkulturelle_aufgaben(number, languages):
    return Unit(
        f"Arbeitsgebiet Interkulturelle Aufgaben Dir {number}",
        U.PREVENTION,
        BERLIN,
        topics=(
            "Dialog und Vertrauensbildung",
            "Interkulturelle Kompetenz",
            "Rassismus",
            "Muslimfeindlichkeit",
        ),
        description="Hält Kontakt zu Migrantenorganisationen, Moscheegemeinden und anderen "
        "Religionsgemeinschaften im Direktionsbereich und berät die Abschnitte bei "
        "interkulturellen Fragen.",
        people=(
            Person(
                (
                    "Sachbearbeiterin Interkulturelle Aufgaben",
                    "Sachbearbeiter Interkulturelle Aufgaben",
                ),
                languages=languages,
            ),
        ),
    )


POLICE = Unit(
    "Polizei Berlin",
    U.PRESIDIUM,
    BERLIN,
    short="PPr Berlin",
    seat=b("Tempelhof-Schöneberg"),
    description="Polizeipräsidium des Landes Berlin: Landespolizeidirektion mit fünf örtlichen "
    "Direktionen und 37 Abschnitten, Landeskriminalamt, Direktion Einsatz/Verkehr und Stab "
    "der Polizeipräsidentin.",
    children=(
        Unit(
            "Ansprechpersonen für LSBTI*",
            U.LGBTI_CONTACT,
            BERLIN,
            topics=("Queerfeindlichkeit",),
            description="Hauptamtliche Ansprechpersonen für lesbische, schwule, bisexuelle, "
            "trans* und intergeschlechtliche Menschen beim Präsidium: nehmen Hinweise auf "
            "queerfeindliche Straftaten auf, begleiten Betroffene, arbeiten mit "
            "Beratungsstellen und Community-Projekten und schulen Kolleginnen und Kollegen.",
            people=(
                Person("Ansprechperson für LSBTI*", visibility=Visibility.PUBLIC, review="current"),
                Person("Ansprechperson für LSBTI*", languages=("Englisch",)),
            ),
            mailboxes=(
                Mailbox(
                    "Ansprechpersonen für LSBTI* der Polizei Berlin",
                    "lsbti",
                    languages=("Englisch",),
                ),
            ),
        ),
        Unit(
            "Antisemitismusbeauftragte der Polizei Berlin",
            U.OTHER_FUNCTION,
            BERLIN,
            topics=("Antisemitismus",),
            description="Ansprechperson für jüdische Gemeinden und Einrichtungen und für "
            "Betroffene antisemitischer Vorfälle; sensibilisiert in Aus- und Fortbildung für "
            "Erscheinungsformen des Antisemitismus.",
            people=(
                Person(
                    (
                        "Antisemitismusbeauftragte der Polizei Berlin",
                        "Antisemitismusbeauftragter der Polizei Berlin",
                    ),
                    visibility=Visibility.PUBLIC,
                    review="current",
                ),
            ),
        ),
        Unit(
            "Landeskriminalamt Berlin",
            U.LKA,
            BERLIN,
            short="LKA Berlin",
            seat=b("Tempelhof-Schöneberg"),
            description="Zentrale Kriminalpolizei des Landes Berlin.",
            children=(
                Unit(
                    "LKA 5 – Polizeilicher Staatsschutz",
                    U.STATE_SECURITY,
                    BERLIN,
                    short="LKA 5",
                    topics=(
                        "Rechtsextremismus",
                        "Hasskriminalität",
                        "Antisemitismus",
                        "Religiös begründeter Extremismus",
                    ),
                    description="Ermittelt bei politisch motivierter Kriminalität in Berlin, "
                    "auch bei Hasskriminalität gegen Jüdinnen und Juden, Musliminnen und "
                    "Muslime, Geflüchtete und queere Menschen, und schützt gefährdete "
                    "Einrichtungen.",
                    people=(
                        Person(
                            (
                                "Sachbearbeiterin Politisch motivierte Kriminalität -rechts-",
                                "Sachbearbeiter Politisch motivierte Kriminalität -rechts-",
                            ),
                            topics=("Rechtsextremismus",),
                        ),
                        Person(
                            (
                                "Sachbearbeiterin Hasskriminalität",
                                "Sachbearbeiter Hasskriminalität",
                            ),
                            topics=("Hasskriminalität", "Queerfeindlichkeit"),
                        ),
                        Person(
                            (
                                "Ansprechpartnerin Gefährdungslage Gebetsstätten",
                                "Ansprechpartner Gefährdungslage Gebetsstätten",
                            ),
                            topics=("Sicherheit von Gebetsstätten",),
                            visibility=Visibility.STAFF,
                        ),
                    ),
                    mailboxes=(
                        Mailbox("Geschäftszimmer LKA 5", "lka5", visibility=Visibility.MEMBERS),
                    ),
                ),
                Unit(
                    "LKA Präv – Zentralstelle für Prävention",
                    U.PREVENTION,
                    BERLIN,
                    short="LKA Präv",
                    topics=(
                        "Prävention",
                        "Dialog und Vertrauensbildung",
                        "Interkulturelle Kompetenz",
                        "Muslimfeindlichkeit",
                        "Rassismus",
                        "Religiös begründeter Extremismus",
                    ),
                    description="Entwickelt und koordiniert die Kriminalprävention der Polizei "
                    "Berlin, darunter Prävention von Radikalisierung, interkulturelle Arbeit "
                    "und den Dialog mit Religionsgemeinschaften.",
                    people=(
                        Person(
                            (
                                "Koordinatorin Interkulturelle Aufgaben",
                                "Koordinator Interkulturelle Aufgaben",
                            ),
                            topics=("Dialog und Vertrauensbildung",),
                            languages=("Arabisch", "Türkisch"),
                            mobile=True,
                        ),
                        Person(
                            (
                                "Präventionsbeauftragte Radikalisierung",
                                "Präventionsbeauftragter Radikalisierung",
                            ),
                            topics=("Religiös begründeter Extremismus",),
                            review="stale",
                        ),
                    ),
                    mailboxes=(Mailbox("Zentralstelle für Prävention", "praevention"),),
                ),
            ),
        ),
        direktion(
            1,
            "Nord",
            "Pankow",
            "Reinickendorf, Pankow und die Ortsteile Wedding und Gesundbrunnen (Mitte)",
            (
                abschnitt(12, "Reinickendorf", "Reinickendorf-Ost und Wittenau"),
                abschnitt(14, "Pankow", "Prenzlauer Berg"),
                abschnitt(
                    17,
                    "Mitte",
                    "Gesundbrunnen",
                    people=(Person(KOB, languages=("Türkisch", "Arabisch")),),
                ),
            ),
            children=(interkulturelle_aufgaben(1, ("Türkisch",)),),
        ),
        direktion(
            2,
            "West",
            "Charlottenburg-Wilmersdorf",
            "Spandau, Charlottenburg-Wilmersdorf und die Ortsteile Moabit und Tiergarten (Mitte)",
            (
                abschnitt(21, "Spandau", "Spandau-Mitte, Hakenfelde und Haselhorst"),
                abschnitt(24, "Charlottenburg-Wilmersdorf", "Charlottenburg"),
                abschnitt(27, "Mitte", "Moabit"),
            ),
            children=(interkulturelle_aufgaben(2, ("Arabisch", "Russisch")),),
        ),
        direktion(
            3,
            "Ost",
            "Marzahn-Hellersdorf",
            "Lichtenberg, Marzahn-Hellersdorf und Treptow-Köpenick",
            (
                abschnitt(31, "Marzahn-Hellersdorf", "Marzahn"),
                abschnitt(33, "Lichtenberg", "Lichtenberg und Hohenschönhausen"),
                abschnitt(
                    36, "Treptow-Köpenick", "Köpenick", people=(Person(KOB, review="stale"),)
                ),
            ),
        ),
        direktion(
            4,
            "Süd",
            "Steglitz-Zehlendorf",
            "Steglitz-Zehlendorf, Tempelhof-Schöneberg und den Süden Neuköllns",
            (
                abschnitt(41, "Steglitz-Zehlendorf", "Steglitz"),
                abschnitt(
                    44,
                    "Tempelhof-Schöneberg",
                    "Schöneberg",
                    people=(Person(KOB, topics=("Queerfeindlichkeit",)),),
                ),
                abschnitt(48, "Neukölln", "Britz, Buckow und Rudow"),
            ),
            children=(interkulturelle_aufgaben(4, ("Arabisch", "Türkisch")),),
        ),
        direktion(
            5,
            "City",
            "Friedrichshain-Kreuzberg",
            "Friedrichshain-Kreuzberg, den Norden Neuköllns und den Ortsteil Mitte",
            (
                abschnitt(51, "Friedrichshain-Kreuzberg", "Friedrichshain"),
                abschnitt(
                    52,
                    "Friedrichshain-Kreuzberg",
                    "den Süden Kreuzbergs",
                    people=(Person(KOB, languages=("Türkisch",)),),
                ),
                abschnitt(
                    54,
                    "Neukölln",
                    "Nord-Neukölln um Sonnenallee und Hermannplatz",
                    people=(
                        Person(KOB, languages=("Arabisch",), mobile=True),
                        Person(
                            ("Abschnittsleiterin", "Abschnittsleiter"), visibility=Visibility.STAFF
                        ),
                    ),
                ),
                abschnitt(55, "Neukölln", "Neukölln um die Hermannstraße"),
                abschnitt(58, "Mitte", "den Ortsteil Mitte mit dem Alexanderplatz"),
            ),
        ),
    ),
)

ORGANISATIONS = [
    Org(
        "NetZPol – Netzwerkstelle Zivilgesellschaft und Polizei",
        "NetZPol",
        Form.REGISTERED_ASSOCIATION,
        Kind.NETWORK,
        b("Mitte"),
        (
            "Dialog und Vertrauensbildung",
            "Rassismus",
            "Antisemitismus",
            "Queerfeindlichkeit",
            "Beschwerdemanagement",
        ),
        ("Englisch",),
        "Arbeitsbereich der Mobilen Beratung gegen Rechtsextremismus Berlin (MBT). Findet "
        "Ansprechpartner:innen bei Polizei und Zivilgesellschaft, begleitet Kooperationen, "
        "moderiert Arbeitskreise und Austauschformate und vermittelt in konflikthaften "
        "Situationen.",
        "Zivilgesellschaftliche Organisationen und polizeiliche Dienststellen in Berlin",
        regions=(BERLIN,),
        people=(
            Person("Projektleitung", visibility=Visibility.PUBLIC, review="current"),
            Person(("Referentin", "Referent"), topics=("Beschwerdemanagement",)),
        ),
        mailboxes=(Mailbox("Team NetZPol", "netzpol"),),
    ),
    Org(
        "Türkischer Bund in Berlin-Brandenburg e.V.",
        "TBB",
        Form.REGISTERED_ASSOCIATION,
        Kind.MIGRANT_ORGANISATION,
        b("Friedrichshain-Kreuzberg"),
        ("Rassismus", "Beschwerdemanagement"),
        ("Türkisch",),
        "Dachverband türkeistämmiger Menschen und ihrer Vereine in Berlin und Brandenburg; "
        "setzt sich für Gleichbehandlung und gegen Diskriminierung ein.",
        "Türkeistämmige Berlinerinnen und Berliner, Vereine",
        regions=(BERLIN,),
        people=(Person(("Vorstandssprecherin", "Vorstandssprecher"), languages=("Türkisch",)),),
    ),
    Org(
        "Antidiskriminierungsnetzwerk Berlin des TBB",
        "ADNB",
        Form.REGISTERED_ASSOCIATION,
        Kind.COUNSELLING,
        b("Friedrichshain-Kreuzberg"),
        ("Rassismus", "Racial Profiling", "Beschwerdemanagement"),
        ("Türkisch", "Englisch"),
        "Beratung für Menschen, die rassistische Diskriminierung erleben, etwa bei der "
        "Arbeit, bei Behörden oder durch die Polizei; Begleitung bei Beschwerden.",
        "Von Diskriminierung Betroffene",
        regions=(BERLIN,),
        people=(
            Person(("Beraterin", "Berater"), topics=("Racial Profiling",), languages=("Türkisch",)),
        ),
        mailboxes=(Mailbox("Beratung ADNB", "beratung"),),
    ),
    Org(
        "Recherche- und Informationsstelle Antisemitismus Berlin",
        "RIAS Berlin",
        Form.REGISTERED_ASSOCIATION,
        Kind.ADVOCACY,
        b("Mitte"),
        ("Antisemitismus", "Hasskriminalität"),
        ("Englisch", "Russisch", "Hebräisch"),
        "Dokumentiert antisemitische Vorfälle in Berlin, auch unterhalb der Strafbarkeit, "
        "und vermittelt Betroffene auf Wunsch an Beratung.",
        "Betroffene und Zeug:innen antisemitischer Vorfälle",
        regions=(BERLIN,),
        people=(Person("Projektleitung", topics=("Antisemitismus",)),),
        mailboxes=(Mailbox("Meldeteam RIAS Berlin", "meldung"),),
    ),
    Org(
        "Jüdisches Forum für Demokratie und gegen Antisemitismus e.V.",
        "JFDA",
        Form.REGISTERED_ASSOCIATION,
        Kind.ADVOCACY,
        b("Mitte"),
        ("Antisemitismus", "Rechtsextremismus"),
        ("Englisch",),
        "Beobachtet antisemitische und extremistische Versammlungen und Aktivitäten und "
        "bietet Bildungsarbeit gegen Antisemitismus an.",
        "Öffentlichkeit, Schulen, Fachkräfte",
        regions=(BERLIN,),
    ),
    Org(
        "Jüdische Gemeinde zu Berlin",
        "",
        Form.RELIGIOUS_BODY,
        Kind.RELIGIOUS,
        b("Charlottenburg-Wilmersdorf"),
        ("Antisemitismus", "Sicherheit von Gebetsstätten"),
        ("Russisch", "Hebräisch", "Englisch"),
        "Größte jüdische Gemeinde Berlins mit Synagogen, Schulen, Kitas und Sozialeinrichtungen.",
        "Gemeindemitglieder",
        regions=(BERLIN,),
        people=(
            Person(
                ("Sicherheitsbeauftragte der Gemeinde", "Sicherheitsbeauftragter der Gemeinde"),
                topics=("Sicherheit von Gebetsstätten",),
                visibility=Visibility.STAFF,
            ),
        ),
    ),
    Org(
        "ReachOut – Opferberatung und Bildung gegen Rechtsextremismus, Rassismus und "
        "Antisemitismus",
        "ReachOut",
        Form.REGISTERED_ASSOCIATION,
        Kind.COUNSELLING,
        b("Mitte"),
        ("Opferberatung", "Rechtsextremismus", "Rassismus", "Antisemitismus"),
        ("Englisch",),
        "Berät und unterstützt Betroffene rechter, rassistischer und antisemitischer Gewalt "
        "in Berlin, ihre Angehörigen und Zeug:innen; dokumentiert Angriffe.",
        "Betroffene, Angehörige, Zeug:innen",
        regions=(BERLIN,),
        people=(Person(("Beraterin", "Berater")),),
    ),
    Org(
        "Antidiskriminierungsberatung für Geflüchtete und Neuzugewanderte Berlin e.V.",
        "ADB Geflüchtete",
        Form.REGISTERED_ASSOCIATION,
        Kind.COUNSELLING,
        b("Mitte"),
        ("Rassismus", "Opferberatung", "Racial Profiling", "Anzeigeerstattung"),
        ("Arabisch", "Persisch", "Dari", "Kurdisch", "Englisch", "Französisch"),
        "Berlinweite Beratung für geflüchtete und neu zugewanderte Menschen, die "
        "Diskriminierung oder rassistische Gewalt erlebt haben: in ihrer Sprache, auf Wunsch "
        "anonym, mit Begleitung zu Polizei, Behörden und Anwält:innen. Sprechstunden in "
        "Moabit, Beratung in allen Bezirken nach Vereinbarung.",
        "Geflüchtete und Neuzugewanderte",
        regions=(BERLIN,),
        people=(
            Person(("Beraterin", "Berater"), languages=("Arabisch", "Kurdisch"), mobile=True),
            Person(("Beraterin", "Berater"), languages=("Persisch", "Dari")),
        ),
        mailboxes=(
            Mailbox("Beratungsteam", "beratung", languages=("Arabisch", "Persisch", "Englisch")),
        ),
    ),
    Org(
        "Amaro Foro e.V.",
        "Amaro Foro",
        Form.REGISTERED_ASSOCIATION,
        Kind.ADVOCACY,
        b("Neukölln"),
        ("Antiziganismus",),
        ("Romanes", "Rumänisch", "Bulgarisch"),
        "Selbstorganisation von Rom:nja und Nicht-Rom:nja; Beratung, Jugendarbeit und "
        "Dokumentation antiziganistischer Vorfälle.",
        "Rom:nja, Zugewanderte aus Südosteuropa",
        people=(Person(("Beraterin", "Berater"), languages=("Rumänisch", "Romanes")),),
    ),
    Org(
        "MANEO – Das schwule Anti-Gewalt-Projekt in Berlin",
        "MANEO",
        Form.REGISTERED_ASSOCIATION,
        Kind.COUNSELLING,
        b("Tempelhof-Schöneberg"),
        ("Queerfeindlichkeit", "Opferberatung", "Anzeigeerstattung"),
        ("Englisch",),
        "Opferhilfe und Gewaltprävention für schwule und bisexuelle Männer und queere "
        "Menschen; erfasst queerfeindliche Übergriffe und ermutigt zur Anzeige.",
        "Schwule und bisexuelle Männer, queere Menschen",
        regions=(BERLIN,),
        people=(Person(("Beraterin", "Berater"), topics=("Queerfeindlichkeit",)),),
    ),
    Org(
        "LesMigraS – Antidiskriminierungs- und Antigewaltbereich der Lesbenberatung Berlin e.V.",
        "LesMigraS",
        Form.REGISTERED_ASSOCIATION,
        Kind.COUNSELLING,
        b("Tempelhof-Schöneberg"),
        ("Queerfeindlichkeit", "Rassismus", "Opferberatung"),
        ("Englisch", "Spanisch"),
        "Beratung und Empowerment für lesbische, bisexuelle, trans* und inter* Menschen, "
        "besonders für Schwarze Menschen und People of Color.",
        "Lesbische, bisexuelle, trans* und inter* Menschen",
        regions=(BERLIN,),
        review="stale",
    ),
    Org(
        "CLAIM – Allianz gegen Islam- und Muslimfeindlichkeit",
        "CLAIM",
        Form.INITIATIVE,
        Kind.NETWORK,
        b("Mitte"),
        ("Muslimfeindlichkeit",),
        ("Englisch",),
        "Bündnis zivilgesellschaftlicher Organisationen gegen Islam- und "
        "Muslimfeindlichkeit; Lagebilder, Fachaustausch und Öffentlichkeitsarbeit.",
        "Fachkräfte, Öffentlichkeit",
        regions=(BERLIN,),
    ),
    Org(
        "Inssan e.V.",
        "Inssan",
        Form.REGISTERED_ASSOCIATION,
        Kind.RELIGIOUS,
        BERLIN,
        ("Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"),
        ("Arabisch", "Englisch"),
        "Muslimischer Verein, der sich für gesellschaftliche Teilhabe von Musliminnen und "
        "Muslimen einsetzt; Beratung bei antimuslimischer Diskriminierung.",
        "Musliminnen und Muslime, Fachkräfte",
        regions=(BERLIN,),
    ),
    Org(
        "Gangway e.V. – Straßensozialarbeit in Berlin",
        "Gangway",
        Form.REGISTERED_ASSOCIATION,
        Kind.YOUTH,
        b("Mitte"),
        ("Jugendarbeit", "Prävention"),
        ("Arabisch", "Türkisch", "Englisch"),
        "Straßensozialarbeit mit Jugendlichen und Erwachsenen in allen Berliner Bezirken.",
        "Jugendliche und junge Erwachsene im öffentlichen Raum",
        regions=(BERLIN,),
        people=(Person(("Streetworkerin", "Streetworker"), languages=("Arabisch",)),),
    ),
    Org(
        "Moscheeverein Neukölln-Nord e.V.",
        "",
        Form.REGISTERED_ASSOCIATION,
        Kind.MOSQUE,
        b("Neukölln"),
        ("Muslimfeindlichkeit", "Sicherheit von Gebetsstätten", "Dialog und Vertrauensbildung"),
        ("Arabisch", "Türkisch"),
        "Moscheegemeinde mit Freitagsgebet, Arabisch- und Koranunterricht und "
        "Frauengruppe; lädt zum Tag der offenen Moschee und zu Nachbarschaftsfesten ein.",
        "Gemeindemitglieder, Nachbarschaft",
        people=(
            Person((None, "Imam"), languages=("Arabisch",)),
            Person(
                ("Dialogbeauftragte der Gemeinde", "Dialogbeauftragter der Gemeinde"),
                languages=("Arabisch", "Türkisch"),
                review="due",
            ),
        ),
    ),
    Org(
        "Islamisches Kulturzentrum Berlin-Wedding e.V.",
        "IKZ Wedding",
        Form.REGISTERED_ASSOCIATION,
        Kind.MOSQUE,
        b("Mitte"),
        ("Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"),
        ("Türkisch", "Arabisch", "Albanisch"),
        "Moscheeverein mit Gebetsraum, Hausaufgabenhilfe und Seniorencafé im Wedding.",
        "Gemeindemitglieder, Familien",
        public=False,
        people=(
            Person(
                ("Vorsitzende des Moscheevereins", "Vorsitzender des Moscheevereins"),
                review="never",
            ),
        ),
    ),
]
