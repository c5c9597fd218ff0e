"""Retention of invitations: NETZPOL_EVENT_RETENTION_MONTHS after an event, invitations of
people who did not take part go, participants keep only the fact that they took part."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory.core import personal_data
from directory.events import retention
from directory.events.models import Invitation
from tests.factories import EventFactory, InvitationFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


def history():
    (model,) = personal_data.history_models(Invitation)
    return model


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


@pytest.fixture(autouse=True)
def three_years(settings):
    settings.NETZPOL_EVENT_RETENTION_MONTHS = 36


@pytest.fixture
def old_event():
    # Ended exactly 36 months before TODAY: past retention.
    return EventFactory(
        title="Forum 2023",
        starts_at=at(datetime.date(2023, 6, 14)),
        ends_at=at(datetime.date(2023, 6, 15)),
    )


@pytest.fixture
def recent_event():
    # Started before the limit, but ended a day after it: kept.
    return EventFactory(
        title="Fachtagung 2023",
        starts_at=at(datetime.date(2023, 6, 10)),
        ends_at=at(datetime.date(2023, 6, 16)),
    )


def invite(event, **fields):
    return InvitationFactory(
        event=event,
        note=f"Notiz {fields.get('state', 'invited')}",
        answered_at=at(datetime.date(2023, 5, 1)),
        send_error="SMTPRecipientsRefused: früher",
        **fields,
    )


@pytest.fixture
def old(old_event):
    return {
        "attended": invite(old_event, state="accepted", attendance="attended"),
        "accepted": invite(old_event, state="accepted"),  # nothing recorded: took part
        "maybe_came": invite(old_event, state="maybe", attendance="attended"),
        "no_show": invite(old_event, state="accepted", attendance="no_show"),
        "excused": invite(old_event, state="declined", attendance="excused"),
        "declined": invite(old_event, state="declined"),
        "waiting": invite(old_event, state="waiting"),
        "invited": invite(old_event),
    }


def test_invitations_of_those_who_did_not_take_part_are_deleted_with_their_history(
    old, recent_event
):
    kept_recent = invite(recent_event, state="declined")
    gone = ["no_show", "excused", "declined", "waiting", "invited"]
    assert history().objects.filter(pgh_obj__in=[old[k].pk for k in gone]).count() >= 5

    counts = retention.apply_retention(TODAY)

    assert counts == {"deleted": 5, "erased": 3}
    assert not Invitation.objects.filter(pk__in=[old[k].pk for k in gone]).exists()
    assert not history().objects.filter(pgh_obj__in=[old[k].pk for k in gone]).exists()
    # The recent event keeps everything.
    kept_recent.refresh_from_db()
    assert (kept_recent.state, kept_recent.note) == ("declined", "Notiz declined")


def test_participants_keep_their_participation_and_lose_notes_answers_and_errors(old):
    retention.apply_retention(TODAY)

    for key, state, attendance in [
        ("attended", "accepted", "attended"),
        ("accepted", "accepted", ""),
        ("maybe_came", "maybe", "attended"),
    ]:
        invitation = Invitation.objects.get(pk=old[key].pk)
        assert (invitation.state, invitation.attendance) == (state, attendance)
        assert (invitation.note, invitation.answered_at, invitation.send_error) == ("", None, "")
        # And in the history.
        history_rows = history().objects.filter(pgh_obj=invitation.pk)
        assert history_rows.exists()
        assert not history_rows.exclude(note="").exists()
        assert not history_rows.exclude(send_error="").exists()
        assert not history_rows.filter(answered_at__isnull=False).exists()
    participants = Invitation.objects.filter(event=old["attended"].event).participants()
    assert participants.count() == 3


def test_nothing_changes_before_the_retention_period_ends(old):
    counts = retention.apply_retention(TODAY - datetime.timedelta(days=1))

    assert counts == {"deleted": 0, "erased": 0}
    assert Invitation.objects.count() == 8
    assert not Invitation.objects.filter(note="").exists()


def test_the_period_is_the_setting(settings, old):
    settings.NETZPOL_EVENT_RETENTION_MONTHS = 48

    assert retention.apply_retention(TODAY) == {"deleted": 0, "erased": 0}


def test_an_event_without_an_end_counts_from_its_start(settings):
    event = EventFactory(starts_at=at(datetime.date(2023, 6, 15)), ends_at=None)
    declined = invite(event, state="declined")

    retention.apply_retention(TODAY)

    assert not Invitation.objects.filter(pk=declined.pk).exists()


def test_a_second_run_finds_nothing_left(old):
    retention.apply_retention(TODAY)

    to_delete, to_erase = retention.past_retention(TODAY)
    assert (to_delete.count(), to_erase.count()) == (0, 0)
    assert retention.apply_retention(TODAY) == {"deleted": 0, "erased": 0}


def test_command_counts_with_dry_run_and_applies_with_apply(old, monkeypatch):
    monkeypatch.setattr(retention.timezone, "localdate", lambda: TODAY)
    out = io.StringIO()

    call_command("apply_event_retention", "--dry-run", stdout=out)
    assert "5 invitations would be deleted, 3 participants' invitations erased" in out.getvalue()
    assert Invitation.objects.count() == 8

    call_command("apply_event_retention", "--apply", stdout=out)
    assert "5 invitations deleted, 3 participants' invitations erased." in out.getvalue()
    assert Invitation.objects.count() == 3
