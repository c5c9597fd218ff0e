"""The small demo directory: Dortmund's partners and police, Berlin, the Länder sparsely.

Organisation and police names are real public bodies named in the source texts or widely
known; every person, email address and phone number is fictional.
"""

import datetime

from django.utils.text import slugify

from directory.agreements.models import Agreement, AgreementParty
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from . import reference
from .common import Seeder
from .scale import ORGANISATION_NAMES

Kind = Organisation.Kind
Form = Organisation.LegalForm
Unit = PoliceUnit.Kind

DORTMUND_PARTNERS = [
    ("AFRIDO c/o Africa Positive e.V.", "AFRIDO", Form.REGISTERED_ASSOCIATION,
     Kind.MIGRANT_ORGANISATION, ["Antischwarzer Rassismus", "Rassismus"],
     ["Englisch", "Französisch"]),
    ("Dietrich-Keuning-Haus", "DKH", Form.PUBLIC_BODY, Kind.YOUTH,
     ["Jugendarbeit", "Dialog und Vertrauensbildung"], ["Türkisch", "Arabisch"]),
    ("forumJUGEND! e.V.", "forumJUGEND!", Form.REGISTERED_ASSOCIATION, Kind.YOUTH,
     ["Jugendarbeit", "Prävention"], ["Englisch"]),
    ("Integrationsrat der Stadt Dortmund", "Integrationsrat", Form.PUBLIC_BODY,
     Kind.ADVISORY_COUNCIL, ["Rassismus", "Beschwerdemanagement"], ["Türkisch", "Polnisch"]),
    ("Multikulturelles Forum e.V.", "MkF", Form.REGISTERED_ASSOCIATION, Kind.EDUCATION,
     ["Rassismus", "Interkulturelle Kompetenz"], ["Türkisch", "Arabisch", "Kurdisch"]),
    ("Planerladen gGmbH", "Planerladen", Form.NONPROFIT_COMPANY, Kind.COUNSELLING,
     ["Rassismus", "Antiziganismus"], ["Rumänisch", "Bulgarisch", "Romanes"]),
    ("Projekt Ankommen e.V.", "Ankommen", Form.REGISTERED_ASSOCIATION, Kind.COUNSELLING,
     ["Opferberatung", "Rassismus"], ["Arabisch", "Persisch", "Dari"]),
    ("Rat der muslimischen Gemeinden in Dortmund", "RmG", Form.INITIATIVE, Kind.NETWORK,
     ["Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"], ["Türkisch", "Arabisch", "Bosnisch"]),
    ("Train of Hope Dortmund e.V.", "Train of Hope", Form.REGISTERED_ASSOCIATION,
     Kind.MIGRANT_ORGANISATION, ["Rassismus", "Opferberatung"], ["Arabisch", "Ukrainisch"]),
    ("Unternehmen.Bilden.Vielfalt e.V.", "UBV", Form.REGISTERED_ASSOCIATION, Kind.EDUCATION,
     ["Interkulturelle Kompetenz"], ["Englisch", "Türkisch"]),
    ("Verbund sozial-kultureller Migrantenvereine Dortmund e.V.", "VMDO",
     Form.REGISTERED_ASSOCIATION, Kind.NETWORK, ["Rassismus", "Racial Profiling"],
     ["Türkisch", "Arabisch", "Französisch"]),
    ("Verein Kamerunischer Ingenieure und Informatiker e.V.", "VKII", Form.REGISTERED_ASSOCIATION,
     Kind.MIGRANT_ORGANISATION, ["Antischwarzer Rassismus"], ["Französisch", "Englisch"]),
]  # fmt: skip

