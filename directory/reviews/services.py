"""The currency workflow: signed links, confirmation emails, reminders, correction requests and
retention. Views, admin and commands call these; none of it is about HTTP."""

import datetime
import logging

import pghistory
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from directory.contacts.models import ANONYMOUS_TITLE, ContactPerson, Visibility

from .entries import REVIEWABLE, reviewable_of
from .models import Anonymisation, ConfirmationEmail, CorrectionRequest

log = logging.getLogger(__name__)
SALT = "netzpol.reviews.confirmation-link"


class LinkError(Exception):
    """The link is not one we signed (`expired` False) or is too old (`expired` True)."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


# --- signed links ---------------------------------------------------------------------------


def token_for(entry):
    """A signed token naming exactly one entry, for the confirmation link only (own salt)."""
    return signing.dumps({"k": reviewable_of(entry).key, "id": entry.pk}, salt=SALT)


def entry_for(token):
    """(reviewable, entry) the token names; LinkError if tampered with or expired;
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
    return reviewable, reviewable.model.objects.filter(pk=data["id"]).first()


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
    return [
        (entry._meta.get_field(name).verbose_name, getattr(entry, name))
        for name in reviewable.fields
    ]


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
            reviewable.model.objects.filter(Q(review_due__isnull=True) | Q(review_due__lte=today))
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
    """ "Still correct": verified today by the person, recorded in the entry's history."""
    with pghistory.context(confirmation="self"):
        entry.confirm_by_self()
        entry.save(update_fields=["verified_on", "verified_by", "self_confirmed", "review_due"])


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
        raise ValueError("the entry no longer exists")
    with pghistory.context(correction_request=request_.pk):
        if request_.kind == CorrectionRequest.Kind.REMOVAL:
            anonymise(entry, user, reason=f"removal requested (request #{request_.pk})")
        else:
            for name, value in request_.proposed.items():
                setattr(entry, name, value)
            entry.full_clean(exclude=["search_vector", "lineage", "path"])
            entry.mark_verified(user)
            entry.save()
    decide(request_, user, CorrectionRequest.Status.APPLIED)


def reject_request(request_, user, note):
    request_.note = note
    decide(request_, user, CorrectionRequest.Status.REJECTED)


def decide(request_, user, status):
    request_.status = status
    request_.decided_by = user
    request_.decided_at = timezone.now()
    request_.save()


# --- retention ------------------------------------------------------------------------------

PERSONAL_FIELDS = [
    "salutation",
    "first_name",
    "last_name",
    "function",
    "email",
    "email_secondary",
    "phone",
    "mobile",
    "staff_notes",
]


def past_retention(today=None):
    return ContactPerson.objects.past_retention(today).order_by("pk")


@transaction.atomic
def anonymise(contact, user, reason):
    """Remove every personal detail from the contact and its history; keep an audit record."""
    for name in PERSONAL_FIELDS:
        setattr(contact, name, "")
    contact.functional_title = ANONYMOUS_TITLE
    contact.visibility = Visibility.STAFF
    contact.consent_given_on = None
    contact.consent_basis = ""
    contact.consent_recorded_by = None
    contact.save()
    contact.topics.clear()
    contact.languages.clear()
    # The history and the person's own requests hold the same data: blank them too.
    contact.events.update(
        **dict.fromkeys(PERSONAL_FIELDS, ""),
        functional_title=ANONYMOUS_TITLE,
        consent_given_on=None,
    )
    CorrectionRequest.objects.filter(entry_kind="contact", entry_id=contact.pk).update(
        proposed={}, message=""
    )
    Anonymisation.objects.create(contact_id=contact.pk, done_by=user, reason=reason)


def apply_retention(user=None, today=None):
    """Anonymise every contact past retention; returns how many."""
    contacts = list(past_retention(today))
    months = settings.NETZPOL_RETENTION_MONTHS
    for contact in contacts:
        anonymise(contact, user, reason=f"not confirmed for {months} months")
    return len(contacts)
