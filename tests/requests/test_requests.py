"""Requests to the office: the public form and its spam checks, the confirmation mail, the
curators' inbox, brokered contacts, draft entries and retention."""

import datetime
import io

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from directory.contacts.models import ContactPerson, Visibility
from directory.core import personal_data
from directory.organisations.models import Organisation
from directory.requests import services
from directory.requests.forms import form_token
from directory.requests.models import BrokeredContact, DirectoryDraft, OfficeRequest
from directory.reviews.services import anonymise
from tests.factories import (
    ContactPersonFactory,
    DirectoryDraftFactory,
    LandFactory,
    OfficeRequestFactory,
    OrganisationFactory,
    PoliceUnitFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
FORM = reverse("office_requests:contact")


@pytest.fixture
def no_fill_time(settings):
    settings.NETZPOL_REQUEST_MIN_SECONDS = 0


def filled(**changes):
    data = {
        "reason": "contact",
        "name": "Aylin Demir",
        "organisation": "Moscheegemeinde Nordstadt e.V.",
        "email": "aylin.demir@example.org",
        "phone": "",
        "message": "Wir suchen eine Ansprechperson für Gebetsstätten-Sicherheit.",
        "consent": "on",
        "homepage": "",
        "started": form_token(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# --- the form ---------------------------------------------------------------------------------


def test_form_page_shows_reasons_and_links_the_privacy_page(client):
    page = client.get(FORM)
    assertContains(page, "Kontakt aufnehmen")
    for reason in ("Kontakt gesucht", "Vernetzung", "Konflikt / Vermittlung"):
        assertContains(page, reason)
    assertContains(page, f'href="{reverse("core:privacy")}"')


def test_valid_request_is_stored_confirmed_and_mailed(client, no_fill_time):
    topic = TopicFactory(name="Sicherheit von Gebetsstätten")
    land = LandFactory(name="Nordrhein-Westfalen")

    response = client.post(FORM, filled(topics=[topic.pk], region=land.pk), follow=True)

    assertContains(response, "Vielen Dank für Ihre Anfrage")
    stored = OfficeRequest.objects.get()
    assert stored.status == OfficeRequest.Status.NEW
    assert stored.region == land
    assert list(stored.topics.all()) == [topic]
    assert stored.consent_at is not None
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["aylin.demir@example.org"]
    assert body.index("vielen Dank für Ihre Anfrage") < body.index("thank you for your request")


def test_missing_consent_is_refused_with_a_message(client, no_fill_time):
    response = client.post(FORM, filled(consent=None))

    assert response.status_code == 400
    assertContains(response, "Bitte stimmen Sie der Speicherung Ihrer Angaben zu", status_code=400)
    assertContains(response, "Aylin Demir", status_code=400)  # what was typed stays
    assert not OfficeRequest.objects.exists()
    assert mail.outbox == []


def test_filled_honeypot_stores_nothing(client, no_fill_time):
    response = client.post(FORM, filled(homepage="http://spam.example"))

    assertContains(response, "Dieses Feld muss leer bleiben", status_code=400)
    assert not OfficeRequest.objects.exists()
    assert mail.outbox == []


def test_form_sent_too_fast_stores_nothing(client, settings):
    settings.NETZPOL_REQUEST_MIN_SECONDS = 3

    response = client.post(FORM, filled())

    assertContains(response, "schneller gesendet, als ein Mensch", status_code=400)
    assert not OfficeRequest.objects.exists()


@pytest.mark.parametrize("token", ["", "1700000000.000", "1700000000.000:forged", "x" * 500])
def test_missing_or_forged_token_stores_nothing(client, no_fill_time, token):
    response = client.post(FORM, filled(started=token))

    assert response.status_code == 400
    assert not OfficeRequest.objects.exists()


def test_rate_limit_per_address_gives_a_clear_message(client, settings, no_fill_time):
    settings.RATELIMIT_ENABLE = True
    settings.NETZPOL_RATE_REQUESTS = "2/h"
    cache.clear()
    try:
        for _ in range(2):
            assert client.post(FORM, filled()).status_code == 302
        response = client.post(FORM, filled())
    finally:
        cache.clear()

    assert response.status_code == 429
    assertContains(response, "zu viele Anfragen gesendet", status_code=429)
    assert OfficeRequest.objects.count() == 2


def test_conflict_request_holds_only_what_is_needed(client, no_fill_time):
    topic = TopicFactory()
    client.post(FORM, filled(reason="conflict", topics=[topic.pk]))

    stored = OfficeRequest.objects.get()
    assert stored.reason == OfficeRequest.Reason.CONFLICT
    assert stored.organisation == ""
    assert not stored.topics.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"reason": "bogus"},
        {"region": "abc"},
        {"topics": ["x"]},
        {"email": "not-an-address"},
        {"name": "x" * 1000},
        {"message": "\x00"},
    ],
)
def test_bad_input_never_fails(client, no_fill_time, changes):
    response = client.post(FORM, filled(**changes))
    assert response.status_code == 400
    assert not OfficeRequest.objects.exists()


