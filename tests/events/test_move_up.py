"""The waiting list moves up when a place becomes free (a cancellation by link, a curator's
change, more places), first come first served, once, and the one moved up is told by email."""

import datetime
import re
import threading
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db import connection, transaction
from django.forms import MultiWidget
from django.urls import reverse
from django.utils import timezone

from directory.events import services
from directory.events.models import Event
from tests.factories import EventFactory, InvitationFactory

pytestmark = pytest.mark.django_db


def rsvp_url(invitation):
    return reverse("events:rsvp", args=[services.token_for(invitation)])


def waiting(event, minutes_ago, **contact):
    return InvitationFactory(
        event=event,
        state="waiting",
        answered_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        **{f"contact__{key}": value for key, value in contact.items()},
    )


@pytest.fixture
def event():
    return EventFactory(title="Forum Dortmund", capacity=1)


@pytest.fixture
def full(event):
    """One place, taken; two on the waiting list: the later one created first (lower pk)."""
    accepted = InvitationFactory(event=event, state="accepted", answered_at=timezone.now())
    late = waiting(event, 5, last_name="Spät", email="spaet@example.org")
    early = waiting(event, 30, first_name="Ayşe", last_name="Früh", email="frueh@example.org")
    return accepted, early, late


def states(event):
    return dict(event.invitations.values_list("pk", "state"))


def test_a_cancellation_by_link_moves_up_the_first_to_answer_and_mails_them(
    client, event, full, django_capture_on_commit_callbacks
):
    accepted, early, late = full

    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(accepted), {"answer": "decline"})

    assert states(event) == {accepted.pk: "declined", early.pk: "accepted", late.pk: "waiting"}
    (message,) = mail.outbox
    assert message.to == ["frueh@example.org"]
    assert "Forum Dortmund" in message.subject
    assert message.subject.startswith("Platz frei")
    # German first, English below, in text and HTML.
    body = message.body
    assert body.index("Warteliste nachgerückt") < body.index("moved up from the waiting list")
    assert "Ayşe Früh" in body
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert html.index("Warteliste nachgerückt") < html.index('lang="en"')
    assert "moved up from the waiting list" in html


def test_the_mail_holds_a_working_link_to_give_the_place_back(
    client, event, full, django_capture_on_commit_callbacks
):
    accepted, early, late = full
    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(accepted), {"answer": "decline"})
    link = re.search(r"http\S+/antwort/\S+/", mail.outbox[0].body).group(0)

    assert services.invitation_for(link.rstrip("/").rsplit("/", 1)[1]) == early
    with django_capture_on_commit_callbacks(execute=True):
        client.post(urlsplit(link).path, {"answer": "decline"})

    assert states(event) == {accepted.pk: "declined", early.pk: "declined", late.pk: "accepted"}
    assert [m.to for m in mail.outbox] == [["frueh@example.org"], ["spaet@example.org"]]


def test_a_repeated_cancellation_moves_up_nobody_else(
    client, event, full, django_capture_on_commit_callbacks
):
    accepted, early, late = full

    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(accepted), {"answer": "decline"})
        client.post(rsvp_url(accepted), {"answer": "decline"})
        # A stale copy of the invitation (loaded while it was still accepted) changes nothing.
        services.answer(accepted, "declined")
        services.fill_places(event)

    assert states(event) == {accepted.pk: "declined", early.pk: "accepted", late.pk: "waiting"}
    assert len(mail.outbox) == 1


def test_accepting_again_while_waiting_keeps_the_place_in_the_queue(
    client, event, full, django_capture_on_commit_callbacks
):
    accepted, early, _late = full
    client.post(rsvp_url(early), {"answer": "accept"})
    early_answered = early.answered_at
    early.refresh_from_db()
    assert early.state == "waiting"
    assert early.answered_at == early_answered

    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(accepted), {"answer": "decline"})

    assert states(event)[early.pk] == "accepted"


def test_a_waiting_invitee_who_declines_leaves_the_queue_without_moving_anyone(
    client, event, full, django_capture_on_commit_callbacks
):
    accepted, early, late = full

    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(early), {"answer": "decline"})

    assert states(event) == {accepted.pk: "accepted", early.pk: "declined", late.pk: "waiting"}
    assert mail.outbox == []