BERLIN_ORGANISATIONS = [
    ("Türkischer Bund in Berlin-Brandenburg e.V.", "TBB", Form.REGISTERED_ASSOCIATION,
     Kind.MIGRANT_ORGANISATION, ["Rassismus", "Beschwerdemanagement"], ["Türkisch"],
     "Tempelhof-Schöneberg"),
    ("Jüdisches Forum für Demokratie und gegen Antisemitismus e.V.", "JFDA",
     Form.REGISTERED_ASSOCIATION, Kind.ADVOCACY, ["Antisemitismus", "Rechtsextremismus"],
     ["Englisch"], "Mitte"),
    ("Recherche- und Informationsstelle Antisemitismus Berlin", "RIAS Berlin",
     Form.REGISTERED_ASSOCIATION, Kind.COUNSELLING, ["Antisemitismus", "Hasskriminalität"],
     ["Englisch", "Russisch"], "Mitte"),
    ("ReachOut – Opferberatung und Bildung gegen Rechtsextremismus, Rassismus und Antisemitismus",
     "ReachOut", Form.REGISTERED_ASSOCIATION, Kind.COUNSELLING,
     ["Opferberatung", "Rechtsextremismus", "Rassismus"], ["Englisch", "Arabisch"],
     "Friedrichshain-Kreuzberg"),
    ("CLAIM – Allianz gegen Islam- und Muslimfeindlichkeit", "CLAIM", Form.NONPROFIT_COMPANY,
     Kind.NETWORK, ["Muslimfeindlichkeit"], ["Arabisch", "Türkisch"], "Mitte"),
    ("Amaro Foro e.V.", "Amaro Foro", Form.REGISTERED_ASSOCIATION, Kind.ADVOCACY,
     ["Antiziganismus"], ["Romanes", "Rumänisch", "Bulgarisch"], "Neukölln"),
    ("MANEO – Das schwule Anti-Gewalt-Projekt in Berlin", "MANEO", Form.REGISTERED_ASSOCIATION,
     Kind.COUNSELLING, ["Queerfeindlichkeit", "Opferberatung", "Anzeigeerstattung"],
     ["Englisch"], "Tempelhof-Schöneberg"),
    ("LesMigraS – Antidiskriminierungs- und Antigewaltbereich der Lesbenberatung Berlin e.V.",
     "LesMigraS", Form.REGISTERED_ASSOCIATION, Kind.COUNSELLING,
     ["Queerfeindlichkeit", "Rassismus"], ["Englisch", "Spanisch"], "Tempelhof-Schöneberg"),
    ("Inssan e.V.", "Inssan", Form.REGISTERED_ASSOCIATION, Kind.RELIGIOUS,
     ["Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"], ["Arabisch"],
     "Charlottenburg-Wilmersdorf"),
    ("Antidiskriminierungsnetzwerk Berlin des TBB", "ADNB", Form.REGISTERED_ASSOCIATION,
     Kind.COUNSELLING, ["Rassismus", "Racial Profiling", "Beschwerdemanagement"],
     ["Türkisch", "Englisch"], "Tempelhof-Schöneberg"),
    ("Gangway e.V. – Straßensozialarbeit in Berlin", "Gangway", Form.REGISTERED_ASSOCIATION,
     Kind.YOUTH, ["Jugendarbeit", "Prävention"], ["Arabisch", "Türkisch", "Englisch"], "Mitte"),
    ("Moscheegemeinde Neukölln (Beispiel)", "", Form.REGISTERED_ASSOCIATION, Kind.MOSQUE,
     ["Muslimfeindlichkeit", "Sicherheit von Gebetsstätten"], ["Arabisch", "Türkisch"], "Neukölln"),
]  # fmt: skip

BERLIN_DIRECTIONS = {
    "Direktion 1 (Nord)": ["Abschnitt 11", "Abschnitt 12", "Abschnitt 13"],
    "Direktion 2 (West)": ["Abschnitt 21", "Abschnitt 24"],
    "Direktion 3 (Ost)": ["Abschnitt 31", "Abschnitt 33"],
    "Direktion 4 (Süd)": ["Abschnitt 41", "Abschnitt 44"],
    "Direktion 5 (City)": ["Abschnitt 51", "Abschnitt 53", "Abschnitt 54"],
    "Direktion 6 (Südost)": ["Abschnitt 61", "Abschnitt 63"],
}


