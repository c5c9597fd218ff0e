"""Every phone and mobile number of the demo and the scale data is invented and rings no one.

Allowed are the numbers the Bundesnetzagentur keeps free for film, television and other media
("Drama Numbers", Mitteilung 148/2021: five local networks and Telekom's 0171 39200 00-99), and,
in a city without such a range, its area code followed by a subscriber number that begins with
0, which no local network assigns (0 is the trunk prefix)."""

import re

import pytest
from django.db import transaction

from directory.contacts.models import ContactPerson
from directory.demo.common import Seeder
from directory.demo.directory import DemoDirectory
from directory.demo.management.commands.setup_demo import create_demo
from directory.demo.reference import AREA_CODES
from directory.demo.scale import ScaleDirectory
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

pytestmark = pytest.mark.django_db

DRAMA_LANDLINE = re.compile(r"(030 23125|040 66969|069 90009|0221 4710|089 99998) \d{3}")
DRAMA_MOBILE = re.compile(r"0171 39200 \d{2}")
AREA_CODE = "|".join(sorted(set(AREA_CODES.values()), key=len, reverse=True))
NO_LINE = re.compile(rf"({AREA_CODE}) 0\d{{2}} \d{{4}}")


def is_fictional(number, mobile=False):
    if mobile:
        return DRAMA_MOBILE.fullmatch(number) is not None
    return any(p.fullmatch(number) for p in (DRAMA_LANDLINE, NO_LINE))


def numbers():
    """(kind, number) of every number stored in the directory."""
    found = []
    for model in (Organisation, PoliceUnit, ContactPerson):
        found += [("phone", n) for n in model.objects.exclude(phone="").values_list("phone")]
    found += [("mobile", n) for n in ContactPerson.objects.exclude(mobile="").values_list("mobile")]
    return [(kind, number) for kind, (number,) in found]


def test_the_patterns_tell_real_numbers_from_invented_ones():
    assert is_fictional("030 23125 017")
    assert is_fictional("0231 099 4711")
    assert is_fictional("0171 39200 42", mobile=True)
    # Dortmund's city hall, a Munich number outside the range, any other mobile number.
    assert not is_fictional("0231 50 0")
    assert not is_fictional("0231 555 0142")
    assert not is_fictional("089 1234 567")
    assert not is_fictional("0171 3920142", mobile=True)
    assert not is_fictional("0152 2881 7386", mobile=True)


def test_every_scale_number_is_fictional():
    DemoDirectory(seed=7).reference()
    ScaleDirectory(seed=7).build(contacts=300)

    found = numbers()

    assert len(found) > 300
    assert [n for kind, n in found if not is_fictional(n, mobile=kind == "mobile")] == []


def test_every_city_and_no_city_get_a_fictional_number():
    seeder = Seeder(seed=1)

    for city in [*AREA_CODES, None, "Nirgendwo"]:
        for _ in range(20):
            number = seeder.phone(city)
            assert is_fictional(number), (city, number)
            if city in AREA_CODES:
                assert number.startswith(f"{AREA_CODES[city]} ")
    assert all(is_fictional(seeder.mobile(), mobile=True) for _ in range(200))


# Last: the module's demo stays in the database until the module ends.
@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        create_demo()
        yield
        transaction.set_rollback(True)


def test_every_demo_number_is_fictional(demo):
    found = numbers()

    assert {kind for kind, _number in found} == {"phone", "mobile"}
    assert [n for kind, n in found if not is_fictional(n, mobile=kind == "mobile")] == []
    # Dortmund keeps its own area code, Berlin the range for fiction in 030.
    assert any(n.startswith("0231 ") for _kind, n in found)
    assert any(n.startswith("030 23125 ") for _kind, n in found)
