"""Registration through a public event's page: the form and its spam checks, the curators'
queue (nothing shown or counted before a curator accepts), acceptance into a place, an
invitation or the waiting list, the mails, subject access, erasure and retention."""

import datetime
import io
import json

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from directory.events import registration_services, services
from directory.events.models import Invitation, Registration
from directory.events.registration import RegistrationForm
from directory.reviews.services import anonymise
from tests.factories import (
    ContactPersonFactory,
    EventFactory,
    InvitationFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_fill_time(settings):
    settings.NETZPOL_REQUEST_MIN_SECONDS = 0


@pytest.fixture
def conference():
    return EventFactory(
        title="Offene Konferenz Dortmund",
        visibility="public",
        public_registration=True,
        capacity=2,
        registration_deadline=timezone.localdate() + datetime.timedelta(days=7),
    )


def register_url(event):
    return reverse("events:register", args=[event.pk])


def filled(**changes):
    data = {
        "first_name": "Aylin",
        "last_name": "Demir",
        "organisation_name": "Moscheegemeinde Nordstadt e.V.",
        "function": "Vorsitzende",
        "email": "aylin.demir@example.org",
        "phone": "",
        "note": "Wir möchten unsere Arbeit kurz vorstellen.",
        "consent": "on",
        "homepage": "",
        "started": RegistrationForm().fields["started"].initial,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# --- the form -------------------------------------------------------------------------------


def test_public_event_page_links_the_form_which_states_what_happens_with_the_data(
    client, conference
):
    event_page = client.get(conference.get_absolute_url())
    form_page = client.get(register_url(conference))

    assertContains(event_page, f'href="{register_url(conference)}"')
    assertContains(form_page, "Anmeldung")
    for label in ("Vorname", "Nachname", "Organisation oder Polizeidienststelle", "Funktion"):
        assertContains(form_page, label)
    assertContains(form_page, "wird 6 Monate nach der Veranstaltung gelöscht")
    assertContains(form_page, f'href="{reverse("core:privacy")}"')


@pytest.mark.parametrize(
    "changes",
    [
        {"visibility": "members"},
        {"visibility": "staff"},
        {"public_registration": False},
    ],
)
def test_no_form_for_events_without_public_registration(client, member, conference, changes):
    type(conference).objects.filter(pk=conference.pk).update(**changes)
    client.force_login(member)

    assert client.get(register_url(conference)).status_code == 404
    event_page = client.get(conference.get_absolute_url())  # 404 for a staff-only event
    assert register_url(conference) not in event_page.content.decode()


def test_no_form_for_a_mediation_event_even_if_marked_public(client, conference, mediation):
    type(conference).objects.filter(pk=conference.pk).update(format=mediation)

    assert client.get(register_url(conference)).status_code == 404


@pytest.mark.parametrize(
    "changes",
    [
        {"registration_deadline": datetime.date(2020, 1, 1)},
        {"status": "cancelled"},
    ],
)
def test_closed_registration_shows_no_form_and_stores_nothing(
    client, conference, no_fill_time, changes
):
    type(conference).objects.filter(pk=conference.pk).update(**changes)

    page = client.get(register_url(conference))
    sent = client.post(register_url(conference), filled())

    assertContains(page, "Die Anmeldung zu dieser Veranstaltung ist geschlossen")
    assertNotContains(page, 'name="email"')
    assertNotContains(client.get(conference.get_absolute_url()), register_url(conference))
    assert sent.status_code == 400
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_valid_registration_is_stored_as_new_with_its_consent_and_confirmed_by_mail(
    client, conference, no_fill_time
):
    response = client.post(register_url(conference), filled(phone="0231 123456"), follow=True)

    assertContains(response, "Vielen Dank für Ihre Anmeldung")
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.NEW
    assert (registration.first_name, registration.last_name) == ("Aylin", "Demir")
    assert registration.organisation_name == "Moscheegemeinde Nordstadt e.V."
    assert registration.function == "Vorsitzende"
    assert registration.phone == "0231 123456"
    assert registration.consent_at is not None
    assert "Ich bin einverstanden" in registration.consent_text
    assert "6 Monate nach der Veranstaltung gelöscht" in registration.consent_text
    assert registration.contact is None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aylin.demir@example.org"]
    assert message.subject.startswith("Ihre Anmeldung: Offene Konferenz Dortmund")
    assert message.body.index("Sie ist bei der NetZPol-Geschäftsstelle eingegangen") < (
        message.body.index("has received your registration")
    )


def test_missing_consent_is_refused_and_what_was_typed_stays(client, conference, no_fill_time):
    response = client.post(register_url(conference), filled(consent=None))

    assertContains(response, "Bitte stimmen Sie der Speicherung Ihrer Angaben zu", status_code=400)
    assertContains(response, 'value="Moscheegemeinde Nordstadt e.V."', status_code=400)
    assertContains(response, "Wir möchten unsere Arbeit kurz vorstellen.", status_code=400)
    assert not Registration.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "keine-adresse"}, "gültige E-Mail Adresse"),
        ({"last_name": ""}, "Dieses Feld ist zwingend erforderlich"),
        ({"organisation_name": ""}, "Dieses Feld ist zwingend erforderlich"),
    ],
)
def test_invalid_fields_are_marked(client, conference, no_fill_time, changes, message):
    response = client.post(register_url(conference), filled(**changes))

    assertContains(response, message, status_code=400)
    assertContains(response, "Ihre Anmeldung wurde noch nicht gesendet", status_code=400)
    assertContains(response, 'value="Vorsitzende"', status_code=400)
    assert not Registration.objects.exists()


