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
