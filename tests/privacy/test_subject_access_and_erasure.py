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
        {"action": "erase", "_selected_action": [contact.pk]},
    )

    contact.refresh_from_db()
    report = client.get(reverse("privacy:subject_access", args=[contact.pk]), {"format": "json"})
    text = report.content.decode()
    for personal in ("Kaya", "Aylin", "kaya@example.org", "bedroht", "Projektleitung"):
        assert personal not in text
    record = Anonymisation.objects.get(contact_id=contact.pk)
    assert record.done_by == curator
    assert "Art. 17" in record.reason
