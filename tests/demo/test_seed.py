"""The demo directory a user believes: real structures, fitting functions and topics, right
area codes and districts, fictional people."""

import re

import pytest
from django.core.management import CommandError
from django.db import transaction

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson, Visibility
from directory.core.listing import RegionTree
from directory.core.models import Region
from directory.demo import berlin, dortmund, elsewhere
from directory.demo.management.commands.seed_demo import seed_demo
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

SIGNATORIES_2024 = [
    "AFRIDO c/o Africa Positive e.V.", "Dietrich-Keuning-Haus", "forumJUGEND! e.V.",
    "Integrationsrat der Stadt Dortmund", "Multikulturelles Forum e.V.", "Planerladen gGmbH",
    "Projekt Ankommen e.V.", "Rat der muslimischen Gemeinden in Dortmund",
    "Train of Hope Dortmund e.V.", "Unternehmen.Bilden.Vielfalt e.V.",
    "Verbund sozial-kultureller Migrantenvereine Dortmund e.V.",
    "Verein Kamerunischer Ingenieure und Informatiker e.V.",
]  # fmt: skip
pytestmark = pytest.mark.django_db  # each test in a savepoint of the module's demo
STAATSSCHUTZ = {"Rechtsextremismus", "Hasskriminalität", "Antisemitismus",
                "Religiös begründeter Extremismus"}  # fmt: skip


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One demo for the module's read-only tests, rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed_demo(seed=3)
        transaction.set_rollback(True)


def names(queryset):
    return set(queryset.values_list("name", flat=True))


# --- Dortmund -------------------------------------------------------------------------------------


def test_dortmunds_agreement_has_the_twelve_signatories_and_a_thirteenth_partner(demo):
    agreement = Agreement.objects.get(title__startswith="Kooperationsvereinbarung Polizei Dortmund")

    assert agreement.status == Agreement.Status.ACTIVE
    assert agreement.signed_on.isoformat() == "2024-06-04"
    assert agreement.organisations.count() == 13
    assert set(SIGNATORIES_2024) < names(agreement.organisations)
    assert [unit.path for unit in agreement.police_units.all()] == [
        "Polizei Nordrhein-Westfalen > Polizeipräsidium Dortmund"
    ]
    assert "Blick in die Polizei" in agreement.formats


def test_dortmunds_presidium_has_its_directions_staatsschutz_and_competence_centre(demo):
    pp = PoliceUnit.objects.get(name="Polizeipräsidium Dortmund")
    below = PoliceUnit.objects.below(pp)

    assert {
        "Direktion Gefahrenabwehr/Einsatz",
        "Direktion Kriminalität",
        "Direktion Verkehr",
        "Kriminalinspektion Staatsschutz",
        "Kompetenzzentrum für Dialog und Vertrauensförderung mit einer diversen Gesellschaft",
        "Polizeiwache Nord",
    } <= names(below)
    staatsschutz = below.get(name="Kriminalinspektion Staatsschutz")
    assert staatsschutz.parent.name == "Direktion Kriminalität"
    assert names(staatsschutz.topics) == STAATSSCHUTZ
    dialog = below.get(kind=PoliceUnit.Kind.DIALOGUE)
    assert dialog.parent.name == "Leitungsstab"
    assert {"Muslimfeindlichkeit", "Rassismus", "Beschwerdemanagement"} <= names(dialog.topics)


def test_dortmunds_staatsschutz_and_lsbti_point_have_contacts_members_see(demo):
    for unit in ["Kriminalinspektion Staatsschutz", "Ansprechpersonen für LSBTI*"]:
        contacts = ContactPerson.objects.filter(
            police_unit__name=unit, police_unit__path__contains="Dortmund"
        ).exclude(visibility=Visibility.STAFF)
        assert contacts.filter(functional_title="").exists(), unit
        assert contacts.exclude(functional_title="").exists(), unit


# --- Berlin ---------------------------------------------------------------------------------------


