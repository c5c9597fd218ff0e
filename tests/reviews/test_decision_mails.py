"""The listed person hears what became of their answer: a correction applied or rejected, the
entry removed. Plain German text, never the office's note, sent once the decision is saved."""

import pytest
from django.core import mail
from django.urls import reverse

from directory.reviews import services
from directory.reviews.models import CorrectionRequest
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    return ContactPersonFactory(
        first_name="Aylin", last_name="Kaya", email="kaya@example.org", function="Beratung",
        staff_notes="intern: bedroht",
    )  # fmt: skip


def decide(client, request_, button, note=""):
    return client.post(
        reverse("admin:reviews_correctionrequest_change", args=[request_.pk]),
        {"note": note, button: "1"},
    )


def test_an_applied_correction_is_confirmed_by_mail(
    client, curator, contact, django_capture_on_commit_callbacks
):
    request_ = services.request_correction(contact, {"function": "Projektleitung"})
    client.force_login(curator)

    with django_capture_on_commit_callbacks(execute=True):
        decide(client, request_, "_apply", note="intern: Rückruf erledigt")

    [message] = mail.outbox
    assert message.to == ["kaya@example.org"]
    assert "übernommen" in message.subject
    assert "Ihre Korrektur vom" in message.body
    assert "Funktion: Projektleitung" in message.body
    assert not message.alternatives
    for internal in ("intern", "bedroht", "Rückruf"):
        assert internal not in message.body


def test_a_new_address_hears_of_the_correction_too(
    contact, curator, django_capture_on_commit_callbacks
):
    request_ = services.request_correction(contact, {"email": "aylin.kaya@example.org"})

    with django_capture_on_commit_callbacks(execute=True):
        services.apply_request(request_, curator)

    assert mail.outbox[0].to == ["kaya@example.org", "aylin.kaya@example.org"]


def test_a_rejected_correction_is_told_without_the_offices_note(
    client, curator, contact, django_capture_on_commit_callbacks
):
    request_ = services.request_correction(contact, {"email": "fremd@example.org"})
    client.force_login(curator)

    with django_capture_on_commit_callbacks(execute=True):
        decide(client, request_, "_reject", note="Vermutlich Spam, nicht antworten")

    [message] = mail.outbox
    assert message.to == ["kaya@example.org"]
    assert "nicht übernommen" in message.body
    assert "Spam" not in message.body
    assert "fremd@example.org" not in message.body


def test_the_removal_promised_on_the_page_is_reported_by_mail(
    client, curator, contact, django_capture_on_commit_callbacks
):
    page = client.post(
        reverse("reviews:remove", kwargs={"token": services.token_for(contact)}),
        {"message": "Bitte löschen"},
        follow=True,
    )
    request_ = CorrectionRequest.objects.get(kind="removal")
    client.force_login(curator)

    with django_capture_on_commit_callbacks(execute=True):
        decide(client, request_, "_apply")

    assert "gibt Ihnen Bescheid" in page.content.decode()
    [message] = mail.outbox
    assert message.to == ["kaya@example.org"]
    assert "entfernt" in message.subject
    assert "personenbezogenen Daten aus dem Kontaktverzeichnis" in message.body
    assert "Kaya" not in message.body
    contact.refresh_from_db()
    assert contact.email == ""


def test_a_rejected_removal_is_reported_too(contact, curator, django_capture_on_commit_callbacks):
    request_ = services.request_removal(contact)

    with django_capture_on_commit_callbacks(execute=True):
        services.reject_request(request_, curator, "Funktionsadresse, bleibt")

    [message] = mail.outbox
    assert "nicht umgesetzt" in message.body
    assert "Art. 17 DSGVO" in message.body
    assert "Funktionsadresse" not in message.body


def test_an_organisation_hears_under_its_name(curator, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(name="Planerladen gGmbH", email="info@planerladen.example")
    request_ = services.request_correction(organisation, {"phone": "0231 8820700"})

    with django_capture_on_commit_callbacks(execute=True):
        services.apply_request(request_, curator)

    assert mail.outbox[0].to == ["info@planerladen.example"]
    assert "„Planerladen gGmbH“" in mail.outbox[0].body


def test_no_mail_leaves_before_the_decision_is_saved(
    contact, curator, django_capture_on_commit_callbacks
):
    request_ = services.request_correction(contact, {"function": "Projektleitung"})

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.apply_request(request_, curator)

    assert mail.outbox == []
    # The mail waits for the commit (with whatever else waits for it, e.g. cached figures).
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_a_failed_send_does_not_undo_the_decision(
    contact, curator, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("directory.reviews.notifications.send_mail", broken)
    request_ = services.request_correction(contact, {"function": "Projektleitung"})

    with django_capture_on_commit_callbacks(execute=True):
        services.apply_request(request_, curator)

    request_.refresh_from_db()
    assert request_.status == "applied"
