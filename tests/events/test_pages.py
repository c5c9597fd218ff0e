import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.events.models import Event, Format, Visibility
from tests.conftest import count_queries
from tests.factories import (
    ContactPersonFactory,
    EventFactory,
    InvitationFactory,
    LandFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
LIST = "/veranstaltungen/"


@pytest.fixture
def events(mediation):
    return {
        "public": EventFactory(title="Offene Konferenz", visibility=Visibility.PUBLIC),
        "members": EventFactory(title="Arbeitskreis Sicherheit", visibility=Visibility.MEMBERS),
        "mediation": EventFactory(title="Konfliktgespräch", format=mediation),
    }


def test_public_list_shows_public_announcements_only(client, events):
    content = client.get(LIST).content.decode()

    assert "Offene Konferenz" in content
    assert "Arbeitskreis Sicherheit" not in content
    assert "Konfliktgespräch" not in content


def test_members_list_shows_members_events_but_never_mediation(client, member, events):
    client.force_login(member)
    content = client.get(LIST).content.decode()

    assert "Offene Konferenz" in content
    assert "Arbeitskreis Sicherheit" in content
    assert "Konfliktgespräch" not in content
    assert "Mediation" not in content


def test_curator_list_shows_mediation(client, curator, events):
    client.force_login(curator)

    assert "Konfliktgespräch" in client.get(LIST).content.decode()


def test_members_event_page_is_hidden_from_the_public(client, events):
    response = client.get(events["members"].get_absolute_url())

    assert response.status_code == 404


def test_list_filters_by_format_topic_region_and_period(client, member):
    topic = TopicFactory(name="Racial Profiling")
    land = LandFactory(name="Nordrhein-Westfalen")
    now = timezone.now()
    EventFactory(title="Passt", topics=[topic], region=land)
    EventFactory(title="Anderes Thema", region=land)
    EventFactory(
        title="Vorbei", topics=[topic], region=land, starts_at=now - datetime.timedelta(days=30)
    )
    workshop = EventFactory(title="Workshop Passt", topics=[topic], region=land)
    workshop.format = Format.objects.get_or_create(name="Workshop")[0]
    workshop.save()
    client.force_login(member)
    arbeitskreis = Event.objects.get(title="Passt").format

    response = client.get(
        LIST,
        {"topic": topic.pk, "region": land.pk, "period": "upcoming", "format": arbeitskreis.pk},
    )

    titles = [e.title for e in response.context["object_list"]]
    assert titles == ["Passt"]


def test_malformed_filters_show_a_message_and_no_results(client, events):
    response = client.get(LIST, {"format": "x", "starts_after": "gestern", "page": "zwei"})

    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


def test_list_queries_do_not_grow_with_the_events(client, member):
    client.force_login(member)
    EventFactory(topics=[TopicFactory()])
    one = count_queries(client, LIST)
    EventFactory.create_batch(3, topics=[TopicFactory()])

    assert count_queries(client, LIST) == one


def test_coordinator_sees_the_invitation_list_with_counts(client, coordinator):
    event = EventFactory()
    InvitationFactory(event=event, contact__last_name="Zusager", state="accepted")
    InvitationFactory(event=event, contact__last_name="Absager", state="declined")
    InvitationFactory(event=event, contact__last_name="Geheim", contact__visibility="staff")
    client.force_login(coordinator)

    content = client.get(event.get_absolute_url()).content.decode()

    assert "Zusager" in content
    assert "Absager" in content
    assert "Geheim" not in content
    assert "Zugesagt: <strong>1</strong>" in content
    assert "1 weitere eingeladene Person" in content


def test_member_sees_no_invitation_list(client, member):
    event = EventFactory()
    InvitationFactory(event=event, contact__last_name="Zusager", state="accepted")
    client.force_login(member)

    content = client.get(event.get_absolute_url()).content.decode()

    assert event.title in content
    assert "Zusager" not in content


def test_attendance_is_recorded_after_the_event(client, coordinator):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(hours=2))
    came = InvitationFactory(event=event, state="accepted")
    absent = InvitationFactory(event=event, state="accepted")
    client.force_login(coordinator)
    url = reverse("events:attendance", args=[event.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": str(came.pk),
        "form-0-attendance": "attended",
        "form-1-id": str(absent.pk),
        "form-1-attendance": "excused",
        "guest-TOTAL_FORMS": "0",
        "guest-INITIAL_FORMS": "0",
    }

    response = client.post(url, data)

    assert response.status_code == 302
    came.refresh_from_db()
    absent.refresh_from_db()
    event.refresh_from_db()
    assert (came.attendance, absent.attendance) == ("attended", "excused")
    assert event.status == Event.Status.HELD


def test_attendance_of_an_invisible_contact_cannot_be_set(client, coordinator):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(hours=2))
    hidden = InvitationFactory(event=event, state="accepted", contact__visibility="staff")
    client.force_login(coordinator)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(hidden.pk),
        "form-0-attendance": "attended",
        "guest-TOTAL_FORMS": "0",
        "guest-INITIAL_FORMS": "0",
    }

    client.post(reverse("events:attendance", args=[event.pk]), data)

    hidden.refresh_from_db()
    assert hidden.attendance == ""


