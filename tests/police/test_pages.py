"""The police units list and the unit page with its place in the hierarchy."""

import pytest
from django.urls import reverse

from directory.police.models import PoliceUnit
from tests.conftest import count_queries
from tests.factories import (
    AgreementPartyFactory,
    ContactPersonFactory,
    DistrictFactory,
    LandFactory,
    PoliceUnitFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("police:list")


def names(response):
    return [u.name for u in response.context["object_list"]]


def test_unit_page_shows_breadcrumb_subunits_contacts_and_agreements(member_client):
    berlin = PoliceUnitFactory(name="Polizei Berlin", kind=PoliceUnit.Kind.STATE_POLICE)
    direction = PoliceUnitFactory(
        name="Direktion 5", parent=berlin, kind=PoliceUnit.Kind.DIRECTORATE
    )
    section = PoliceUnitFactory(
        name="Abschnitt 53", parent=direction, kind=PoliceUnit.Kind.PRECINCT
    )
    PoliceUnitFactory(name="Abschnitt 51", parent=direction)
    ContactPersonFactory(organisation=None, police_unit=direction, last_name="Schulz")
    AgreementPartyFactory(
        organisation=None, police_unit=direction, agreement__title="Kiezvereinbarung"
    )

    response = member_client.get(direction.get_absolute_url())

    html = response.content.decode()
    assert [u.name for u in response.context["ancestors"]] == ["Polizei Berlin"]
    assert f'href="{berlin.get_absolute_url()}"' in html
    assert [u.name for u in response.context["subunits"]] == ["Abschnitt 51", "Abschnitt 53"]
    assert f'href="{section.get_absolute_url()}"' in html
    assert "Schulz" in html
    assert "Kiezvereinbarung" in html


def test_level_kind_and_region_filters(client):
    nrw = LandFactory(name="Nordrhein-Westfalen")
    dortmund = DistrictFactory(name="Dortmund", parent=nrw)
    PoliceUnitFactory(name="Bundespolizei", level="federal", kind=PoliceUnit.Kind.FEDERAL_AGENCY)
    PoliceUnitFactory(name="PP Dortmund", kind=PoliceUnit.Kind.PRESIDIUM, jurisdiction=dortmund)
    PoliceUnitFactory(name="LKA NRW", kind=PoliceUnit.Kind.LKA, jurisdiction=nrw)

    assert names(client.get(LIST, {"level": "federal"})) == ["Bundespolizei"]
    assert names(client.get(LIST, {"kind": ["lka", "presidium"]})) == ["LKA NRW", "PP Dortmund"]
    assert names(client.get(LIST, {"region": nrw.pk})) == ["LKA NRW", "PP Dortmund"]
    assert names(client.get(LIST, {"region": dortmund.pk})) == ["PP Dortmund"]


def test_search_finds_units_by_their_superior_units_name(client):
    berlin = PoliceUnitFactory(name="Polizei Berlin")
    PoliceUnitFactory(name="Abschnitt 53", parent=berlin)
    PoliceUnitFactory(name="Abschnitt 12")

    assert names(client.get(LIST, {"q": "Berlin Abschnitt"})) == ["Abschnitt 53"]


def test_public_does_not_see_internal_units(client, member):
    PoliceUnitFactory(name="Wache Nord")
    internal = PoliceUnitFactory(name="Interne Einheit", is_public=False)

    assert names(client.get(LIST)) == ["Wache Nord"]
    assert client.get(internal.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(internal.get_absolute_url()).status_code == 200


def test_list_and_page_cost_the_same_queries_for_5_and_50_rows(
    member_client, django_assert_max_num_queries
):
    root = PoliceUnitFactory(name="Polizei Hessen")
    PoliceUnitFactory.create_batch(5, parent=root, jurisdiction=LandFactory(name="Hessen"))
    list_at_five = count_queries(member_client, f"{LIST}?per_page=50")
    page_at_five = count_queries(member_client, root.get_absolute_url())

    PoliceUnitFactory.create_batch(45, parent=root, jurisdiction=LandFactory(name="Hessen"))
    with django_assert_max_num_queries(list_at_five):
        member_client.get(LIST, {"per_page": 50})
    with django_assert_max_num_queries(page_at_five):
        response = member_client.get(root.get_absolute_url())
    assert len(response.context["subunits"]) == 50
