"""The police list as a tree (`?view=tree`) and the contacts of the sub-units on a unit's page."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from directory.contacts.models import Visibility
from directory.police.models import PoliceUnit
from tests.conftest import count_queries
from tests.factories import ContactPersonFactory, PoliceUnitFactory, TopicFactory

pytestmark = pytest.mark.django_db
LIST = reverse("police:list")


def unit_contact(unit, last_name, **fields):
    return ContactPersonFactory(organisation=None, police_unit=unit, last_name=last_name, **fields)


def shape(nodes):
    """The tree as nested (name, is_context, contacts, children) tuples."""
    return [
        (node.unit.name, node.is_context, node.contacts, shape(node.children)) for node in nodes
    ]


@pytest.fixture
def dortmund():
    pp = PoliceUnitFactory(name="Polizeipräsidium Dortmund", kind=PoliceUnit.Kind.PRESIDIUM)
    crime = PoliceUnitFactory(
        name="Direktion Kriminalität", parent=pp, kind=PoliceUnit.Kind.DIRECTORATE
    )
    security = PoliceUnitFactory(
        name="Kriminalinspektion Staatsschutz",
        parent=crime,
        kind=PoliceUnit.Kind.STATE_SECURITY,
    )
    guard = PoliceUnitFactory(
        name="Direktion Gefahrenabwehr", parent=pp, kind=PoliceUnit.Kind.DIRECTORATE
    )
    north = PoliceUnitFactory(name="Wache Nord", parent=guard, kind=PoliceUnit.Kind.STATION)
    unit_contact(security, "Becker")
    unit_contact(security, "Arslan")
    unit_contact(security, "Geheim", visibility=Visibility.STAFF, consent_given_on=None)
    unit_contact(north, "Nowak")
    return {"pp": pp, "crime": crime, "security": security, "guard": guard, "north": north}


def test_tree_nests_units_with_counts_of_the_contacts_the_user_sees(member_client, dortmund):
    response = member_client.get(LIST, {"view": "tree"})

    assert shape(response.context["tree"].roots) == [
        (
            "Polizeipräsidium Dortmund",
            False,
            0,
            [
                ("Direktion Gefahrenabwehr", False, 0, [("Wache Nord", False, 1, [])]),
                (
                    "Direktion Kriminalität",
                    False,
                    0,
                    [("Kriminalinspektion Staatsschutz", False, 2, [])],
                ),
            ],
        )
    ]
    html = response.content.decode()
    assert "<details" in html
    assert f'href="{dortmund["north"].get_absolute_url()}"' in html
    assertContains(response, "2 Ansprechpersonen")
    assertContains(response, "Baum")


def test_a_filtered_tree_shows_the_superior_units_of_a_match_as_context(member_client, dortmund):
    response = member_client.get(LIST, {"view": "tree", "kind": "state_security"})

    assert shape(response.context["tree"].roots) == [
        (
            "Polizeipräsidium Dortmund",
            True,
            0,
            [
                (
                    "Direktion Kriminalität",
                    True,
                    0,
                    [("Kriminalinspektion Staatsschutz", False, 2, [])],
                )
            ],
        )
    ]
    assertContains(response, 'border">übergeordnete Dienststelle</span>', count=2)
    assertNotContains(response, "Wache Nord")
    # The hidden field keeps the view when the filters change; the switch keeps the filters.
    assertContains(response, 'type="hidden" name="view" value="tree"')
    assertContains(response, "?kind=state_security")


def test_a_bad_view_shows_the_list(member_client, dortmund):
    response = member_client.get(LIST, {"view": "<wald>"})

    assert "tree" not in response.context
    assert len(response.context["object_list"]) == 5
    assertNotContains(response, "&lt;wald&gt;")


def test_a_search_in_the_tree_finds_units_and_invalid_filters_show_nothing(member_client, dortmund):
    found = member_client.get(LIST, {"view": "tree", "q": "Wache Nord"})
    invalid = member_client.get(LIST, {"view": "tree", "kind": "nonsense"})

    assert shape(found.context["tree"].roots)[0][3][0][3] == [("Wache Nord", False, 1, [])]
    assert invalid.context["tree"].roots == []
    assertContains(invalid, "ungültig")


def test_the_tree_never_names_a_hidden_unit_to_the_public(client, member):
    lka = PoliceUnitFactory(name="Landeskriminalamt Nord", kind=PoliceUnit.Kind.LKA)
    hidden = PoliceUnitFactory(name="Einheit Tarnkappe", parent=lka, is_public=False)
    office = PoliceUnitFactory(name="Ansprechstelle LSBTI", parent=hidden)
    unit_contact(office, "Postfach", visibility=Visibility.PUBLIC)
    unit_contact(hidden, "Verdeckt", visibility=Visibility.PUBLIC)

    for params in ({"view": "tree"}, {"view": "tree", "q": "LSBTI"}, {"view": "tree", "q": "x"}):
        response = client.get(LIST, params)
        assertNotContains(response, "Tarnkappe")
        assertNotContains(response, hidden.get_absolute_url())
    response = client.get(LIST, {"view": "tree"})
    # The public unit hangs from its nearest visible superior unit.
    assert shape(response.context["tree"].roots) == [
        ("Landeskriminalamt Nord", False, 0, [("Ansprechstelle LSBTI", False, 1, [])])
    ]

    client.force_login(member)
    response = client.get(LIST, {"view": "tree", "q": "LSBTI"})
    assert shape(response.context["tree"].roots) == [
        (
            "Landeskriminalamt Nord",
            True,
            0,
            [("Einheit Tarnkappe", True, 1, [("Ansprechstelle LSBTI", False, 1, [])])],
        )
    ]


def test_the_tree_costs_the_same_queries_for_few_and_many_units(
    member_client, django_assert_max_num_queries
):
    topic = TopicFactory(name="Antisemitismus")
    root = PoliceUnitFactory(name="Polizei Hessen")
    for number in range(3):
        unit = PoliceUnitFactory(name=f"Direktion {number}", parent=root)
        unit.topics.set([topic])
        unit_contact(PoliceUnitFactory(parent=unit), f"Kontakt{number}")
    url = f"{LIST}?view=tree&topic={topic.pk}"
    at_three = count_queries(member_client, url)

    for number in range(3, 30):
        unit = PoliceUnitFactory(name=f"Direktion {number}", parent=root)
        unit.topics.set([topic])
        unit_contact(PoliceUnitFactory(parent=unit), f"Kontakt{number}")
    with django_assert_max_num_queries(at_three):
        response = member_client.get(url)
    assert len(response.context["tree"].roots[0].children) == 30


def test_unit_page_groups_the_contacts_of_its_subunits_after_its_own(member_client, dortmund):
    unit_contact(dortmund["pp"], "Zeller", function="Leitung Pressestelle")

    response = member_client.get(dortmund["pp"].get_absolute_url())

    groups = response.context["subunit_groups"]
    assert [(g.path, [c.last_name for c in g.contacts]) for g in groups] == [
        ("Direktion Gefahrenabwehr > Wache Nord", ["Nowak"]),
        ("Direktion Kriminalität > Kriminalinspektion Staatsschutz", ["Arslan", "Becker"]),
    ]
    html = response.content.decode()
    # Its own contacts first, then each subunit's heading with its link, then its contacts.
    assert html.index("Zeller") < html.index("Wache Nord") < html.index("Nowak")
    assert html.index("Nowak") < html.index("Kriminalinspektion Staatsschutz")
    assert html.index("Kriminalinspektion Staatsschutz") < html.index("Arslan")
    assert f'href="{dortmund["security"].get_absolute_url()}"' in html
    assertNotContains(response, "Geheim")
    assertNotContains(response, "Keine Ansprechpersonen")


def test_unit_page_without_own_contacts_shows_those_below_and_no_none_message(
    member_client, dortmund
):
    response = member_client.get(dortmund["crime"].get_absolute_url())

    assertContains(response, "Arslan")
    assertContains(response, "Kriminalinspektion Staatsschutz")
    assertNotContains(response, "Hier sind für Sie keine Ansprechpersonen")


def test_unit_page_says_none_only_when_the_whole_subtree_has_none(member_client, dortmund):
    empty = PoliceUnitFactory(name="Direktion Verkehr", parent=dortmund["pp"])
    PoliceUnitFactory(name="Verkehrsdienst", parent=empty)

    response = member_client.get(empty.get_absolute_url())

    assert response.context["subunit_groups"] == []
    assertContains(response, "Hier sind für Sie keine Ansprechpersonen")


def test_public_sees_public_contacts_below_without_a_hidden_units_name(client):
    lka = PoliceUnitFactory(name="Landeskriminalamt Nord", kind=PoliceUnit.Kind.LKA)
    hidden = PoliceUnitFactory(name="Einheit Tarnkappe", parent=lka, is_public=False)
    office = PoliceUnitFactory(name="Ansprechstelle LSBTI", parent=hidden)
    unit_contact(office, "Postfach", visibility=Visibility.PUBLIC)
    unit_contact(office, "Intern")
    unit_contact(hidden, "Verdeckt", visibility=Visibility.PUBLIC)

    response = client.get(lka.get_absolute_url())

    assert [
        (g.path, [c.last_name for c in g.contacts]) for g in response.context["subunit_groups"]
    ] == [("Ansprechstelle LSBTI", ["Postfach"])]
    assertNotContains(response, "Tarnkappe")
    assertNotContains(response, "Verdeckt")
    assertNotContains(response, "Intern")


def test_unit_page_costs_the_same_queries_for_one_and_many_subunits_with_contacts(
    member_client, django_assert_max_num_queries
):
    root = PoliceUnitFactory(name="Polizei Hessen")
    unit_contact(PoliceUnitFactory(parent=root), "Erster")
    at_one = count_queries(member_client, root.get_absolute_url())

    for number in range(20):
        unit = PoliceUnitFactory(parent=root)
        unit_contact(unit, f"Kontakt{number}")
        unit_contact(PoliceUnitFactory(parent=unit), f"Tiefer{number}")
    with django_assert_max_num_queries(at_one):
        response = member_client.get(root.get_absolute_url())
    assert len(response.context["subunit_groups"]) == 41


def test_admin_list_of_units_links_the_tree(curator_client):
    PoliceUnitFactory(name="Polizei Berlin")

    response = curator_client.get(reverse("admin:police_policeunit_changelist"))

    assertContains(response, f'href="{LIST}?view=tree"')
    assertContains(response, "Als Baum anzeigen")
