import datetime

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from directory.events import services
from directory.events.models import Invitation
from tests.factories import ContactPersonFactory, EventFactory, InvitationFactory

pytestmark = pytest.mark.django_db


def rsvp_url(invitation):
    return reverse("events:rsvp", args=[services.token_for(invitation)])


@pytest.fixture
def invitation():
    return InvitationFactory(
        event__title="Offene Konferenz Dortmund",
        contact__last_name="Yilmaz",
        sent_at=timezone.now(),
    )


def test_link_shows_the_event_and_the_three_answers_without_login(client, invitation):
    response = client.get(rsvp_url(invitation))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Offene Konferenz Dortmund" in content
    assert "Yilmaz" in content
    for label in ("Zusagen", "Absagen", "Vielleicht"):
        assert label in content


@pytest.mark.parametrize(
    ("answer", "state"),
    [("accept", "accepted"), ("decline", "declined"), ("maybe", "maybe")],
)
def test_answer_is_recorded_with_its_time(client, invitation, answer, state):
    response = client.post(rsvp_url(invitation), {"answer": answer})

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == state
    assert invitation.answered_at is not None


def test_answer_can_be_changed_through_the_same_link(client, invitation):
    url = rsvp_url(invitation)
    client.post(url, {"answer": "accept"})
    client.post(url, {"answer": "decline"})

    invitation.refresh_from_db()
    assert invitation.state == "declined"


def test_unknown_answer_changes_nothing(client, invitation):
    response = client.post(rsvp_url(invitation), {"answer": "delete"})

    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.state == "invited"


def test_tampered_token_is_refused(client, invitation):
    token = services.token_for(invitation)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")

    response = client.get(reverse("events:rsvp", args=[tampered]))

    assert response.status_code == 400
    assert "Yilmaz" not in response.content.decode()
    assert "unvollständig oder wurde verändert" in response.content.decode()


def test_token_of_another_salt_is_refused(client, invitation):
    token = signing.dumps({"i": invitation.pk, "e": invitation.event_id, "x": 2**40, "s": "x"})

    response = client.get(reverse("events:rsvp", args=[token]))

    assert response.status_code == 400


def test_token_naming_the_wrong_event_is_refused(client, invitation):
    other = EventFactory()
    state = services.link_state(invitation)
    payload = {"i": invitation.pk, "e": other.pk, "x": 2**40, "s": state}
    token = signing.dumps(payload, salt=services.SALT)

    response = client.get(reverse("events:rsvp", args=[token]))

    assert response.status_code == 400
    assert "Yilmaz" not in response.content.decode()


def test_link_expires_after_the_event(client, invitation):
    url = rsvp_url(invitation)
    later = invitation.event.starts_at + services.LINK_GRACE + datetime.timedelta(hours=1)

    with pytest.raises(services.LinkError) as error:
        services.invitation_for(url.rstrip("/").rsplit("/", 1)[1], now=later)

    assert error.value.expired


def test_expired_link_says_so(client):
    invitation = InvitationFactory(event__starts_at=timezone.now() - datetime.timedelta(days=3))

    response = client.get(rsvp_url(invitation))

    assert response.status_code == 400
    assert "abgelaufen" in response.content.decode()


def test_link_is_spent_when_the_address_changes(client, invitation):
    url = rsvp_url(invitation)
    invitation.contact.email = "neu@example.org"
    invitation.contact.save()

    response = client.get(url)

    assert response.status_code == 400
    assert "Yilmaz" not in response.content.decode()


def test_after_the_deadline_the_link_says_registration_closed(client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    invitation = InvitationFactory(event__registration_deadline=yesterday)
    url = rsvp_url(invitation)

    page = client.get(url)
    answer = client.post(url, {"answer": "accept"})

    assert "Anmeldung zu dieser Veranstaltung ist geschlossen" in page.content.decode()
    assert answer.status_code == 400
    invitation.refresh_from_db()
    assert invitation.state == "invited"


def test_acceptance_beyond_capacity_goes_to_the_waiting_list(client):
    event = EventFactory(capacity=1)
    first, second = InvitationFactory(event=event), InvitationFactory(event=event)

    client.post(rsvp_url(first), {"answer": "accept"})
    response = client.post(rsvp_url(second), {"answer": "accept"}, follow=True)

    second.refresh_from_db()
    assert second.state == "waiting"
    assert "Warteliste" in response.content.decode()


def test_waiting_list_moves_up_when_a_place_is_given_up(client):
    event = EventFactory(capacity=1)
    first, second, third = (InvitationFactory(event=event) for _ in range(3))
    client.post(rsvp_url(first), {"answer": "accept"})
    client.post(rsvp_url(second), {"answer": "accept"})
    client.post(rsvp_url(third), {"answer": "accept"})

    client.post(rsvp_url(first), {"answer": "decline"})

    states = dict(event.invitations.values_list("pk", "state"))
    assert states == {first.pk: "declined", second.pk: "accepted", third.pk: "waiting"}


@pytest.fixture
def limits_on(settings):
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield settings
    cache.clear()


def test_answers_per_invitation_are_rate_limited(client, invitation, limits_on):
    limits_on.NETZPOL_RATE_CONFIRMATION_ENTRY = "2/h"
    url = rsvp_url(invitation)
    codes = [client.post(url, {"answer": "maybe"}).status_code for _ in range(3)]

    assert codes == [302, 302, 429]


def test_answers_per_address_are_rate_limited_even_with_made_up_links(
    client, invitation, limits_on
):
    limits_on.NETZPOL_RATE_CONFIRMATION_IP = "2/h"
    codes = [client.post(f"/veranstaltungen/antwort/falsch{n}/").status_code for n in range(2)]
    codes.append(client.post(rsvp_url(invitation), {"answer": "accept"}).status_code)

    assert codes == [400, 400, 429]
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.INVITED


def test_contact_without_visibility_can_still_answer_its_own_link(client):
    # The link is the invitee's own: a staff-only entry answers it like any other.
    contact = ContactPersonFactory(visibility="staff")
    invitation = InvitationFactory(contact=contact)

    response = client.post(rsvp_url(invitation), {"answer": "accept"})

    assert response.status_code == 302
