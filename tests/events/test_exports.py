import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.exports.models import ExportLog
from tests.factories import EventFactory, InvitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(
        title="Forum Dortmund", starts_at=timezone.now() + datetime.timedelta(days=3)
    )


def test_attendance_list_prints_expected_people_with_a_signature_column(client, coordinator, event):
    InvitationFactory(event=event, state="accepted", contact__last_name="Kaya")
    InvitationFactory(event=event, state="maybe", contact__last_name="Nowak")
    InvitationFactory(event=event, state="declined", contact__last_name="Abwesend")
    InvitationFactory(event=event, state="accepted", contact__last_name="Geheim",
                      contact__visibility="staff")  # fmt: skip
    client.force_login(coordinator)

    response = client.get(reverse("events:attendance_sheet", args=[event.pk]))

    content = response.content.decode()
    assert "Teilnahmeliste" in content
    assert "Unterschrift" in content
    assert "Forum Dortmund" in content
    assert "Kaya" in content
    assert "Nowak" in content
    assert "Abwesend" not in content
    assert "Geheim" not in content
    log = ExportLog.objects.get()
    assert (log.format, log.row_count) == ("print", 2)


def test_invitations_csv_opens_in_german_excel_and_neutralises_formulas(client, coordinator, event):
    InvitationFactory(
        event=event, state="accepted", contact__last_name="Kaya", note="=HYPERLINK(1)"
    )
    client.force_login(coordinator)

    response = client.get(reverse("events:csv", args=[event.pk]))

    body = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeff")
    assert '"Zugesagt"' in body
    assert '"\'=HYPERLINK(1)"' in body
    assert body.count("\r\n") == 2
    log = ExportLog.objects.get()
    assert (log.format, log.row_count) == ("csv", 1)


def test_members_cannot_export(client, member, event):
    client.force_login(member)

    assert client.get(reverse("events:csv", args=[event.pk])).status_code == 403
    assert client.get(reverse("events:attendance_sheet", args=[event.pk])).status_code == 403
    assert not ExportLog.objects.exists()
