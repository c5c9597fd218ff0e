"""Subject access (Art. 15 DSGVO): everything the directory stores about one contact person."""

from django.forms.models import model_to_dict
from django.utils.translation import gettext as _
from pghistory.models import Events

from directory.api.models import ApiLog
from directory.contacts.models import COMPUTED_FIELDS
from directory.core.history import format_moment, format_value, load_names, readable_events
from directory.events.models import Invitation, Registration, registrations_of
from directory.exports.models import ExportLog
from directory.requests.models import OfficeRequest
from directory.reviews.models import ConfirmationEmail, CorrectionRequest

# Kept by database triggers for search, filters and sorting, derived from other data: not the
# person's.
COMPUTED = set(COMPUTED_FIELDS)
HISTORY_BOOKKEEPING = {"pgh_id", "pgh_obj", "pgh_context_id", *COMPUTED}


def plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value if isinstance(value, int | float | bool | type(None)) else str(value)


def subject_access_report(contact):
    """A JSON-ready dict: stored fields, links, history, exports, emails and requests."""
    fields = {
        str(field.verbose_name): plain(getattr(contact, field.attname))
        for field in contact._meta.concrete_fields
        if field.name not in COMPUTED
    }
    fields[str(_("affiliation"))] = str(contact.affiliation)
    history = [
        {
            "at": plain(event.pgh_created_at),
            "change": event.pgh_label,
            "context": event.pgh_context,
            "values": {
                key: plain(value)
                for key, value in model_to_dict(event).items()
                if key not in HISTORY_BOOKKEEPING
            },
        }
        for event in contact.events.order_by("pgh_id")
    ]
    exports = [
        {
            "at": plain(log.created_at),
            "by": str(log.user),
            "format": log.format,
            "purpose": log.purpose,
            "rows": log.row_count,
        }
        for log in ExportLog.objects.filter(contact_ids__contains=[contact.pk]).select_related(
            "user"
        )
    ]
    api_requests = [
        {"at": plain(log.created_at), "by": str(log.user), "endpoint": log.endpoint}
        for log in api_log_of(contact)
    ]
    emails = [
        {"at": plain(e.created_at), "to": e.recipient, "status": e.status}
        for e in ConfirmationEmail.objects.filter(entry_kind="contact", entry_id=contact.pk)
    ]
    requests = [
        {"at": plain(r.created_at), "kind": r.kind, "status": r.status, "proposed": r.proposed}
        for r in CorrectionRequest.objects.filter(entry_kind="contact", entry_id=contact.pk)
    ]
    invitations = [
        {
            "event": invitation.event.title,
            "starts_at": plain(invitation.event.starts_at),
            "answer": invitation.state,
            "answered_at": plain(invitation.answered_at),
            "attendance": invitation.attendance,
            "note": invitation.note,
        }
        for invitation in invitations_of(contact)
    ]
    office_requests = [
        {
            "at": plain(r.created_at),
            "reason": r.reason,
            "status": r.status,
            "name": r.name,
            "email": r.email,
            "phone": r.phone,
            "message": r.message,
        }
        for r in office_requests_of(contact)
    ]
    event_registrations = [
        {
            "at": plain(r.created_at),
            "event": r.event.title,
            "first_name": r.first_name,
            "last_name": r.last_name,
            "organisation": r.organisation_name,
            "function": r.function,
            "email": r.email,
            "phone": r.phone,
            "note": r.note,
            "consent": r.consent_text,
            "consent_at": plain(r.consent_at),
            "status": r.status,
            "attendance": r.attendance,
        }
        for r in event_registrations_of(contact)
    ]
    return {
        "contact_id": contact.pk,
        "fields": fields,
        "topics": [t.name for t in contact.topics.all()],
        "languages": [language.name for language in contact.languages.all()],
        "history": history,
        "exports": exports,
        "api_requests": api_requests,
        "confirmation_emails": emails,
        "requests": requests,
        "invitations": invitations,
        "office_requests": office_requests,
        "event_registrations": event_registrations,
    }


def invitations_of(contact):
    """Invitations to exchange formats, with the answer and attendance."""
    return Invitation.objects.filter(contact=contact).select_related("event").order_by("pk")


def office_requests_of(contact):
    """Requests to the office sent from the person's address (linked when they came in)."""
    return OfficeRequest.objects.filter(requester=contact).order_by("created_at")


