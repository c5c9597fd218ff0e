"""Answers an invitee gives by phone or mail, recorded by a coordinator on the event's page:
as through the invitee's own link (waiting list, moving up), for invitees the coordinator may
see, until the event starts."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from directory.events.models import Event, Invitation
from tests.factories import EventFactory, InvitationFactory

pytestmark = pytest.mark.django_db


def record(client, invitation, answer):
    url = reverse("events:record_answer", args=[invitation.event_id, invitation.pk])
    return client.post(url, {"answer": answer}, follow=True)


def state_of(invitation):
    invitation.refresh_from_db()
    return invitation.state


def test_a_coordinator_records_an_answer_given_by_phone(coordinator_client):
    invitation = InvitationFactory(contact__first_name="Aylin", contact__last_name="Kaya")

    page = record(coordinator_client, invitation, "accepted")

    assert state_of(invitation) == Invitation.State.ACCEPTED
    assert invitation.answered_at is not None
    html = page.content.decode()
    assert "Antwort von Aylin Kaya eingetragen: Zugesagt." in html
    # Back on the event's page, where the table shows the answer.
    assert page.redirect_chain[-1][0].endswith(
        f"{invitation.event.get_absolute_url()}#invitations-heading"
    )


def test_the_event_page_offers_the_form_for_each_visible_invitee(coordinator_client):
    invitation = InvitationFactory(state=Invitation.State.MAYBE)

    html = coordinator_client.get(invitation.event.get_absolute_url()).content.decode()

    action = reverse("events:record_answer", args=[invitation.event_id, invitation.pk])
    assert f'action="{action}"' in html
    assert f'<label class="visually-hidden" for="answer-{invitation.pk}">' in html
    assert '<option value="maybe" selected>' in html


def test_an_acceptance_for_a_full_event_goes_to_the_waiting_list(coordinator_client):
    event = EventFactory(capacity=1)
    InvitationFactory(event=event, state=Invitation.State.ACCEPTED, answered_at=timezone.now())
    invitation = InvitationFactory(event=event, contact__last_name="Spät")

    page = record(coordinator_client, invitation, "accepted")

    assert state_of(invitation) == Invitation.State.WAITING
    assert "steht auf der Warteliste" in page.content.decode()


def test_a_place_given_up_by_phone_moves_the_waiting_list_up(
    coordinator_client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    accepted = InvitationFactory(event=event, state=Invitation.State.ACCEPTED)
    waiting = InvitationFactory(
        event=event,
        state=Invitation.State.WAITING,
        answered_at=timezone.now(),
        contact__email="wartend@example.org",
    )

    with django_capture_on_commit_callbacks(execute=True):
        record(coordinator_client, accepted, "declined")

    assert state_of(accepted) == Invitation.State.DECLINED
    assert state_of(waiting) == Invitation.State.ACCEPTED
    assert [message.to for message in mail.outbox] == [["wartend@example.org"]]


@pytest.mark.parametrize("answer", ["", "waiting", "invited", "nope", "accept"])
def test_anything_but_a_given_answer_changes_nothing(coordinator_client, answer):
    invitation = InvitationFactory(state=Invitation.State.MAYBE)

    page = record(coordinator_client, invitation, answer)

    assert page.status_code == 200
    assert state_of(invitation) == Invitation.State.MAYBE
    assert "Bitte wählen Sie eine der Antworten." in page.content.decode()


def test_not_once_the_event_has_started(coordinator_client):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    invitation = InvitationFactory(event=event)

    page = record(coordinator_client, invitation, "accepted")

    assert state_of(invitation) == Invitation.State.INVITED
    assert "danach wird die Anwesenheit erfasst" in page.content.decode()
    assert "answer-" not in coordinator_client.get(event.get_absolute_url()).content.decode()


def test_not_for_a_cancelled_event(coordinator_client):
    invitation = InvitationFactory(event__status=Event.Status.CANCELLED)

    record(coordinator_client, invitation, "accepted")

    assert state_of(invitation) == Invitation.State.INVITED


def test_only_coordinators_and_only_for_invitees_they_may_see(client, member, coordinator):
    invitation = InvitationFactory()
    client.force_login(member)
    url = reverse("events:record_answer", args=[invitation.event_id, invitation.pk])

    assert client.post(url, {"answer": "accepted"}).status_code == 403
    assert state_of(invitation) == Invitation.State.INVITED

    hidden = InvitationFactory(event=invitation.event, contact__visibility="staff")
    client.force_login(coordinator)
    hidden_url = reverse("events:record_answer", args=[hidden.event_id, hidden.pk])
    assert client.post(hidden_url, {"answer": "accepted"}).status_code == 404
    assert state_of(hidden) == Invitation.State.INVITED
    # An invitation of another event, under this event's address.
    other = InvitationFactory()
    wrong = reverse("events:record_answer", args=[invitation.event_id, other.pk])
    assert client.post(wrong, {"answer": "accepted"}).status_code == 404
    assert client.get(url).status_code == 405
