"""Dortmund: the Polizeipräsidium and the partner organisations of its 2024 cooperation
agreement (source texts 003 and 004), plus a few other local organisations.

Organisations named in the sources are real; their descriptions say only what is public and
neutral. The 13th partner, which the 2025 text counts but does not name, is fictional, as are
the two mosque communities and every person, address, email and phone number."""

from directory.contacts.models import Visibility
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from .spec import Mailbox, Org, Person, Unit, borough, city, land

Kind = Organisation.Kind
Form = Organisation.LegalForm
U = PoliceUnit.Kind
DORTMUND = city("Dortmund")
NORDSTADT = borough("Dortmund", "Innenstadt-Nord")
STAATSSCHUTZ = (
    "Rechtsextremismus",
    "Hasskriminalität",
    "Antisemitismus",
    "Religiös begründeter Extremismus",
)


def wache(name, district, description, people=()):
    return Unit(
        name,
        U.STATION,
        borough("Dortmund", district),
        description=description,
        people=people,
    )


POLICE = Unit(
    "Polizeipräsidium Dortmund",
    U.PRESIDIUM,
    DORTMUND,
    short="PP Dortmund",
    description=(
        "Kreispolizeibehörde für die Städte Dortmund und Lünen mit rund 3.500 Beschäftigten. "
        "Seit 2024 ist „Dialog und Vertrauensförderung mit einer diversen Gesellschaft“ das "
        "vierte behördenstrategische Ziel des Präsidiums."
    ),
    children=(
        Unit(
            "Leitungsstab",
            U.OTHER_FUNCTION,
            DORTMUND,
            description="Stab der Behördenleitung: Strategie, Controlling, Presse- und "
            "Öffentlichkeitsarbeit, Dialog und Vertrauensförderung.",
            children=(
                Unit(
                    "Kompetenzzentrum für Dialog und Vertrauensförderung mit einer diversen "
                    "Gesellschaft",
                    U.DIALOGUE,
                    DORTMUND,
                    short="Kompetenzzentrum Dialog",
                    topics=(
                        "Dialog und Vertrauensbildung",
                        "Rassismus",
                        "Racial Profiling",
                        "Muslimfeindlichkeit",
                        "Antischwarzer Rassismus",
                        "Beschwerdemanagement",
                        "Interkulturelle Kompetenz",
                    ),
                    description=(
                        "Zum 1. August 2024 im Leitungsstab gegründet. Arbeitet auf Grundlage "
                        "der Kooperationsvereinbarung eng mit 13 Dortmunder "
                        "Partnerorganisationen zusammen, organisiert die Formate „Blick in "
                        "die Polizei“ und „Blick in die Organisation“, Dialogforen und die "
                        "offene Konferenz, zu der sich weitere Organisationen vorstellen "
                        "können. Themen waren u. a. Rassismus und Racial Profiling, der "
                        "Umgang mit psychisch auffälligen Menschen und Gesprächsformate mit "
                        "Jugendlichen."
                    ),
                    people=(
                        Person(
                            ("Leiterin des Kompetenzzentrums", "Leiter des Kompetenzzentrums"),
                            visibility=Visibility.PUBLIC,
                            review="current",
                        ),
                        Person(
                            (
                                "Referentin für Dialog und Vertrauensförderung",
                                "Referent für Dialog und Vertrauensförderung",
                            ),
                            topics=("Racial Profiling",),
                            languages=("Türkisch",),
                            mobile=True,
                        ),
                        Person(
                            (
                                "Referentin für Dialog und Vertrauensförderung",
                                "Referent für Dialog und Vertrauensförderung",
                            ),
                            topics=("Muslimfeindlichkeit",),
                            languages=("Arabisch", "Französisch"),
                        ),
                    ),
                    mailboxes=(
                        Mailbox(
                            "Kompetenzzentrum Dialog und Vertrauensförderung",
                            "dialog.dortmund",
                            languages=("Englisch",),
                        ),
                    ),
                ),
                Unit(
                    "Beschwerdemanagement",
                    U.OTHER_FUNCTION,
                    DORTMUND,
                    topics=("Beschwerdemanagement",),
                    description=(
                        "Nimmt Beschwerden über das Verhalten von Polizeibeschäftigten "
                        "entgegen und prüft sie unabhängig von einem Strafverfahren. "
                        "Beschwerden sind in mehreren Sprachen möglich; das Verfahren wurde "
                        "mit der Arbeitsgruppe Dialog erklärt und mehrsprachig gestaltet."
                    ),
                    mailboxes=(
                        Mailbox(
                            "Beschwerdemanagement der Polizei Dortmund",
                            "beschwerde.dortmund",
                            languages=(
                                "Türkisch",
                                "Arabisch",
                                "Englisch",
                                "Polnisch",
                                "Rumänisch",
                                "Bulgarisch",
                                "Ukrainisch",
                            ),
                        ),
                    ),
                ),
            ),
        ),
        Unit(
            "Ansprechpersonen für LSBTI*",
            U.LGBTI_CONTACT,
            DORTMUND,
            topics=("Queerfeindlichkeit",),
            description=(
                "Ansprechpersonen für lesbische, schwule, bisexuelle, trans*, inter* und "
                "queere Menschen: nehmen Hinweise auf queerfeindliche Straftaten auf, "
                "begleiten Betroffene und halten Kontakt zur Community."
            ),
            people=(Person("Ansprechperson für LSBTI*", review="current"),),
            mailboxes=(
                Mailbox("Ansprechpersonen für LSBTI* der Polizei Dortmund", "lsbti.dortmund"),
            ),
        ),
        Unit(
            "Direktion Gefahrenabwehr/Einsatz",
            U.DIRECTORATE,
            DORTMUND,
            short="Direktion GE",
            description="Wach- und Wechseldienst, Bezirksdienst und Einsatzeinheiten; die "
            "Polizeiwachen sind rund um die Uhr besetzt.",
            children=(
                Unit(
                    "Polizeiwache Nord",
                    U.STATION,
                    NORDSTADT,
                    description="Zuständig für die Nordstadt (Stadtbezirk Innenstadt-Nord).",
                    people=(Person(("Wachleiterin", "Wachleiter")),),
                    children=(
                        Unit(
                            "Bezirksdienst Nordstadt",
                            U.COMMUNITY_OFFICERS,
                            NORDSTADT,
                            description="Bezirksdienstbeamtinnen und -beamte mit festen "
                            "Bezirken in der Nordstadt: Ansprechpersonen für Anwohnende, "
                            "Vereine, Moscheegemeinden und Schulen.",
                            people=(
                                Person(
                                    ("Bezirksdienstbeamtin", "Bezirksdienstbeamter"),
                                    languages=("Türkisch",),
                                ),
                                Person(
                                    ("Bezirksdienstbeamtin", "Bezirksdienstbeamter"),
                                    languages=("Arabisch", "Kurdisch"),
                                    mobile=True,
                                ),
                            ),
                        ),
                    ),
                ),
                wache(
                    "Polizeiwache Innenstadt",
                    "Innenstadt-West",
                    "Zuständig für die Innenstadt und den Hauptbahnhof.",
                ),
                wache(
                    "Polizeiwache Hörde",
                    "Hörde",
                    "Zuständig für Hörde und Aplerbeck.",
                    people=(Person(("Wachleiterin", "Wachleiter"), review="stale"),),
                ),
                wache(
                    "Polizeiwache Brackel",
                    "Brackel",
                    "Zuständig für Brackel, Scharnhorst und Innenstadt-Ost.",
                ),
                wache(
                    "Polizeiwache Mengede", "Mengede", "Zuständig für Mengede, Huckarde und Eving."
                ),
                wache(
                    "Polizeiwache Hombruch",
                    "Hombruch",
                    "Zuständig für Hombruch und Lütgendortmund.",
                ),
            ),
        ),
        Unit(
            "Direktion Kriminalität",
            U.DIRECTORATE,
            DORTMUND,
            short="Direktion K",
            description="Kriminalpolizei des Präsidiums: Kriminalinspektionen, "
            "Kriminalprävention und Opferschutz.",
            children=(
                Unit(
                    "Kriminalinspektion Staatsschutz",
                    U.STATE_SECURITY,
                    DORTMUND,
                    short="KI Staatsschutz",
                    topics=STAATSSCHUTZ,
                    description=(
                        "Ermittelt bei politisch motivierter Kriminalität: rechts- und "
                        "linksextremistische, religiös begründete und antisemitische Taten, "
                        "Hasskriminalität (auch im Internet) und Angriffe auf Gebetsstätten. "
                        "Die Kontaktbeamtin für muslimische Institutionen (KMI) hält Kontakt zu "
                        "den Moscheegemeinden."
                    ),
                    people=(
                        Person(
                            (
                                "Leiterin der Kriminalinspektion Staatsschutz",
                                "Leiter der Kriminalinspektion Staatsschutz",
                            ),
                            review="current",
                        ),
                        Person(
                            (
                                "Sachbearbeiterin Politisch motivierte Kriminalität -rechts-",
                                "Sachbearbeiter Politisch motivierte Kriminalität -rechts-",
                            ),
                            topics=("Rechtsextremismus",),
                        ),
                        Person(
                            (
                                "Sachbearbeiterin Hasskriminalität im Internet",
                                "Sachbearbeiter Hasskriminalität im Internet",
                            ),
                            topics=("Hasskriminalität",),
                            visibility=Visibility.STAFF,
                        ),
                        Person(
                            ("Kontaktbeamtin für muslimische Institutionen (KMI)", None),
                            topics=("Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"),
                            languages=("Türkisch", "Bosnisch"),
                            mobile=True,
                            review="current",
                        ),
                    ),
                    mailboxes=(
                        Mailbox(
                            "Kriminalinspektion Staatsschutz Dortmund",
                            "staatsschutz.dortmund",
                            visibility=Visibility.MEMBERS,
                        ),
                    ),
                ),
                Unit(
                    "Kriminalprävention und Opferschutz",
                    U.PREVENTION,
                    DORTMUND,
                    short="KK Kriminalprävention/Opferschutz",
                    topics=("Prävention", "Opferberatung", "Anzeigeerstattung"),
                    description=(
                        "Beratung zum Schutz vor Straftaten, Präventionsangebote für Schulen "
                        "und Vereine; die Opferschutzbeauftragten vermitteln Betroffene an "
                        "Beratungsstellen und begleiten sie durch das Verfahren."
                    ),
                    people=(
                        Person(
                            ("Opferschutzbeauftragte", "Opferschutzbeauftragter"),
                            languages=("Englisch",),
                        ),
                        Person(
                            ("Präventionsbeauftragte", "Präventionsbeauftragter"),
                            visibility=Visibility.STAFF,
                            review="never",
                        ),
                    ),
                    mailboxes=(
                        Mailbox(
                            "Kriminalprävention und Opferschutz Dortmund", "vorbeugung.dortmund"
                        ),
                    ),
                ),
            ),
        ),
        Unit(
            "Direktion Verkehr",
            U.DIRECTORATE,
            DORTMUND,
            short="Direktion V",
            description="Verkehrsunfallaufnahme, Verkehrsüberwachung und Verkehrsunfallprävention.",
        ),
    ),
)

