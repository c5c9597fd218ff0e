"""What demo and scale data share: reproducible randomness, freshness, fictional people."""

import datetime
import random
import zlib

from django.db import connection
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker
from psycopg import sql

from directory.contacts.models import ConsentBasis, ContactPerson, FormOfAddress, Visibility
from directory.core.models import Language, Region, Topic, next_review

from . import reference
from .names import NAMES

# Every demo number is invented and can ring no one (see reference.FICTION_RANGES). Without a
# city (scale data): the Bundesnetzagentur's ranges for fiction.
FICTIONAL_NUMBER_PREFIXES = [f"{area} {block}" for area, block in reference.FICTION_RANGES.items()]
BATCH = 5000
UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def form_of_address(female, first, last):
    """Frau or Herr as the first name suggests; about one in twelve people asked to be
    addressed neutrally. Derived from the name, not drawn, so the demo's other random draws
    stay the same."""
    if zlib.crc32(f"{first} {last}".encode()) % 12 == 0:
        return FormOfAddress.NEUTRAL
    return FormOfAddress.FRAU if female else FormOfAddress.HERR


def mail_local(*parts):
    """The local part of an address as German offices write it: "Jürgen Weiß" → juergen.weiss."""
    return ".".join(slugify(part.translate(UMLAUTS)).replace("-", "") for part in parts)


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

    def phone(self, city=None):
        """An invented landline number with the city's area code, which rings no one: from
        the Bundesnetzagentur's range for fiction where the city has one ("030 23125 …"),
        else with a subscriber number that begins with 0 ("0231 099 4711"), which no local
        network assigns (see reference.FICTION_RANGES). One draw each, as before: the demo's
        other random choices stay the same."""
        area = reference.AREA_CODES.get(city)
        if area is None:
            return f"{self.rng.choice(FICTIONAL_NUMBER_PREFIXES)} {self.rng.randint(0, 999):03d}"
        if area in reference.FICTION_RANGES:
            return f"{area} {reference.FICTION_RANGES[area]} {self.rng.randint(0, 999):03d}"
        return f"{area} {reference.NO_LINE_PREFIX} {self.rng.randint(0, 9999):04d}"

    def mobile(self):
        """An invented mobile number from the range kept free for fiction (reference)."""
        return f"{reference.FICTION_MOBILE} {self.rng.randint(1, 99):02d}"

    def function(self, choices):
        """One of `choices` (see functions.py) and whether its holder is a woman."""
        if not choices:
            return "", self.rng.random() < 0.5
        choice = self.rng.choice(choices)
        if isinstance(choice, str):
            return choice, self.rng.random() < 0.5
        female_form, male_form = choice
        female = male_form is None or (female_form is not None and self.rng.random() < 0.5)
        return (female_form if female else male_form), female

    def address(self, district, borough=None):
        postcodes = reference.BOROUGH_POSTCODES.get((district.name, borough and borough.name))
        if postcodes:
            postcode = self.rng.choice(postcodes)
        else:
            prefix = reference.POSTCODE_PREFIX.get(district.name, "99")
            postcode = f"{prefix}{self.rng.randint(0, 999):03d}"
        return {
            "street": self.fake.street_address(),
            "postcode": postcode,
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

    def person(
        self,
        domain,
        functions=None,
        city=None,
        visibility=None,
        title=None,
        mobile=None,
        review=None,
        names_from=None,
        **fields,
    ):
        """An unsaved fictional contact person with a legal basis for their visibility; what is
        not given (visibility, title, mobile, freshness) is drawn at random. `names_from` is a
        language whose speakers' names to use (names.py), else the name is German."""
        function, female = self.function(functions)
        first, last = self.name(female, names_from)
        if visibility is None:
            visibility = self.rng.choices(
                [Visibility.MEMBERS, Visibility.PUBLIC, Visibility.STAFF], weights=[55, 10, 35]
            )[0]
        if title is None:
            title = self.rng.choice(["", "", "", "Dr."])
        if mobile is None:
            mobile = self.rng.random() < 0.3
        review = review or self.review()
        contact = ContactPerson(
            form_of_address=form_of_address(female, first, last),
            title=title,
            first_name=first,
            last_name=last,
            function=function,
            email=f"{mail_local(first, last)}@{domain}",
            phone=self.phone(city),
            mobile=self.mobile() if mobile else "",
            visibility=visibility,
            **review,
            **fields,
        )
        self.consent(contact, review)
        return contact

    def name(self, female, names_from=None):
        if names_from in NAMES:
            women, men, last_names = NAMES[names_from]
            return self.rng.choice(women if female else men), self.rng.choice(last_names)
        first = self.fake.first_name_female() if female else self.fake.first_name_male()
        last = self.fake.last_name()
        while " " in last:  # "Dussen van": Faker's inverted particles read as typos
            last = self.fake.last_name()
        return first, last

    def functional_contact(
        self, title, domain, local=None, visibility=Visibility.PUBLIC, city=None, review=None,
        **fields,
    ):  # fmt: skip
        """An unsaved team mailbox: on the legal basis of an official function for a public
        body, by consent otherwise (the caller passes `consent_basis`)."""
        review = review or self.review()
        contact = ContactPerson(
            functional_title=title,
            email=f"{local or slugify(title)[:30].strip('-')}@{domain}",
            phone=self.phone(city),
            visibility=visibility,
            **review,
            **fields,
        )
        self.consent(contact, review, basis=fields.get("consent_basis"))
        return contact

    def consent(self, contact, review, basis=None):
        if contact.visibility == Visibility.STAFF and not basis:
            return
        contact.consent_given_on = review["verified_on"] or self.today - datetime.timedelta(
            days=self.rng.randint(30, 700)
        )
        if contact.is_functional:
            contact.consent_basis = basis or ConsentBasis.OFFICIAL_FUNCTION
        else:
            contact.consent_basis = self.rng.choice(
                [ConsentBasis.WRITTEN, ConsentBasis.EMAIL, ConsentBasis.VERBAL]
            )


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
