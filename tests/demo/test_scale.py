"""Synthetic national-scale data for the bench, and what demo and scale data share."""

import re

import pytest
from django.core.management import call_command

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson
from directory.demo.common import Seeder, mail_local
from directory.demo.directory import DemoDirectory
from directory.demo.functions import ORGANISATION_FUNCTIONS, POLICE_FUNCTIONS
from directory.demo.scale import ScaleDirectory
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

pytestmark = pytest.mark.django_db


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


def test_scale_functions_fit_the_affiliation():
    DemoDirectory(seed=6).reference()
    ScaleDirectory(seed=6).build(contacts=300)

    for contact in ContactPerson.objects.select_related("organisation", "police_unit"):
        if contact.is_functional:
            continue
        if contact.organisation:
            allowed = ORGANISATION_FUNCTIONS[contact.organisation.kind]
        else:
            allowed = POLICE_FUNCTIONS[contact.police_unit.kind]
        forms = {f for choice in allowed for f in ([choice] if isinstance(choice, str) else choice)}
        assert contact.function in forms, (contact.function, contact.affiliation)


def people(seed):
    seeder = Seeder(seed=seed)
    return [(c.first_name, c.last_name, c.email, c.visibility) for c in
            (seeder.person("org.example.org") for _ in range(20))]  # fmt: skip


def test_the_same_seed_gives_the_same_people():
    assert people(11) == people(11)
    assert people(11) != people(12)


def test_phone_numbers_are_fictional_with_the_area_code():
    seeder = Seeder(seed=1)

    assert seeder.phone("Berlin").startswith("030 23125 ")
    assert seeder.phone("Dortmund").startswith("0231 099 ")
    assert seeder.phone("Dresden").startswith("0351 099 ")
    assert seeder.phone(None)[:3] in {"030", "069", "040", "022", "089"}


def test_mail_addresses_spell_umlauts_out():
    assert mail_local("Jürgen", "Weiß") == "juergen.weiss"
    assert mail_local("Anne-Katrin", "Öztürk") == "annekatrin.oeztuerk"


def test_command_prints_counts_and_time(capsys):
    call_command("seed_demo", "--scale", "60", "--seed", "1")

    output = capsys.readouterr().out
    assert re.search(
        r"Seeded in \d+\.\d s: \d+ organisations, \d+ police units, \d+ contact", output
    )