def test_berlin_has_twelve_districts_and_five_directions(demo):
    berlin_land = Region.objects.get(kind=Region.Kind.LAND, name="Berlin")
    boroughs = Region.objects.filter(
        pk__in=RegionTree().within(berlin_land.pk), kind=Region.Kind.BOROUGH
    )

    assert boroughs.count() == 12
    directions = PoliceUnit.objects.filter(
        parent__name="Polizei Berlin", kind=PoliceUnit.Kind.DIRECTORATE
    )
    assert sorted(names(directions)) == [
        "Direktion 1 (Nord)",
        "Direktion 2 (West)",
        "Direktion 3 (Ost)",
        "Direktion 4 (Süd)",
        "Direktion 5 (City)",
    ]
    assert Organisation.objects.filter(land=berlin_land).count() >= 15


@pytest.mark.parametrize(
    ("direction", "districts"),
    [
        ("Direktion 1 (Nord)", {"Pankow", "Reinickendorf", "Mitte"}),
        ("Direktion 2 (West)", {"Spandau", "Charlottenburg-Wilmersdorf", "Mitte"}),
        ("Direktion 3 (Ost)", {"Lichtenberg", "Marzahn-Hellersdorf", "Treptow-Köpenick"}),
        ("Direktion 4 (Süd)", {"Steglitz-Zehlendorf", "Tempelhof-Schöneberg", "Neukölln"}),
        ("Direktion 5 (City)", {"Friedrichshain-Kreuzberg", "Neukölln", "Mitte"}),
    ],
)
def test_berlin_directions_serve_their_real_districts(demo, direction, districts):
    unit = PoliceUnit.objects.get(name=direction)
    sections = PoliceUnit.objects.below(unit, include_self=False).filter(
        kind=PoliceUnit.Kind.PRECINCT
    )

    assert unit.jurisdiction.name in districts
    assert {section.jurisdiction.name for section in sections} <= districts
    assert sections.count() >= 3


def test_berlin_lka_and_presidium_hold_the_function_units(demo):
    units = {u.path: u for u in PoliceUnit.objects.filter(path__startswith="Polizei Berlin")}

    lka5 = units["Polizei Berlin > Landeskriminalamt Berlin > LKA 5 – Polizeilicher Staatsschutz"]
    assert names(lka5.topics) == STAATSSCHUTZ
    assert (
        units["Polizei Berlin > Ansprechpersonen für LSBTI*"].kind == PoliceUnit.Kind.LGBTI_CONTACT
    )
    prevention = units["Polizei Berlin > Landeskriminalamt Berlin > LKA Präv – Zentralstelle für "
                       "Prävention"]  # fmt: skip
    assert {"Prävention", "Muslimfeindlichkeit"} <= names(prevention.topics)


def test_a_berlin_wide_counselling_service_speaks_arabic(demo):
    berlin_city = Region.objects.get(kind=Region.Kind.DISTRICT, name="Berlin")

    services = Organisation.objects.filter(
        kind=Organisation.Kind.COUNSELLING, languages__name="Arabisch", regions=berlin_city
    )
    assert services.exists()


# --- plausibility everywhere ----------------------------------------------------------------------


def test_functions_fit_the_affiliation(demo):
    police_only = re.compile(r"Staatsschutz|Kriminal|beamt|Polizei|Wach|Abschnitt")
    civil_only = re.compile(r"Imam|Moschee|Gemeinde|Verein|Vorsitz|Streetwork|Berater")

    for function, unit in ContactPerson.objects.filter(police_unit__isnull=False).values_list(
        "function", "police_unit__name"
    ):
        assert not civil_only.search(function), (function, unit)
    for function, org in ContactPerson.objects.filter(organisation__isnull=False).values_list(
        "function", "organisation__name"
    ):
        assert not police_only.search(function), (function, org)
    assert ContactPerson.objects.filter(function="Imam", organisation__kind="mosque").exists()