PARTNER_PERSON = Person(
    ("Vertreterin in der Arbeitsgruppe Dialog", "Vertreter in der Arbeitsgruppe Dialog"),
    topics=("Dialog und Vertrauensbildung",),
)


def partner(
    name,
    short,
    form,
    kind,
    topics,
    languages,
    description,
    target_groups,
    seat=NORDSTADT,
    people=(),
    **options,
):
    """A partner organisation: active in all of Dortmund, one person in the working group."""
    return Org(
        name,
        short,
        form,
        kind,
        seat,
        topics,
        languages,
        description,
        target_groups,
        regions=(DORTMUND,),
        people=(PARTNER_PERSON, *people),
        **options,
    )


# The twelve signatories of 4 June 2024 (source text 003), then the thirteenth partner the
# 2025 text counts (fictional).
PARTNERS = [
    partner(
        "AFRIDO c/o Africa Positive e.V.",
        "AFRIDO",
        Form.REGISTERED_ASSOCIATION,
        Kind.MIGRANT_ORGANISATION,
        ("Antischwarzer Rassismus", "Rassismus"),
        ("Englisch", "Französisch"),
        "Zusammenschluss afrikanischer Vereine und Initiativen in Dortmund, angesiedelt bei "
        "Africa Positive e.V. Vertritt Anliegen afrikanischer und afrodiasporischer Menschen "
        "in der Stadtgesellschaft und lädt zu Kultur- und Bildungsveranstaltungen ein.",
        "Afrikanische und afrodiasporische Communities",
        people=(
            Person(
                ("Vorsitzende", "Vorsitzender"),
                topics=("Antischwarzer Rassismus",),
                languages=("Französisch",),
            ),
        ),
    ),
    partner(
        "Dietrich-Keuning-Haus",
        "DKH",
        Form.PUBLIC_BODY,
        Kind.YOUTH,
        ("Jugendarbeit", "Dialog und Vertrauensbildung"),
        ("Türkisch", "Arabisch"),
        "Kinder-, Jugend- und Kulturzentrum der Stadt Dortmund in der Nordstadt mit offenen "
        "Angeboten, Bühnen und Räumen für Vereine. Ort der Unterzeichnung der "
        "Kooperationsvereinbarung am 4. Juni 2024.",
        "Kinder, Jugendliche und Familien aus der Nordstadt",
        people=(Person(("Einrichtungsleiterin", "Einrichtungsleiter")),),
    ),
    partner(
        "forumJUGEND! e.V.",
        "forumJUGEND!",
        Form.REGISTERED_ASSOCIATION,
        Kind.YOUTH,
        ("Jugendarbeit", "Prävention"),
        ("Englisch",),
        "Dortmunder Verein für Jugendarbeit und die Beteiligung junger Menschen; seit 2022 "
        "in der Arbeitsgruppe Dialog, u. a. mit Gesprächsformaten zwischen Jugendlichen und "
        "Polizei.",
        "Jugendliche und junge Erwachsene",
    ),
    partner(
        "Integrationsrat der Stadt Dortmund",
        "Integrationsrat",
        Form.PUBLIC_BODY,
        Kind.ADVISORY_COUNCIL,
        ("Rassismus", "Racial Profiling", "Beschwerdemanagement"),
        ("Türkisch", "Polnisch", "Arabisch"),
        "Gewähltes Gremium des Rates der Stadt Dortmund, das die Interessen der Menschen mit "
        "Einwanderungsgeschichte in der Kommunalpolitik vertritt.",
        "Dortmunderinnen und Dortmunder mit Einwanderungsgeschichte",
        seat=borough("Dortmund", "Innenstadt-West"),
        people=(
            Person(
                ("Vorsitzende des Integrationsrats", "Vorsitzender des Integrationsrats"),
                visibility=Visibility.PUBLIC,
                review="current",
            ),
        ),
        mailboxes=(Mailbox("Geschäftsstelle des Integrationsrats", "integrationsrat"),),
    ),
    partner(
        "Multikulturelles Forum e.V.",
        "MkF",
        Form.REGISTERED_ASSOCIATION,
        Kind.EDUCATION,
        ("Rassismus", "Interkulturelle Kompetenz"),
        ("Türkisch", "Arabisch", "Kurdisch"),
        "Träger von Bildungs-, Beratungs- und Beschäftigungsprojekten für Menschen mit und "
        "ohne Einwanderungsgeschichte in Dortmund und Lünen.",
        "Zugewanderte, Arbeitsuchende, Fachkräfte",
    ),
    partner(
        "Planerladen gGmbH",
        "Planerladen",
        Form.NONPROFIT_COMPANY,
        Kind.COUNSELLING,
        ("Rassismus", "Antiziganismus"),
        ("Rumänisch", "Bulgarisch", "Romanes"),
        "Gemeinwesenarbeit in der Nordstadt: Beratung bei Diskriminierung, auch auf dem "
        "Wohnungsmarkt, und Angebote für Zugewanderte aus Südosteuropa.",
        "Zugewanderte aus Südosteuropa, von Diskriminierung Betroffene",
        people=(
            Person(
                ("Beraterin", "Berater"),
                topics=("Antiziganismus",),
                languages=("Rumänisch", "Romanes"),
            ),
        ),
    ),
    partner(
        "Projekt Ankommen e.V.",
        "Ankommen",
        Form.REGISTERED_ASSOCIATION,
        Kind.COUNSELLING,
        ("Rassismus", "Opferberatung"),
        ("Arabisch", "Persisch", "Dari"),
        "Begleitet neu zugewanderte und geflüchtete Menschen in Dortmund beim Ankommen: "
        "Orientierung, Begleitung zu Behörden und Vermittlung in Beratung.",
        "Geflüchtete und Neuzugewanderte",
    ),
    partner(
        "Rat der muslimischen Gemeinden in Dortmund",
        "RmG",
        Form.INITIATIVE,
        Kind.NETWORK,
        ("Muslimfeindlichkeit", "Sicherheit von Gebetsstätten", "Dialog und Vertrauensbildung"),
        ("Türkisch", "Arabisch", "Bosnisch"),
        "Zusammenschluss der Dortmunder Moscheegemeinden; Ansprechpartner für Stadt, Polizei "
        "und andere Religionsgemeinschaften, etwa beim Schutz der Gebetsstätten und beim Tag "
        "der offenen Moschee.",
        "Moscheegemeinden und Musliminnen und Muslime in Dortmund",
        people=(
            Person(
                ("Sprecherin", "Sprecher"),
                topics=("Sicherheit von Gebetsstätten",),
                languages=("Türkisch",),
                review="current",
            ),
        ),
    ),
    partner(
        "Train of Hope Dortmund e.V.",
        "Train of Hope",
        Form.REGISTERED_ASSOCIATION,
        Kind.OTHER,
        ("Rassismus",),
        ("Arabisch", "Ukrainisch", "Englisch"),
        "Ehrenamtliche Hilfe für geflüchtete Menschen, entstanden 2015 am Dortmunder "
        "Hauptbahnhof; heute Begleitung, Sprachcafés und Vermittlung von Patenschaften.",
        "Geflüchtete, Ehrenamtliche",
        review="stale",
    ),
    partner(
        "Unternehmen.Bilden.Vielfalt e.V.",
        "UBV",
        Form.REGISTERED_ASSOCIATION,
        Kind.EDUCATION,
        ("Interkulturelle Kompetenz",),
        ("Englisch", "Türkisch"),
        "Netzwerk von Unternehmerinnen und Unternehmern mit Einwanderungsgeschichte; "
        "Ausbildungs- und Bildungsprojekte für junge Menschen.",
        "Unternehmen, Auszubildende, junge Menschen",
    ),
    partner(
        "Verbund sozial-kultureller Migrantenvereine Dortmund e.V.",
        "VMDO",
        Form.REGISTERED_ASSOCIATION,
        Kind.NETWORK,
        ("Rassismus", "Racial Profiling", "Dialog und Vertrauensbildung"),
        ("Türkisch", "Arabisch", "Französisch"),
        "Dachverband von Dortmunder Migrantenorganisationen; stärkt ihre Vereinsarbeit und "
        "ihre Stimme in der Stadtgesellschaft.",
        "Migrantenorganisationen und ihre Mitglieder",
        people=(
            Person("Geschäftsführung", topics=("Racial Profiling",), visibility=Visibility.STAFF),
        ),
    ),
    partner(
        "Verein Kamerunischer Ingenieure und Informatiker e.V.",
        "VKII",
        Form.REGISTERED_ASSOCIATION,
        Kind.MIGRANT_ORGANISATION,
        ("Antischwarzer Rassismus",),
        ("Französisch", "Englisch"),
        "Verein kamerunischer Ingenieurinnen, Ingenieure und Informatiker:innen; Mentoring "
        "für Studierende und Berufseinsteigende.",
        "Studierende und Fachkräfte aus Kamerun",
        seat=DORTMUND,
    ),
    partner(
        "Antidiskriminierungsberatung Nordstadt e.V.",
        "ADB Nordstadt",
        Form.REGISTERED_ASSOCIATION,
        Kind.COUNSELLING,
        ("Rassismus", "Opferberatung", "Racial Profiling", "Anzeigeerstattung"),
        ("Türkisch", "Arabisch", "Englisch"),
        "Beratung für Menschen, die rassistische Diskriminierung erlebt haben, auch durch "
        "Behörden und Polizei; begleitet bei Beschwerden und Anzeigen. Seit 2025 "
        "Partnerorganisation der Kooperationsvereinbarung.",
        "Von Diskriminierung Betroffene",
        people=(Person(("Beraterin", "Berater"), languages=("Türkisch",), mobile=True),),
        mailboxes=(
            Mailbox("Beratungsteam der Antidiskriminierungsberatung Nordstadt", "beratung"),
        ),
    ),
]

