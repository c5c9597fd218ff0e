"""The currency workflow: signed links, confirmation emails, reminders, correction requests and
retention. Views, admin and commands call these; none of it is about HTTP."""

import datetime
import logging

import pghistory
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext, gettext_noop

from directory.contacts.models import ContactPerson
from directory.core import personal_data

from . import notifications
from .entries import REVIEWABLE, reviewable_of
from .models import Anonymisation, ConfirmationEmail, CorrectionRequest

log = logging.getLogger(__name__)
SALT = "netzpol.reviews.confirmation-link"


class LinkError(Exception):
    """Why a link does not open its entry: not one we signed, too old (`expired`), or the entry
    is no longer in the state the link was sent for (`spent`)."""

    def __init__(self, expired=False, spent=False):
        super().__init__("expired" if expired else "spent" if spent else "invalid")
        self.expired = expired
        self.spent = spent


# --- signed links ---------------------------------------------------------------------------


def link_state(entry):
    """A digest of what a link is bound to, as Django's password reset token hashes the user.

    The recipient address (a link sent to a former address must not show the entry to whoever
    reads that mailbox now), the last verification (by the office or the person), and the last
    answer given through any link: a self-confirmation (its history event; `confirm` always
    writes one, even on a day the entry was already confirmed) and the last correction or
    removal request. Any of them changing spends every link sent before."""
    reviewable = reviewable_of(entry)
    last_confirmation = entry.events.filter(pgh_context__confirmation="self").aggregate(
        last=Max("pgh_id")
    )["last"]
    last_request = CorrectionRequest.objects.filter(
        entry_kind=reviewable.key, entry_id=entry.pk
    ).aggregate(last=Max("pk"))["last"]
    state = [
        recipient_of(entry),
        entry.verified_on,
        entry.verified_by_id,
        entry.self_confirmed,
        last_confirmation,
        last_request,
    ]
    digest = salted_hmac(f"{SALT}.state", "|".join(map(str, state)), algorithm="sha256")
    return digest.hexdigest()[:32]


def token_for(entry):
    """A signed token naming exactly one entry in its current state (see `link_state`), for the
    confirmation link only (own salt)."""
    return signing.dumps(
        {"k": reviewable_of(entry).key, "id": entry.pk, "s": link_state(entry)}, salt=SALT
    )


def entry_for(token):
    """(reviewable, entry) the token names; LinkError if tampered with, expired or spent;
    entry is None when it no longer exists."""
    max_age = datetime.timedelta(days=settings.NETZPOL_CONFIRMATION_LINK_DAYS)
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise LinkError(expired=True) from exc
    except signing.BadSignature as exc:
        raise LinkError from exc
    reviewable = REVIEWABLE.get(data.get("k")) if isinstance(data, dict) else None
    if reviewable is None or not isinstance(data.get("id"), int):
        raise LinkError
    entry = reviewable.model.objects.filter(pk=data["id"]).first()
    # Links signed before they carried a state have none: spent as well.
    if entry is not None and not constant_time_compare(str(data.get("s")), link_state(entry)):
        raise LinkError(spent=True)
    return reviewable, entry


def link_for(entry):
    return settings.NETZPOL_SITE_URL.rstrip("/") + reverse(
        "reviews:confirm", kwargs={"token": token_for(entry)}
    )


# --- emails ---------------------------------------------------------------------------------


def recipient_of(entry):
    return (entry.email or "").strip()


def send_confirmation(entry, requested_by=None):
    """Send one "please confirm your entry" email (German, English below; text and HTML).

    Returns the ConfirmationEmail record; a failure is recorded, never raised."""
    reviewable = reviewable_of(entry)
    recipient = recipient_of(entry)
    record = ConfirmationEmail(
        entry_kind=reviewable.key, entry_id=entry.pk, recipient=recipient, requested_by=requested_by
    )
    context = {
        "entry": entry,
        "fields": shown_fields(entry),
        "link": link_for(entry),
        "days": settings.NETZPOL_CONFIRMATION_LINK_DAYS,
    }
    try:
        with translation.override("de"):
            subject = render_to_string("reviews/email/subject.txt", context).strip()
            text = render_to_string("reviews/email/confirm.txt", context)
            html = render_to_string("reviews/email/confirm.html", context)
        message = EmailMultiAlternatives(subject, text, to=[recipient])
        message.attach_alternative(html, "text/html")
        message.send()
        record.status = ConfirmationEmail.Status.SENT
    except Exception as exc:
        log.warning("confirmation email to %s failed: %s", recipient, exc)
        record.status = ConfirmationEmail.Status.FAILED
        record.error = f"{type(exc).__name__}: {exc}"[:1000]
    record.save()
    return record


def shown_fields(entry):
    """(label, value) of the fields the listed person sees and may correct."""
    reviewable = reviewable_of(entry)
    fields = [entry._meta.get_field(name) for name in reviewable.fields]
    # A choice (the form of address) by its label: "Frau", not "frau".
    return [
        (field.verbose_name, entry._get_FIELD_display(field) if field.choices else
         getattr(entry, field.name))
        for field in fields
    ]  # fmt: skip


