import datetime
import io
import re

import pytest
from django.core import mail
from django.urls import reverse

from directory.events import services
from directory.events.models import Event
from tests.factories import ContactPersonFactory, EventFactory, InvitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(title="Forum Vertrauen und Dialog", capacity=40)


def link_in(text):
    return re.search(r"https?://\S+/veranstaltungen/antwort/[^/\s]+/", text).group(0)


def test_invitation_mail_is_german_first_then_english_in_text_and_html(event):
    InvitationFactory(event=event, contact__last_name="Nowak", contact__email="nowak@example.org")

    services.send_invitations(event)

    (message,) = mail.outbox
    assert message.to == ["nowak@example.org"]
    assert "Einladung: Forum Vertrauen und Dialog" in message.subject
    text = message.body
    assert text.index("wir laden Sie herzlich ein") < text.index("you are cordially invited")
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert html.index("wir laden Sie herzlich ein") < html.index("you are cordially invited")
    assert 'lang="en"' in html


def test_each_mail_carries_the_invitees_own_working_link(client, event):
    first = InvitationFactory(event=event)
    second = InvitationFactory(event=event)

    services.send_invitations(event)

    links = {m.to[0]: link_in(m.body) for m in mail.outbox}
    assert len(set(links.values())) == 2
    assert link_in(mail.outbox[0].alternatives[0][0]) in links.values()
    path = links[second.contact.email].split("://", 1)[1].split("/", 1)[1]
    client.post(f"/{path}", {"answer": "accept"})
    second.refresh_from_db()
    first.refresh_from_db()
    assert (first.state, second.state) == ("invited", "accepted")


def test_sending_is_idempotent_each_invitee_once(event):
    InvitationFactory.create_batch(3, event=event)

    first = services.send_invitations(event)
    again = services.send_invitations(event)

    assert first == {"sent": 3, "failed": 0}
    assert again == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == 3


def test_an_invitee_added_later_gets_only_their_own_mail(event):
    InvitationFactory(event=event)
    services.send_invitations(event)
    late = InvitationFactory(event=event)

    services.send_invitations(event)

    assert [m.to for m in mail.outbox][-1] == [late.contact.email]
    assert len(mail.outbox) == 2


def test_a_failure_is_recorded_and_retried(event, monkeypatch):
    InvitationFactory(event=event, contact__email="kaputt@example.org")
    ok = InvitationFactory(event=event)
    original = mail.EmailMultiAlternatives.send

    def failing(message, *args, **kwargs):
        if message.to == ["kaputt@example.org"]:
            raise OSError("Verbindung abgelehnt")
        return original(message, *args, **kwargs)

    monkeypatch.setattr(mail.EmailMultiAlternatives, "send", failing)
    counts = services.send_invitations(event)
    assert counts == {"sent": 1, "failed": 1}
    failed = event.invitations.get(contact__email="kaputt@example.org")
    assert "Verbindung abgelehnt" in failed.send_error
    assert services.sending_progress(event) == {"sent": 1, "failed": 1, "pending": 0}

    monkeypatch.setattr(mail.EmailMultiAlternatives, "send", original)
    assert services.send_invitations(event) == {"sent": 1, "failed": 0}
    failed.refresh_from_db()
    assert failed.sent_at is not None
    assert failed.send_error == ""
    assert [m.to for m in mail.outbox] == [[ok.contact.email], ["kaputt@example.org"]]


def test_sending_sets_the_status_invitations_sent(event):
    InvitationFactory(event=event)

    services.send_invitations(event)

    event.refresh_from_db()
    assert event.status == Event.Status.INVITED


def test_coordinator_sends_from_the_event_page(client, coordinator, event):
    InvitationFactory.create_batch(2, event=event)
    client.force_login(coordinator)

    response = client.post(reverse("events:send", args=[event.pk]), follow=True)

    assert len(mail.outbox) == 2
    assert "2 Einladungen versandt" in response.content.decode()


def test_members_cannot_send(client, member, event):
    InvitationFactory(event=event)
    client.force_login(member)

    response = client.post(reverse("events:send", args=[event.pk]))

    assert response.status_code == 403
    assert mail.outbox == []


def test_functional_mailbox_is_greeted_without_a_name(event):
    mailbox = ContactPersonFactory(last_name="", functional_title="Ansprechstelle LSBTI*")
    InvitationFactory(event=event, contact=mailbox)

    services.send_invitations(event)

    assert mail.outbox[0].body.startswith("Guten Tag,")


def test_reminder_goes_once_to_those_who_have_not_answered_before_the_deadline():
    from django.core.management import call_command
    from django.utils import timezone

    deadline = timezone.localdate() + datetime.timedelta(days=2)
    event = EventFactory(title="Fachtagung", registration_deadline=deadline)
    silent = InvitationFactory(event=event)
    InvitationFactory(event=event, state="accepted")
    InvitationFactory(event=event, state="declined")
    services.send_invitations(event)
    mail.outbox.clear()

    call_command("send_event_reminders", stdout=io.StringIO())
    call_command("send_event_reminders", stdout=io.StringIO())

    assert [m.to for m in mail.outbox] == [[silent.contact.email]]
    assert mail.outbox[0].subject.startswith("Erinnerung")
    assert "wir erinnern Sie an unsere Einladung" in mail.outbox[0].body
    assert link_in(mail.outbox[0].body)


def test_no_reminder_long_before_the_deadline_or_after_it():
    from django.utils import timezone

    today = timezone.localdate()
    for deadline in (today + datetime.timedelta(days=10), today - datetime.timedelta(days=1)):
        event = EventFactory(registration_deadline=deadline)
        InvitationFactory(event=event)
        services.send_invitations(event)
    mail.outbox.clear()

    assert services.send_reminders() == {"sent": 0, "failed": 0}
    assert mail.outbox == []


def test_sending_goes_in_batches_and_the_next_click_continues(event):
    InvitationFactory.create_batch(3, event=event)

    first = services.send_invitations(event, limit=2)
    progress = services.sending_progress(event)
    second = services.send_invitations(event, limit=2)

    assert first == {"sent": 2, "failed": 0}
    assert progress == {"sent": 2, "failed": 0, "pending": 1}
    assert second == {"sent": 1, "failed": 0}
    assert len({m.to[0] for m in mail.outbox}) == 3


def test_sending_costs_a_constant_number_of_queries_per_invitee(
    event, django_assert_max_num_queries
):
    InvitationFactory.create_batch(5, event=event)

    # One UPDATE per invitee (what was sent survives a crash), plus a few for the batch.
    with django_assert_max_num_queries(5 + 5):
        services.send_invitations(event)