def event_registrations_of(contact):
    """Registrations through a public event page, linked to the person or from their own
    address (the same rows erasure takes)."""
    return (
        Registration.objects.filter(registrations_of(contact))
        .select_related("event")
        .order_by("created_at", "pk")
    )


def api_log_of(contact):
    """Requests through the API (with a personal token) that delivered the contact's data."""
    return ApiLog.objects.filter(contact_ids__contains=[contact.pk]).select_related("user")


def readable_report(contact):
    """The report as the HTML page shows it: German labels, names instead of ids, choice labels
    instead of codes, local dates (the JSON download keeps the stored values)."""
    shown = [f for f in contact._meta.concrete_fields if f.name not in {*COMPUTED, "id"}]
    linked = {
        (f.related_model, getattr(contact, f.attname))
        for f in shown
        if f.many_to_one and getattr(contact, f.attname)
    }
    names = load_names(linked)
    fields = [
        (field.verbose_name, format_value(field, plain(getattr(contact, field.attname)), names))
        for field in shown
    ]
    fields.insert(0, (_("affiliation"), str(contact.affiliation)))
    history = readable_events(Events.objects.tracks(contact).order_by("pgh_created_at", "pgh_id"))
    exports = ExportLog.objects.filter(contact_ids__contains=[contact.pk]).select_related("user")
    emails = ConfirmationEmail.objects.filter(entry_kind="contact", entry_id=contact.pk)
    requests = CorrectionRequest.objects.filter(entry_kind="contact", entry_id=contact.pk)
    return {
        "fields": fields,
        "topics": [t.name for t in contact.topics.all()],
        "languages": [language.name for language in contact.languages.all()],
        "history": history,
        "exports": [
            {
                "at": format_moment(log.created_at),
                "by": log.user.get_full_name() or log.user.get_username(),
                "format": log.get_format_display(),
                "purpose": log.purpose,
                "rows": log.row_count,
            }
            for log in exports
        ]
        + [
            {
                "at": format_moment(log.created_at),
                "by": log.user.get_full_name() or log.user.get_username(),
                "format": _("API (%(endpoint)s)") % {"endpoint": log.endpoint},
                "purpose": "",
                "rows": log.row_count,
            }
            for log in api_log_of(contact)
        ],
        "invitations": [
            {
                "event": invitation.event.title,
                "starts_at": format_moment(invitation.event.starts_at),
                "answer": invitation.get_state_display(),
                "attendance": invitation.get_attendance_display(),
            }
            for invitation in invitations_of(contact)
        ],
        "office_requests": [
            {
                "at": format_moment(r.created_at),
                "reason": r.get_reason_display(),
                "status": r.get_status_display(),
            }
            for r in office_requests_of(contact)
        ],
        "event_registrations": [
            {
                "at": format_moment(r.created_at),
                "event": r.event.title,
                "name": r.full_name,
                "organisation": r.organisation_name,
                "email": r.email,
                "status": r.get_status_display(),
                "attendance": r.get_attendance_display(),
            }
            for r in event_registrations_of(contact)
        ],
        "emails": [
            {"at": format_moment(e.created_at), "to": e.recipient, "status": e.get_status_display()}
            for e in emails
        ],
        "requests": [
            {
                "at": format_moment(r.created_at),
                "kind": r.get_kind_display(),
                "status": r.get_status_display(),
            }
            for r in requests
        ],
    }


def processing_record():
    """The record of processing activities (Art. 30 DSGVO), from the models that declare
    `personal_data`, plus the user accounts."""
    from django.contrib.auth import get_user_model

    from directory.core import personal_data

    user_model = get_user_model()
    declared = {user_model: {
        "fields": ["username", "first_name", "last_name", "email", "last_login"],
        "purpose": _("Accounts of members, coordinators and curators"),
        "basis": _("Membership agreement (Art. 6(1)(b) DSGVO)"),
        "recipients": _("The office"),
        "retention": _("Until the account is deleted"),
    }}  # fmt: skip
    for model in personal_data.declaring_models():
        declared[model] = model.personal_data
    return [
        {
            "name": model._meta.verbose_name_plural,
            "fields": [str(model._meta.get_field(name).verbose_name) for name in info["fields"]],
            **{key: info[key] for key in ("purpose", "basis", "recipients", "retention")},
        }
        for model, info in declared.items()
    ]
