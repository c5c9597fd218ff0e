import pytest
from django.urls import reverse

from tests.factories import EventFactory, InvitationFactory

pytestmark = pytest.mark.django_db


def test_curator_edits_an_event_with_its_documents_and_invitations(curator_client):
    invitation = InvitationFactory(contact__last_name="Kaya", event__title="Forum Dortmund")

    response = curator_client.get(reverse("admin:events_event_change", args=[invitation.event.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Forum Dortmund" in content
    assert "Kaya" in content
    assert "Dokumente der Veranstaltungen" in content
    assert "Anmeldeschluss" in content


def test_event_list_in_admin_filters_by_format_and_status(curator_client):
    EventFactory(title="Arbeitskreis Nord")

    response = curator_client.get(reverse("admin:events_event_changelist"), {"status": "planned"})

    assert "Arbeitskreis Nord" in response.content.decode()


def test_coordinators_have_no_admin_access_to_events(client, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("admin:events_event_changelist"))

    assert response.status_code == 302
    assert "/login/" in response["Location"]
