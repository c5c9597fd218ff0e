"""A confirmation link is bound to the entry's state when it was sent: it works until the person
answers, the office verifies the entry or its address changes, and it is throttled."""

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from directory.contacts.models import Visibility
from directory.reviews import services
from directory.reviews.models import CorrectionRequest
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    return ContactPersonFactory(
        first_name="Aylin", last_name="Kaya", email="kaya@example.org", phone="030 123456",
        function="Beratung", visibility=Visibility.STAFF, verified_on=None, review_due=None,
    )  # fmt: skip


@pytest.fixture
def limits_on(settings):
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield settings
    cache.clear()


def url(name, token):
    return reverse(f"reviews:{name}", kwargs={"token": token})


def correction_form(contact, **changes):
    form = {name: getattr(contact, name) for name in services.REVIEWABLE["contact"].fields}
    return form | changes


def assert_refused_without_data(page):
    html = page.content.decode()
    assert page.status_code == 400
    assert "Geschäftsstelle" in html  # "ask the NetZPol office for a new link"
    assert "Kaya" not in html
    assert "example.org" not in html
    assert "030 123456" not in html


def test_link_works_for_viewing_and_one_confirmation_then_shows_no_data(client, contact):
    token = services.token_for(contact)

    first_view = client.get(url("confirm", token))
    second_view = client.get(url("confirm", token))
    confirmed = client.post(url("confirm", token), follow=True)
    again = client.get(url("confirm", token))
    repeated = client.post(url("confirm", token))

    assert "kaya@example.org" in first_view.content.decode()
    assert "kaya@example.org" in second_view.content.decode()
    assert confirmed.status_code == 200
    assert "Vielen Dank" in confirmed.content.decode()
    assert "kaya@example.org" not in confirmed.content.decode()
    assert_refused_without_data(again)
    assert again.context["spent"] is True
    assert_refused_without_data(repeated)
    assert_refused_without_data(client.get(url("correct", token)))
    assert_refused_without_data(client.get(url("remove", token)))


def test_an_organisation_link_works_once_too(client):
    organisation = OrganisationFactory(name="Beratung Nord e.V.", email="info@nord.example.org")
    token = services.token_for(organisation)

    shown = client.get(url("confirm", token))
    client.post(url("confirm", token))
    again = client.get(url("confirm", token))

    assert "info@nord.example.org" in shown.content.decode()
    assert again.status_code == 400
    assert "info@nord.example.org" not in again.content.decode()
    organisation.refresh_from_db()
    assert organisation.self_confirmed is True


def test_link_is_spent_even_when_the_entry_was_already_confirmed_today(client, contact):
    services.confirm(contact)
    token = services.token_for(contact)

    assert client.get(url("confirm", token)).status_code == 200
    client.post(url("confirm", token))

    assert_refused_without_data(client.get(url("confirm", token)))


def test_link_stops_working_after_the_email_changes(client, contact):
    token = services.token_for(contact)
    contact.email = "nachfolge@example.org"
    contact.save()

    page = client.get(url("confirm", token))
    posted = client.post(url("confirm", token))

    assert_refused_without_data(page)
    assert_refused_without_data(posted)
    contact.refresh_from_db()
    assert contact.verified_on is None


def test_link_stops_working_after_a_correction_request(client, contact):
    token = services.token_for(contact)

    sent = client.post(url("correct", token), correction_form(contact, function="Leitung"))

    assert sent.status_code == 302
    assert CorrectionRequest.objects.count() == 1
    assert_refused_without_data(client.get(url("confirm", token)))
    assert_refused_without_data(
        client.post(url("correct", token), correction_form(contact, function="Noch mal"))
    )
    assert CorrectionRequest.objects.count() == 1


def test_link_stops_working_after_a_removal_request(client, contact):
    token = services.token_for(contact)

    client.post(url("remove", token), {"message": "Bitte löschen"})
    refused = client.post(url("remove", token), {"message": "Noch einmal"})

    assert_refused_without_data(refused)
    assert CorrectionRequest.objects.filter(kind="removal").count() == 1


