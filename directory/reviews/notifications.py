"""Telling the listed person what became of their request: applied, rejected, or their entry
removed. Plain German text; never a curator's note. The mail goes out once the decision is
committed, and a failed send is logged, never raised: the decision stands either way."""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import CorrectionRequest

log = logging.getLogger(__name__)


def recipients(request_, entry):
    """Where to write, read before the decision changes the entry: the address the request came
    through (the entry's, to which the link was sent) and, when the correction gives a new
    address, that one too."""
    addresses = [(entry.email or "").strip()]
    if request_.kind == CorrectionRequest.Kind.CORRECTION:
        addresses.append(str(request_.proposed.get("email") or "").strip())
    return list(dict.fromkeys(address for address in addresses if address))


def describe(entry, reviewable):
    """How the mail names the entry: a person's entry is "your entry", an organisation's or a
    police unit's by its name (read before a removal blanks anything)."""
    return {"kind": reviewable.key, "name": str(entry)}


def notify_decision(request_, to, entry_name, fields=()):
    """Send the mail about `request_` (decided) to `to` once the transaction commits.

    `fields` are (label, value) pairs of the entry as it now stands (for an applied
    correction)."""
    if not to:
        return
    context = {
        "request": request_,
        "entry": entry_name,
        "fields": list(fields),
        "applied": request_.status == CorrectionRequest.Status.APPLIED,
        "removal": request_.kind == CorrectionRequest.Kind.REMOVAL,
    }
    with translation.override("de"):
        subject = render_to_string("reviews/email/decision_subject.txt", context).strip()
        text = render_to_string("reviews/email/decision.txt", context)

    def send():
        try:
            send_mail(subject, text, None, to)
        except Exception as exc:
            log.warning("decision email for request #%s failed: %s", request_.pk, exc)

    transaction.on_commit(send)
