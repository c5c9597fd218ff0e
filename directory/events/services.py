"""Invitation lists, invitation emails with their RSVP links, answers and the waiting list.
Views, admin and commands call these; none of it is about HTTP."""

import datetime
import logging

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from directory.contacts.models import ContactPerson
from directory.exports.models import ExportLog

from .models import Event, Invitation

log = logging.getLogger(__name__)
SALT = "netzpol.events.rsvp-link"
# How the export log names an invitation list (ExportLog.list_name / format).
LOG_LIST_NAME = "einladungsliste"
LOG_FORMAT = "einladung"
# Links stay valid one day after the event ends (they show "registration closed" by then).
LINK_GRACE = datetime.timedelta(days=1)


class LinkError(Exception):
    """Why a link does not open its invitation: not one we signed, too old (`expired`), or
    the invitation no longer goes to the address the link was sent to (`spent`)."""

    def __init__(self, expired=False, spent=False):
        super().__init__("expired" if expired else "spent" if spent else "invalid")
        self.expired = expired
        self.spent = spent


# --- signed links ---------------------------------------------------------------------------


def link_state(invitation):
    """A digest of what a link is bound to: the invitation, its event and the contact's
    address (a link sent to a former address must not answer for whoever reads it now)."""
    state = [invitation.pk, invitation.event_id, (invitation.contact.email or "").lower()]
    digest = salted_hmac(f"{SALT}.state", "|".join(map(str, state)), algorithm="sha256")
    return digest.hexdigest()[:32]


def link_expiry(event):
    return event.ends + LINK_GRACE


def token_for(invitation):
    """A signed token naming exactly one invitation of one event, valid until a day after the
    event ends."""
    expires = int(link_expiry(invitation.event).timestamp())
    payload = {"i": invitation.pk, "e": invitation.event_id, "x": expires}
    return signing.dumps({**payload, "s": link_state(invitation)}, salt=SALT)


def invitation_for(token, now=None):
    """The invitation the token names; LinkError if tampered with, expired or spent."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as exc:
        raise LinkError from exc
    if not isinstance(data, dict) or not all(isinstance(data.get(k), int) for k in "iex"):
        raise LinkError
    invitation = (
        Invitation.objects.select_related("event", "event__format", "contact")
        .filter(pk=data["i"], event_id=data["e"])
        .first()
    )
    if invitation is None:
        raise LinkError
    if not constant_time_compare(str(data.get("s")), link_state(invitation)):
        raise LinkError(spent=True)
    now = now or timezone.now()
    if now.timestamp() > data["x"] or now > link_expiry(invitation.event):
        raise LinkError(expired=True)
    return invitation


def link_for(invitation):
    return settings.NETZPOL_SITE_URL.rstrip("/") + reverse(
        "events:rsvp", kwargs={"token": token_for(invitation)}
    )


# --- building the invitation list -----------------------------------------------------------


def new_invitees(event, contacts):
    """Of `contacts` (a queryset the user may see), those to add: with an email address, each
    address once, and none whose address is already on the event's list."""
    invited = Invitation.objects.filter(event=event).values(email=Lower("contact__email"))
    return (
        contacts.exclude(email="")
        .exclude(pk__in=Invitation.objects.filter(event=event).values("contact_id"))
        .alias(email_lower=Lower("email"))
        .exclude(email_lower__in=invited)
        .one_per_email()
    )


def participants_of(event, user):
    """The contacts who took part in `event`, as far as `user` may see them."""
    taken_part = Invitation.objects.filter(event=event).participants().values("contact_id")
    return ContactPerson.objects.visible_to(user).filter(pk__in=taken_part)


@transaction.atomic
def add_invitations(event, contacts, user, *, query, source):
    """Invite `contacts` (see `new_invitees`) to `event`, and log the list like an export:
    who, when, which filters, how many, which contacts. Returns how many were added."""
    ids = list(contacts.order_by().values_list("pk", flat=True))
    Invitation.objects.bulk_create(
        [Invitation(event=event, contact_id=pk, invited_by=user) for pk in ids],
        ignore_conflicts=True,
    )
    ExportLog.objects.create(
        user=user,
        list_name=LOG_LIST_NAME,
        format=LOG_FORMAT,
        query=query,
        columns=[],
        row_count=len(ids),
        purpose=office_text(source, event),
        contact_ids=ArraySubquery(
            ContactPerson.objects.filter(pk__in=ids).order_by("pk").values("pk")
        )
        if ids
        else [],
    )
    return len(ids)