def test_more_places_move_up_as_many(event, full, django_capture_on_commit_callbacks):
    _accepted, early, late = full
    Event.objects.filter(pk=event.pk).update(capacity=5)

    with django_capture_on_commit_callbacks(execute=True):
        moved = services.fill_places(event)

    assert moved == [early.pk, late.pk]
    assert sorted(m.to[0] for m in mail.outbox) == ["frueh@example.org", "spaet@example.org"]


@pytest.mark.parametrize(
    "change",
    [{"status": "cancelled"}, {"starts_at": timezone.now() - datetime.timedelta(hours=1)}],
    ids=["cancelled", "started"],
)
def test_nobody_moves_up_for_a_cancelled_or_started_event(
    event, full, change, django_capture_on_commit_callbacks
):
    accepted, early, _late = full
    Event.objects.filter(pk=event.pk).update(**change)
    accepted.state = "declined"
    accepted.save()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.fill_places(event) == []

    assert states(event)[early.pk] == "waiting"
    assert mail.outbox == []


def test_a_failed_mail_is_noted_and_the_place_stays_given(
    client, event, full, monkeypatch, django_capture_on_commit_callbacks
):
    accepted, early, _late = full

    def failing(self, *args, **kwargs):
        raise OSError("Mailserver nicht erreichbar")

    monkeypatch.setattr(mail.EmailMultiAlternatives, "send", failing)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(rsvp_url(accepted), {"answer": "decline"})

    early.refresh_from_db()
    assert early.state == "accepted"
    assert "Mailserver nicht erreichbar" in early.send_error


# --- a curator's change in the admin --------------------------------------------------------


def admin_form_data(response):
    """The POST data of an admin change page as it was rendered (the event and its inlines)."""
    data = {}

    def add(form):
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(field.widget, MultiWidget):
                for index, part in enumerate(field.widget.decompress(value)):
                    data[f"{key}_{index}"] = "" if part is None else part.isoformat()
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            elif value is not None:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
        # No extra (empty) forms: nothing added.
        data[management.add_prefix("TOTAL_FORMS")] = str(len(formset.initial_forms))
        for form in formset.initial_forms:
            add(form)
    return data


def test_a_curator_declining_for_an_invitee_moves_up_the_waiting_list(
    curator_client, event, full, django_capture_on_commit_callbacks
):
    accepted, early, late = full
    url = reverse("admin:events_event_change", args=[event.pk])
    data = admin_form_data(curator_client.get(url))
    prefix = next(k for k, v in data.items() if k.endswith("-id") and v == str(accepted.pk))
    data[prefix.replace("-id", "-state")] = "declined"

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(url, data)

    assert response.status_code == 302, [
        (f.prefix, f.errors) for fs in response.context["inline_admin_formsets"] for f in fs.formset
    ] + [response.context["adminform"].form.errors]
    assert states(event) == {accepted.pk: "declined", early.pk: "accepted", late.pk: "waiting"}
    assert [m.to for m in mail.outbox] == [["frueh@example.org"]]


# --- at the same time ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_changes_at_once_give_a_free_place_once():
    """While one transaction moves the waiting list up (and holds the event), another one
    doing the same waits, then finds no free place: one move, one mail."""
    event = EventFactory(capacity=1)
    InvitationFactory(event=event, state="declined")
    first = waiting(event, 30, email="erste@example.org")
    second = waiting(event, 5, email="zweite@example.org")
    outcome = {}

    def other():
        try:
            outcome["moved"] = services.fill_places(event)
        finally:
            connection.close()

    with transaction.atomic():
        assert services.fill_places(event) == [first.pk]
        thread = threading.Thread(target=other)
        thread.start()
        # Give the other transaction time to reach the event's lock (or, without one, to
        # read the place as free).
        time.sleep(0.5)
    thread.join()

    assert outcome["moved"] == []
    assert states(event) == {
        **{i.pk: "declined" for i in event.invitations.filter(state="declined")},
        first.pk: "accepted",
        second.pk: "waiting",
    }
    assert [m.to for m in mail.outbox] == [["erste@example.org"]]