def test_topics_fit_the_kind(demo):
    for org in Organisation.objects.filter(kind=Organisation.Kind.RELIGIOUS, name__contains="Jüd"):
        assert "Antisemitismus" in names(org.topics), org
    for org in Organisation.objects.filter(kind=Organisation.Kind.MOSQUE):
        assert "Muslimfeindlichkeit" in names(org.topics), org
    assert not Organisation.objects.filter(
        name__contains="Jüd", topics__name="Obdachlosenfeindlichkeit"
    ).exists()
    for unit in PoliceUnit.objects.filter(kind=PoliceUnit.Kind.STATE_SECURITY):
        assert names(unit.topics) == STAATSSCHUTZ, unit.path
    for unit in PoliceUnit.objects.filter(kind=PoliceUnit.Kind.LGBTI_CONTACT):
        assert names(unit.topics) == {"Queerfeindlichkeit"}, unit.path


def test_descriptions_are_the_written_ones(demo):
    written = {
        spec.description
        for spec in [*dortmund.PARTNERS, *dortmund.OTHERS, *berlin.ORGANISATIONS,
                     *elsewhere.ORGANISATIONS]
    }  # fmt: skip
    templates = [re.escape(t[5]) for t in elsewhere.TEMPLATES.values()]

    for name, description in Organisation.objects.values_list("name", "description"):
        assert description in written or any(re.fullmatch(t, description) for t in templates), name


@pytest.mark.parametrize(
    ("city", "area_code"),
    [("Dortmund", "0231 "), ("Berlin", "030 "), ("Hamburg", "040 "), ("Dresden", "0351 ")],
)
def test_phone_numbers_have_the_citys_area_code(demo, city, area_code):
    phones = [
        *Organisation.objects.filter(city=city).values_list("phone", flat=True),
        *PoliceUnit.objects.filter(city=city).exclude(phone="").values_list("phone", flat=True),
        *ContactPerson.objects.filter(organisation__city=city).values_list("phone", flat=True),
        *ContactPerson.objects.filter(police_unit__city=city).values_list("phone", flat=True),
    ]

    assert phones
    assert all(phone.startswith(area_code) for phone in phones), phones


def test_demo_covers_every_land(demo):
    lands_with_police = set(
        PoliceUnit.objects.filter(jurisdiction__isnull=False).values_list(
            "jurisdiction__name", "jurisdiction__parent__name", "jurisdiction__parent__parent__name"
        )
    )
    names_ = {name for row in lands_with_police for name in row if name}

    assert {land.name for land in Region.objects.lands()} <= names_
    for land in Region.objects.lands():
        assert Organisation.objects.filter(land=land).exists(), land


def test_demo_mixes_visibility_and_freshness_so_every_filter_shows_something(demo):
    contacts = ContactPerson.objects.all()

    for visibility in Visibility:
        assert contacts.filter(visibility=visibility).exists(), visibility
    assert contacts.filter(functional_title__gt="", visibility=Visibility.PUBLIC).exists()
    for queryset in [contacts, Organisation.objects.all(), PoliceUnit.objects.all()]:
        stale = queryset.stale().count()
        assert 0 < stale < queryset.count() / 3
        assert queryset.current().exists()
        assert queryset.never_verified().exists()
        assert queryset.due_soon().exists()
    assert Agreement.objects.values("status").distinct().count() == len(Agreement.Status)


def test_demo_people_are_fictional_with_example_domains_only(demo):
    emails = list(ContactPerson.objects.exclude(email="").values_list("email", flat=True))
    emails += Organisation.objects.exclude(email="").values_list("email", flat=True)
    emails += PoliceUnit.objects.exclude(email="").values_list("email", flat=True)

    assert emails
    for email in emails:
        assert re.search(r"@[a-z0-9.-]*example\.(org|com)$", email), email


def test_seeding_twice_is_refused(demo):
    with pytest.raises(CommandError, match="already holds a directory"):
        seed_demo()