def test_filled_honeypot_stores_nothing(client, conference, no_fill_time):
    response = client.post(register_url(conference), filled(homepage="http://spam.example"))

    assertContains(response, "Ihre Anmeldung wurde nicht gesendet", status_code=400)
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_form_sent_too_fast_stores_nothing_and_is_sent_back_with_a_fresh_token(
    client, conference, settings
):
    settings.NETZPOL_REQUEST_MIN_SECONDS = 3
    data = filled()

    response = client.post(register_url(conference), data)

    assertContains(response, "schneller gesendet, als ein Mensch", status_code=400)
    assert response.context["form"].data["started"] != data["started"]
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "token", ["", "1700000000.000", "1700000000.000:forged", "x" * 500, "kaputt:"]
)
def test_missing_or_forged_token_stores_nothing(client, conference, no_fill_time, token):
    response = client.post(register_url(conference), filled(started=token))

    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_a_token_of_the_office_contact_form_is_not_accepted(client, conference, no_fill_time):
    from directory.requests.forms import form_token

    response = client.post(register_url(conference), filled(started=form_token()))

    assertContains(response, "konnte nicht geprüft werden", status_code=400)
    assert not Registration.objects.exists()


def test_rate_limit_per_address(client, conference, settings, no_fill_time):
    settings.RATELIMIT_ENABLE = True
    settings.NETZPOL_RATE_REGISTRATIONS = "2/h"
    cache.clear()
    try:
        codes = [
            client.post(register_url(conference), filled(email=f"p{n}@example.org")).status_code
            for n in range(3)
        ]
        last = client.post(register_url(conference), filled())
    finally:
        cache.clear()

    assert codes == [302, 302, 429]
    assertContains(last, "zu viele Anmeldungen gesendet", status_code=429)
    assert Registration.objects.count() == 2


def test_registration_from_a_listed_contacts_own_address_is_linked_to_them(
    client, conference, no_fill_time
):
    contact = ContactPersonFactory(email="Aylin.Demir@example.org", last_name="Demir")

    client.post(register_url(conference), filled())

    assert Registration.objects.get().contact == contact


@pytest.mark.parametrize("shared", ["functional", "two_contacts"])
def test_registration_from_a_shared_address_is_not_linked(client, conference, no_fill_time, shared):
    if shared == "functional":
        ContactPersonFactory(
            email="aylin.demir@example.org", last_name="", functional_title="Beratung"
        )
    else:
        ContactPersonFactory.create_batch(2, email="aylin.demir@example.org")

    client.post(register_url(conference), filled())

    assert Registration.objects.get().contact is None