# Not party to the agreement.
OTHERS = [
    Org(
        "Jüdische Kultusgemeinde Groß-Dortmund",
        "",
        Form.RELIGIOUS_BODY,
        Kind.RELIGIOUS,
        borough("Dortmund", "Innenstadt-West"),
        ("Antisemitismus", "Sicherheit von Gebetsstätten"),
        ("Russisch", "Hebräisch", "Ukrainisch"),
        "Jüdische Gemeinde mit Synagoge, Gemeindezentrum, Religionsunterricht und "
        "Sozialberatung; Ansprechpartnerin für Dialog und Erinnerungsarbeit in Dortmund.",
        "Gemeindemitglieder, Schulen, interessierte Öffentlichkeit",
        regions=(DORTMUND,),
        people=(
            Person(
                ("Sicherheitsbeauftragte der Gemeinde", "Sicherheitsbeauftragter der Gemeinde"),
                topics=("Sicherheit von Gebetsstätten", "Antisemitismus"),
                visibility=Visibility.STAFF,
                review="current",
            ),
        ),
    ),
    Org(
        "BackUp – Beratung für Betroffene rechter, rassistischer und antisemitischer Gewalt",
        "BackUp",
        Form.OTHER,
        Kind.COUNSELLING,
        borough("Dortmund", "Innenstadt-West"),
        ("Opferberatung", "Rechtsextremismus", "Rassismus", "Antisemitismus"),
        ("Englisch", "Türkisch"),
        "Opferberatung für Westfalen: berät Betroffene rechter, rassistischer und "
        "antisemitischer Gewalt, ihre Angehörigen und Zeug:innen, kostenlos, vertraulich und "
        "auf Wunsch anonym.",
        "Betroffene, Angehörige, Zeug:innen",
        regions=(DORTMUND, land("Nordrhein-Westfalen")),
        people=(Person(("Beraterin", "Berater"), languages=("Englisch",)),),
        mailboxes=(Mailbox("Beratungsteam BackUp", "beratung"),),
    ),
    Org(
        "Moscheegemeinde Dortmund-Nordstadt e.V.",
        "",
        Form.REGISTERED_ASSOCIATION,
        Kind.MOSQUE,
        NORDSTADT,
        ("Muslimfeindlichkeit", "Sicherheit von Gebetsstätten", "Dialog und Vertrauensbildung"),
        ("Türkisch", "Arabisch"),
        "Moscheegemeinde mit Freitagsgebet, Koranunterricht und Hausaufgabenhilfe; Mitglied "
        "im Rat der muslimischen Gemeinden. Öffnet die Moschee für Schulklassen und "
        "Nachbarschaft.",
        "Gemeindemitglieder, Nachbarschaft, Schulen",
        people=(
            Person((None, "Imam"), languages=("Türkisch", "Arabisch")),
            Person(
                ("Vorsitzende des Moscheevereins", "Vorsitzender des Moscheevereins"),
                topics=("Sicherheit von Gebetsstätten",),
                review="due",
            ),
        ),
    ),
    Org(
        "Islamisches Kulturzentrum Dortmund-Eving e.V.",
        "IKZ Eving",
        Form.REGISTERED_ASSOCIATION,
        Kind.MOSQUE,
        borough("Dortmund", "Eving"),
        ("Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"),
        ("Türkisch", "Bosnisch"),
        "Moscheeverein mit Gebetsraum, Frauen- und Jugendgruppe; Mitglied im Rat der "
        "muslimischen Gemeinden.",
        "Gemeindemitglieder, Familien",
        public=False,
        people=(
            Person(
                ("Dialogbeauftragte der Gemeinde", "Dialogbeauftragter der Gemeinde"),
                review="never",
            ),
        ),
    ),
]
