"""The attendance list exported as CSV and XLSX: the attendance screen's people, as the contact
exports write them, logged, for coordinators and the office only."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from directory.exports.models import ExportLog
from tests.factories import EventFactory, InvitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(
        title="Forum Dortmund", starts_at=timezone.now() - datetime.timedelta(hours=3)
    )


@pytest.fixture
def invitations(event):
    return [
        InvitationFactory(
            event=event,
            state="accepted",
            attendance="attended",
            contact__first_name="Ayşe",
            contact__last_name="Kaya",
            contact__function="=HYPERLINK(1)",
        ),
        InvitationFactory(
            event=event, state="maybe", attendance="no_show", contact__last_name="Nowak"
        ),
        # Declined and nothing recorded: not on the attendance screen, not in the export.
        InvitationFactory(event=event, state="declined", contact__last_name="Abwesend"),
        # Declined, yet excused afterwards: on the screen.
        InvitationFactory(
            event=event, state="declined", attendance="excused", contact__last_name="Özdemir"
        ),
        # A contact the coordinator may not see.
        InvitationFactory(
            event=event, state="accepted", contact__last_name="Geheim", contact__visibility="staff"
        ),
    ]


def url(event, kind):
    return reverse("events:attendance_export", args=[event.pk, kind])


def csv_rows(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return body, list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_attendance_csv_lists_the_attendance_screen_in_german_excel_format(
    coordinator_client, event, invitations
):
    response = coordinator_client.get(url(event, "csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="netzpol-veranstaltung-' in response["Content-Disposition"]
    body, rows = csv_rows(response)
    assert rows[0] == [
        "Nachname",
        "Vorname",
        "Funktionsbezeichnung",
        "Funktion",
        "Organisation / Polizeidienststelle",
        "E-Mail",
        "Antwort",
        "Anwesenheit",
    ]
    names = [row[0] for row in rows[1:]]
    assert names == ["Kaya", "Nowak", "Özdemir"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Kaya"][1] == "Ayşe"
    assert by_name["Kaya"][6:] == ["Zugesagt", "Teilgenommen"]
    assert by_name["Nowak"][6:] == ["Vielleicht", "Nicht erschienen"]
    assert by_name["Özdemir"][6:] == ["Abgesagt", "Entschuldigt"]
    # Every cell quoted, CRLF, formula neutralised.
    assert '"\'=HYPERLINK(1)"' in body
    assert body.count("\r\n") == 4
    assert "Geheim" not in body
    assert "Abwesend" not in body


def test_attendance_columns_are_those_of_this_event_only(coordinator_client, event, invitations):
    other = EventFactory(title="Anderes Forum")
    InvitationFactory(event=other, contact=invitations[0].contact, state="declined")

    _body, rows = csv_rows(coordinator_client.get(url(event, "csv")))

    assert [row[6] for row in rows[1:] if row[0] == "Kaya"] == ["Zugesagt"]


def test_attendance_xlsx_holds_the_same_rows(coordinator_client, event, invitations):
    response = coordinator_client.get(url(event, "xlsx"))

    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Nachname"
    assert [row[0] for row in rows[1:]] == ["Kaya", "Nowak", "Özdemir"]
    assert rows[1][3] == "'=HYPERLINK(1)"
    assert rows[1][6:] == ["Zugesagt", "Teilgenommen"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_attendance_export_is_logged_with_its_contacts(
    coordinator, coordinator_client, event, invitations, kind
):
    response = coordinator_client.get(url(event, kind))
    b"".join(response.streaming_content)

    log = ExportLog.objects.get()
    assert log.user == coordinator
    assert (log.format, log.row_count) == (kind, 3)
    assert log.list_name == f"veranstaltung-{event.pk}-teilnahme"
    assert sorted(log.contact_ids) == sorted(
        i.contact_id for i in invitations[:2] + invitations[3:4]
    )
    assert "Forum Dortmund" in log.purpose


def test_curators_export_staff_only_contacts_too(curator_client, event, invitations):
    _body, rows = csv_rows(curator_client.get(url(event, "csv")))

    assert "Geheim" in [row[0] for row in rows[1:]]


def test_members_and_anonymous_cannot_export_the_attendance_list(
    client, member, event, invitations
):
    response = client.get(url(event, "csv"))
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "anmelden" in response["Location"]

    client.force_login(member)
    assert client.get(url(event, "csv")).status_code == 403
    assert client.get(url(event, "xlsx")).status_code == 403
    assert not ExportLog.objects.exists()


def test_coordinators_cannot_export_an_event_they_may_not_see(coordinator_client, mediation):
    hidden = EventFactory(format=mediation)
    InvitationFactory(event=hidden, state="accepted")

    assert coordinator_client.get(url(hidden, "csv")).status_code == 404
    assert not ExportLog.objects.exists()


def test_an_unknown_export_format_is_not_found(coordinator_client, event):
    assert coordinator_client.get(url(event, "pdf")).status_code == 404
    assert not ExportLog.objects.exists()


def test_the_attendance_page_links_the_exports(coordinator_client, event, invitations):
    response = coordinator_client.get(reverse("events:attendance", args=[event.pk]))

    assert url(event, "csv") in response.content.decode()
    assert url(event, "xlsx") in response.content.decode()
    assert reverse("events:attendance_sheet", args=[event.pk]) in response.content.decode()
