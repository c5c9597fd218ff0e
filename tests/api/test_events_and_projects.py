"""Events and cooperation projects in the API: what their pages show, per role, with their
lists' filters and deltas; never who was invited, registered or came to an event."""

import datetime

import pytest
from django.utils import timezone

from directory.api.tokens import create_token
from directory.events.models import Format
from tests.api.test_read import results
from tests.factories import (
    EventFactory,
    InvitationFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    ProjectFactory,
    ProjectPartyFactory,
    RegistrationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return sorted(entry["name"] for entry in results(response))


@pytest.fixture
def events():
    staff_format = Format.objects.create(name="Probe: Dienstbesprechung", staff_only=True)
    verein = OrganisationFactory(name="Offener Verein")
    hidden = OrganisationFactory(name="Geschützter Verein", is_public=False)
    top = PoliceUnitFactory(name="Präsidium")
    unit = PoliceUnitFactory(
        name="Wache Nord", parent=PoliceUnitFactory(name="Direktion", parent=top, is_public=False)
    )
    public = EventFactory(title="Offene Konferenz", visibility="public", place="Rathaus")
    public.organisations.set([verein, hidden])
    public.police_units.set([unit])
    RegistrationFactory(event=public, email="angemeldet@example.org")
    InvitationFactory(event=public, contact__email="eingeladen@example.org")
    EventFactory(title="Arbeitskreis Nord", visibility="members")
    EventFactory(title="Büro intern", visibility="staff")
    EventFactory(title="Teamsitzung", visibility="members", format=staff_format)
    return public


@pytest.mark.parametrize(
    ("role", "seen"),
    [
        ("anonymous", ["Offene Konferenz"]),
        ("member", ["Arbeitskreis Nord", "Offene Konferenz"]),
        ("curator", ["Arbeitskreis Nord", "Büro intern", "Offene Konferenz", "Teamsitzung"]),
    ],
)
def test_events_as_their_pages_show_them_per_role(api_get, tokens, events, role, seen):
    response = api_get("/api/v1/events/?per_page=100", token=tokens[role])

    assert titles(response) == seen
    body = response.content.decode()
    # Nobody reads who was invited or registered, nor how they answered.
    assert "angemeldet@example.org" not in body
    assert "eingeladen@example.org" not in body
    (shown,) = [e for e in results(response) if e["name"] == "Offene Konferenz"]
    assert shown["place"] == "Rathaus"
    assert shown["format"] == "Arbeitskreis"
    if role == "anonymous":
        assert shown["organisers"] == ["Offener Verein", "Präsidium > Wache Nord"]
    else:
        assert shown["organisers"] == [
            "Geschützter Verein", "Offener Verein", "Präsidium > Direktion > Wache Nord"
        ]  # fmt: skip
    detail = api_get(f"/api/v1/events/{events.pk}/", token=tokens[role])
    assert detail.json()["name"] == "Offene Konferenz"


def test_events_filters_match_the_list(api_get, member):
    token = create_token(member, "Kalender")[1]
    racism = TopicFactory(name="Rassismus")
    past = EventFactory(
        title="Rückblick", starts_at=timezone.now() - datetime.timedelta(days=30), topics=[racism]
    )
    coming = EventFactory(title="Vorschau")
    other_format = Format.objects.create(name="Probe: Forum")
    forum = EventFactory(title="Forum", format=other_format)

    def named(query):
        return titles(api_get(f"/api/v1/events/?{query}", token=token))

    assert named("period=past") == [past.title]
    assert named("period=upcoming") == sorted([coming.title, forum.title])
    assert named(f"format={other_format.pk}") == [forum.title]
    assert named(f"topic={racism.pk}") == [past.title]
    assert api_get("/api/v1/events/?format=abc", token=token).status_code == 400


def test_projects_name_only_parties_the_caller_may_see(api_get, member):
    project = ProjectFactory(title="Begegnen", is_public=True, amount=25000)
    ProjectPartyFactory(project=project, organisation__name="Offener Verein")
    ProjectPartyFactory(
        project=project, role="partner", organisation__name="Geschützter Verein",
        organisation__is_public=False,
    )  # fmt: skip
    ProjectFactory(title="Intern", is_public=False)

    public = results(api_get("/api/v1/projects/"))
    token = create_token(member, "Abgleich")[1]
    for_member = results(api_get("/api/v1/projects/?per_page=100", token=token))

    assert [p["name"] for p in public] == ["Begegnen"]
    assert public[0]["sponsors"] == ["Offener Verein"]
    assert public[0]["partners"] == []
    assert public[0]["amount"] == 25000
    assert sorted(p["name"] for p in for_member) == ["Begegnen", "Intern"]
    (begegnen,) = [p for p in for_member if p["name"] == "Begegnen"]
    assert begegnen["partners"] == ["Geschützter Verein"]
    assert api_get(f"/api/v1/projects/{for_member[0]['id']}/").status_code in (200, 404)


def test_projects_filters_match_the_list(api_get):
    running = ProjectFactory(title="Läuft", status="running")
    ProjectFactory(
        title="Geplant",
        status="planned",
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )

    assert titles(api_get("/api/v1/projects/?status=running")) == [running.title]
    assert titles(api_get("/api/v1/projects/?running_until=2026-06-30")) == [running.title]


# Committed (the history's timestamps are the database's transaction times, see test_changes).
@pytest.mark.django_db(transaction=True)
def test_deltas_name_changed_topics_and_tombstone_what_the_caller_saw(api_get, member):
    topic = TopicFactory(name="Rassismus")
    event = EventFactory(title="Offene Konferenz", visibility="public", topics=[topic])
    project = ProjectFactory(title="Begegnen", topics=[topic])
    direktion = PoliceUnitFactory(name="Direktion")
    by_unit = EventFactory(title="Sprechstunde", visibility="public")
    by_unit.police_units.set([PoliceUnitFactory(name="Wache", parent=direktion)])
    gone_public = EventFactory(title="Abgesagt", visibility="public")
    gone_members = EventFactory(title="Intern abgesagt", visibility="members")
    since = timezone.now()
    topic.name = "Rassismus und Diskriminierung"
    topic.save()
    # A superior unit renamed: the organising unit's path changed, not its row.
    direktion.name = "Direktion Nord"
    direktion.save()
    gone_ids = {gone_public.pk, gone_members.pk}
    public_id = gone_public.pk
    gone_public.delete()
    gone_members.delete()
    token = create_token(member, "Abgleich")[1]
    query = f"?modified_after={since.isoformat().replace('+00:00', 'Z')}"

    public = api_get(f"/api/v1/events/{query}").json()
    for_member = api_get(f"/api/v1/events/{query}", token=token).json()
    projects = api_get(f"/api/v1/projects/{query}").json()

    assert sorted(e["id"] for e in public["results"]) == sorted([event.pk, by_unit.pk])
    shown = {e["id"]: e for e in public["results"]}
    assert shown[event.pk]["topics"] == ["Rassismus und Diskriminierung"]
    assert shown[by_unit.pk]["organisers"] == ["Direktion Nord > Wache"]
    assert datetime.datetime.fromisoformat(shown[by_unit.pk]["last_modified"]) > since
    assert [t["id"] for t in public["tombstones"]] == [public_id]
    assert {t["id"] for t in for_member["tombstones"]} == gone_ids
    assert [p["id"] for p in projects["results"]] == [project.pk]
