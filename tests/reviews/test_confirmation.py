"""Keeping the directory current: signed links, confirmation, corrections, reminders, retention."""

import datetime
import smtplib

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from directory.contacts.models import ContactPerson
from directory.reviews import services
from directory.reviews.models import Anonymisation, ConfirmationEmail, CorrectionRequest
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def link_path(entry):
    return reverse("reviews:confirm", kwargs={"token": services.token_for(entry)})


@pytest.fixture
def contact():
    return ContactPersonFactory(
        first_name="Aylin", last_name="Kaya", email="kaya@example.org", function="Beratung",
        verified_on=None, review_due=None, staff_notes="intern: bedroht",
    )  # fmt: skip


def test_a_link_names_exactly_one_entry_and_shows_only_it(client, contact):
    other = ContactPersonFactory(last_name="Andere", email="andere@example.org")

    page = client.get(link_path(contact))

    html = page.content.decode()
    assert page.status_code == 200
    assert "kaya@example.org" in html
    assert "andere@example.org" not in html
    assert "bedroht" not in html
    assert services.entry_for(services.token_for(other))[1] == other


def test_tampered_and_foreign_tokens_get_a_clear_page(client, contact):
    token = services.token_for(contact)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    other_purpose = signing.dumps({"k": "contact", "id": contact.pk}, salt="something else")

    for bad in (tampered, other_purpose, "nonsense"):
        page = client.get(reverse("reviews:confirm", kwargs={"token": bad}))
        assert page.status_code == 400
        assert page.context["expired"] is False
    assert client.post(reverse("reviews:confirm", kwargs={"token": tampered})).status_code == 400
    contact.refresh_from_db()
    assert contact.verified_on is None


def test_an_expired_link_says_so(client, contact, settings, monkeypatch):
    token = services.token_for(contact)
    settings.NETZPOL_CONFIRMATION_LINK_DAYS = 30
    later = timezone.now().timestamp() + 31 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)

    page = client.get(reverse("reviews:confirm", kwargs={"token": token}))

    assert page.status_code == 400
    assert page.context["expired"] is True


def test_still_correct_marks_the_entry_self_confirmed_and_records_history(client, contact):
    client.post(link_path(contact))

    contact.refresh_from_db()
    assert contact.verified_on == timezone.localdate()
    assert contact.verified_by is None
    assert contact.self_confirmed is True
    assert contact.review_due > timezone.localdate()
    event = contact.events.order_by("-pgh_id").first()
    assert event.pgh_label == "update"
    assert (
        event.pgh_context == {"confirmation": "self"} or event.pgh_context["confirmation"] == "self"
    )


def test_a_correction_creates_a_request_and_changes_nothing(client, contact):
    url = reverse("reviews:correct", kwargs={"token": services.token_for(contact)})
    form = {name: getattr(contact, name) for name in services.REVIEWABLE["contact"].fields}
    form.update(phone="030 23125 999", function="Projektleitung", message="Neue Stelle")

    response = client.post(url, form)

    assert response.status_code == 302
    request_ = CorrectionRequest.objects.get()
    assert request_.proposed == {"phone": "030 23125 999", "function": "Projektleitung"}
    assert request_.message == "Neue Stelle"
    contact.refresh_from_db()
    assert contact.function == "Beratung"


def test_a_correction_that_breaks_a_rule_is_refused_with_a_message(client, contact):
    url = reverse("reviews:correct", kwargs={"token": services.token_for(contact)})
    form = {name: getattr(contact, name) for name in services.REVIEWABLE["contact"].fields}
    form.update(last_name="", functional_title="", email="kein-email")

    response = client.post(url, form)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not CorrectionRequest.objects.exists()


def test_curator_applies_a_correction_and_history_shows_it(client, curator, contact):
    request_ = services.request_correction(contact, {"function": "Projektleitung"})
    client.force_login(curator)
    url = reverse("admin:reviews_correctionrequest_change", args=[request_.pk])

    page = client.get(url)
    client.post(url, {"note": "", "_apply": "1"})

    assert "Projektleitung" in page.content.decode()
    assert "Beratung" in page.content.decode()
    contact.refresh_from_db()
    request_.refresh_from_db()
    assert contact.function == "Projektleitung"
    assert contact.verified_by == curator
    assert request_.status == "applied"
    assert request_.decided_by == curator
    assert contact.events.filter(pgh_context__correction_request=request_.pk).exists()


def test_curator_rejects_with_a_note(client, curator, contact):
    request_ = services.request_correction(contact, {"function": "Unsinn"})
    client.force_login(curator)

    client.post(
        reverse("admin:reviews_correctionrequest_change", args=[request_.pk]),
        {"note": "Keine Änderung nötig", "_reject": "1"},
    )

    request_.refresh_from_db()
    contact.refresh_from_db()
    assert request_.status == "rejected"
    assert request_.note == "Keine Änderung nötig"
    assert contact.function == "Beratung"


