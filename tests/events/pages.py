"""The events pages, one of each kind, for the browser checks (axe, Nu Html Checker) in
tests/browser: built here so those tests name only what they check."""

import datetime

from django.urls import reverse
from django.utils import timezone

from directory.events import services
from tests.factories import (
    ContactPersonFactory,
    EventFactory,
    InvitationFactory,
    OrganisationFactory,
    RegistrationFactory,
    TopicFactory,
)


def event_pages():
    topic = TopicFactory(name="Racial Profiling")
    organisation = OrganisationFactory(name="Dialog e.V.")
    upcoming = EventFactory(
        title="Offene Konferenz Dortmund",
        topics=[topic],
        capacity=30,
        registration_deadline=timezone.localdate() + datetime.timedelta(days=7),
        description="Weitere Organisationen können teilnehmen und sich vorstellen.",
    )
    upcoming.organisations.add(organisation)
    past = EventFactory(
        title="Forum Vertrauen",
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2) + datetime.timedelta(hours=3),
    )
    contact = ContactPersonFactory(organisation=organisation, last_name="Kaya", topics=[topic])
    invitation = InvitationFactory(event=upcoming, contact=contact, state="accepted")
    InvitationFactory(event=past, contact=contact, state="accepted", attendance="attended")
    InvitationFactory(event=past, state="maybe")
    # A guest (registration with a place) on the attendance screen and the printed list.
    RegistrationFactory(event=past, status="accepted", last_name="Gastmann")
    conference = EventFactory(
        title="Offene Konferenz: Gemeinsam gegen Hasskriminalität",
        visibility="public",
        public_registration=True,
        capacity=120,
        registration_deadline=timezone.localdate() + datetime.timedelta(days=14),
    )
    RegistrationFactory(event=conference, status="accepted", last_name="Aksoy")
    return [
        "/veranstaltungen/",
        f"/veranstaltungen/?topic={topic.pk}&period=upcoming&sort=date",
        "/veranstaltungen/?q=Konferenzen",
        "/suche/?q=Konferenz",
        upcoming.get_absolute_url(),
        past.get_absolute_url(),
        f"{reverse('events:build_list', args=[upcoming.pk])}?topic={topic.pk}",
        reverse("events:attendance", args=[past.pk]),
        reverse("events:attendance_sheet", args=[past.pk]),
        reverse("events:rsvp", args=[services.token_for(invitation)]),
        reverse("events:rsvp", args=["kaputt"]),
        contact.get_absolute_url(),
        organisation.get_absolute_url(),
        conference.get_absolute_url(),
        reverse("events:register", args=[conference.pk]),
        reverse("events:registered", args=[conference.pk]),
        reverse("events:feed_manage"),
    ]
