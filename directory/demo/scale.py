"""Synthetic national-scale data: N contacts with proportional organisations, police units and
agreements, written with bulk inserts (and the database triggers still maintaining the police
tree and history)."""

from django.utils.text import slugify

from directory.agreements.models import Agreement, AgreementParty
from directory.contacts.models import ContactPerson
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from .common import Seeder, bulk, link
from .functions import ORGANISATION_FUNCTIONS, POLICE_FUNCTIONS

Kind = Organisation.Kind
Unit = PoliceUnit.Kind

ORGANISATION_NAMES = {
    Kind.MOSQUE: ["Moscheegemeinde", "Islamisches Kulturzentrum", "Moscheeverein"],
    Kind.MIGRANT_ORGANISATION: [
        "Afrikanischer Kulturverein", "Syrischer Elternverein", "Eritreischer Kulturverein",
        "Kurdischer Frauenverein", "Polnischer Kulturverein", "Vietnamesischer Verein",
        "Ghanaischer Verein",
    ],
    Kind.COUNSELLING: [
        "Beratungsstelle gegen Diskriminierung", "Opferberatung", "Antidiskriminierungsbüro",
    ],
    Kind.YOUTH: ["Jugendzentrum", "Jugendtreff", "Kinder- und Jugendhaus"],
    Kind.RELIGIOUS: [
        "Jüdische Gemeinde", "Alevitische Gemeinde", "Ezidisches Kulturzentrum",
        "Evangelische Kirchengemeinde",
    ],
    Kind.NETWORK: ["Bündnis gegen Rassismus", "Netzwerk Vielfalt", "Runder Tisch Demokratie"],
    Kind.EDUCATION: ["Bildungswerk", "Akademie für Demokratie", "Lernwerkstatt Vielfalt"],
    Kind.ADVOCACY: ["Queeres Netzwerk", "Roma-Selbstorganisation", "Initiative Schwarzer Menschen"],
    Kind.ADVISORY_COUNCIL: ["Integrationsrat"],
    Kind.OTHER: ["Verein für Nachbarschaft"],
}  # fmt: skip

FORMS = {
    Kind.ADVISORY_COUNCIL: Organisation.LegalForm.PUBLIC_BODY,
    Kind.RELIGIOUS: Organisation.LegalForm.RELIGIOUS_BODY,
}

FUNCTION_UNITS = [
    ("Ansprechperson LSBTI*", Unit.LGBTI_CONTACT),
    ("Kriminalprävention und Opferschutz", Unit.PREVENTION),
    ("Kompetenzzentrum Dialog", Unit.DIALOGUE),
    ("Staatsschutz", Unit.STATE_SECURITY),
    ("Bezirksdienst", Unit.COMMUNITY_OFFICERS),
]


