import pytest
from django.urls import reverse

from directory.events.models import Invitation
from directory.exports.models import ExportLog
from tests.factories import (
    ContactPersonFactory,
    EventFactory,
    InvitationFactory,
    OrganisationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(title="Forum Vertrauen")


@pytest.fixture
def topic():
    return TopicFactory(name="Antisemitismus")


def url(event, query=""):
    return reverse("events:build_list", args=[event.pk]) + (f"?{query}" if query else "")


def test_preview_counts_the_filtered_contacts_without_adding_them(coordinator_client, event, topic):
    ContactPersonFactory(last_name="Yilmaz", topics=[topic])
    ContactPersonFactory(last_name="Nowak", topics=[topic])
    ContactPersonFactory(last_name="Schulz")

    response = coordinator_client.get(url(event, f"topic={topic.pk}"))

    assert response.status_code == 200
    assert response.context["count"] == 2
    assert "Yilmaz" in response.content.decode()
    assert "Schulz" not in response.content.decode()
    assert not Invitation.objects.exists()


def test_adding_invites_the_filtered_contacts_and_logs_the_list(
    coordinator_client, coordinator, event, topic
):
    wanted = [ContactPersonFactory(topics=[topic]) for _ in range(2)]
    ContactPersonFactory()

    response = coordinator_client.post(url(event, f"topic={topic.pk}"))

    assert response.status_code == 302
    assert set(event.invitations.values_list("contact_id", flat=True)) == {c.pk for c in wanted}
    log = ExportLog.objects.get()
    assert log.user == coordinator
    assert log.list_name == "einladungsliste"
    assert log.row_count == 2
    assert f"topic={topic.pk}" in log.query
    assert sorted(log.contact_ids) == sorted(c.pk for c in wanted)
    assert "Forum Vertrauen" in log.purpose


def test_same_email_is_invited_once(coordinator_client, event, topic):
    organisation = OrganisationFactory()
    ContactPersonFactory(
        organisation=organisation, email="team@example.org", last_name="A", topics=[topic]
    )
    ContactPersonFactory(
        organisation=organisation, email="TEAM@example.org", last_name="B", topics=[topic]
    )
    ContactPersonFactory(email="eigene@example.org", topics=[topic])

    coordinator_client.post(url(event, f"topic={topic.pk}"))

    emails = [e.lower() for e in event.invitations.values_list("contact__email", flat=True)]
    assert sorted(emails) == ["eigene@example.org", "team@example.org"]


def test_already_invited_address_is_not_added_again(coordinator_client, event, topic):
    first = ContactPersonFactory(email="shared@example.org", topics=[topic])
    InvitationFactory(event=event, contact=first)
    ContactPersonFactory(email="Shared@example.org", topics=[topic])

    response = coordinator_client.get(url(event, f"topic={topic.pk}"))

    assert response.context["count"] == 0


def test_contacts_the_coordinator_may_not_see_are_never_added(coordinator_client, event, topic):
    visible = ContactPersonFactory(topics=[topic], visibility="members")
    ContactPersonFactory(topics=[topic], visibility="staff", last_name="Geheim")

    response = coordinator_client.post(url(event, f"topic={topic.pk}"))

    assert response.status_code == 302
    assert list(event.invitations.values_list("contact_id", flat=True)) == [visible.pk]
    assert ExportLog.objects.get().contact_ids == [visible.pk]


def test_contacts_without_email_are_left_out(coordinator_client, event, topic):
    ContactPersonFactory(topics=[topic], email="")

    response = coordinator_client.get(url(event, f"topic={topic.pk}"))

    assert response.context["count"] == 0


def test_participants_of_another_event_can_be_invited(coordinator_client, event):
    earlier = EventFactory(title="Erstes Forum")
    came = InvitationFactory(event=earlier, state="accepted", attendance="attended").contact
    InvitationFactory(event=earlier, state="declined")
    InvitationFactory(event=earlier, state="accepted", attendance="no_show")

    response = coordinator_client.post(url(event, f"from_event={earlier.pk}"))

    assert response.status_code == 302
    assert list(event.invitations.values_list("contact_id", flat=True)) == [came.pk]
    assert "Erstes Forum" in ExportLog.objects.get().purpose


def test_an_event_the_coordinator_may_not_see_is_no_source(coordinator_client, event):
    hidden = EventFactory(visibility="staff")
    InvitationFactory(event=hidden, state="accepted")

    response = coordinator_client.post(url(event, f"from_event={hidden.pk}"))

    assert response.status_code == 200
    assert "Bitte wählen Sie eine der angebotenen Veranstaltungen" in response.content.decode()
    assert not event.invitations.exists()


def test_without_any_filter_nothing_is_added(coordinator_client, event):
    ContactPersonFactory()

    response = coordinator_client.post(url(event))

    assert response.status_code == 200
    assert not event.invitations.exists()
    assert not ExportLog.objects.exists()


def test_malformed_filters_show_a_message_not_an_error(coordinator_client, event):
    response = coordinator_client.get(url(event, "topic=abc&from_event=x&region=%00"))

    assert response.status_code == 200
    assert response.context["count"] == 0


def test_members_may_not_build_lists(client, member, event):
    client.force_login(member)

    response = client.get(url(event))

    assert response.status_code == 403


def test_anonymous_users_are_sent_to_log_in(client, event):
    response = client.get(url(event))

    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_the_coordinators_merkliste_can_be_invited(coordinator_client, coordinator, event):
    from directory.contacts.models import Visibility
    from directory.exports.models import SavedContact

    picked = ContactPersonFactory(last_name="Kaya", email="kaya@example.org")
    hidden = ContactPersonFactory(last_name="Intern", visibility=Visibility.STAFF)
    ContactPersonFactory(last_name="Nicht gemerkt")
    for contact in (picked, hidden):
        SavedContact.objects.create(user=coordinator, contact=contact)

    response = coordinator_client.post(url(event, "merkliste=on"))

    assert response.status_code == 302
    assert list(event.invitations.values_list("contact_id", flat=True)) == [picked.pk]
    assert "Merkliste" in ExportLog.objects.get().purpose
