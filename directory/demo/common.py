"""What demo and scale data share: reproducible randomness, freshness, fictional people."""

import datetime
import random

from django.db import connection
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker
from psycopg import sql

from directory.contacts.models import ConsentBasis, ContactPerson, Visibility
from directory.core.models import Language, Region, Topic, next_review

from . import reference

# Numbers from the ranges the Bundesnetzagentur keeps free for fiction (film and TV), so no
# demo entry can ring a real person.
FICTIONAL_NUMBER_PREFIXES = ["030 23125", "069 90009", "040 66969", "0221 4710", "089 99998"]
BATCH = 5000


class Seeder:
    """Random choices from one seed: the same seed on the same day gives the same directory."""

    def __init__(self, seed=None, today=None):
        self.rng = random.Random(seed)  # noqa: S311 - demo data, reproducibility wanted
        self.fake = Faker("de_DE")
        self.fake.seed_instance(seed)
        self.today = today or timezone.localdate()

    # --- reference data -----------------------------------------------------------------------

    def reference(self):
        """Topics, regions and languages; the same in every demo and scale directory."""
        Topic.objects.bulk_create(
            Topic(name=name, kind=kind)
            for kind, names in reference.TOPICS.items()
            for name in names
        )
        lands = Region.objects.bulk_create(
            Region(name=name, kind=Region.Kind.LAND) for name in reference.LANDS
        )
        land_by_name = {land.name: land for land in lands}
        districts = Region.objects.bulk_create(
            Region(name=name, kind=Region.Kind.DISTRICT, parent=land_by_name[land])
            for land, names in reference.DISTRICTS.items()
            for name in names
        )
        district_by_name = {district.name: district for district in districts}
        Region.objects.bulk_create(
            Region(name=name, kind=Region.Kind.BOROUGH, parent=district_by_name[district])
            for district, names in reference.BOROUGHS.items()
            for name in names
        )
        Language.objects.bulk_create(
            Language(code=code, name=name) for code, name in reference.LANGUAGES
        )
        self.load_reference()

    def load_reference(self):
        self.topics = list(Topic.objects.all())
        self.topic = {topic.name: topic for topic in self.topics}
        self.languages = list(Language.objects.all())
        self.language = {language.name: language for language in self.languages}
        self.lands = {r.name: r for r in Region.objects.lands()}
        self.districts = list(
            Region.objects.filter(kind=Region.Kind.DISTRICT).select_related("parent")
        )
        self.district = {district.name: district for district in self.districts}
        self.boroughs = {}
        for borough in Region.objects.filter(kind=Region.Kind.BOROUGH).select_related("parent"):
            self.boroughs.setdefault(borough.parent.name, []).append(borough)

    # --- small random helpers -----------------------------------------------------------------

    def review(self):
        """Mixed freshness: some never verified, about a third overdue, some due soon."""
        if self.rng.random() < 0.12:
            return {"verified_on": None, "review_due": None}
        verified_on = self.today - datetime.timedelta(days=self.rng.randint(0, 560))
        return {"verified_on": verified_on, "review_due": next_review(verified_on)}

    def phone(self):
        return f"{self.rng.choice(FICTIONAL_NUMBER_PREFIXES)} {self.rng.randint(0, 999):03d}"

    def address(self, district):
        prefix = reference.POSTCODE_PREFIX.get(district.name, "99")
        return {
            "street": self.fake.street_address(),
            "postcode": f"{prefix}{self.rng.randint(0, 999):03d}",
            "city": district.name.removeprefix("Landkreis ").removeprefix("Kreis "),
            "land": district.parent,
        }

    def some(self, items, low, high):
        return self.rng.sample(items, self.rng.randint(low, min(high, len(items))))

    def contact_languages(self):
        languages = [self.language["Deutsch"]]
        if self.rng.random() < 0.6:
            languages += self.some(self.languages, 1, 2)
        return list(dict.fromkeys(languages))

    def person(self, domain, **fields):
        """An unsaved fictional contact person with mixed visibility and a legal basis."""
        first, last = self.fake.first_name(), self.fake.last_name()
        local = f"{slugify(first)}.{slugify(last)}".replace("-", "")
        visibility = self.rng.choices(
            [Visibility.MEMBERS, Visibility.PUBLIC, Visibility.STAFF], weights=[55, 10, 35]
        )[0]
        review = self.review()
        contact = ContactPerson(
            salutation=self.rng.choice(["", "", "", "Dr."]),
            first_name=first,
            last_name=last,
            function=self.rng.choice(FUNCTIONS),
            email=f"{local}@{domain}",
            phone=self.phone(),
            mobile=f"0171 39200{self.rng.randint(1, 99):02d}" if self.rng.random() < 0.3 else "",
            visibility=visibility,
            **review,
            **fields,
        )
        if visibility != Visibility.STAFF:
            contact.consent_given_on = review["verified_on"] or self.today - datetime.timedelta(
                days=self.rng.randint(30, 700)
            )
            contact.consent_basis = self.rng.choice(
                [ConsentBasis.WRITTEN, ConsentBasis.EMAIL, ConsentBasis.VERBAL]
            )
        return contact

    def functional_contact(self, title, domain, **fields):
        """An unsaved team mailbox of a public body: public, on an official legal basis."""
        review = self.review()
        return ContactPerson(
            functional_title=title,
            email=f"{slugify(title)[:30].strip('-')}@{domain}",
            phone=self.phone(),
            visibility=Visibility.PUBLIC,
            consent_given_on=review["verified_on"] or self.today,
            consent_basis=ConsentBasis.OFFICIAL_FUNCTION,
            **review,
            **fields,
        )


FUNCTIONS = [
    "Vorsitzende:r",
    "Geschäftsführung",
    "Projektleitung",
    "Referent:in für Antidiskriminierung",
    "Beratung",
    "Jugendsozialarbeit",
    "Öffentlichkeitsarbeit",
    "Imam",
    "Gemeindevorstand",
    "Koordination Netzwerk",
    "Kontaktbeamt:in für muslimische Institutionen",
    "Ansprechperson für LSBTI*",
    "Präventionsbeauftragte:r",
    "Sachbearbeitung Staatsschutz",
    "Leitung Kompetenzzentrum",
    "Bezirksbeamt:in",
]


def bulk(model, objects):
    return model.objects.bulk_create(objects, batch_size=BATCH)


def link(through, rows):
    """Insert M2M rows, given as dicts of the through model's fields, with one COPY.

    COPY fires the same insert triggers as INSERT, so history and search stay current."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    names = list(first)
    columns = [through._meta.get_field(name).column for name in names]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(through._meta.db_table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        copy.write_row([first[name] for name in names])
        for row in rows:
            copy.write_row([row[name] for name in names])
