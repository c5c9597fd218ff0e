"""A public contact of a public police unit below a hidden one: the public neither finds it by
the hidden unit's name nor reads that name; members see the unit's full path."""

import pytest
import vobject
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from directory.police.models import PoliceUnit
from tests.factories import ContactPersonFactory, PoliceUnitFactory

pytestmark = pytest.mark.django_db
LIST = reverse("contacts:list")
SEARCH = reverse("search:search")
FULL_PATH = "Landeskriminalamt Nord &gt; Einheit Tarnkappe &gt; Ansprechstelle Regenbogen"
PUBLIC_PATH = "Landeskriminalamt Nord &gt; Ansprechstelle Regenbogen"


@pytest.fixture
def contact_below_a_hidden_unit():
    lka = PoliceUnitFactory(name="Landeskriminalamt Nord")
    hidden = PoliceUnitFactory(name="Einheit Tarnkappe", parent=lka, is_public=False)
    office = PoliceUnitFactory(name="Ansprechstelle Regenbogen", parent=hidden)
    contact = ContactPersonFactory(
        organisation=None, police_unit=office, last_name="Okonkwo", visibility="public"
    )
    return hidden, contact


def listed(response):
    return [c.last_name for c in response.context["object_list"]]


def contacts_found(response):
    return [
        entry.last_name
        for group in response.context["groups"]
        if group["key"] == "contacts"
        for entry in group["results"]
    ]


@pytest.mark.parametrize("hidden_name", ["Tarnkappe", "Tarnkap", "Einheit Tarnkappe"])
def test_public_does_not_find_a_contact_by_a_hidden_superior_units_name(
    client, contact_below_a_hidden_unit, hidden_name
):
    _, contact = contact_below_a_hidden_unit

    searched = client.get(SEARCH, {"q": hidden_name})
    filtered = client.get(LIST, {"q": hidden_name})

    assert contacts_found(searched) == []
    assert listed(filtered) == []
    for response in (searched, filtered):
        assertNotContains(response, contact.get_absolute_url())


def test_public_finds_the_contact_by_its_name_and_its_public_units(
    client, contact_below_a_hidden_unit
):
    for text in ["Okonkwo", "Regenbogen", "Landeskriminalamt Regenbogen"]:
        assert contacts_found(client.get(SEARCH, {"q": text})) == ["Okonkwo"]
        assert listed(client.get(LIST, {"q": text})) == ["Okonkwo"]


def test_members_find_the_contact_by_its_name_and_unit(member_client, contact_below_a_hidden_unit):
    for text in ["Okonkwo", "Regenbogen"]:
        assert contacts_found(member_client.get(SEARCH, {"q": text})) == ["Okonkwo"]
        assert listed(member_client.get(LIST, {"q": text})) == ["Okonkwo"]


def test_contacts_are_reindexed_when_a_superior_unit_is_hidden(client, contact_below_a_hidden_unit):
    hidden, _ = contact_below_a_hidden_unit

    hidden.is_public = True
    hidden.save()
    while_public = contacts_found(client.get(SEARCH, {"q": "Tarnkappe"}))
    # A bulk update, as an import would write it: the triggers, not save(), re-index.
    PoliceUnit.objects.filter(pk=hidden.pk).update(is_public=False)
    hidden_again = contacts_found(client.get(SEARCH, {"q": "Tarnkappe"}))

    assert while_public == ["Okonkwo"]
    assert hidden_again == []


def test_public_pages_of_the_contact_name_no_hidden_superior_unit(
    client, contact_below_a_hidden_unit
):
    hidden, contact = contact_below_a_hidden_unit

    pages = [
        client.get(contact.get_absolute_url()),
        client.get(LIST),
        client.get(SEARCH, {"q": "Okonkwo"}),
    ]

    for page in pages:
        assertContains(page, "Okonkwo")
        assertContains(page, PUBLIC_PATH)
        assertNotContains(page, "Tarnkappe")
        assertNotContains(page, hidden.get_absolute_url())


def test_members_see_the_full_path_on_the_contacts_pages(
    member_client, contact_below_a_hidden_unit
):
    _, contact = contact_below_a_hidden_unit

    pages = [
        member_client.get(contact.get_absolute_url()),
        member_client.get(LIST),
        member_client.get(SEARCH, {"q": "Okonkwo"}),
    ]

    for page in pages:
        assertContains(page, FULL_PATH)


def test_curators_see_the_full_path_in_admin(curator_client, contact_below_a_hidden_unit):
    _, contact = contact_below_a_hidden_unit

    changelist = curator_client.get(reverse("admin:contacts_contactperson_changelist"))
    change = curator_client.get(reverse("admin:contacts_contactperson_change", args=[contact.pk]))

    assertContains(changelist, FULL_PATH)
    assertContains(change, FULL_PATH)


def test_coordinators_vcards_name_the_full_path(client, coordinator, contact_below_a_hidden_unit):
    client.force_login(coordinator)

    response = client.post(
        reverse("exports:export", args=["ansprechpersonen"]),
        {"format": "vcf", "delimiter": ";", "columns": ["last_name"], "purpose": "Einladung"},
    )

    raw = b"".join(response.streaming_content).decode()
    (card,) = vobject.readComponents(raw)
    assert card.org.value == [FULL_PATH.replace("&gt;", ">")]


def test_subject_access_report_names_the_full_path(curator_client, contact_below_a_hidden_unit):
    _, contact = contact_below_a_hidden_unit

    response = curator_client.get(
        reverse("privacy:subject_access", args=[contact.pk]), {"format": "json"}
    )

    assert response.json()["fields"]["Zugehörigkeit"] == FULL_PATH.replace("&gt;", ">")