# --- nothing shown before a curator accepts -------------------------------------------------


def test_a_new_registration_is_neither_shown_nor_counted(
    client, member, coordinator, curator, conference
):
    registration = RegistrationFactory(event=conference, last_name="Unbestätigt")
    InvitationFactory(event=conference, state="accepted")
    InvitationFactory(event=conference, state="accepted")
    type(conference).objects.filter(pk=conference.pk).update(capacity=3)

    pages = []
    for user in (None, member, coordinator, curator):
        client.logout()
        if user:
            client.force_login(user)
        pages.append(client.get(conference.get_absolute_url()))
        pages.append(client.get(register_url(conference)))
        pages.append(client.get(reverse("events:list")))

    for page in pages:
        assertNotContains(page, "Unbestätigt")
        assertNotContains(page, registration.email)
        assertNotContains(page, "ausgebucht")
    conference.refresh_from_db()
    assert conference.accepted_count() == 2
    assert not conference.is_full()


def test_curators_find_new_registrations_in_the_admin_queue(curator_client, conference):
    RegistrationFactory(event=conference, last_name="Unbestätigt")

    page = curator_client.get(reverse("admin:events_registration_changelist") + "?status=new")

    assertContains(page, "Unbestätigt")
    assertContains(page, "Elternnetzwerk Nordstadt e.V.")
    assert curator_client.get(reverse("admin:events_registration_add")).status_code == 403


def test_an_accepted_registration_is_shown_to_coordinators_only(
    client, member, coordinator, curator, conference
):
    registration = RegistrationFactory(event=conference, last_name="Angenommen")
    registration_services.accept(registration, curator)

    client.force_login(coordinator)
    assertContains(client.get(conference.get_absolute_url()), "Angenommen")
    client.force_login(member)
    assertNotContains(client.get(conference.get_absolute_url()), "Angenommen")
    client.logout()
    assertNotContains(client.get(conference.get_absolute_url()), "Angenommen")


# --- acceptance -----------------------------------------------------------------------------


def test_accepting_a_registration_without_contact_gives_it_a_place_and_tells_the_person(
    curator, conference
):
    registration = RegistrationFactory(event=conference, email="deniz@example.org")

    status = registration_services.accept(registration, curator)

    registration.refresh_from_db()
    assert status == registration.status == Registration.Status.ACCEPTED
    assert registration.decided_by == curator
    assert registration.decided_at is not None
    assert registration.invitation is None
    assert conference.accepted_count() == 1
    assert not Invitation.objects.exists()
    (message,) = mail.outbox
    assert message.to == ["deniz@example.org"]
    assert message.body.index("Ihre Anmeldung ist bestätigt") < message.body.index("is confirmed")


def test_accepting_when_full_puts_the_registration_on_the_waiting_list(curator, conference):
    InvitationFactory.create_batch(2, event=conference, state="accepted")
    registration = RegistrationFactory(event=conference)

    status = registration_services.accept(registration, curator)

    assert status == Registration.Status.WAITING
    assert conference.accepted_count() == 2
    body = mail.outbox[0].body
    assert "Sie stehen auf der Warteliste" in body
    assert "you are on the waiting list" in body


def test_accepted_registrations_take_places_from_invitations(client, curator, conference):
    RegistrationFactory.create_batch(2, event=conference)
    for registration in Registration.objects.all():
        registration_services.accept(registration, curator)
    invitation = InvitationFactory(event=conference, sent_at=timezone.now())

    from directory.events import services

    state = services.answer(invitation, Invitation.State.ACCEPTED)

    assert state == Invitation.State.WAITING


def test_accepting_a_registration_linked_to_a_contact_makes_it_their_accepted_invitation(
    curator, conference
):
    contact = ContactPersonFactory(last_name="Kaya")
    registration = RegistrationFactory(event=conference, contact=contact)

    status = registration_services.accept(registration, curator)

    registration.refresh_from_db()
    invitation = registration.invitation
    assert status == Registration.Status.ACCEPTED
    assert (invitation.contact, invitation.event) == (contact, conference)
    assert invitation.state == Invitation.State.ACCEPTED
    assert invitation.answered_at is not None
    assert invitation.sent_at is not None  # the acceptance mail carried its answer link
    assert conference.accepted_count() == 1  # one place, not two
    body = mail.outbox[0].body
    assert "/veranstaltungen/antwort/" in body


