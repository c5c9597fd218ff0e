import datetime
import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError
from django.utils import timezone

from directory.contacts.models import ContactPerson
from directory.core import personal_data
from directory.events.models import Event, EventDocument, Format, Invitation, Visibility
from tests.factories import ContactPersonFactory, EventFactory, InvitationFactory

pytestmark = pytest.mark.django_db


def test_formats_are_seeded_with_mediation_staff_only():
    # Run the data migration's function again: a browser test's flush may have emptied the
    # table of this reused test database (it is idempotent).
    migration = importlib.import_module("directory.events.migrations.0002_seed_formats")
    migration.seed(apps, None)
    names = set(Format.objects.values_list("name", flat=True))
    assert {"Arbeitskreis", "Fachtagung", "offene Konferenz", "Dialogforum"} <= names
    assert Format.objects.get(name="Mediation / Konfliktbegleitung").staff_only
    assert not Format.objects.get(name="Workshop").staff_only


def test_mediation_event_is_staff_only_whatever_was_chosen(mediation):
    event = EventFactory(format=mediation, visibility=Visibility.PUBLIC)
    event.refresh_from_db()
    assert event.visibility == Visibility.STAFF


def test_event_end_before_start_is_refused():
    start = timezone.now()
    with pytest.raises(IntegrityError):
        EventFactory(starts_at=start, ends_at=start - datetime.timedelta(hours=1))


def test_one_invitation_per_contact_and_event():
    invitation = InvitationFactory()
    with pytest.raises(IntegrityError):
        Invitation.objects.create(event=invitation.event, contact=invitation.contact)


@pytest.fixture
def events_by_visibility(mediation):
    return {
        "public": EventFactory(title="Offene Konferenz", visibility=Visibility.PUBLIC),
        "members": EventFactory(title="Arbeitskreis", visibility=Visibility.MEMBERS),
        "staff": EventFactory(title="Internes Treffen", visibility=Visibility.STAFF),
        "mediation": EventFactory(title="Vermittlung", format=mediation),
    }


def titles(user):
    return set(Event.objects.visible_to(user).values_list("title", flat=True))


def test_public_sees_public_announcements_only(events_by_visibility):
    assert titles(None) == {"Offene Konferenz"}


def test_member_and_coordinator_see_members_events_but_no_staff_or_mediation(
    events_by_visibility, member, coordinator
):
    assert titles(member) == {"Offene Konferenz", "Arbeitskreis"}
    assert titles(coordinator) == {"Offene Konferenz", "Arbeitskreis"}


def test_curator_sees_every_event_including_mediation(events_by_visibility, curator):
    assert titles(curator) == {
        "Offene Konferenz",
        "Arbeitskreis",
        "Internes Treffen",
        "Vermittlung",
    }


def test_documents_never_more_visible_than_their_event(member):
    members_event = EventFactory(visibility=Visibility.MEMBERS)
    public_event = EventFactory(visibility=Visibility.PUBLIC)
    EventDocument.objects.create(
        event=members_event, title="Protokoll", file="2026/p.pdf", visibility=Visibility.PUBLIC
    )
    EventDocument.objects.create(event=public_event, title="Tagesordnung", file="2026/t.pdf")
    EventDocument.objects.create(
        event=public_event, title="Programm", file="2026/a.pdf", visibility=Visibility.PUBLIC
    )

    def shown(user):
        return set(EventDocument.objects.visible_to(user).values_list("title", flat=True))

    assert shown(None) == {"Programm"}
    assert shown(member) == {"Protokoll", "Tagesordnung", "Programm"}


def test_invitations_are_declared_personal_data_and_erased_with_the_contact():
    invitation = InvitationFactory(note="kommt mit Begleitung", attendance="attended")
    assert Invitation in personal_data.declaring_models()

    of_contact = Invitation.personal_data["of_contact"](invitation.contact)
    personal_data.erase(Invitation.objects.filter(of_contact))

    invitation.refresh_from_db()
    assert invitation.note == ""
    assert invitation.attendance == ""


def test_participants_are_those_present_or_accepted_without_attendance():
    event = EventFactory()
    present = InvitationFactory(event=event, state="accepted", attendance="attended")
    InvitationFactory(event=event, state="accepted", attendance="no_show")
    accepted = InvitationFactory(event=event, state="accepted")
    InvitationFactory(event=event, state="declined")

    found = set(Invitation.objects.filter(event=event).participants())

    assert found == {present, accepted}


def test_contact_factory_still_makes_visible_contacts():
    # Guard for the tests here: invitees are members-visible by default.
    assert ContactPersonFactory().visibility == "members"
    assert ContactPerson.objects.count() == 1