def test_attendance_waits_for_the_event(client, coordinator):
    event = EventFactory()
    client.force_login(coordinator)

    response = client.get(reverse("events:attendance", args=[event.pk]))

    assert response.status_code == 302


def test_contact_page_shows_participation_to_coordinators_only(client, coordinator, member):
    invitation = InvitationFactory(event__title="Fachtagung Vertrauen", attendance="attended")
    url = invitation.contact.get_absolute_url()

    client.force_login(member)
    assert "Fachtagung Vertrauen" not in client.get(url).content.decode()
    client.force_login(coordinator)
    content = client.get(url).content.decode()
    assert "Teilnahme an Austauschformaten" in content
    assert "Fachtagung Vertrauen" in content


def test_contact_page_never_shows_mediation_to_coordinators(client, coordinator, mediation):
    invitation = InvitationFactory(event__title="Vermittlung", event__format=mediation)
    client.force_login(coordinator)

    content = client.get(invitation.contact.get_absolute_url()).content.decode()

    assert "Vermittlung" not in content


def test_organisation_and_unit_pages_show_the_events_they_organised(client):
    organisation = OrganisationFactory()
    unit = PoliceUnitFactory(is_public=True)
    event = EventFactory(title="Forum Dortmund", visibility=Visibility.PUBLIC)
    event.organisations.add(organisation)
    event.police_units.add(unit)
    EventFactory(title="Internes Forum").organisations.add(organisation)

    for entry in (organisation, unit):
        content = client.get(entry.get_absolute_url()).content.decode()
        assert "Forum Dortmund" in content
        assert "Internes Forum" not in content


def test_document_is_served_only_to_who_may_see_it(client, member, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from directory.events.models import EventDocument

    settings.MEDIA_ROOT = tmp_path
    event = EventFactory(visibility=Visibility.PUBLIC)
    document = EventDocument.objects.create(
        event=event,
        title="Protokoll",
        file=SimpleUploadedFile("protokoll.pdf", b"%PDF-1.4 test"),
    )
    url = document.file.url
    assert url.startswith("/veranstaltungen/dokument/")

    assert client.get(url).status_code == 404
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_document_upload_is_checked_like_agreements(settings):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from directory.events.models import EventDocument

    document = EventDocument(
        event=EventFactory(), title="Fake", file=SimpleUploadedFile("x.pdf", b"MZ not a pdf")
    )

    with pytest.raises(ValidationError) as error:
        document.full_clean()

    assert "file" in error.value.message_dict


def test_unknown_contact_organisation_unit_lead_nowhere(client, coordinator):
    client.force_login(coordinator)
    ContactPersonFactory()

    assert client.get("/veranstaltungen/999999/").status_code == 404


def test_detail_page_queries_do_not_grow_with_the_invitations(client, coordinator):
    event = EventFactory()
    event.organisations.add(OrganisationFactory())
    InvitationFactory(event=event, state="accepted")
    client.force_login(coordinator)
    one = count_queries(client, event.get_absolute_url())
    InvitationFactory.create_batch(3, event=event)

    assert count_queries(client, event.get_absolute_url()) == one


def test_event_downloads_as_ics_for_those_who_may_see_it(client, member):
    event = EventFactory(title="Dialogforum Nord", place="Rathaus", visibility=Visibility.MEMBERS)
    url = reverse("events:ics", args=[event.pk])

    assert client.get(url).status_code == 404
    client.force_login(member)
    response = client.get(url)

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in body
    assert "SUMMARY:Dialogforum Nord" in body
    assert "LOCATION:Rathaus" in body
    assert f"UID:event-{event.pk}@" in body


def test_list_search_finds_events_by_title_and_description(client, member):
    EventFactory(title="Offene Konferenz", description="Straßenfest und Austausch")
    EventFactory(title="Arbeitskreis Schule")
    client.force_login(member)

    found = client.get(LIST, {"q": "Strasse"}).context["object_list"]

    assert [e.title for e in found] == ["Offene Konferenz"]


def test_an_event_and_the_projects_it_presents_link_each_other_as_far_as_visible(client, member):
    from tests.factories import ProjectFactory

    shown = ProjectFactory(title="Aktives Begegnen", is_public=True)
    internal = ProjectFactory(title="Interne Hospitation", is_public=False)
    event = EventFactory(title="Erfahrungsaustausch 2013", visibility=Visibility.PUBLIC)
    event.projects.add(shown, internal)
    hidden_event = EventFactory(title="Internes Treffen", visibility=Visibility.MEMBERS)
    hidden_event.projects.add(shown)

    public_event_page = client.get(event.get_absolute_url()).content.decode()
    public_project_page = client.get(shown.get_absolute_url()).content.decode()
    client.force_login(member)
    members_project_page = client.get(shown.get_absolute_url()).content.decode()
    members_event_page = client.get(event.get_absolute_url()).content.decode()

    assert "Aktives Begegnen" in public_event_page
    assert "Interne Hospitation" not in public_event_page
    assert "Erfahrungsaustausch 2013" in public_project_page
    assert "Internes Treffen" not in public_project_page
    assert "Internes Treffen" in members_project_page
    assert "Interne Hospitation" in members_event_page
