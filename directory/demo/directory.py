"""The small demo directory: Dortmund's police and partners, Berlin, Hamburg and Sachsen, the
other Länder lightly (data in dortmund.py, berlin.py, elsewhere.py), and the agreements.

Organisation and police names are real public bodies named in the source texts or widely
known, described neutrally; every person, address, email address and phone number is
fictional. What the README's ten questions ask for is fixed; names, phone numbers and the
freshness of the other entries come from the seed."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.utils.text import slugify

from directory.agreements.models import Agreement, AgreementParty
from directory.contacts.models import ConsentBasis, ContactPerson
from directory.core.dates import add_months
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from . import berlin, dortmund, elsewhere, reference
from .common import UMLAUTS, Seeder
from .functions import ORGANISATION_FUNCTIONS, POLICE_FUNCTIONS
from .names import NAMES

Form = Organisation.LegalForm
OFFICIAL_FORMS = {Form.PUBLIC_BODY, Form.RELIGIOUS_BODY}
TOP_UNITS = {PoliceUnit.Kind.STATE_POLICE, PoliceUnit.Kind.PRESIDIUM, PoliceUnit.Kind.LKA}
# Their people carry names of the community they serve; elsewhere, someone who speaks a
# community's language often does.
COMMUNITY_KINDS = {
    Organisation.Kind.MOSQUE,
    Organisation.Kind.MIGRANT_ORGANISATION,
    Organisation.Kind.RELIGIOUS,
}
# Freshness of entries the data leaves open: mostly current, some due or overdue.
REVIEW_MIX = {"current": 72, "due": 10, "stale": 12, "never": 6}


def slug(text):
    return slugify(text.translate(UMLAUTS))


def short_slug(text, length=30):
    """The first words of `text` as a slug of at most `length` characters."""
    words = []
    for word in slug(text).split("-"):
        if words and len("-".join([*words, word])) > length:
            break
        words.append(word)
    return "-".join(words)


class DemoDirectory(Seeder):
    """Police units are saved one by one (the tree trigger needs each parent first);
    organisations, contacts and every many-to-many link are saved in bulk at the end."""

    def build(self):
        self.reference()
        self.units = {}  # by path: names repeat ("Kriminalinspektion Staatsschutz")
        self.organisations = {}
        self.contacts = []
        self.links = []  # (entry, field name, linked entries), saved once entries have ids
        other_units, other_organisations = elsewhere.lands(reference.DISTRICTS)
        trees = [
            *elsewhere.FEDERAL,
            elsewhere.NRW,
            berlin.POLICE,
            elsewhere.HAMBURG,
            elsewhere.SACHSEN,
            *other_units,
        ]
        for tree in trees:
            self.police_unit(tree)
        for spec in [
            *dortmund.PARTNERS,
            *dortmund.OTHERS,
            *berlin.ORGANISATIONS,
            *elsewhere.ORGANISATIONS,
            *other_organisations,
        ]:
            self.organisation(spec)
        Organisation.objects.bulk_create(self.organisations.values())
        ContactPerson.objects.bulk_create(self.contacts)
        self.agreements()
        self.save_links()

    # --- places and freshness -----------------------------------------------------------------

    def region(self, key):
        if key is None:
            return None
        if key[0] == "land":
            return self.lands[key[1]]
        if key[0] == "district":
            return self.district[key[1]]
        return self.borough(key[1], key[2])

    def borough(self, city, name):
        return next(b for b in self.boroughs[city] if b.name == name)

    def place(self, key):
        """(city, borough) of a seat given as a city or a borough."""
        if key[0] == "borough":
            return self.district[key[1]], self.borough(key[1], key[2])
        return self.district[key[1]], None

    def demo_review(self, state=None):
        """Verification dates for a freshness: "current" (next review 40 days away or more),
        "due" (within 30 days), "stale" (overdue) or "never" (never verified)."""
        if state is None:
            state = self.rng.choices(list(REVIEW_MIX), weights=list(REVIEW_MIX.values()))[0]
        if state == "never":
            return {"verified_on": None, "review_due": None}
        interval = settings.NETZPOL_REVIEW_INTERVAL_MONTHS
        due_today = add_months(self.today, -interval)  # verified then, due today
        span = (self.today - due_today).days
        days = {
            "current": self.rng.randint(min(40, span // 2), span - 1),
            "due": self.rng.randint(3, 25),
            "stale": -self.rng.randint(15, 300),
        }[state]
        verified_on = due_today + datetime.timedelta(days=days)
        return {"verified_on": verified_on, "review_due": add_months(verified_on, interval)}

    # --- entries ------------------------------------------------------------------------------

    def police_unit(self, spec, parent=None, path="", domain=""):
        seat = spec.seat or spec.region
        district, quarter = self.place(seat) if seat and seat[0] != "land" else (None, None)
        domain = domain or spec.domain or f"{slug(spec.short or spec.name)}.example.org"
        top = parent is None or spec.kind in TOP_UNITS
        unit = PoliceUnit.objects.create(
            name=spec.name,
            short_name=spec.short,
            kind=spec.kind,
            level=spec.level,
            parent=parent,
            jurisdiction=self.region(spec.region),
            is_public=spec.public,
            description=spec.description,
            email=f"poststelle.{slug(district.name)}@{domain}" if top and district else "",
            phone=self.phone(district.name) if district else "",
            **(self.address(district, quarter) if district else {}),
            **self.demo_review(spec.review),
        )
        self.link(unit, "topics", spec.topics)
        path = f"{path} > {spec.name}" if path else spec.name
        self.units[path] = unit
        city = district.name if district else None
        owner = {"police_unit": unit}
        for person in spec.people:
            self.add_person(person, POLICE_FUNCTIONS[spec.kind], domain, city, owner, ())
        for mailbox in spec.mailboxes:
            self.add_mailbox(mailbox, domain, city, ConsentBasis.OFFICIAL_FUNCTION, owner)
        for child in spec.children:
            self.police_unit(child, parent=unit, path=path, domain=domain)
        return unit

    def organisation(self, spec):
        district, quarter = self.place(spec.seat)
        domain = f"{short_slug(spec.short or spec.name)}.example.org"
        org = Organisation(
            name=spec.name,
            short_name=spec.short,
            legal_form=spec.form,
            kind=spec.kind,
            is_public=spec.public,
            website=f"https://{domain}/",
            email=f"info@{domain}",
            phone=self.phone(district.name),
            description=spec.description,
            target_groups=spec.target_groups,
            **self.address(district, quarter),
            **self.demo_review(spec.review),
        )
        self.link(org, "topics", spec.topics)
        self.links.append((org, "regions", [self.region(k) for k in spec.regions or (spec.seat,)]))
        self.link(org, "languages", spec.languages)
        self.organisations[spec.name] = org
        owner = {"organisation": org}
        basis = (
            ConsentBasis.OFFICIAL_FUNCTION if spec.form in OFFICIAL_FORMS else ConsentBasis.EMAIL
        )
        for person in spec.people:
            community = spec.languages if spec.kind in COMMUNITY_KINDS else ()
            self.add_person(
                person, ORGANISATION_FUNCTIONS[spec.kind], domain, district.name, owner, community
            )
        for mailbox in spec.mailboxes:
            self.add_mailbox(mailbox, domain, district.name, basis, owner)
        return org

    def link(self, entry, field_name, names):
        """Link `entry` to the topics or languages named (German always, for languages)."""
        if field_name == "languages":
            targets = [self.language["Deutsch"], *(self.language[name] for name in names)]
        else:
            targets = [self.topic[name] for name in names]
        self.links.append((entry, field_name, targets))

    def save_links(self):
        rows = defaultdict(list)
        for entry, field_name, targets in self.links:
            field = type(entry)._meta.get_field(field_name)
            through = field.remote_field.through
            source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            rows[through] += [through(**{source: entry.pk, target: t.pk}) for t in targets]
        for through, links in rows.items():
            through.objects.bulk_create(links)

    def add_person(self, spec, functions, domain, city, owner, community):
        """A person, named after a language they speak sometimes, after their community (the
        languages of a mosque, migrant organisation or religious community) always."""
        languages = list(spec.languages)
        pooled = [name for name in languages if name in NAMES]
        names_from = self.rng.choice(pooled) if pooled and self.rng.random() < 0.6 else None
        if community:
            names_from = next((n for n in [*pooled, *community] if n in NAMES), None)
            if names_from and names_from not in languages:
                languages.append(names_from)
        contact = self.person(
            domain,
            functions=[spec.function] if spec.function else functions,
            city=city,
            visibility=spec.visibility,
            title=spec.title,
            mobile=spec.mobile,
            review=self.demo_review(spec.review),
            names_from=names_from,
            **owner,
        )
        self.contacts.append(contact)
        self.link(contact, "topics", spec.topics)
        self.link(contact, "languages", languages)
        return contact

    def add_mailbox(self, spec, domain, city, basis, owner):
        contact = self.functional_contact(
            spec.title,
            domain,
            local=spec.local,
            visibility=spec.visibility,
            city=city,
            review=self.demo_review(spec.review),
            consent_basis=basis,
            **owner,
        )
        self.contacts.append(contact)
        self.link(contact, "topics", spec.topics)
        self.link(contact, "languages", spec.languages)
        return contact

    # --- agreements ---------------------------------------------------------------------------

    def agreement(self, title, topics, units=(), organisations=(), roles=None, **fields):
        agreement = Agreement.objects.create(title=title, **fields, **self.demo_review("current"))
        self.link(agreement, "topics", topics)
        roles = roles or {}
        AgreementParty.objects.bulk_create(
            [
                *(
                    AgreementParty(
                        agreement=agreement, police_unit=self.units[path], role=roles.get(path, "")
                    )
                    for path in units
                ),
                *(
                    AgreementParty(
                        agreement=agreement,
                        organisation=self.organisations[name],
                        role=roles.get(name, "Partnerorganisation"),
                    )
                    for name in organisations
                ),
            ]
        )
        return agreement

    def agreements(self):
        dortmund_pp = "Polizei Nordrhein-Westfalen > Polizeipräsidium Dortmund"
        partners = [spec.name for spec in dortmund.PARTNERS]
        self.agreement(
            "Kooperationsvereinbarung Polizei Dortmund und Zivilgesellschaft: Dialog und "
            "Vertrauensförderung",
            [
                "Rassismus",
                "Racial Profiling",
                "Beschwerdemanagement",
                "Dialog und Vertrauensbildung",
            ],
            units=[dortmund_pp],
            organisations=partners,
            roles={
                dortmund_pp: "Polizeipräsidium",
                partners[-1]: "Partnerorganisation (seit 2025)",
            },
            status=Agreement.Status.ACTIVE,
            signed_on=datetime.date(2024, 6, 4),
            valid_from=datetime.date(2024, 6, 4),
            is_public=True,
            goals="Langfristige und vertrauensvolle Zusammenarbeit zwischen dem "
            "Polizeipräsidium Dortmund und Akteuren der Dortmunder Stadtgesellschaft auf "
            "Grundlage von Dialog, Vertrauen und Zusammenarbeit; Sensibilisierung der Polizei "
            "für die Perspektive migrantischer Communities und ihre Belange; Sicherheit für "
            "alle und Schutz der Demokratie. Hervorgegangen aus der Arbeitsgruppe „Dialog“, "
            "die der Polizeipräsident am 7. September 2022 einrichtete.",
            formats="Blick in die Polizei\nBlick in die Organisation\n"
            "Mehrsprachiges Beschwerdemanagement\nDialogforum\nOffene Konferenz",
        )
        lka5 = "Polizei Berlin > Landeskriminalamt Berlin > LKA 5 – Polizeilicher Staatsschutz"
        direction5 = "Polizei Berlin > Direktion 5 (City)"
        self.agreement(
            "Sicherheitsdialog Gebetsstätten Berlin",
            ["Sicherheit von Gebetsstätten", "Muslimfeindlichkeit"],
            units=[lka5, direction5],
            organisations=[
                "Moscheeverein Neukölln-Nord e.V.",
                "Islamisches Kulturzentrum Berlin-Wedding e.V.",
            ],
            status=Agreement.Status.PREPARING,
            goals="Feste Ansprechpersonen für die Sicherheit von Moscheen benennen, "
            "Gefährdungen früh besprechen, Sicherheitsberatungen vor Ort vereinbaren.",
            formats="Sicherheitsberatung vor Ort\nArbeitskreis\nHospitation",
        )
        self.agreement(
            "Projektvereinbarung „Blick in die Polizei“ Neukölln 2022–2024",
            ["Dialog und Vertrauensbildung", "Rassismus", "Racial Profiling"],
            units=[direction5],
            organisations=[
                "Antidiskriminierungsberatung für Geflüchtete und Neuzugewanderte Berlin e.V.",
                "Moscheeverein Neukölln-Nord e.V.",
            ],
            status=Agreement.Status.EXPIRED,
            signed_on=datetime.date(2022, 3, 15),
            valid_from=datetime.date(2022, 4, 1),
            valid_until=datetime.date(2024, 3, 31),
            is_public=True,
            goals="Jugendliche und Neuzugewanderte lernen Abschnitte und Arbeitsweise der "
            "Polizei kennen; Polizistinnen und Polizisten hospitieren in den Vereinen.",
            formats="Blick in die Polizei\nHospitation\nGesprächsrunde",
        )
        self.agreement(
            "Kooperationsvereinbarung Polizei Hamburg und Queeres Netzwerk Hamburg",
            ["Queerfeindlichkeit", "Anzeigeerstattung"],
            units=["Polizei Hamburg > Ansprechpersonen für LSBTI*"],
            organisations=["Queeres Netzwerk Hamburg e.V."],
            status=Agreement.Status.ACTIVE,
            signed_on=datetime.date(2023, 5, 17),
            valid_from=datetime.date(2023, 5, 17),
            is_public=True,
            goals="Betroffene queerfeindlicher Gewalt ermutigen, Anzeige zu erstatten; "
            "gemeinsame Fortbildungen.",
            formats="Gemeinsame Sprechstunde\nFortbildung\nJahresgespräch",
        )
        self.agreement(
            "Dialogvereinbarung Polizeidirektion Leipzig und Antidiskriminierungsberatung Leipzig",
            ["Racial Profiling", "Beschwerdemanagement"],
            units=["Polizei Sachsen > Polizeidirektion Leipzig"],
            organisations=["Antidiskriminierungsberatung Leipzig"],
            status=Agreement.Status.ENDED,
            signed_on=datetime.date(2018, 9, 1),
            valid_from=datetime.date(2018, 9, 1),
            valid_until=datetime.date(2021, 12, 31),
            goals="Regelmäßiger Austausch über Beschwerden wegen diskriminierender Kontrollen.",
            formats="Quartalsgespräch",
        )