def test_removal_request_then_anonymisation_leaves_no_personal_data(client, curator, contact):
    contact.function = "Neue Funktion"
    contact.save()
    client.post(
        reverse("reviews:remove", kwargs={"token": services.token_for(contact)}),
        {"message": "Bitte löschen"},
    )
    request_ = CorrectionRequest.objects.get(kind="removal")

    services.apply_request(request_, curator)

    contact.refresh_from_db()
    assert contact.email == contact.last_name == contact.first_name == contact.staff_notes == ""
    assert contact.visibility == "staff"
    values = [str(v) for e in contact.events.values() for v in e.values()]
    assert not any("Kaya" in v or "kaya@example.org" in v or "bedroht" in v for v in values)
    assert Anonymisation.objects.get(contact_id=contact.pk).done_by == curator


def test_confirmation_email_in_german_and_english_with_a_working_link(client, contact, settings):
    settings.NETZPOL_SITE_URL = "https://netzpol.example.org"

    record = services.send_confirmation(contact)

    assert record.status == "sent"
    message = mail.outbox[0]
    assert message.to == ["kaya@example.org"]
    assert "Bitte" in message.subject
    assert "Guten Tag" in message.body
    assert "Hello" in message.body
    html = message.alternatives[0][0]
    assert 'lang="en"' in html
    link = next(line for line in message.body.splitlines() if "/bestaetigen/" in line).strip()
    assert link.startswith("https://netzpol.example.org/bestaetigen/")
    assert client.get(link.removeprefix("https://netzpol.example.org")).status_code == 200


def test_reminders_are_spaced_and_idempotent(contact, settings):
    settings.NETZPOL_REMINDER_INTERVAL_DAYS = 14
    ContactPersonFactory(
        email="aktuell@example.org",
        verified_on=timezone.localdate(),
        review_due=timezone.localdate() + datetime.timedelta(days=200),
    )
    OrganisationFactory(email="", review_due=None)

    first = services.send_review_reminders()
    second = services.send_review_reminders()

    assert first["sent"] >= 1
    assert "kaya@example.org" in [m.to[0] for m in mail.outbox]
    assert "aktuell@example.org" not in [m.to[0] for m in mail.outbox]
    assert second == {"sent": 0, "failed": 0}
    ConfirmationEmail.objects.update(created_at=timezone.now() - datetime.timedelta(days=15))
    assert services.send_review_reminders()["sent"] == first["sent"]


def test_failed_sends_are_recorded_and_retried_by_the_next_run(contact, monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"kaya@example.org": (550, b"no such user")})

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    call_command("send_review_reminders")
    monkeypatch.undo()
    call_command("send_review_reminders")

    out = capsys.readouterr().out
    assert "0 sent, 1 failed" in out.replace("Reminders: ", "") or "1 failed" in out
    statuses = list(
        ConfirmationEmail.objects.order_by("created_at").values_list("status", flat=True)
    )
    assert statuses == ["failed", "sent"]
    assert "SMTPRecipientsRefused" in ConfirmationEmail.objects.get(status="failed").error


def test_retention_dry_run_changes_nothing_and_apply_anonymises(contact, settings, capsys):
    settings.NETZPOL_RETENTION_MONTHS = 24
    ContactPerson.objects.filter(pk=contact.pk).update(verified_on=datetime.date(2020, 1, 1))
    fresh = ContactPersonFactory(last_name="Frisch", verified_on=timezone.localdate())

    call_command("apply_retention", "--dry-run")
    contact.refresh_from_db()
    assert contact.last_name == "Kaya"
    assert "1 contacts" in capsys.readouterr().out

    call_command("apply_retention", "--apply")
    contact.refresh_from_db()
    fresh.refresh_from_db()
    assert contact.last_name == ""
    assert fresh.last_name == "Frisch"
    assert Anonymisation.objects.filter(contact_id=contact.pk).exists()
    assert list(services.past_retention()) == []


def test_admin_action_sends_emails_for_the_selected_entries(client, curator, contact):
    client.force_login(curator)

    client.post(
        reverse("admin:contacts_contactperson_changelist"),
        {"action": "send_confirmation_emails", "_selected_action": [contact.pk]},
    )

    assert [m.to for m in mail.outbox] == [["kaya@example.org"]]
    assert ConfirmationEmail.objects.get().requested_by == curator


def test_dashboard_counts_and_links_for_curators_only(client, member, curator, contact):
    services.request_correction(contact, {"function": "X"})
    client.force_login(member)
    assert client.get(reverse("reviews:dashboard")).status_code == 403
    client.force_login(curator)

    page = client.get(reverse("reviews:dashboard"))

    html = page.content.decode()
    assert page.context["open_requests"][0] == 1
    assert "/admin/contacts/contactperson/?review=stale" in html
    assert "/admin/reviews/correctionrequest/?status__exact=open" in html
    for query in ["review=stale", "changed=30", "retention=past"]:
        url = f"/admin/contacts/contactperson/?{query}"
        assert client.get(url).status_code == 200