# --- the inbox: who sees it ---------------------------------------------------------------------


@pytest.mark.parametrize("role", [None, "member", "coordinator"])
def test_only_curators_see_the_inbox(client, request, role):
    OfficeRequestFactory(reason="conflict", message="Vertraulicher Konflikt")
    if role:
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("admin:office_requests_officerequest_changelist"))
    assert response.status_code == 302
    assertNotContains(response, "Vertraulicher Konflikt", status_code=302)


def test_curator_handles_a_request_through_to_brokered(curator_client, curator):
    organisation = OrganisationFactory(name="Moscheegemeinde Nordstadt e.V.")
    contact = ContactPersonFactory(
        last_name="Kowalski", police_unit=PoliceUnitFactory(), organisation=None
    )
    topic = TopicFactory(name="Muslimfeindlichkeit")
    office_request = OfficeRequestFactory(name="Aylin Demir")
    url = reverse("admin:office_requests_officerequest_change", args=[office_request.pk])

    page = curator_client.get(url)
    assertContains(page, "Aylin Demir")
    response = curator_client.post(
        url,
        {
            "status": "brokered",
            "assignee": curator.pk,
            "internal_notes": "Telefonat am Montag",
            "linked_organisations": [organisation.pk],
            "brokered_contacts-TOTAL_FORMS": "1",
            "brokered_contacts-INITIAL_FORMS": "0",
            "brokered_contacts-0-first_organisation": organisation.pk,
            "brokered_contacts-0-second_contact": contact.pk,
            "brokered_contacts-0-brokered_on": "30.11.2026",
            "brokered_contacts-0-topic": topic.pk,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    office_request.refresh_from_db()
    assert office_request.status == OfficeRequest.Status.BROKERED
    assert office_request.assignee == curator
    brokered = BrokeredContact.objects.get()
    assert (brokered.first, brokered.second, brokered.topic) == (organisation, contact, topic)
    assert brokered.recorded_by == curator
    assert str(brokered).endswith("in Kontakt gebracht")


def test_brokered_contact_names_exactly_one_entry_per_side(curator_client):
    office_request = OfficeRequestFactory()
    url = reverse("admin:office_requests_officerequest_change", args=[office_request.pk])
    response = curator_client.post(
        url,
        {
            "status": "brokered",
            "brokered_contacts-TOTAL_FORMS": "1",
            "brokered_contacts-INITIAL_FORMS": "0",
            "brokered_contacts-0-first_organisation": OrganisationFactory().pk,
            "brokered_contacts-0-first_police_unit": PoliceUnitFactory().pk,
            "brokered_contacts-0-second_organisation": OrganisationFactory().pk,
            "brokered_contacts-0-brokered_on": "30.11.2026",
        },
    )
    assertContains(response, "Seite A nennt genau eine")
    assert not BrokeredContact.objects.exists()


# --- draft entries --------------------------------------------------------------------------------


def test_draft_entries_stay_invisible_until_accepted(member, curator_client):
    office_request = OfficeRequestFactory(
        reason="listing", name="Selin Aydın", organisation="Jugendtreff Hafen e.V."
    )
    curator_client.post(
        reverse("admin:office_requests_officerequest_changelist"),
        {"action": "create_drafts", "_selected_action": [office_request.pk]},
    )
    draft = DirectoryDraft.objects.get()
    assert draft.organisation_name == "Jugendtreff Hafen e.V."
    assert draft.contact_last_name == "Aydın"

    # Nothing in the directory yet: no role finds it.
    assert not Organisation.objects.filter(name="Jugendtreff Hafen e.V.").exists()
    as_member = Client()
    as_member.force_login(member)
    assertNotContains(as_member.get(reverse("organisations:list"), {"q": "Jugendtreff"}), "Hafen")

    accepted = curator_client.post(
        reverse("admin:office_requests_directorydraft_changelist"),
        {"action": "accept_drafts", "_selected_action": [draft.pk]},
        follow=True,
    )
    assertContains(accepted, "1 Entwurf ins Verzeichnis aufgenommen")
    organisation = Organisation.objects.get(name="Jugendtreff Hafen e.V.")
    contact = ContactPerson.objects.get(organisation=organisation)
    assert not organisation.is_public
    assert contact.visibility == Visibility.STAFF
    assert organisation in office_request.linked_organisations.all()
    # The contact stays with the office until consent is recorded.
    assertNotContains(as_member.get(organisation.get_absolute_url()), "Aydın")


# --- retention and personal data ------------------------------------------------------------------


def test_retention_anonymises_closed_requests_after_the_period(settings):
    settings.NETZPOL_REQUEST_RETENTION_MONTHS = 12
    old = OfficeRequestFactory(reason="conflict", name="Alte Anfrage", status="closed")
    OfficeRequest.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=400)
    )
    OfficeRequestFactory(name="Neue Anfrage", status="closed")
    still_open = OfficeRequestFactory(name="Offene Anfrage")
    OfficeRequest.objects.filter(pk=still_open.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=800)
    )

    assert services.apply_retention() == 1

    old.refresh_from_db()
    assert (old.name, old.email, old.message) == ("", "", "")
    assert old.anonymised_at is not None
    assert old.reason == OfficeRequest.Reason.CONFLICT  # kept for the statistics
    assert all(event.name == "" for event in old.events.all())
    assert {r.name for r in OfficeRequest.objects.exclude(pk=old.pk)} == {
        "Neue Anfrage",
        "Offene Anfrage",
    }


