"""Guests, people accepted through a public event's registration form without an entry in the
directory, on the attendance screen, the printed attendance list and its exports: only those
with a place (not the waiting list, the undecided or the declined), for coordinators only,
their attendance recorded with the invitees'; a registration linked to a contact person is
that contact's invitation and appears once."""

import csv
import datetime
import io
import json

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from directory.events import registration_services
from directory.events.models import Registration
from directory.exports.models import ExportLog
from tests.factories import (
    ContactPersonFactory,
    EventFactory,
    InvitationFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    return EventFactory(
        title="Offene Konferenz Dortmund",
        visibility="public",
        public_registration=True,
        starts_at=timezone.now() - datetime.timedelta(hours=3),
    )


@pytest.fixture
def people(conference):
    """Two invitees, a guest with a place, and registrations that must never show."""
    linked_contact = ContactPersonFactory(first_name="Lale", last_name="Verlinkt")
    linked_invitation = InvitationFactory(
        event=conference, contact=linked_contact, state="accepted"
    )
    return {
        "kaya": InvitationFactory(event=conference, state="accepted", contact__last_name="Kaya"),
        "zander": InvitationFactory(
            event=conference, state="accepted", contact__last_name="Zander"
        ),
        "guest": RegistrationFactory(
            event=conference,
            status="accepted",
            first_name="Deniz",
            last_name="Nowak",
            organisation_name="Elternnetzwerk Nordstadt e.V.",
            function="=Vorstand",
            email="deniz.nowak@example.org",
        ),
        "linked": RegistrationFactory(
            event=conference,
            status="accepted",
            first_name="Lale",
            last_name="Verlinkt",
            contact=linked_contact,
            invitation=linked_invitation,
        ),
        "waiting": RegistrationFactory(event=conference, status="waiting", last_name="Warteliste"),
        "declined": RegistrationFactory(event=conference, status="declined", last_name="Abgelehnt"),
        "new": RegistrationFactory(event=conference, status="new", last_name="Unentschieden"),
    }


NEVER = ["Warteliste", "Abgelehnt", "Unentschieden"]


def attendance_url(event):
    return reverse("events:attendance", args=[event.pk])


def sheet_url(event):
    return reverse("events:attendance_sheet", args=[event.pk])


def export_url(event, kind):
    return reverse("events:attendance_export", args=[event.pk, kind])


def post_data(response, **attendance):
    """The attendance screen's form as the browser sends it, with `attendance` by last name."""
    data = {}
    for formset in (response.context["formset"], response.context["guests"]):
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS"):
            data[f"{formset.prefix}-{name}"] = str(management[name].value())
        for form in formset:
            person = getattr(form.instance, "contact", None) or form.instance
            data[form["id"].html_name] = str(form.instance.pk)
            data[form["attendance"].html_name] = attendance.get(person.last_name, "")
    return data


# --- the attendance screen --------------------------------------------------------------------


def test_attendance_screen_lists_guests_with_a_place_for_coordinators(
    client, coordinator, conference, people
):
    client.force_login(coordinator)

    response = client.get(attendance_url(conference))

    assertContains(response, "Gast (Anmeldung)")
    assertContains(response, "Deniz Nowak")
    assertContains(response, "Elternnetzwerk Nordstadt e.V.")
    assertContains(response, "deniz.nowak@example.org")
    assertContains(response, "Anwesenheit von Deniz Nowak")  # the select's label
    for name in NEVER:
        assertNotContains(response, name)
    guests = [form.instance for form in response.context["guests"]]
    assert guests == [people["guest"]]
    invitees = [form.instance.contact.last_name for form in response.context["formset"]]
    # The linked registration is its contact's invitation, once.
    assert invitees.count("Verlinkt") == 1


def test_members_see_no_guests_anywhere(client, member, conference, people):
    client.force_login(member)

    for url in (
        attendance_url(conference),
        sheet_url(conference),
        export_url(conference, "csv"),
        export_url(conference, "xlsx"),
    ):
        response = client.get(url)
        assert response.status_code == 403
        assertNotContains(response, "Nowak", status_code=403)
    assertNotContains(client.get(conference.get_absolute_url()), "Nowak")
    assert not ExportLog.objects.exists()


def test_guest_attendance_is_saved_with_the_invitees_and_shown(
    client, coordinator, conference, people
):
    client.force_login(coordinator)
    page = client.get(attendance_url(conference))

    response = client.post(
        attendance_url(conference),
        post_data(page, Nowak="attended", Kaya="excused", Zander="no_show"),
    )

    assert response.status_code == 302
    guest, kaya = people["guest"], people["kaya"]
    guest.refresh_from_db()
    kaya.refresh_from_db()
    assert (guest.attendance, kaya.attendance) == ("attended", "excused")
    for other in ("waiting", "declined", "new", "linked"):
        people[other].refresh_from_db()
        assert people[other].attendance == ""
    shown = client.get(attendance_url(conference))
    (form,) = shown.context["guests"]
    assert form["attendance"].value() == "attended"
    assertContains(shown, '<option value="attended" selected>Teilgenommen</option>', html=False)


def test_an_invalid_guest_attendance_re_renders_and_saves_nothing(
    client, coordinator, conference, people
):
    client.force_login(coordinator)
    page = client.get(attendance_url(conference))
    data = post_data(page, Kaya="attended", Nowak="attended")
    data["guest-0-attendance"] = "vielleicht"

    response = client.post(attendance_url(conference), data)

    assert response.status_code == 200
    assertContains(response, "Bitte korrigieren Sie")
    assertContains(response, "is-invalid")
    people["kaya"].refresh_from_db()
    people["guest"].refresh_from_db()
    assert (people["kaya"].attendance, people["guest"].attendance) == ("", "")


def test_attendance_of_a_waiting_guest_cannot_be_set(client, coordinator, conference, people):
    client.force_login(coordinator)
    page = client.get(attendance_url(conference))
    data = post_data(page)
    data["guest-0-id"] = str(people["waiting"].pk)
    data["guest-0-attendance"] = "attended"

    client.post(attendance_url(conference), data)

    people["waiting"].refresh_from_db()
    assert people["waiting"].attendance == ""


def test_an_event_with_guests_only_offers_the_form(client, coordinator, conference):
    RegistrationFactory(event=conference, status="accepted", last_name="Alleingast")
    client.force_login(coordinator)

    response = client.get(attendance_url(conference))

    assertContains(response, "Alleingast")
    assertContains(response, "Anwesenheit speichern")


# --- the printed list and the exports ---------------------------------------------------------


def test_printed_sheet_lists_guests_among_the_invitees_by_name(
    client, coordinator, conference, people
):
    client.force_login(coordinator)

    response = client.get(sheet_url(conference))

    content = response.content.decode()
    assertContains(response, "Unterschrift")
    positions = [content.index(name) for name in ("Kaya", "Deniz Nowak", "Verlinkt", "Zander")]
    assert positions == sorted(positions)
    assert content.count("Verlinkt") == 1
    assertContains(response, "Elternnetzwerk Nordstadt e.V.")
    for name in NEVER:
        assertNotContains(response, name)
    log = ExportLog.objects.get()
    assert log.row_count == 4
    assert set(log.contact_ids) == {
        people["kaya"].contact_id,
        people["zander"].contact_id,
        people["linked"].contact_id,
    }


def csv_rows(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))


