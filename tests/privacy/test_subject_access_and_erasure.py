"""DSGVO functions: the subject access report and erasure of a contact."""

import json

import pytest
from django.urls import reverse

from directory.exports.models import ExportLog
from directory.reviews.models import Anonymisation
from directory.reviews.services import send_confirmation
from tests.factories import ContactPersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    person = ContactPersonFactory(
        first_name="Aylin", last_name="Kaya", email="kaya@example.org",
        staff_notes="bedroht", topics=[TopicFactory(name="Rassismus")],
    )  # fmt: skip
    person.function = "Projektleitung"
    person.save()
    return person


def test_report_lists_fields_history_exports_and_emails(client, coordinator, curator, contact):
    client.force_login(coordinator)
    client.post(
        "/export/ansprechpersonen/",
        {
            "format": "csv",
            "delimiter": ";",
            "columns": ["last_name"],
            "purpose": "Einladung Fachtag",
        },
    )
    other = ContactPersonFactory(last_name="Quastenflosser")
    client.post(
        f"/export/ansprechpersonen/?q={other.last_name}",
        {"format": "csv", "delimiter": ";", "columns": ["last_name"], "purpose": "Nur die Andere"},
    )
    send_confirmation(contact)
    client.force_login(curator)
    url = reverse("privacy:subject_access", args=[contact.pk])

    page = client.get(url)
    download = client.get(url, {"format": "json"})

    html = page.content.decode()
    assert "kaya@example.org" in html
    assert "bedroht" in html
    assert "Einladung Fachtag" in html
    assert "berechnet" not in html  # the arrays triggers keep for filters are not the person's
    assert "Nur die Andere" not in html
    report = json.loads(download.content)
    assert download["Content-Disposition"].startswith("attachment")
    assert report["topics"] == ["Rassismus"]
    assert [event["change"] for event in report["history"]] == ["insert", "update"]
    assert report["history"][1]["values"]["function"] == "Projektleitung"
    assert [export["purpose"] for export in report["exports"]] == ["Einladung Fachtag"]
    assert report["confirmation_emails"][0]["to"] == "kaya@example.org"
    assert ExportLog.objects.get(purpose="Nur die Andere").contact_ids == [other.pk]


def test_erasure_leaves_no_personal_data_and_an_audit_record(client, curator, contact):
    client.force_login(curator)

    client.post(
        reverse("admin:contacts_contactperson_changelist"),
        {"action": "erase", "_selected_action": [contact.pk], "post": "yes"},
    )

    contact.refresh_from_db()
    report = client.get(reverse("privacy:subject_access", args=[contact.pk]), {"format": "json"})
    text = report.content.decode()
    for personal in ("Kaya", "Aylin", "kaya@example.org", "bedroht", "Projektleitung"):
        assert personal not in text
    record = Anonymisation.objects.get(contact_id=contact.pk)
    assert record.done_by == curator
    assert "Art. 17" in record.reason


def test_record_of_processing_lists_every_model_with_personal_data(client, curator):
    client.force_login(curator)

    page = client.get(reverse("privacy:processing_record"))

    names = [str(item["name"]) for item in page.context["record"]]
    assert len(names) >= 5
    html = page.content.decode()
    for label in ("E-Mail", "Notizen (nur Geschäftsstelle)"):
        assert label in html


def test_legal_pages_show_the_offices_text_from_admin(client):
    from directory.core.models import LegalPage

    default = client.get(reverse("core:imprint")).content.decode()
    LegalPage.objects.create(slug="imprint", body="NetZPol e.V.\n\nhttps://netzpol.example.org")

    edited = client.get(reverse("core:imprint")).content.decode()

    assert "NetZPol e.V." not in default
    assert "<p>NetZPol e.V.</p>" in edited
    assert 'href="https://netzpol.example.org"' in edited


def test_report_lists_the_api_requests_that_delivered_the_contact(client, member, curator, contact):
    from directory.api.tokens import create_token

    other = ContactPersonFactory(last_name="Quastenflosser", visibility=contact.visibility)
    token = create_token(member, "Mailwerkzeug")[1]
    auth = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/contacts/", {"q": "Kaya"}, headers=auth).status_code == 200
    assert client.get(f"/api/v1/contacts/{other.pk}/", headers=auth).status_code == 200
    client.force_login(curator)
    url = reverse("privacy:subject_access", args=[contact.pk])

    report = json.loads(client.get(url, {"format": "json"}).content)
    html = client.get(url).content.decode()

    assert [request["endpoint"] for request in report["api_requests"]] == ["/api/v1/contacts/"]
    assert "API (/api/v1/contacts/)" in html


def test_report_lists_invitations_and_requests_to_the_office(client, curator, contact):
    from tests.factories import EventFactory, InvitationFactory, OfficeRequestFactory

    event = EventFactory(title="Forum Dortmund")
    InvitationFactory(event=event, contact=contact, state="accepted", attendance="attended")
    InvitationFactory(event=EventFactory(title="Fremdes Treffen"))
    OfficeRequestFactory(requester=contact, email=contact.email, reason="networking")
    OfficeRequestFactory(name="Jemand anderes")
    client.force_login(curator)
    url = reverse("privacy:subject_access", args=[contact.pk])

    report = json.loads(client.get(url, {"format": "json"}).content)
    html = client.get(url).content.decode()

    assert [(i["event"], i["answer"], i["attendance"]) for i in report["invitations"]] == [
        ("Forum Dortmund", "accepted", "attended")
    ]
    assert [(r["reason"], r["email"]) for r in report["office_requests"]] == [
        ("networking", "kaya@example.org")
    ]
    assert "Forum Dortmund" in html
    assert "Teilgenommen" in html
    assert "Vernetzung" in html
    assert "Fremdes Treffen" not in html
    assert "Jemand anderes" not in html
