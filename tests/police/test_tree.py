import pytest
from django.db import IntegrityError, transaction

from directory.police.models import PoliceUnit
from tests.factories import PoliceUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def berlin():
    police = PoliceUnitFactory(name="Polizei Berlin", kind=PoliceUnit.Kind.STATE_POLICE)
    direction = PoliceUnitFactory(
        name="Direktion 5", kind=PoliceUnit.Kind.DIRECTORATE, parent=police
    )
    section = PoliceUnitFactory(
        name="Abschnitt 53", kind=PoliceUnit.Kind.PRECINCT, parent=direction
    )
    for unit in (police, direction, section):
        unit.refresh_from_db()
    return police, direction, section


def test_path_shows_the_chain_of_units(berlin):
    police, direction, section = berlin

    assert str(section) == "Polizei Berlin > Direktion 5 > Abschnitt 53"
    assert section.lineage == [police.pk, direction.pk, section.pk]


def test_renaming_a_unit_updates_the_paths_below_it(berlin):
    police, _, section = berlin

    PoliceUnit.objects.filter(pk=police.pk).update(name="Polizei des Landes Berlin")

    section.refresh_from_db()
    assert section.path == "Polizei des Landes Berlin > Direktion 5 > Abschnitt 53"


def test_moving_a_unit_moves_its_subtree(berlin):
    police, direction, section = berlin
    other = PoliceUnitFactory(name="Direktion 6", kind=PoliceUnit.Kind.DIRECTORATE, parent=police)

    section.parent = other
    section.save()

    section.refresh_from_db()
    assert section.path == "Polizei Berlin > Direktion 6 > Abschnitt 53"
    assert set(PoliceUnit.objects.below(direction)) == {direction}
    assert set(PoliceUnit.objects.below(police, include_self=False)) == {direction, other, section}


def test_a_cycle_is_refused_by_the_database(berlin):
    police, _, section = berlin

    with transaction.atomic(), pytest.raises(IntegrityError, match="below itself"):
        PoliceUnit.objects.filter(pk=police.pk).update(parent=section)

    police.refresh_from_db()
    assert police.parent is None


def test_a_unit_cannot_be_its_own_parent(berlin):
    police, _, _ = berlin

    with transaction.atomic(), pytest.raises(IntegrityError):
        PoliceUnit.objects.filter(pk=police.pk).update(parent=police)


def test_admin_refuses_a_cycle_with_a_clear_message(berlin, curator_client):
    police, _, section = berlin

    response = curator_client.post(
        f"/admin/police/policeunit/{police.pk}/change/",
        {
            "name": police.name,
            "parent": section.pk,
            "level": "state",
            "kind": police.kind,
            "is_public": "on",
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "nicht unter sich selbst oder einer ihrer untergeordneten" in response.content.decode()
    police.refresh_from_db()
    assert police.parent is None


@pytest.fixture
def hidden_in_between():
    """Landeskriminalamt > Einheit Tarnkappe (not public) > Ansprechstelle > Sprechstunde."""
    lka = PoliceUnitFactory(name="Landeskriminalamt", kind=PoliceUnit.Kind.LKA)
    hidden = PoliceUnitFactory(name="Einheit Tarnkappe", parent=lka, is_public=False)
    office = PoliceUnitFactory(name="Ansprechstelle", parent=hidden)
    desk = PoliceUnitFactory(name="Sprechstunde", parent=office)
    for unit in (lka, hidden, office, desk):
        unit.refresh_from_db()
    return lka, hidden, office, desk


def public_paths(*units):
    return [PoliceUnit.objects.get(pk=unit.pk).public_path for unit in units]


def test_public_path_leaves_out_hidden_superior_units(hidden_in_between):
    _, hidden, _, desk = hidden_in_between

    assert desk.path == "Landeskriminalamt > Einheit Tarnkappe > Ansprechstelle > Sprechstunde"
    assert desk.public_path == "Landeskriminalamt > Ansprechstelle > Sprechstunde"
    # A hidden unit's own name stays in its public path: only members ever see that unit.
    assert hidden.public_path == "Landeskriminalamt > Einheit Tarnkappe"
    # Loaded without knowing who looks, a unit names no hidden superior unit.
    assert str(desk) == "Landeskriminalamt > Ansprechstelle > Sprechstunde"


def test_public_paths_below_follow_a_superior_units_visibility(hidden_in_between):
    lka, hidden, office, desk = hidden_in_between

    PoliceUnit.objects.filter(pk=hidden.pk).update(is_public=True)
    assert public_paths(office, desk) == [
        "Landeskriminalamt > Einheit Tarnkappe > Ansprechstelle",
        "Landeskriminalamt > Einheit Tarnkappe > Ansprechstelle > Sprechstunde",
    ]

    lka.is_public = False
    lka.save()
    assert public_paths(lka, office, desk) == [
        "Landeskriminalamt",
        "Einheit Tarnkappe > Ansprechstelle",
        "Einheit Tarnkappe > Ansprechstelle > Sprechstunde",
    ]


def test_renaming_or_moving_keeps_hidden_units_out_of_public_paths(hidden_in_between):
    lka, hidden, office, desk = hidden_in_between

    PoliceUnit.objects.filter(pk=hidden.pk).update(name="Einheit Nebelwand")
    PoliceUnit.objects.filter(pk=lka.pk).update(name="LKA")
    assert public_paths(office, desk) == [
        "LKA > Ansprechstelle",
        "LKA > Ansprechstelle > Sprechstunde",
    ]

    other = PoliceUnitFactory(name="Geheimer Stab", parent=lka, is_public=False)
    office.parent = other
    office.save()
    assert public_paths(desk) == ["LKA > Ansprechstelle > Sprechstunde"]
    assert PoliceUnit.objects.get(pk=desk.pk).path == (
        "LKA > Geheimer Stab > Ansprechstelle > Sprechstunde"
    )
