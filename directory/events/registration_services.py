"""Registrations through an event's public page, apart from HTTP: storing them, the curator's
decision, the mails to the person, the waiting list of registrations, retention.

A registration accepted with a linked contact person becomes (or answers) that contact's
invitation, so it shows and counts wherever invitations do; one accepted without a contact holds
a place of its own (`Event.accepted_count`). Until a curator accepts it, a registration is
neither shown nor counted anywhere outside the admin."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from directory.contacts.models import ContactPerson

from . import services
from .models import Event, Invitation, Registration

log = logging.getLogger(__name__)


def matching_contact(email):
    """The contact person whose own address this is, if exactly one (never a functional
    mailbox: its address is shared)."""
    contacts = list(
        ContactPerson.objects.filter(email__iexact=email).exclude(last_name="").order_by("pk")[:2]
    )
    return contacts[0] if len(contacts) == 1 else None


def create_registration(event, data, consent_text):
    return Registration.objects.create(
        event=event,
        first_name=data["first_name"],
        last_name=data["last_name"],
        organisation_name=data["organisation_name"],
        function=data["function"],
        email=data["email"],
        phone=data["phone"],
        note=data["note"],
        consent_text=consent_text,
        consent_at=timezone.now(),
        contact=matching_contact(data["email"]),
    )


# --- mails ------------------------------------------------------------------------------------


def send_mail_about(registration, template, **context):
    """A mail to the person, German first, English below (the template holds both). A failure
    is logged; the registration and the decision stand. Returns whether it was sent."""
    context = {
        "registration": registration,
        "event": registration.event,
        "site": settings.NETZPOL_SITE_URL.rstrip("/"),
        **context,
    }
    with translation.override("de"):
        subject = render_to_string("events/email/registration_subject.txt", context)
        body = render_to_string(template, context)
    try:
        EmailMessage(" ".join(subject.split()), body, to=[registration.email]).send()
    except OSError:
        log.exception("Mail about registration %s failed", registration.pk)
        return False
    return True


def send_received(registration):
    return send_mail_about(registration, "events/email/registration_received.txt")


def send_accepted(registration, moved_up=False):
    invitation = registration.invitation
    link = services.link_for(invitation) if invitation else ""
    sent = send_mail_about(
        registration, "events/email/registration_accepted.txt", link=link, moved_up=moved_up
    )
    if sent and invitation and invitation.sent_at is None:
        # The mail carries the invitation's answer link: no invitation mail is needed after it.
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at", "updated_at"])
    return sent


# --- the curator's decision -------------------------------------------------------------------


class AlreadyRegistered(Exception):
    """The person already holds a place or a waiting-list place at the event."""


def accept(registration, user):
    """Accept a new registration, or give a place to one on the waiting list. Returns the
    status: accepted, or waiting when the event is full. The person is told by mail. Raises
    AlreadyRegistered for a second registration of someone already accepted."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status in (Registration.Status.ACCEPTED, Registration.Status.DECLINED):
            return registration.status
        if is_duplicate(registration):
            raise AlreadyRegistered
        was_waiting = registration.status == Registration.Status.WAITING
        if registration.contact_id:
            status = accept_as_invitation(registration, event, user)
        else:
            status = (
                Registration.Status.WAITING if event.is_full() else Registration.Status.ACCEPTED
            )
        if was_waiting and status == Registration.Status.WAITING:
            return status  # still no place: nothing changes, nobody is told again
        registration.status = status
        registration.decided_at = timezone.now()
        registration.decided_by = user
        registration.save()
    registration.event = event
    send_accepted(registration, moved_up=was_waiting)
    return status


def is_duplicate(registration):
    """Another registration for the event from the same address, or of the same contact,
    already accepted or waiting."""
    others = registration.event.registrations.exclude(pk=registration.pk).filter(
        status__in=[Registration.Status.ACCEPTED, Registration.Status.WAITING]
    )
    same = Q(email__iexact=registration.email)
    if registration.contact_id:
        same |= Q(contact_id=registration.contact_id)
    return others.filter(same).exists()


def accept_as_invitation(registration, event, user):
    """The linked contact's invitation, accepted (or on the waiting list when full)."""
    invitation, _ = Invitation.objects.get_or_create(
        event=event, contact_id=registration.contact_id, defaults={"invited_by": user}
    )
    state = services.answer(invitation, Invitation.State.ACCEPTED)
    registration.invitation = invitation
    return (
        Registration.Status.ACCEPTED
        if state == Invitation.State.ACCEPTED
        else Registration.Status.WAITING
    )


def decline(registration, user):
    """Decline a registration (or cancel an accepted one: its place goes to the waiting
    list). No mail: the office writes personally where a reason is owed."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.DECLINED:
            return False
        held_place = registration.status == Registration.Status.ACCEPTED
        registration.status = Registration.Status.DECLINED
        registration.decided_at = timezone.now()
        registration.decided_by = user
        registration.save()
        # The place goes to the waiting list, invitees and guests (services.move_up), who
        # are mailed once the decision is saved.
        if registration.invitation_id:
            services.answer(registration.invitation, Invitation.State.DECLINED)
        elif held_place:
            services.move_up(event)
    return True


def move_up_registrations(event):
    """Give free places to registrations on the waiting list (without a contact: the linked
    ones wait as invitations), first decided first. Returns those moved up."""
    moved = []
    while not event.is_full():
        first = (
            event.registrations.filter(status=Registration.Status.WAITING, invitation__isnull=True)
            .order_by("decided_at", "pk")
            .first()
        )
        if first is None:
            break
        first.status = Registration.Status.ACCEPTED
        first.save(update_fields=["status"])
        moved.append(first)
    return moved


def accepted_for(event):
    """What coordinators see of the registrations: those accepted or on the waiting list
    without a contact (a linked one is shown as its contact's invitation, to those who may
    see the contact); never the undecided or declined."""
    return event.registrations.filter(
        status__in=[Registration.Status.ACCEPTED, Registration.Status.WAITING],
        invitation__isnull=True,
    ).order_by("last_name", "first_name", "pk")


def guests_of(event):
    """The guests on the attendance screen, sheet and exports: registrations accepted with a
    place of their own (not the waiting list; a linked one is its contact's invitation)."""
    return event.registrations.holding_a_place().order_by("last_name", "first_name", "pk")


# --- retention --------------------------------------------------------------------------------


def past_retention(today=None):
    return Registration.objects.past_retention(today).select_related("event").order_by("pk")


def apply_retention(today=None):
    """Delete every registration past retention; returns how many. Invitations made from them
    stay: they are the contact's and kept under the contact's rules."""
    count, _ = Registration.objects.filter(
        pk__in=Registration.objects.past_retention(today).values("pk")
    ).delete()
    return count
