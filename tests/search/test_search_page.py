"""One search box over everything: grouped, ranked, highlighted, and only what the user may see."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from directory.core.text import fold, highlight
from directory.police.models import PoliceUnit
from tests.conftest import count_queries
from tests.factories import (
    AgreementFactory,
    AgreementPartyFactory,
    ContactPersonFactory,
    OrganisationFactory,
    PoliceUnitFactory,
)

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:search")


def groups(response):
    return {
        group["key"]: [str(entry) for entry in group["results"]]
        for group in response.context["groups"]
    }


def test_results_are_grouped_by_entity(member_client):
    org = OrganisationFactory(name="Dortmunder Moscheegemeinde")
    PoliceUnitFactory(name="Polizeipräsidium Dortmund")
    ContactPersonFactory(organisation=org, first_name="Aylin", last_name="Kaya")
    AgreementPartyFactory(
        organisation=org, agreement=AgreementFactory(title="Vereinbarung Dortmund")
    )

    found = groups(member_client.get(SEARCH, {"q": "Dortmund"}))

    assert found["organisations"] == ["Dortmunder Moscheegemeinde"]
    assert found["police"] == ["Polizeipräsidium Dortmund"]
    assert found["contacts"] == ["Aylin Kaya"]
    assert found["agreements"] == ["Vereinbarung Dortmund"]


@pytest.mark.parametrize("typed", ["Müller", "Mueller", "muller"])
def test_mueller_finds_mueller_and_marks_the_name(member_client, typed):
    ContactPersonFactory(first_name="Jana", last_name="Müller")

    response = member_client.get(SEARCH, {"q": typed})

    assert groups(response)["contacts"] == ["Jana Müller"]
    assert "Jana <mark>Müller</mark>" in response.content.decode()


def test_anonymous_search_finds_no_members_only_contact(client, member):
    ContactPersonFactory(last_name="Vertraulich", email="vertraulich@example.org")

    anonymous = client.get(SEARCH, {"q": "Vertraulich"})
    client.force_login(member)
    as_member = client.get(SEARCH, {"q": "Vertraulich"})

    assert anonymous.context["total"] == 0
    assert "vertraulich@example.org" not in anonymous.content.decode()
    assert "Melden Sie sich als Mitglied an, um Ansprechpersonen zu suchen." in (
        anonymous.content.decode()
    )
    assert groups(as_member)["contacts"] == ["Erika Vertraulich"]


def test_more_results_than_shown_link_to_the_filtered_list(member_client):
    OrganisationFactory.create_batch(7, name="Jugendtreff Nordstadt")

    response = member_client.get(SEARCH, {"q": "Jugendtreff"})

    group = response.context["groups"][0]
    assert group["total"] == 7
    assert len(group["results"]) == 5
    assert f'href="{reverse("organisations:list")}?q=Jugendtreff"' in response.content.decode()


def test_a_topic_narrows_every_section_and_the_links_keep_it(member_client):
    from tests.factories import TopicFactory

    topic, other = TopicFactory(name="Antisemitismus"), TopicFactory(name="Rassismus")
    OrganisationFactory(name="Verein Nordstadt Eins", topics=[topic])
    OrganisationFactory.create_batch(6, name="Verein Nordstadt", topics=[other])
    ContactPersonFactory(last_name="Nordstadt", topics=[topic])
    ContactPersonFactory(last_name="Nordstadtweg", topics=[other])
    AgreementFactory(title="Vereinbarung Nordstadt", topics=[topic])
    PoliceUnitFactory(name="Wache Nordstadt")

    everything = member_client.get(SEARCH, {"q": "Nordstadt"})
    narrowed = member_client.get(SEARCH, {"q": "Nordstadt", "topic": topic.pk})
    mistyped = member_client.get(SEARCH, {"q": "Nordstadt", "topic": "Antisemitismus"})

    assert everything.context["total"] == 7 + 2 + 1 + 1
    assert groups(narrowed) == {
        "organisations": ["Verein Nordstadt Eins"],
        "contacts": ["Erika Nordstadt"],
        "agreements": ["Vereinbarung Nordstadt"],
        "projects": [],
        "events": [],
    }
    assert (
        f'<option value="{topic.pk}" selected>Antisemitismus</option>' in narrowed.content.decode()
    )
    assert [group["list_url"] for group in narrowed.context["groups"]] == [
        f"{reverse(name)}?q=Nordstadt&topic={topic.pk}"
        for name in (
            "organisations:list",
            "contacts:list",
            "agreements:list",
            "projects:list",
            "events:list",
        )
    ]
    assert mistyped.context["form"].errors["topic"]
    assert 'id="topic-error"' in mistyped.content.decode()


def test_empty_and_hostile_queries_show_the_form(member_client):
    empty = member_client.get(SEARCH)
    too_long = member_client.get(SEARCH, {"q": "x" * 300})
    nul = member_client.get(SEARCH, {"q": "Verein\x00"})

    assert empty.status_code == too_long.status_code == nul.status_code == 200
    assert empty.context["groups"] == []
    assert too_long.context["form"].errors
    assert nul.context["form"].errors


def test_search_costs_the_same_queries_for_few_and_many_matches(
    member_client, django_assert_max_num_queries
):
    OrganisationFactory.create_batch(2, name="Verein Nord")
    ContactPersonFactory.create_batch(2, last_name="Nord")
    at_few = count_queries(member_client, f"{SEARCH}?q=Nord")

    OrganisationFactory.create_batch(20, name="Verein Nord")
    ContactPersonFactory.create_batch(20, last_name="Nord")
    with django_assert_max_num_queries(at_few):
        member_client.get(SEARCH, {"q": "Nord"})


def test_highlight_marks_words_starting_with_a_stem_and_escapes_the_rest():
    assert fold("Straße Müller") == "strase muller"
    assert str(highlight("<b>Moscheegemeinde</b> Hörde", ["mosche"])) == (
        "&lt;b&gt;<mark>Moscheegemeinde</mark>&lt;/b&gt; Hörde"
    )
    assert str(highlight("Vereine & Verband", [])) == "Vereine &amp; Verband"


@pytest.fixture
def hidden_entries():
    """A public agreement signed by a hidden organisation and by a public police unit that
    sits below a hidden one."""
    lka = PoliceUnitFactory(name="Landeskriminalamt Nord")
    hidden_unit = PoliceUnitFactory(name="Einheit Tarnkappe", parent=lka, is_public=False)
    office = PoliceUnitFactory(name="Ansprechstelle Regenbogen", parent=hidden_unit)
    agreement = AgreementFactory(title="Vereinbarung Nordstadt", is_public=True)
    AgreementPartyFactory(
        agreement=agreement, organisation__name="Verein Schattenriss", organisation__is_public=False
    )
    AgreementPartyFactory(agreement=agreement, organisation=None, police_unit=office)
    return hidden_unit, office, agreement


def found(response):
    return {key: entries for key, entries in groups(response).items() if entries}


@pytest.mark.parametrize("hidden_name", ["Tarnkappe", "Tarnkap", "Schattenriss"])
def test_public_search_finds_nothing_by_a_hidden_entrys_name(client, hidden_entries, hidden_name):
    _, office, agreement = hidden_entries

    response = client.get(SEARCH, {"q": hidden_name})

    assert response.context["total"] == 0
    assertNotContains(response, office.get_absolute_url())
    assertNotContains(response, agreement.get_absolute_url())


def test_public_search_results_name_no_hidden_entry(client, hidden_entries):
    response = client.get(SEARCH, {"q": "Nordstadt Regenbogen"})
    by_place = client.get(SEARCH, {"q": "Regenbogen"})

    for page in (response, by_place):
        assertNotContains(page, "Tarnkappe")
        assertNotContains(page, "Schattenriss")
        assertContains(page, "1 nicht öffentliche Partei")
    assert found(response) == {"agreements": ["Vereinbarung Nordstadt"]}
    assert found(by_place) == {
        "police": ["Landeskriminalamt Nord > Ansprechstelle Regenbogen"],
        "agreements": ["Vereinbarung Nordstadt"],
    }


def test_public_search_follows_a_superior_units_visibility(client, hidden_entries):
    hidden_unit, _, _ = hidden_entries

    hidden_unit.is_public = True
    hidden_unit.save()
    shown = found(client.get(SEARCH, {"q": "Tarnkappe"}))
    PoliceUnit.objects.filter(pk=hidden_unit.pk).update(is_public=False)
    hidden_again = client.get(SEARCH, {"q": "Tarnkappe"})

    assert shown == {
        "police": [
            "Landeskriminalamt Nord > Einheit Tarnkappe",
            "Landeskriminalamt Nord > Einheit Tarnkappe > Ansprechstelle Regenbogen",
        ],
        "agreements": ["Vereinbarung Nordstadt"],
    }
    assert hidden_again.context["total"] == 0


def test_members_find_the_hidden_unit_and_see_full_paths_and_parties(member_client, hidden_entries):
    by_name = member_client.get(SEARCH, {"q": "Tarnkappe"})
    by_place = member_client.get(SEARCH, {"q": "Regenbogen"})

    assert groups(by_name)["police"] == ["Landeskriminalamt Nord > Einheit Tarnkappe"]
    assert groups(by_place)["police"] == [
        "Landeskriminalamt Nord > Einheit Tarnkappe > Ansprechstelle Regenbogen"
    ]
    assertContains(by_place, "Verein Schattenriss")
    assertNotContains(by_place, "nicht öffentliche Partei")


def test_best_hits_come_first_and_a_persons_name_brings_the_person(member_client):
    org = OrganisationFactory(name="Kaya Kulturverein")
    ContactPersonFactory(organisation=org, first_name="Aylin", last_name="Kaya")
    PoliceUnitFactory(name="Polizeiwache Kaya")

    by_name = member_client.get(SEARCH, {"q": "Aylin Kaya"})
    by_surname = member_client.get(SEARCH, {"q": "Kaya"})

    # Only one kind found: its section is the best hits.
    assert by_name.context["best_hits"] == []
    assert groups(by_name)["contacts"] == ["Aylin Kaya"]
    hits = by_surname.context["best_hits"]
    assert str(hits[0]["entry"]) == "Aylin Kaya"
    assert {hit["key"] for hit in hits} == {"contacts", "organisations", "police"}
    assert by_surname.context["groups"][0]["key"] == "contacts"
    # Each entry once on the page: the sections list what the best hits did not show.
    assert all(group["rest"] == [] for group in by_surname.context["groups"])
    content = by_surname.content.decode()
    assert content.index("Beste Treffer") < content.index('id="group-contacts"')


def test_a_query_of_stop_words_finds_nothing(member_client):
    OrganisationFactory(name="Verein der Nachbarn")

    response = member_client.get(SEARCH, {"q": "der die das"})

    assert response.context["total"] == 0
    assertContains(response, "Keine Treffer")


def test_projects_are_found_as_far_as_the_user_may_see_them(member_client):
    from django.test import Client

    from tests.factories import ProjectFactory

    ProjectFactory(title="Aktives Begegnen Bremen", is_public=True)
    ProjectFactory(title="Begegnen intern Bremen", is_public=False)

    public = groups(Client().get(SEARCH, {"q": "Begegnen"}))
    members = groups(member_client.get(SEARCH, {"q": "Begegnen"}))

    assert public["projects"] == ["Aktives Begegnen Bremen"]
    assert sorted(members["projects"]) == ["Aktives Begegnen Bremen", "Begegnen intern Bremen"]