def office_text(source, event):
    with translation.override(settings.LANGUAGE_CODE):
        return f"{translation.gettext('Invitation list')}: {event.title} (#{event.pk}) – {source}"[
            :300
        ]


def log_event_export(user, event, format, row_count, contact_ids):
    """An attendance list printed or the invitations exported: logged as every export is."""
    return ExportLog.objects.create(
        user=user,
        list_name=f"veranstaltung-{event.pk}"[:40],
        format=format,
        query=f"event={event.pk}",
        columns=[],
        row_count=row_count,
        purpose=office_text(str(ExportLog.Format(format).label), event),
        contact_ids=sorted(contact_ids),
    )


# --- sending --------------------------------------------------------------------------------


def message_for(invitation, connection=None, reminder=False):
    event = invitation.event
    context = {
        "reminder": reminder,
        "event": event,
        "contact": invitation.contact,
        "link": link_for(invitation),
        "site": settings.NETZPOL_SITE_URL.rstrip("/"),
    }
    with translation.override("de"):
        subject = render_to_string("events/email/subject.txt", context).strip()
        text = render_to_string("events/email/invitation.txt", context)
        html = render_to_string("events/email/invitation.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()), text, to=[invitation.contact.email], connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def send_invitations(event, limit=None):
    """Send the invitations of `event` not yet sent, at most `limit` of them (each invitee
    once: a second call sends only what failed, was added since or was beyond the limit).
    Failures are recorded on the invitation and retried by the next call. Returns
    {"sent": n, "failed": n}."""
    counts = {"sent": 0, "failed": 0}
    pending = (
        event.invitations.filter(sent_at__isnull=True)
        .exclude(contact__email="")
        .select_related("contact", "event", "event__format")
        # Never tried first, then the failed ones: a batch is not stuck on a failing address.
        .order_by("send_error", "pk")
    )
    if limit is not None:
        pending = pending[:limit]
    connection = get_connection()
    with connection:
        for invitation in pending.iterator(chunk_size=500):
            try:
                message_for(invitation, connection).send()
            except Exception as exc:
                log.warning("invitation %s failed: %s", invitation.pk, exc)
                invitation.send_error = f"{type(exc).__name__}: {exc}"[:1000]
                invitation.save(update_fields=["send_error", "updated_at"])
                counts["failed"] += 1
                continue
            invitation.sent_at = timezone.now()
            invitation.send_error = ""
            invitation.save(update_fields=["sent_at", "send_error", "updated_at"])
            counts["sent"] += 1
    if counts["sent"] and event.status == Event.Status.PLANNED:
        event.status = Event.Status.INVITED
        event.save(update_fields=["status", "updated_at"])
    return counts


def sending_progress(event):
    """{"sent", "failed", "pending"} of the event's invitations."""
    invitations = event.invitations.all()
    sent = invitations.filter(sent_at__isnull=False).count()
    failed = invitations.filter(sent_at__isnull=True).exclude(send_error="").count()
    return {"sent": sent, "failed": failed, "pending": invitations.count() - sent - failed}


# Reminders go out this many days before the registration deadline.
REMINDER_DAYS = 3


def due_for_reminder(today=None):
    """Invitations sent but not answered (or answered "maybe"), of events whose registration
    closes within REMINDER_DAYS, not yet reminded."""
    today = today or timezone.localdate()
    return (
        Invitation.objects.filter(
            sent_at__isnull=False,
            reminded_at__isnull=True,
            state__in=[Invitation.State.INVITED, Invitation.State.MAYBE],
            event__status=Event.Status.INVITED,
            event__starts_at__gt=timezone.now(),
            event__registration_deadline__gte=today,
            event__registration_deadline__lte=today + datetime.timedelta(days=REMINDER_DAYS),
        )
        .exclude(contact__email="")
        .select_related("contact", "event", "event__format")
        .order_by("pk")
    )


def send_reminders(today=None):
    """Remind each invitee once before the deadline; failures are retried by the next run.
    Returns {"sent": n, "failed": n}."""
    counts = {"sent": 0, "failed": 0}
    connection = get_connection()
    with connection:
        for invitation in due_for_reminder(today).iterator(chunk_size=500):
            try:
                message_for(invitation, connection, reminder=True).send()
            except Exception as exc:
                log.warning("reminder for invitation %s failed: %s", invitation.pk, exc)
                counts["failed"] += 1
                continue
            invitation.reminded_at = timezone.now()
            invitation.save(update_fields=["reminded_at", "updated_at"])
            counts["sent"] += 1
    return counts


# --- answers --------------------------------------------------------------------------------

# What an invitee answers: through their link, or by phone or mail to a coordinator.
GIVEN_ANSWERS = (Invitation.State.ACCEPTED, Invitation.State.DECLINED, Invitation.State.MAYBE)


@transaction.atomic
def answer(invitation, state):
    """Record an answer given through the link or to a coordinator. Returns the state
    recorded: an acceptance when the event is full goes to the waiting list; a place given up
    moves the first on the waiting list up (see `move_up`)."""
    event = Event.objects.select_for_update().get(pk=invitation.event_id)
    # Read again under the event's lock: a second click or a curator's change may have come
    # first, and the answer must start from what is stored, not from what the page loaded.
    current = Invitation.objects.get(pk=invitation.pk)
    was_accepted = current.state == Invitation.State.ACCEPTED
    if state == Invitation.State.ACCEPTED and not was_accepted and event.is_full():
        state = Invitation.State.WAITING
    # Accepting again while waiting keeps the place in the queue (ordered by answered_at).
    keeps_place = state == current.state == Invitation.State.WAITING
    invitation.answered_at = current.answered_at if keeps_place else timezone.now()
    invitation.state = state
    invitation.save(update_fields=["state", "answered_at", "updated_at"])
    if was_accepted and state != Invitation.State.ACCEPTED:
        move_up(event)
    return state


@transaction.atomic
def fill_places(event):
    """Give the free places of `event` to its waiting list, after any change outside the
    answer link (a curator changed an answer, removed an invitee or raised the capacity).
    Returns the invitations moved up; safe to call any number of times."""
    return move_up(Event.objects.select_for_update().get(pk=event.pk))


def move_up(event):
    """Give free places to the waiting list, first come first served (by when they answered),
    and tell each one moved up by email once the transaction commits. The caller holds the
    event's row lock (`select_for_update`): two cancellations at once move up two people, and
    one place is never given twice. Nothing moves for a cancelled event or once it started."""
    if event.status == Event.Status.CANCELLED or event.has_started:
        return []
    moved = []
    while not event.is_full():
        first = (
            event.invitations.filter(state=Invitation.State.WAITING)
            .order_by(F("answered_at").asc(nulls_last=True), "pk")
            .first()
        )
        if first is None:
            break
        first.state = Invitation.State.ACCEPTED
        first.save(update_fields=["state", "updated_at"])
        moved.append(first.pk)
    if moved:
        transaction.on_commit(lambda: send_moved_up(moved))
    # Then guests who registered through the public page and wait without a contact.
    from .registration_services import move_up_registrations, send_accepted

    guests = move_up_registrations(event)
    if guests:
        transaction.on_commit(lambda: [send_accepted(g, moved_up=True) for g in guests])
    return moved


def moved_up_message(invitation, connection=None):
    """The email telling an invitee from the waiting list that they have a place: German
    first, English below, text and HTML, with their answer link (to give the place back)."""
    context = {
        "event": invitation.event,
        "contact": invitation.contact,
        "link": link_for(invitation),
        "site": settings.NETZPOL_SITE_URL.rstrip("/"),
    }
    with translation.override("de"):
        subject = render_to_string("events/email/moved_up_subject.txt", context).strip()
        text = render_to_string("events/email/moved_up.txt", context)
        html = render_to_string("events/email/moved_up.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()), text, to=[invitation.contact.email], connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def send_moved_up(invitation_ids):
    """Mail the invitees moved up (each once: called once per move, after it committed). A
    failure is logged and noted on the invitation (`send_error`), for the office to follow up
    by hand; the place stays given. Returns {"sent": n, "failed": n}."""
    counts = {"sent": 0, "failed": 0}
    invitations = (
        Invitation.objects.filter(pk__in=invitation_ids, state=Invitation.State.ACCEPTED)
        .exclude(contact__email="")
        .select_related("contact", "event", "event__format")
        .order_by("pk")
    )
    connection = get_connection()
    with connection:
        for invitation in invitations:
            try:
                moved_up_message(invitation, connection).send()
            except Exception as exc:
                log.warning("moved-up email for invitation %s failed: %s", invitation.pk, exc)
                invitation.send_error = f"{type(exc).__name__}: {exc}"[:1000]
                invitation.save(update_fields=["send_error", "updated_at"])
                counts["failed"] += 1
                continue
            counts["sent"] += 1
    return counts
