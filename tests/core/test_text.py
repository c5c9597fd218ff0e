import pytest

from directory.contacts.models import ContactPerson
from directory.organisations.models import Organisation
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["Müller", "Mueller", "muller", "MÜLLER"])
def test_de_contains_finds_mueller_however_it_is_typed(typed):
    mueller = ContactPersonFactory(last_name="Müller")
    ContactPersonFactory(last_name="Meier")

    assert list(ContactPerson.objects.filter(last_name__de_contains=typed)) == [mueller]


def test_de_contains_matches_sharp_s_and_ss():
    org = OrganisationFactory(street="Münsterstraße 1")

    assert list(Organisation.objects.filter(street__de_contains="strasse")) == [org]
    assert list(Organisation.objects.filter(street__de_contains="Straße")) == [org]


def test_de_contains_treats_wildcards_literally():
    OrganisationFactory(name="Verein 100 e.V.")
    discount = OrganisationFactory(name="Aktion 50% Vielfalt")

    assert list(Organisation.objects.filter(name__de_contains="50%")) == [discount]
    assert not Organisation.objects.filter(name__de_contains="_").exists()
