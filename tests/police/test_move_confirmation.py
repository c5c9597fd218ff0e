"""Moving a police unit in admin (a new superior unit) moves its whole subtree: the first save
names the old and the new path and asks; only a confirmed save moves it."""

import pytest

from directory.police.models import PoliceUnit
from tests.factories import PoliceUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    nrw = PoliceUnitFactory(name="Polizei NRW", kind=PoliceUnit.Kind.STATE_POLICE)
    dortmund = PoliceUnitFactory(name="PP Dortmund", kind=PoliceUnit.Kind.PRESIDIUM, parent=nrw)
    PoliceUnitFactory(name="Wache Nord", parent=dortmund)
    berlin = PoliceUnitFactory(name="Polizei Berlin", kind=PoliceUnit.Kind.STATE_POLICE)
    lka = PoliceUnitFactory(name="LKA Berlin", kind=PoliceUnit.Kind.LKA, parent=berlin)
    for unit in (nrw, dortmund, lka):
        unit.refresh_from_db()
    return {"nrw": nrw, "dortmund": dortmund, "lka": lka}


def change(client, unit, **data):
    form = {
        "name": unit.name,
        "parent": unit.parent_id or "",
        "level": unit.level,
        "kind": unit.kind,
        "is_public": "on",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "_save": "1",
    }
    return client.post(f"/admin/police/policeunit/{unit.pk}/change/", form | data)


def test_a_new_superior_unit_asks_with_old_and_new_path_and_moves_nothing(curator_client, units):
    dortmund = units["dortmund"]

    response = change(curator_client, dortmund, parent=units["lka"].pk)

    html = response.content.decode()
    assert response.status_code == 200
    assert "„Polizei NRW &gt; PP Dortmund“" in html
    assert "„Polizei Berlin &gt; LKA Berlin &gt; PP Dortmund“" in html
    assert "1 untergeordnete Einheit wird mitverschoben" in html
    assert 'name="confirm_move"' in html
    dortmund.refresh_from_db()
    assert dortmund.parent == units["nrw"]
    assert dortmund.path == "Polizei NRW > PP Dortmund"


def test_a_confirmed_move_saves_and_the_message_names_the_new_path(curator_client, units):
    dortmund = units["dortmund"]

    response = change(curator_client, dortmund, parent=units["lka"].pk, confirm_move="on")

    assert response.status_code == 302
    dortmund.refresh_from_db()
    assert dortmund.path == "Polizei Berlin > LKA Berlin > PP Dortmund"
    messages = [str(m) for m in curator_client.get(response["Location"]).context["messages"]]
    assert any("Polizei Berlin &gt; LKA Berlin &gt; PP Dortmund" in m for m in messages), messages
    assert not any("Polizei NRW" in m for m in messages), messages


def test_saving_without_a_new_superior_unit_asks_nothing(curator_client, units):
    dortmund = units["dortmund"]

    response = change(curator_client, dortmund, name="Polizeipräsidium Dortmund")

    assert response.status_code == 302
    dortmund.refresh_from_db()
    assert dortmund.path == "Polizei NRW > Polizeipräsidium Dortmund"
    page = curator_client.get(f"/admin/police/policeunit/{dortmund.pk}/change/")
    assert 'name="confirm_move"' not in page.content.decode()
