"""The police units list and the unit page with its place in the hierarchy."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

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
    # The LKA serves all of NRW, Dortmund with it; a unit for Köln does not.
    PoliceUnitFactory(name="PP Köln", jurisdiction=DistrictFactory(name="Köln", parent=nrw))
    response = client.get(LIST, {"region": dortmund.pk})
    assert names(response) == ["LKA NRW", "PP Dortmund"]
    assert [u.serves_all_of for u in response.context["object_list"]] == [
        "Nordrhein-Westfalen",
        None,
    ]
    assert "für ganz Nordrhein-Westfalen" in response.content.decode()


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


@pytest.fixture
def public_unit_below_a_hidden_one():
    lka = PoliceUnitFactory(name="Landeskriminalamt Nord", kind=PoliceUnit.Kind.LKA)
    hidden = PoliceUnitFactory(name="Einheit Tarnkappe", parent=lka, is_public=False)
    office = PoliceUnitFactory(name="Ansprechstelle LSBTI", parent=hidden)
    AgreementPartyFactory(
        organisation=None,
        police_unit=office,
        agreement__title="Vereinbarung Regenbogen",
        agreement__is_public=True,
    )
    return hidden, office


def test_public_never_sees_a_hidden_superior_unit_of_a_public_unit(
    client, public_unit_below_a_hidden_one
):
    hidden, office = public_unit_below_a_hidden_one

    listed = client.get(LIST)
    page = client.get(office.get_absolute_url())

    for response in (listed, page):
        assertNotContains(response, "Tarnkappe")
        assertNotContains(response, hidden.get_absolute_url())
    assert names(listed) == ["Landeskriminalamt Nord", "Ansprechstelle LSBTI"]
    assertContains(listed, "Landeskriminalamt Nord &gt; Ansprechstelle LSBTI")
    assertContains(page, "Vereinbarung Regenbogen")
    assertContains(page, "Landeskriminalamt Nord &gt; Ansprechstelle LSBTI")


def test_public_does_not_find_a_unit_by_a_hidden_superior_units_name(
    client, member, public_unit_below_a_hidden_one
):
    assert names(client.get(LIST, {"q": "Tarnkappe"})) == []
    assert names(client.get(LIST, {"q": "Tarnkap"})) == []
    client.force_login(member)
    assert names(client.get(LIST, {"q": "Tarnkappe"})) == ["Einheit Tarnkappe"]


def test_members_see_the_full_path_of_a_unit_below_a_hidden_one(
    member_client, public_unit_below_a_hidden_one
):
    hidden, office = public_unit_below_a_hidden_one
    full_path = "Landeskriminalamt Nord &gt; Einheit Tarnkappe &gt; Ansprechstelle LSBTI"

    listed = member_client.get(LIST)
    page = member_client.get(office.get_absolute_url())

    assertContains(listed, full_path)
    assertContains(page, full_path)
    assertContains(page, f'href="{hidden.get_absolute_url()}"')