class DemoDirectory(Seeder):
    def build(self):
        self.reference()
        bka = self.unit("Bundeskriminalamt", Unit.FEDERAL_AGENCY, level="federal", short="BKA")
        self.unit("Bundespolizei", Unit.FEDERAL_AGENCY, level="federal")
        self.mailbox(bka, "Zentralstelle Hasskriminalität", "bka.example.org")
        dortmund_police = self.dortmund()
        berlin_police = self.berlin()
        self.other_lands()
        self.agreements(dortmund_police, berlin_police)

    # --- Dortmund ------------------------------------------------------------------------------

    def dortmund(self):
        nrw = self.unit(
            "Polizei Nordrhein-Westfalen",
            Unit.STATE_POLICE,
            region=self.lands["Nordrhein-Westfalen"],
        )
        self.unit("Landeskriminalamt Nordrhein-Westfalen", Unit.LKA, parent=nrw, short="LKA NRW")
        city = self.district["Dortmund"]
        pp = self.unit(
            "Polizeipräsidium Dortmund",
            Unit.PRESIDIUM,
            parent=nrw,
            region=city,
            short="PP Dortmund",
        )
        dialog = self.unit(
            "Kompetenzzentrum für Dialog und Vertrauensförderung mit einer diversen Gesellschaft",
            Unit.DIALOGUE,
            parent=pp,
            region=city,
            short="Kompetenzzentrum Dialog",
        )
        self.unit("Kriminalprävention und Opferschutz", Unit.PREVENTION, parent=pp, region=city)
        lgbti = self.unit("Ansprechperson LSBTI*", Unit.LGBTI_CONTACT, parent=pp, region=city)
        crime = self.unit("Direktion Kriminalität", Unit.DIRECTORATE, parent=pp, region=city)
        self.unit("Kriminalinspektion Staatsschutz", Unit.STATE_SECURITY, parent=crime, region=city)
        danger = self.unit(
            "Direktion Gefahrenabwehr/Einsatz", Unit.DIRECTORATE, parent=pp, region=city
        )
        for name, borough in [
            ("Polizeiwache Nord", "Innenstadt-Nord"),
            ("Polizeiwache Hörde", "Hörde"),
        ]:
            station = self.unit(
                name, Unit.STATION, parent=danger, region=self.borough("Dortmund", borough)
            )
            self.unit(
                f"Bezirksdienst {borough}",
                Unit.COMMUNITY_OFFICERS,
                parent=station,
                region=self.borough("Dortmund", borough),
            )
        self.mailbox(dialog, "Kompetenzzentrum Dialog", "polizei-dortmund.example.org")
        self.mailbox(lgbti, "Ansprechstelle LSBTI* Dortmund", "polizei-dortmund.example.org")
        self.people(
            dialog,
            "polizei-dortmund.example.org",
            3,
            topics=["Dialog und Vertrauensbildung", "Racial Profiling"],
        )
        self.people(lgbti, "polizei-dortmund.example.org", 1, topics=["Queerfeindlichkeit"])
        self.partners = [
            self.organisation(
                *row, district=city, borough=self.borough("Dortmund", "Innenstadt-Nord")
            )
            for row in DORTMUND_PARTNERS
        ]
        return pp

    # --- Berlin --------------------------------------------------------------------------------

    def berlin(self):
        land = self.lands["Berlin"]
        city = self.district["Berlin"]
        police = self.unit("Polizei Berlin", Unit.STATE_POLICE, region=land)
        lka = self.unit(
            "Landeskriminalamt Berlin", Unit.LKA, parent=police, region=land, short="LKA Berlin"
        )
        security = self.unit(
            "LKA 5 – Polizeilicher Staatsschutz", Unit.STATE_SECURITY, parent=lka, region=land
        )
        prevention = self.unit(
            "Zentralstelle für Prävention", Unit.PREVENTION, parent=lka, region=land
        )
        lgbti = self.unit(
            "Ansprechpersonen für LSBTI*", Unit.LGBTI_CONTACT, parent=police, region=land
        )
        self.mailbox(
            lgbti, "Ansprechpersonen für LSBTI* der Polizei Berlin", "polizei-berlin.example.org"
        )
        self.mailbox(security, "Zentralstelle Hasskriminalität", "polizei-berlin.example.org")
        self.people(prevention, "polizei-berlin.example.org", 2, topics=["Prävention"])
        boroughs = self.boroughs["Berlin"]
        for index, (direction, sections) in enumerate(BERLIN_DIRECTIONS.items()):
            unit = self.unit(
                f"Direktion {direction.split(' ', 1)[1]}",
                Unit.DIRECTORATE,
                parent=police,
                region=boroughs[index * 2],
            )
            for section in sections:
                borough = self.rng.choice(boroughs)
                precinct = self.unit(section, Unit.PRECINCT, parent=unit, region=borough)
                self.people(precinct, "polizei-berlin.example.org", 1, topics=["Hasskriminalität"])
        for name, short, form, kind, topics, languages, borough in BERLIN_ORGANISATIONS:
            self.organisation(
                name,
                short,
                form,
                kind,
                topics,
                languages,
                district=city,
                borough=self.borough("Berlin", borough),
            )
        return police

    # --- elsewhere -----------------------------------------------------------------------------

    def other_lands(self):
        kinds = [Kind.MOSQUE, Kind.COUNSELLING, Kind.NETWORK, Kind.RELIGIOUS, Kind.YOUTH]
        for land_name, district_names in self.reference_districts():
            land = self.lands[land_name]
            police = self.unit(f"Polizei {land_name}", Unit.STATE_POLICE, region=land)
            district = self.district[district_names[0]]
            pp = self.unit(
                f"Polizeipräsidium {district.name}", Unit.PRESIDIUM, parent=police, region=district
            )
            self.mailbox(
                pp,
                f"Ansprechstelle LSBTI* {district.name}",
                f"polizei-{slugify(land_name)}.example.org",
            )
            self.people(pp, f"polizei-{slugify(land_name)}.example.org", 1, topics=["Prävention"])
            for kind in self.rng.sample(kinds, 2):
                name = f"{ORGANISATION_NAMES[kind][0]} {district.name}"
                topics = [t.name for t in self.some(self.topics, 1, 3)]
                self.organisation(
                    name,
                    "",
                    Form.REGISTERED_ASSOCIATION,
                    kind,
                    topics,
                    ["Englisch"],
                    district=district,
                )

    def reference_districts(self):
        skip = {"Berlin", "Nordrhein-Westfalen"}
        return [(land, names) for land, names in reference.DISTRICTS.items() if land not in skip]

    def agreements(self, dortmund_police, berlin_police):
        dortmund = Agreement.objects.create(
            title="Kooperationsvereinbarung Polizei Dortmund und Zivilgesellschaft: "
            "Dialog und Vertrauensförderung",
            status=Agreement.Status.ACTIVE,
            signed_on=datetime.date(2024, 6, 4),
            valid_from=datetime.date(2024, 6, 4),
            goals="Langfristige und vertrauensvolle Zusammenarbeit; Sensibilisierung der Polizei "
            "für die Perspektive migrantischer Communities; Sicherheit für alle und Schutz der "
            "Demokratie.",
            formats="Blick in die Polizei\nBlick in die Organisation\n"
            "Mehrsprachiges Beschwerdemanagement\nDialogforum\nOffene Konferenz",
            is_public=True,
            **self.review(),
        )
        dortmund.topics.set(
            [
                self.topic[n]
                for n in [
                    "Rassismus",
                    "Racial Profiling",
                    "Beschwerdemanagement",
                    "Dialog und Vertrauensbildung",
                ]
            ]
        )
        AgreementParty.objects.create(
            agreement=dortmund, police_unit=dortmund_police, role="Polizeipräsidium"
        )
        AgreementParty.objects.bulk_create(
            AgreementParty(agreement=dortmund, organisation=org, role="Partnerorganisation")
            for org in self.partners
        )
        berlin_orgs = list(Organisation.objects.filter(city="Berlin").order_by("name")[:3])
        draft = Agreement.objects.create(
            title="Sicherheitspartnerschaft Gebetsstätten Berlin",
            status=Agreement.Status.PREPARING,
            goals="Ansprechpersonen für die Sicherheit von Gebetsstätten benennen.",
            formats="Arbeitskreis\nHospitation",
            **self.review(),
        )
        draft.topics.set(
            [self.topic["Sicherheit von Gebetsstätten"], self.topic["Muslimfeindlichkeit"]]
        )
        AgreementParty.objects.create(agreement=draft, police_unit=berlin_police)
        AgreementParty.objects.bulk_create(
            AgreementParty(agreement=draft, organisation=o) for o in berlin_orgs
        )
        ended = Agreement.objects.create(
            title="Gemeinsame Erklärung gegen Queerfeindlichkeit (2019–2022)",
            status=Agreement.Status.ENDED,
            signed_on=datetime.date(2019, 5, 17),
            valid_from=datetime.date(2019, 5, 17),
            valid_until=datetime.date(2022, 5, 16),
            is_public=True,
            **self.review(),
        )
        ended.topics.set([self.topic["Queerfeindlichkeit"]])
        AgreementParty.objects.create(agreement=ended, police_unit=berlin_police)
        for org in Organisation.objects.filter(
            name__startswith="MANEO"
        ) | Organisation.objects.filter(name__startswith="LesMigraS"):
            AgreementParty.objects.create(agreement=ended, organisation=org)

    # --- building blocks ----------------------------------------------------------------------

    def borough(self, city, name):
        return next(b for b in self.boroughs[city] if b.name == name)

    def unit(self, name, kind, parent=None, region=None, level="state", short=""):
        district = region if region is not None and region.kind == "district" else None
        address = self.address(district) if district else {}
        return PoliceUnit.objects.create(
            name=name,
            short_name=short,
            kind=kind,
            level=level,
            parent=parent,
            jurisdiction=region,
            is_public=True,
            **address,
            **self.review(),
        )

    def organisation(self, name, short, form, kind, topics, languages, district, borough=None):
        domain = f"{slugify(short or name)[:24].strip('-')}.example.org"
        org = Organisation.objects.create(
            name=name,
            short_name=short,
            legal_form=form,
            kind=kind,
            is_public=True,
            website=f"https://{domain}/",
            email=f"info@{domain}",
            phone=self.phone(),
            description=self.fake.paragraph(nb_sentences=3),
            target_groups=self.rng.choice(TARGET_GROUPS),
            **self.address(district),
            **self.review(),
        )
        org.topics.set([self.topic[t] for t in topics])
        org.regions.set([borough or district])
        org.languages.set([self.language["Deutsch"], *(self.language[n] for n in languages)])
        self.people(org, domain, self.rng.randint(1, 3), topics=topics)
        return org

    def people(self, owner, domain, count, topics=()):
        field = "organisation" if isinstance(owner, Organisation) else "police_unit"
        for _ in range(count):
            contact = self.person(domain, **{field: owner})
            contact.save()
            contact.topics.set([self.topic[t] for t in topics])
            contact.languages.set(self.contact_languages())

    def mailbox(self, unit, title, domain):
        contact = self.functional_contact(title, domain, police_unit=unit)
        contact.save()
        return contact


TARGET_GROUPS = [
    "Jugendliche und junge Erwachsene",
    "Geflüchtete und Neuzugewanderte",
    "Von Diskriminierung Betroffene",
    "Gemeindemitglieder und Besucher:innen",
    "Fachkräfte, Multiplikator:innen",
    "LSBTI* und ihre Angehörigen",
]
