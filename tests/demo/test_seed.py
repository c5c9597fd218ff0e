import re

import pytest
from django.core.management import CommandError, call_command

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson, Visibility
from directory.core.listing import RegionTree
from directory.core.models import Region
from directory.demo.common import Seeder
from directory.demo.directory import DemoDirectory
from directory.demo.management.commands.seed_demo import seed_demo
from directory.demo.scale import ScaleDirectory
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return seed_demo(seed=3)


def test_demo_holds_dortmunds_agreement_with_its_twelve_partners(demo):
    agreement = Agreement.objects.get(title__startswith="Kooperationsvereinbarung Polizei Dortmund")

    assert agreement.status == Agreement.Status.ACTIVE
    assert agreement.signed_on.isoformat() == "2024-06-04"
    assert agreement.organisations.count() == 12
    assert [str(unit) for unit in agreement.police_units.all()] == [
        "Polizei Nordrhein-Westfalen > Polizeipräsidium Dortmund"
    ]
    assert "Blick in die Polizei" in agreement.formats


def test_demo_has_berlin_with_twelve_districts_and_its_directions(demo):
    berlin = Region.objects.get(kind=Region.Kind.LAND, name="Berlin")

    within_berlin = RegionTree().within(berlin.pk)
    boroughs = Region.objects.filter(pk__in=within_berlin, kind=Region.Kind.BOROUGH)

    assert boroughs.count() == 12
    assert PoliceUnit.objects.filter(path__startswith="Polizei Berlin > Direktion").count() > 6
    assert Organisation.objects.filter(land=berlin).count() >= 10


def test_demo_covers_every_land(demo):
    lands_with_police = set(
        PoliceUnit.objects.filter(jurisdiction__isnull=False).values_list(
            "jurisdiction__name", "jurisdiction__parent__name", "jurisdiction__parent__parent__name"
        )
    )
    names = {name for row in lands_with_police for name in row if name}

    assert {land.name for land in Region.objects.lands()} <= names


def test_demo_mixes_visibility_and_freshness_so_every_filter_shows_something(demo):
    contacts = ContactPerson.objects.all()

    for visibility in Visibility:
        assert contacts.filter(visibility=visibility).exists(), visibility
    assert contacts.stale().exists()
    assert contacts.current().exists()
    assert contacts.never_verified().exists()
    assert contacts.filter(functional_title__gt="").exists()
    assert Agreement.objects.values("status").distinct().count() == 3


def test_demo_people_are_fictional_with_example_domains_only(demo):
    emails = list(ContactPerson.objects.exclude(email="").values_list("email", flat=True))
    emails += Organisation.objects.exclude(email="").values_list("email", flat=True)

    assert emails
    for email in emails:
        assert re.search(r"@[a-z0-9.-]*example\.(org|com)$", email), email


def test_seeding_twice_is_refused(demo):
    with pytest.raises(CommandError, match="already holds a directory"):
        seed_demo()


def test_scale_adds_proportional_synthetic_data():
    DemoDirectory(seed=5).reference()

    created = ScaleDirectory(seed=5).build(contacts=900)

    assert created["contact persons"] == ContactPerson.objects.count() == 900
    assert created["organisations"] == Organisation.objects.count() == 900 // 5
    assert created["agreements"] == Agreement.objects.count() == 900 // 20
    assert created["police units"] == PoliceUnit.objects.count() >= 900 // 30
    assert all(agreement.parties.count() >= 2 for agreement in Agreement.objects.all())
    # Indexed once at the end, with the topics linked in bulk.
    organisation = Organisation.objects.filter(topics__isnull=False).first()
    topic = organisation.topics.first().name
    assert organisation in Organisation.objects.search(f"{topic} {organisation.city}")


def people(seed):
    seeder = Seeder(seed=seed)
    return [(c.first_name, c.last_name, c.email, c.visibility) for c in
            (seeder.person("org.example.org") for _ in range(20))]  # fmt: skip


def test_the_same_seed_gives_the_same_people():
    assert people(11) == people(11)
    assert people(11) != people(12)


def test_command_prints_counts_and_time(capsys):
    call_command("seed_demo", "--scale", "60", "--seed", "1")

    output = capsys.readouterr().out
    assert re.search(
        r"Seeded in \d+\.\d s: \d+ organisations, \d+ police units, \d+ contact", output
    )