def test_accepting_a_linked_registration_when_full_puts_the_invitation_on_the_waiting_list(
    curator, conference
):
    InvitationFactory.create_batch(2, event=conference, state="accepted")
    registration = RegistrationFactory(event=conference, contact=ContactPersonFactory())

    status = registration_services.accept(registration, curator)

    registration.refresh_from_db()
    assert status == Registration.Status.WAITING
    assert registration.invitation.state == Invitation.State.WAITING


def test_declining_an_accepted_registration_moves_the_waiting_list_up(
    curator, conference, django_capture_on_commit_callbacks
):
    type(conference).objects.filter(pk=conference.pk).update(capacity=1)
    first, second = RegistrationFactory.create_batch(2, event=conference)
    registration_services.accept(first, curator)
    registration_services.accept(second, curator)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        registration_services.decline(first, curator)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.DECLINED
    assert second.status == Registration.Status.ACCEPTED
    (message,) = mail.outbox
    assert message.to == [second.email]
    assert "Ein Platz ist frei geworden" in message.body


def test_a_place_given_back_by_an_invitee_goes_to_a_waiting_guest(
    curator, conference, django_capture_on_commit_callbacks
):
    type(conference).objects.filter(pk=conference.pk).update(capacity=1)
    invitation = InvitationFactory(event=conference, state=Invitation.State.ACCEPTED)
    guest = RegistrationFactory(event=conference)
    registration_services.accept(guest, curator)
    guest.refresh_from_db()
    assert guest.status == Registration.Status.WAITING
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.answer(invitation, Invitation.State.DECLINED)

    guest.refresh_from_db()
    assert guest.status == Registration.Status.ACCEPTED
    (message,) = mail.outbox
    assert message.to == [guest.email]
    assert "Ein Platz ist frei geworden" in message.body


def test_declining_a_new_registration_sends_nothing_and_counts_nothing(curator, conference):
    registration = RegistrationFactory(event=conference)

    registration_services.decline(registration, curator)

    registration.refresh_from_db()
    assert registration.status == Registration.Status.DECLINED
    assert conference.accepted_count() == 0
    assert mail.outbox == []


def test_admin_actions_accept_and_decline(curator_client, conference):
    keep, drop = RegistrationFactory.create_batch(2, event=conference)
    url = reverse("admin:events_registration_changelist")

    curator_client.post(url, {"action": "accept_registrations", "_selected_action": [keep.pk]})
    curator_client.post(url, {"action": "decline_registrations", "_selected_action": [drop.pk]})

    keep.refresh_from_db()
    drop.refresh_from_db()
    assert keep.status == Registration.Status.ACCEPTED
    assert drop.status == Registration.Status.DECLINED
    assert [m.to for m in mail.outbox] == [[keep.email]]


def test_a_second_registration_of_an_accepted_person_is_not_accepted(curator_client, conference):
    first = RegistrationFactory(event=conference, email="doppelt@example.org")
    again = RegistrationFactory(event=conference, email="DOPPELT@example.org")
    url = reverse("admin:events_registration_changelist")

    curator_client.post(url, {"action": "accept_registrations", "_selected_action": [first.pk]})
    response = curator_client.post(
        url, {"action": "accept_registrations", "_selected_action": [again.pk]}, follow=True
    )

    again.refresh_from_db()
    assert again.status == Registration.Status.NEW
    assertContains(response, "1 übersprungen")
    assert conference.accepted_count() == 1


# --- subject access, erasure, retention -----------------------------------------------------