def test_link_stops_working_after_the_office_verifies_the_entry(client, curator, contact):
    token = services.token_for(contact)

    type(contact).objects.filter(pk=contact.pk).mark_verified(curator)

    assert_refused_without_data(client.get(url("confirm", token)))


def test_a_link_without_the_entry_state_is_refused(client, contact):
    # Signed with our key and salt, as links were before they carried the entry's state.
    legacy = signing.dumps({"k": "contact", "id": contact.pk}, salt=services.SALT)

    assert_refused_without_data(client.get(url("confirm", legacy)))


def test_a_link_moved_to_another_entry_is_refused(client, contact):
    other = ContactPersonFactory(last_name="Andere", email="andere@example.org")
    token = services.token_for(contact)
    payload = signing.loads(token, salt=services.SALT)
    forged = signing.dumps(payload | {"id": other.pk}, salt="guessed")

    page = client.get(url("confirm", forged))

    assert page.status_code == 400
    assert "andere@example.org" not in page.content.decode()
    assert "kaya@example.org" not in page.content.decode()


def test_an_expired_link_is_still_expired(client, contact, settings, monkeypatch):
    token = services.token_for(contact)
    settings.NETZPOL_CONFIRMATION_LINK_DAYS = 30
    later = timezone.now().timestamp() + 31 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)

    page = client.get(url("confirm", token))

    assert_refused_without_data(page)
    assert page.context["expired"] is True
    assert "abgelaufen" in page.content.decode()


def test_a_tampered_link_is_refused(client, contact):
    token = services.token_for(contact)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    assert_refused_without_data(client.get(url("confirm", tampered)))
    assert_refused_without_data(client.post(url("confirm", tampered)))
    contact.refresh_from_db()
    assert contact.verified_on is None


# --- throttling -----------------------------------------------------------------------------


def test_answers_for_one_entry_are_limited_per_hour(client, contact, limits_on):
    limits_on.NETZPOL_RATE_CONFIRMATION_ENTRY = "5/h"
    limits_on.NETZPOL_RATE_CONFIRMATION_IP = "100/h"

    # A fresh link for each request, from a different address each time.
    statuses = [
        client.post(
            url("remove", services.token_for(contact)),
            {"message": f"Bitte löschen ({n})"},
            REMOTE_ADDR=f"192.0.2.{n}",
        ).status_code
        for n in range(1, 8)
    ]

    assert statuses == [302] * 5 + [429] * 2
    assert CorrectionRequest.objects.count() == 5


def test_answers_from_one_client_address_are_limited_per_hour(client, limits_on):
    limits_on.NETZPOL_RATE_CONFIRMATION_ENTRY = "100/h"
    limits_on.NETZPOL_RATE_CONFIRMATION_IP = "5/h"
    entries = ContactPersonFactory.create_batch(7)

    statuses = [
        client.post(
            url("remove", services.token_for(entry)), {"message": ""}, REMOTE_ADDR="198.51.100.7"
        ).status_code
        for entry in entries
    ]
    elsewhere = client.post(
        url("remove", services.token_for(entries[-1])), {"message": ""}, REMOTE_ADDR="192.0.2.1"
    )

    assert statuses == [302] * 5 + [429] * 2
    assert (
        "Zu viele" in client.post(url("confirm", "x"), REMOTE_ADDR="198.51.100.7").content.decode()
    )
    assert elsewhere.status_code == 302
    assert CorrectionRequest.objects.count() == 6


def test_viewing_a_link_is_not_counted_against_the_answer_limit(client, contact, limits_on):
    limits_on.NETZPOL_RATE_CONFIRMATION_ENTRY = "2/h"
    limits_on.NETZPOL_RATE_CONFIRMATION_IP = "2/h"
    token = services.token_for(contact)

    views = [client.get(url("confirm", token)).status_code for _ in range(5)]
    confirmed = client.post(url("confirm", token))

    assert views == [200] * 5
    assert confirmed.status_code == 302