def test_retention_command_lists_then_anonymises():
    old = OfficeRequestFactory(status="closed")
    OfficeRequest.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=800)
    )
    out = io.StringIO()

    call_command("apply_request_retention", "--dry-run", stdout=out)
    assert f"#{old.pk} closed" in out.getvalue()
    assert OfficeRequest.objects.get(pk=old.pk).anonymised_at is None

    call_command("apply_request_retention", "--apply", stdout=out)
    assert "1 requests anonymised" in out.getvalue()
    assert OfficeRequest.objects.get(pk=old.pk).name == ""


def test_requests_are_linked_to_the_sender_and_erased_with_them(client, no_fill_time):
    contact = ContactPersonFactory(email="aylin.demir@example.org")
    client.post(FORM, filled(email="Aylin.Demir@example.org"))
    theirs = OfficeRequest.objects.get()
    other = OfficeRequestFactory(name="Jemand anderes")
    assert theirs.requester == contact

    anonymise(contact, user=None, reason="Art. 17")

    theirs.refresh_from_db()
    other.refresh_from_db()
    assert theirs.name == ""
    assert theirs.email == ""
    assert other.name == "Jemand anderes"


def test_requests_are_in_the_record_of_processing():
    assert OfficeRequest in personal_data.declaring_models()
    assert DirectoryDraft in personal_data.declaring_models()


def test_closing_starts_and_reopening_stops_the_retention_clock():
    office_request = OfficeRequestFactory()
    office_request.status = OfficeRequest.Status.CLOSED
    office_request.save()
    assert office_request.closed_at is not None
    office_request.status = OfficeRequest.Status.IN_PROGRESS
    office_request.save()
    assert office_request.closed_at is None


def test_inbox_lists_render_for_curators(curator_client):
    office_request = OfficeRequestFactory(name="Aylin Demir", reason="networking")
    BrokeredContact.objects.create(
        request=office_request,
        first_organisation=OrganisationFactory(name="Dialog e.V."),
        second_police_unit=PoliceUnitFactory(name="Polizeiwache Nord"),
    )
    DirectoryDraftFactory(organisation_name="Jugendtreff Hafen e.V.")

    inbox = curator_client.get(
        reverse("admin:office_requests_officerequest_changelist"), {"status__exact": "new"}
    )
    assertContains(inbox, "Aylin Demir")
    assertContains(inbox, "Vernetzung")
    brokered = curator_client.get(reverse("admin:office_requests_brokeredcontact_changelist"))
    assertContains(brokered, "Dialog e.V. mit Polizeiwache Nord in Kontakt gebracht")
    drafts = curator_client.get(reverse("admin:office_requests_directorydraft_changelist"))
    assertContains(drafts, "Jugendtreff Hafen e.V.")
    assert (
        curator_client.get(reverse("admin:office_requests_brokeredcontact_add")).status_code == 200
    )