def test_subject_access_report_lists_the_persons_registrations(curator_client, conference):
    contact = ContactPersonFactory(email="kaya@example.org", last_name="Kaya")
    RegistrationFactory(event=conference, email="KAYA@example.org", note="Rollstuhl")
    RegistrationFactory(event=conference, email="andere@example.org", last_name="Fremd")
    url = reverse("privacy:subject_access", args=[contact.pk])

    page = curator_client.get(url)
    report = json.loads(curator_client.get(url + "?format=json").content)

    assertContains(page, "Anmeldungen zu öffentlichen Veranstaltungen")
    assertContains(page, "KAYA@example.org")
    assertNotContains(page, "Fremd")
    (entry,) = report["event_registrations"]
    assert entry["note"] == "Rollstuhl"
    assert entry["event"] == "Offene Konferenz Dortmund"
    assert "Ich bin einverstanden" in entry["consent"]


def test_erasure_erases_the_persons_registrations_and_no_one_elses(curator, conference):
    contact = ContactPersonFactory(email="kaya@example.org", last_name="Kaya")
    by_address = RegistrationFactory(event=conference, email="Kaya@example.org")
    linked = RegistrationFactory(event=conference, email="privat@example.org", contact=contact)
    other = RegistrationFactory(event=conference, last_name="Bleibt")

    anonymise(contact, curator, reason="Test")

    for registration in (by_address, linked):
        registration.refresh_from_db()
        assert (registration.last_name, registration.email, registration.function) == ("", "", "")
    other.refresh_from_db()
    assert other.last_name == "Bleibt"


def test_retention_deletes_exactly_the_registrations_of_events_ended_long_enough_ago(
    settings, curator
):
    settings.NETZPOL_REGISTRATION_RETENTION_MONTHS = 6
    today = datetime.date(2026, 11, 30)

    def ended(days_ago, hours=3):
        starts = timezone.make_aware(datetime.datetime(2026, 11, 30, 10)) - datetime.timedelta(
            days=days_ago
        )
        return EventFactory(
            visibility="public", starts_at=starts, ends_at=starts + datetime.timedelta(hours=hours)
        )

    old = RegistrationFactory(event=ended(200))
    old_accepted = RegistrationFactory(event=ended(190), contact=ContactPersonFactory())
    registration_services.accept(old_accepted, curator)
    old_accepted.refresh_from_db()
    kept_recent = RegistrationFactory(event=ended(150))
    # Started long ago, but ended within the period (a long event): kept.
    kept_long = RegistrationFactory(event=ended(200, hours=24 * 60))
    kept_coming = RegistrationFactory(event=EventFactory(visibility="public"))

    assert set(registration_services.past_retention(today)) == {old, old_accepted}
    assert registration_services.apply_retention(today) == 2

    assert set(Registration.objects.all()) == {kept_recent, kept_long, kept_coming}
    # The contact's invitation made from the registration is the contact's: it stays.
    assert Invitation.objects.filter(pk=old_accepted.invitation_id).exists()


def test_retention_command_lists_then_deletes(settings):
    settings.NETZPOL_REGISTRATION_RETENTION_MONTHS = 6
    past = timezone.now() - datetime.timedelta(days=400)
    RegistrationFactory(event=EventFactory(starts_at=past, ends_at=past))
    RegistrationFactory()

    dry = io.StringIO()
    call_command("apply_event_retention", "--dry-run", stdout=dry)
    assert Registration.objects.count() == 2
    done = io.StringIO()
    call_command("apply_event_retention", "--apply", stdout=done)

    assert "1 registrations of events that ended 6 months ago would be deleted" in dry.getvalue()
    assert "1 registrations deleted" in done.getvalue()
    assert Registration.objects.count() == 1


def test_the_contact_link_can_be_set_until_the_decision(curator_client, curator, conference):
    contact = ContactPersonFactory(last_name="Kaya")
    registration = RegistrationFactory(event=conference)
    url = reverse("admin:events_registration_change", args=[registration.pk])

    page = curator_client.get(url)
    saved = curator_client.post(url, {"contact": contact.pk})
    registration.refresh_from_db()
    assert registration.contact == contact
    registration_services.accept(registration, curator)
    decided = curator_client.get(url)

    assertContains(page, 'name="contact"')
    assert saved.status_code == 302
    assert decided.status_code == 200
    assertNotContains(decided, 'name="contact"')
    assertContains(decided, "Kaya")