class ScaleDirectory(Seeder):
    def build(self, contacts):
        """Create `contacts` contact persons and their proportional entries; returns counts."""
        self.load_reference()
        units = self.police_units(contacts // 30)
        organisations = self.organisations(max(contacts // 5, 1))
        people = self.contacts(contacts, organisations, units)
        agreements = self.agreements(max(contacts // 20, 1), organisations, units)
        return {
            "organisations": len(organisations),
            "police units": len(units) + len(self.lands),
            "contact persons": len(people),
            "agreements": len(agreements),
        }

    def police_units(self, total):
        """A tree per Land: police > presidium per district > directorates > stations and
        function units, inserted level by level so the tree trigger finds each parent."""
        roots = bulk(
            PoliceUnit,
            [
                self.unit(f"Polizei {name}", Unit.STATE_POLICE, None, land)
                for name, land in self.lands.items()
            ],
        )
        root_of = {unit.jurisdiction_id: unit for unit in roots}
        presidia = bulk(
            PoliceUnit,
            [
                self.unit(
                    f"Polizeipräsidium {d.name} (Scale)", Unit.PRESIDIUM, root_of[d.parent_id], d
                )
                for d in self.districts
            ],
        )
        created = len(roots) + len(presidia)
        directorates = bulk(
            PoliceUnit,
            [
                self.unit(f"Direktion {label}", Unit.DIRECTORATE, p, p.jurisdiction)
                for p in presidia
                for label in ("Gefahrenabwehr/Einsatz", "Kriminalität")
            ],
        )
        created += len(directorates)
        leaves, number = [], 0
        while created + len(leaves) < total:
            number += 1
            for parent in directorates:
                if created + len(leaves) >= total:
                    break
                district = parent.jurisdiction
                if number % 3 == 0:
                    name, kind = FUNCTION_UNITS[(number // 3 + parent.pk) % len(FUNCTION_UNITS)]
                    name = f"{name} {district.name} {number // 3}"
                else:
                    name, kind = f"Polizeiwache {district.name} {number}", Unit.STATION
                leaves.append(self.unit(name, kind, parent, district))
        return [*presidia, *directorates, *bulk(PoliceUnit, leaves)]

    def unit(self, name, kind, parent, region):
        district = region if region.kind == "district" else None
        return PoliceUnit(
            name=name,
            kind=kind,
            parent=parent,
            jurisdiction=region,
            is_public=True,
            **(self.address(district) if district else {}),
            **self.review(),
        )

    def organisations(self, total):
        kinds = list(ORGANISATION_NAMES)
        weights = [14, 16, 14, 12, 8, 10, 8, 8, 2, 8]
        organisations = []
        for index in range(total):
            kind = self.rng.choices(kinds, weights)[0]
            district = self.rng.choice(self.districts)
            quarter = self.rng.choice(self.boroughs.get(district.name, [None]))
            place = quarter.name if quarter else self.fake.street_name()
            name = f"{self.rng.choice(ORGANISATION_NAMES[kind])} {district.name}-{place}"
            domain = f"org{index + 1}.example.org"
            organisations.append(
                Organisation(
                    name=name,
                    legal_form=FORMS.get(kind, Organisation.LegalForm.REGISTERED_ASSOCIATION),
                    kind=kind,
                    is_public=self.rng.random() < 0.8,
                    website=f"https://{domain}/",
                    email=f"info@{domain}",
                    phone=self.phone(district.name),
                    **self.address(district),
                    **self.review(),
                )
            )
            organisations[-1].activity_region = quarter or district
            organisations[-1].seat_name = district.name
        organisations = bulk(Organisation, organisations)
        through = Organisation
        link(
            through.topics.through,
            (
                {"organisation_id": o.pk, "topic_id": t.pk}
                for o in organisations
                for t in self.some(self.topics, 1, 3)
            ),
        )
        link(
            through.regions.through,
            ({"organisation_id": o.pk, "region_id": o.activity_region.pk} for o in organisations),
        )
        link(
            through.languages.through,
            (
                {"organisation_id": o.pk, "language_id": lang.pk}
                for o in organisations
                for lang in self.contact_languages()
            ),
        )
        return organisations

    def contacts(self, total, organisations, units):
        people = []
        for index in range(total):
            if self.rng.random() < 0.85:
                organisation = self.rng.choice(organisations)
                owner = {"organisation": organisation}
                domain = organisation.email.split("@")[1]
                functions = ORGANISATION_FUNCTIONS[organisation.kind]
                city = organisation.seat_name
            else:
                unit = self.rng.choice(units)
                owner = {"police_unit": unit}
                city = unit.jurisdiction.name
                domain = f"polizei-{slugify(city)}.example.org"
                functions = POLICE_FUNCTIONS[unit.kind]
            if "police_unit" in owner and index % 10 == 0:
                people.append(
                    self.functional_contact(
                        f"Funktionspostfach {index}", domain, city=city, **owner
                    )
                )
            else:
                people.append(self.person(domain, functions=functions, city=city, **owner))
        people = bulk(ContactPerson, people)
        link(
            ContactPerson.topics.through,
            (
                {"contactperson_id": c.pk, "topic_id": t.pk}
                for c in people
                for t in self.some(self.topics, 1, 3)
            ),
        )
        link(
            ContactPerson.languages.through,
            (
                {"contactperson_id": c.pk, "language_id": lang.pk}
                for c in people
                for lang in self.contact_languages()
            ),
        )
        return people

    def agreements(self, total, organisations, units):
        statuses = list(Agreement.Status)
        agreements = []
        for index in range(total):
            status = self.rng.choices(statuses, [20, 55, 15, 10])[0]
            signed = (
                None
                if status == Agreement.Status.PREPARING
                else self.fake.date_between("-8y", "-1m")
            )
            agreements.append(
                Agreement(
                    title=f"Kooperationsvereinbarung {index + 1}: {self.rng.choice(self.topics)}",
                    status=status,
                    signed_on=signed,
                    valid_from=signed,
                    is_public=self.rng.random() < 0.5,
                    goals=self.fake.sentence(nb_words=12),
                    formats="Dialogforum\nBlick in die Polizei",
                    **self.review(),
                )
            )
        agreements = bulk(Agreement, agreements)
        parties = []
        for agreement in agreements:
            parties.append(AgreementParty(agreement=agreement, police_unit=self.rng.choice(units)))
            for org in self.rng.sample(
                organisations, min(len(organisations), self.rng.randint(1, 5))
            ):
                parties.append(AgreementParty(agreement=agreement, organisation=org))
        bulk(AgreementParty, parties)
        link(
            Agreement.topics.through,
            (
                {"agreement_id": a.pk, "topic_id": t.pk}
                for a in agreements
                for t in self.some(self.topics, 1, 2)
            ),
        )
        return agreements