def test_attendance_csv_holds_the_guests_with_their_attendance(
    client, coordinator, conference, people
):
    Registration.objects.filter(pk=people["guest"].pk).update(attendance="attended")
    client.force_login(coordinator)

    rows = csv_rows(client.get(export_url(conference, "csv")))

    # Guests among the invitees, by name.
    assert [row[0] for row in rows[1:]] == ["Kaya", "Nowak", "Verlinkt", "Zander"]
    (guest,) = [row for row in rows[1:] if row[0] == "Nowak"]
    assert guest == [
        "Nowak",
        "Deniz",
        "",
        "'=Vorstand",  # neutralised, as every cell
        "Elternnetzwerk Nordstadt e.V.",
        "deniz.nowak@example.org",
        "Gast (Anmeldung)",
        "Teilgenommen",
    ]
    log = ExportLog.objects.get()
    assert log.row_count == 4
    assert set(log.contact_ids) == {
        people["kaya"].contact_id,
        people["zander"].contact_id,
        people["linked"].contact_id,
    }


def test_attendance_xlsx_holds_the_guests(client, coordinator, conference, people):
    client.force_login(coordinator)

    response = client.get(export_url(conference, "xlsx"))

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert [row[0] for row in rows[1:]] == ["Kaya", "Nowak", "Verlinkt", "Zander"]
    (guest,) = [row for row in rows[1:] if row[0] == "Nowak"]
    assert guest[4:] == ["Elternnetzwerk Nordstadt e.V.", "deniz.nowak@example.org",
                         "Gast (Anmeldung)", ""]  # fmt: skip
    assert sheet.auto_filter.ref == "A1:H5"


# --- subject access and retention -------------------------------------------------------------


def test_subject_access_report_shows_a_registrations_attendance(curator_client, conference):
    contact = ContactPersonFactory(email="nowak@example.org", last_name="Nowak")
    RegistrationFactory(
        event=conference, email="nowak@example.org", status="accepted", attendance="no_show"
    )
    url = reverse("privacy:subject_access", args=[contact.pk])

    page = curator_client.get(url)
    report = json.loads(curator_client.get(url + "?format=json").content)

    assertContains(page, "Nicht erschienen")
    (entry,) = report["event_registrations"]
    assert entry["attendance"] == "no_show"


def test_retention_deletes_guests_with_their_attendance(settings):
    settings.NETZPOL_REGISTRATION_RETENTION_MONTHS = 6
    starts = timezone.now() - datetime.timedelta(days=400)
    old = EventFactory(visibility="public", starts_at=starts)
    RegistrationFactory(event=old, status="accepted", attendance="attended")

    assert registration_services.apply_retention() == 1

    assert not Registration.objects.filter(attendance="attended").exists()