def due_for_reminder(today=None):
    """Entries to ask now: due or never verified, with an email, and not asked successfully
    within the reminder interval (failed sends are retried)."""
    today = today or timezone.localdate()
    since = timezone.now() - datetime.timedelta(days=settings.NETZPOL_REMINDER_INTERVAL_DAYS)
    for reviewable in REVIEWABLE.values():
        recently = ConfirmationEmail.objects.filter(
            entry_kind=reviewable.key, status=ConfirmationEmail.Status.SENT, created_at__gte=since
        ).values("entry_id")
        entries = (
            reviewable.model.objects.stale(today)
            .exclude(email="")
            .exclude(pk__in=recently)
            .order_by("pk")
        )
        yield from entries.iterator()


def send_review_reminders(today=None):
    """Send due reminders; returns counts {"sent": n, "failed": n}."""
    counts = {"sent": 0, "failed": 0}
    for entry in list(due_for_reminder(today)):
        record = send_confirmation(entry)
        counts[record.status] += 1
    return counts


# --- the listed person's answers --------------------------------------------------------------


def confirm(entry):
    """ "Still correct": verified today by the person, recorded in the entry's history.

    `updated_at` changes every time, so the history gets an event even when the entry was
    already confirmed today: that event is what spends the link (see `link_state`)."""
    with pghistory.context(confirmation="self"):
        entry.confirm_by_self()
        entry.save(
            update_fields=[
                "verified_on",
                "verified_by",
                "self_confirmed",
                "review_due",
                "updated_at",
            ]
        )


def request_correction(entry, proposed, message=""):
    reviewable = reviewable_of(entry)
    changed = {
        name: value
        for name, value in proposed.items()
        if name in reviewable.fields and value != getattr(entry, name)
    }
    return CorrectionRequest.objects.create(
        entry_kind=reviewable.key,
        entry_id=entry.pk,
        kind=CorrectionRequest.Kind.CORRECTION,
        proposed=changed,
        message=message,
    )


def request_removal(entry, message=""):
    return CorrectionRequest.objects.create(
        entry_kind=reviewable_of(entry).key,
        entry_id=entry.pk,
        kind=CorrectionRequest.Kind.REMOVAL,
        message=message,
    )


# --- curators' decisions --------------------------------------------------------------------


@transaction.atomic
def apply_request(request_, user):
    """Write the proposed values (validated like an admin edit) and mark the entry verified;
    for a removal, anonymise the contact."""
    entry = request_.entry
    if entry is None:
        raise ValueError(gettext("The entry no longer exists."))
    # Read before a removal blanks the address and the name.
    to = notifications.recipients(request_, entry)
    named = notifications.describe(entry, reviewable_of(entry))
    with pghistory.context(correction_request=request_.pk):
        if request_.kind == CorrectionRequest.Kind.REMOVAL:
            reason = office_text(
                gettext_noop("removal requested (request #%(id)s)"), id=request_.pk
            )
            anonymise(entry, user, reason=reason)
        else:
            for name, value in request_.proposed.items():
                setattr(entry, name, value)
            entry.full_clean(exclude=["search_vector", "lineage", "path"])
            entry.mark_verified(user)
            entry.save()
    decide(request_, user, CorrectionRequest.Status.APPLIED)
    fields = shown_fields(entry) if request_.kind == CorrectionRequest.Kind.CORRECTION else ()
    notifications.notify_decision(request_, to, named, fields)


def reject_request(request_, user, note):
    """Keep the entry as it is; the person is told (without the note, which is the office's)."""
    request_.note = note
    decide(request_, user, CorrectionRequest.Status.REJECTED)
    entry = request_.entry
    if entry is not None:
        to = notifications.recipients(request_, entry)[:1]
        notifications.notify_decision(
            request_, to, notifications.describe(entry, request_.reviewable)
        )


def office_text(message, **params):
    """`message` (marked with gettext_noop) in the office's language, for records curators read
    later (audit reasons), whatever the language of the session that wrote them."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(message) % params


def decide(request_, user, status):
    request_.status = status
    request_.decided_by = user
    request_.decided_at = timezone.now()
    request_.save()


# --- retention ------------------------------------------------------------------------------


def past_retention(today=None):
    return ContactPerson.objects.past_retention(today).order_by("pk")


@transaction.atomic
def anonymise(contact, user, reason):
    """Erase the contact's personal data wherever a model declares some about them (the entry,
    its history, their emails and requests: `personal_data["of_contact"]`); keep an audit
    record."""
    for model in personal_data.declaring_models():
        of_contact = model.personal_data["of_contact"]
        if of_contact is not None:
            personal_data.erase(model.objects.filter(of_contact(contact)))
    contact.topics.clear()
    contact.languages.clear()
    contact.refresh_from_db()
    Anonymisation.objects.create(contact_id=contact.pk, done_by=user, reason=reason)


def apply_retention(user=None, today=None):
    """Anonymise every contact past retention; returns how many."""
    contacts = list(past_retention(today))
    months = settings.NETZPOL_RETENTION_MONTHS
    reason = office_text(gettext_noop("not confirmed for %(months)s months"), months=months)
    for contact in contacts:
        anonymise(contact, user, reason=reason)
    return len(contacts)
