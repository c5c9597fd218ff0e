"""Cooperation projects: who sees them, the list's filters and search, the project page, the
sponsors' pages and the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from directory.projects.models import Project, ProjectParty
from tests.conftest import count_queries
from tests.factories import (
    BoroughFactory,
    ContactPersonFactory,
    DistrictFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    ProjectFactory,
    ProjectPartyFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("projects:list")


def titles(response):
    assert response.status_code == 200
    return [p.title for p in response.context["object_list"]]


# --- visibility -------------------------------------------------------------------------------


def test_public_sees_public_projects_only(client):
    ProjectFactory(title="Aktives Begegnen", is_public=True)
    internal = ProjectFactory(title="Interner Austausch", is_public=False)

    assert titles(client.get(LIST)) == ["Aktives Begegnen"]
    assert client.get(internal.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", ["member", "coordinator", "curator"])
def test_members_and_above_see_members_only_projects(client, request, role):
    internal = ProjectFactory(title="Interner Austausch", is_public=False)
    client.force_login(request.getfixturevalue(role))

    assert titles(client.get(LIST)) == ["Interner Austausch"]
    response = client.get(internal.get_absolute_url())
    assertContains(response, "Interner Austausch")
    assertContains(response, "nur für Mitglieder")


def test_project_page_names_no_sponsor_the_public_may_not_see(client, member):
    project = ProjectFactory(title="Dialog im Quartier")
    ProjectPartyFactory(project=project, organisation__name="Offener Verein e.V.")
    ProjectPartyFactory(
        project=project,
        organisation__name="Verdeckter Verein e.V.",
        organisation__is_public=False,
        role=ProjectParty.Role.PARTNER,
    )

    anonymous = client.get(project.get_absolute_url())
    assertContains(anonymous, "Offener Verein e.V.")
    assertNotContains(anonymous, "Verdeckter Verein")
    assertNotContains(client.get(LIST), "Verdeckter Verein")

    client.force_login(member)
    assertContains(client.get(project.get_absolute_url()), "Verdeckter Verein e.V.")


def test_project_page_shows_contacts_only_as_visible_to_the_user(client, member):
    project = ProjectFactory()
    members_only = ContactPersonFactory(last_name="Yilmaz", visibility="members")
    staff_only = ContactPersonFactory(
        last_name="Geheim", visibility="staff", consent_given_on=None, consent_basis=""
    )
    project.contacts.set([members_only, staff_only])

    assertNotContains(client.get(project.get_absolute_url()), "Yilmaz")
    client.force_login(member)
    page = client.get(project.get_absolute_url())
    assertContains(page, "Yilmaz")
    assertNotContains(page, "Geheim")


# --- the page ---------------------------------------------------------------------------------


def test_project_page_shows_period_funding_activities_and_plain_links(client):
    project = ProjectFactory(
        title="Aktives Begegnen",
        starts_on=datetime.date(2020, 3, 1),
        ends_on=datetime.date(2022, 12, 31),
        status=Project.Status.COMPLETED,
        funder="Bundesamt für Migration und Flüchtlinge",
        funding_programme="Zusammenhalt durch Teilhabe",
        amount=48000,
        activities="Begegnungstage\nVideodokumentation",
        results="Evaluation durch die Hochschule",
        links="https://example.org/aktives-begegnen",
        topics=[TopicFactory(name="Racial Profiling")],
    )

    page = client.get(project.get_absolute_url())

    assertContains(page, "Abgeschlossen")
    assertContains(page, "1. März 2020")
    assertContains(page, "Bundesamt für Migration und Flüchtlinge")
    assertContains(page, "48.000 €")
    assertContains(page, "<li>Videodokumentation</li>", html=True)
    assertContains(page, 'href="https://example.org/aktives-begegnen"')
    assertNotContains(page, "<iframe")
    assertContains(page, "Racial Profiling")


def test_links_must_be_web_addresses():
    project = ProjectFactory.build(links="https://example.org\njavascript:alert(1)")

    with pytest.raises(ValidationError) as error:
        project.full_clean(exclude=["search_vector"])

    assert "links" in error.value.message_dict


# --- filters and search -------------------------------------------------------------------------


def test_status_topic_and_period_filters(client):
    racism = TopicFactory(name="Rassismus")
    ProjectFactory(
        title="Früher",
        status=Project.Status.COMPLETED,
        starts_on=datetime.date(2013, 1, 1),
        ends_on=datetime.date(2014, 6, 30),
        topics=[racism],
    )
    ProjectFactory(title="Heute", starts_on=datetime.date(2024, 1, 1), ends_on=None)
    ProjectFactory(title="Geplant", status=Project.Status.PLANNED, starts_on=None, ends_on=None)

    assert titles(client.get(LIST, {"status": "completed"})) == ["Früher"]
    assert titles(client.get(LIST, {"topic": racism.pk})) == ["Früher"]
    overlapping_2014 = client.get(
        LIST, {"running_from": "2014-01-01", "running_until": "2014-12-31"}
    )
    assert sorted(titles(overlapping_2014)) == ["Früher", "Geplant"]
    assert "Früher" not in titles(client.get(LIST, {"running_from": "2020-01-01"}))


def test_region_filter_includes_sub_regions_and_whole_regions(client):
    bremen = LandFactory(name="Bremen")
    city = DistrictFactory(name="Bremen (Stadt)", parent=bremen)
    mitte = BoroughFactory(name="Mitte", parent=city)
    elsewhere = LandFactory(name="Bayern")
    ProjectFactory(title="In Mitte", regions=[mitte])
    ProjectFactory(title="Ganz Bremen", regions=[bremen])
    ProjectFactory(title="In Bayern", regions=[elsewhere])

    assert sorted(titles(client.get(LIST, {"region": bremen.pk}))) == ["Ganz Bremen", "In Mitte"]
    assert sorted(titles(client.get(LIST, {"region": mitte.pk}))) == ["Ganz Bremen", "In Mitte"]


def test_search_finds_projects_by_title_funder_and_public_sponsor(client):
    project = ProjectFactory(title="Aktives Begegnen", funder="BAMF")
    ProjectPartyFactory(project=project, organisation__name="Polizeihochschule Bremen")
    ProjectPartyFactory(
        project=project,
        organisation__name="Geheimbund",
        organisation__is_public=False,
        role=ProjectParty.Role.PARTNER,
    )
    ProjectFactory(title="Anderes Projekt")

    assert titles(client.get(LIST, {"q": "Begegnung"})) == ["Aktives Begegnen"]
    assert titles(client.get(LIST, {"q": "BAMF"})) == ["Aktives Begegnen"]
    assert titles(client.get(LIST, {"q": "Polizeihochschule"})) == ["Aktives Begegnen"]
    assert list(Project.objects.search("Geheimbund")) == []


def test_search_follows_a_renamed_sponsor():
    project = ProjectFactory(title="Dialogreihe")
    party = ProjectPartyFactory(project=project, organisation__name="Altname e.V.")
    party.organisation.name = "Neuname Moscheegemeinde"
    party.organisation.save()

    assert list(Project.objects.search("Neuname")) == [project]


@pytest.mark.parametrize(
    "query",
    [
        {"status": "nonsense"},
        {"running_from": "31.02.2024"},
        {"region": "abc"},
        {"topic": "x"},
        {"page": "999"},
        {"per_page": "-3"},
        {"q": "\x00%"},
    ],
)
def test_malformed_query_strings_never_fail(client, query):
    ProjectFactory()
    assert client.get(LIST, query).status_code == 200


def test_list_queries_do_not_grow_with_the_projects(client):
    def add():
        project = ProjectFactory(topics=[TopicFactory()])
        ProjectPartyFactory(project=project)
        ProjectPartyFactory(project=project, organisation=None, police_unit=PoliceUnitFactory())

    add()
    one = count_queries(client, LIST)
    add()
    add()
    assert count_queries(client, LIST) == one


# --- sponsors' pages ------------------------------------------------------------------------------


def test_projects_appear_on_their_sponsors_pages(client):
    organisation = OrganisationFactory(name="Flüchtlingsrat Bremen")
    unit = PoliceUnitFactory(name="Polizei Bremen", is_public=True)
    project = ProjectFactory(title="Aktives Begegnen")
    ProjectPartyFactory(project=project, organisation=organisation)
    ProjectPartyFactory(project=project, organisation=None, police_unit=unit, role="partner")
    ProjectFactory(title="Fremdes Projekt")

    for page in (organisation.get_absolute_url(), unit.get_absolute_url()):
        response = client.get(page)
        assertContains(response, "Kooperationsprojekte")
        assertContains(response, project.get_absolute_url())
        assertNotContains(response, "Fremdes Projekt")


def test_members_only_project_not_on_sponsor_page_for_the_public(client, member):
    organisation = OrganisationFactory()
    ProjectPartyFactory(
        project__title="Interne Werkstatt", project__is_public=False, organisation=organisation
    )

    assertNotContains(client.get(organisation.get_absolute_url()), "Interne Werkstatt")
    client.force_login(member)
    assertContains(client.get(organisation.get_absolute_url()), "Interne Werkstatt")


# --- admin ----------------------------------------------------------------------------------------


def test_curator_finds_and_edits_projects_in_admin(curator_client):
    project = ProjectFactory(title="Aktives Begegnen")
    ProjectPartyFactory(
        project=project, organisation__name="Verdeckt e.V.", organisation__is_public=False
    )

    changelist = curator_client.get(reverse("admin:projects_project_changelist"), {"q": "Verdeckt"})
    assertContains(changelist, "Aktives Begegnen")
    change = curator_client.get(reverse("admin:projects_project_change", args=[project.pk]))
    assertContains(change, "Förderprogramm")
    assertContains(change, "Träger und Partner")


def test_mark_verified_sets_the_next_review(curator_client, curator):
    project = ProjectFactory()
    curator_client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "mark_verified", "_selected_action": [project.pk]},
    )
    project.refresh_from_db()
    assert project.verified_by == curator
    assert project.review_due > project.verified_on


def test_history_records_changes():
    project = ProjectFactory(title="Alt")
    project.title = "Neu"
    project.save()
    assert [e.title for e in project.events.order_by("pgh_id")] == ["Alt", "Neu"]


def test_htmx_filter_request_gets_only_the_results(client):
    ProjectFactory(title="Aktives Begegnen")

    response = client.get(LIST, {"q": "Begegnen"}, headers={"HX-Target": "results"})

    assertContains(response, "1 Treffer")
    assertContains(response, "<mark>Begegnen</mark>")
    assertNotContains(response, "<html")
