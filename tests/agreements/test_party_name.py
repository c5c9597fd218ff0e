"""A party's name has one rule (agreements.parties.party_name_sources): `str(party)` in Python and
the SQL of `named_for` and the exports give the same name for every kind of party."""

import pgtrigger
import pytest

from directory.agreements.models import AgreementParty
from directory.police.models import PoliceUnit
from tests.factories import AgreementPartyFactory, PoliceUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parties():
    """An organisation; a unit below a hidden unit; a top unit; a unit whose paths are blank."""
    hidden = PoliceUnitFactory(name="Staatsschutz", is_public=False)
    below_hidden = PoliceUnitFactory(name="Ansprechstelle LSBTI*", parent=hidden)
    top = PoliceUnitFactory(name="Polizei Berlin")
    blank_paths = PoliceUnitFactory(name="Wache ohne Pfad")
    # The database writes the paths; blank ones (the rule's last fallback) need its trigger off.
    with pgtrigger.ignore("police.PoliceUnit:place_in_tree"):
        PoliceUnit.objects.filter(pk=blank_paths.pk).update(path="", public_path="")
    return [
        AgreementPartyFactory(organisation__name="Planerladen e.V."),
        AgreementPartyFactory(organisation=None, police_unit=below_hidden),
        AgreementPartyFactory(organisation=None, police_unit=top),
        AgreementPartyFactory(organisation=None, police_unit=blank_paths),
    ]


@pytest.mark.parametrize("path_field", ["path", "public_path"])
def test_python_and_sql_name_every_party_alike(parties, path_field):
    loaded = AgreementParty.objects.select_related("organisation", "police_unit")
    in_python = {party.pk: party.name_for(path_field) for party in loaded}
    in_sql = dict(
        AgreementParty.objects.annotate(
            name=AgreementParty.name_expression(path_field)
        ).values_list("pk", "name")
    )

    assert in_python == in_sql
    assert set(in_sql.values()) == {
        "Planerladen e.V.",
        "Staatsschutz > Ansprechstelle LSBTI*" if path_field == "path" else "Ansprechstelle LSBTI*",
        "Polizei Berlin",
        "Wache ohne Pfad",
    }


def test_str_of_a_party_loaded_without_a_name_hides_hidden_superior_units(parties):
    loaded = AgreementParty.objects.select_related("organisation", "police_unit")

    names = {str(party) for party in loaded}

    assert "Ansprechstelle LSBTI*" in names
    assert not any("Staatsschutz" in name for name in names)


def test_str_of_a_named_party_is_the_name_chosen_for_the_viewer(parties, member):
    named = AgreementParty.objects.named_for(member)

    assert {str(party) for party in named} == {
        party.name_for("path") for party in AgreementParty.objects.all()
    }
