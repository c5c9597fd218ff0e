"""What the office does with requests, apart from HTTP: confirmation mails, drafts and their
acceptance, retention."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from directory.contacts.models import ContactPerson
from directory.core import personal_data
from directory.organisations.models import Organisation

from .models import DirectoryDraft, OfficeRequest

logger = logging.getLogger(__name__)


def confirmation_text(office_request):
    """The confirmation mail: German first, English below."""
    parts = []
    for language in ("de", "en"):
        with translation.override(language):
            parts.append(
                render_to_string(
                    "requests/confirmation_email.txt",
                    {"request": office_request, "site_url": settings.NETZPOL_SITE_URL},
                ).strip()
            )
    return "\n\n----------------------------------------\n\n".join(parts) + "\n"


def send_confirmation(office_request):
    """Confirm receipt to the requester; a failed mail is logged, the request is kept."""
    with translation.override("de"):
        subject = translation.gettext("Your request to NetZPol")
    try:
        send_mail(
            f"{subject} / Your request to NetZPol",
            confirmation_text(office_request),
            None,
            [office_request.email],
        )
    except OSError:
        logger.exception("Confirmation mail for request %s failed", office_request.pk)
        return False
    return True


def draft_from_request(office_request):
    """A draft organisation and contact from a request to be listed (nothing in the directory
    yet); the curator completes it and accepts it."""
    first, _, last = office_request.name.rpartition(" ")
    draft = DirectoryDraft.objects.create(
        request=office_request,
        organisation_name=office_request.organisation or office_request.name,
        region=office_request.region,
        description=office_request.message,
        contact_first_name=first,
        contact_last_name=last,
        contact_email=office_request.email,
        contact_phone=office_request.phone,
    )
    draft.topics.set(office_request.topics.all())
    return draft


@transaction.atomic
def accept_draft(draft, user):
    """Put the draft into the directory: the organisation without a public profile and its
    contact visible to the office only, until a curator records consent and opens them."""
    organisation = Organisation.objects.create(
        name=draft.organisation_name,
        legal_form=draft.legal_form,
        kind=draft.kind,
        city=draft.city,
        website=draft.website,
        email=draft.organisation_email,
        description=draft.description,
        is_public=False,
    )
    organisation.topics.set(draft.topics.all())
    if draft.region_id:
        organisation.regions.set([draft.region_id])
    contact = None
    if draft.contact_last_name:
        contact = ContactPerson.objects.create(
            organisation=organisation,
            first_name=draft.contact_first_name,
            last_name=draft.contact_last_name,
            function=draft.contact_function,
            email=draft.contact_email,
            phone=draft.contact_phone,
        )
    draft.status = DirectoryDraft.Status.ACCEPTED
    draft.decided_at = timezone.now()
    draft.decided_by = user
    draft.created_organisation = organisation
    draft.created_contact = contact
    draft.save()
    if draft.request_id:
        draft.request.linked_organisations.add(organisation)
        if contact:
            draft.request.linked_contacts.add(contact)
    return organisation, contact


def past_retention(today=None):
    return OfficeRequest.objects.past_retention(today).order_by("pk")


@transaction.atomic
def anonymise_requests(requests):
    """Erase the personal data of `requests` (rows and history); the reason, region, topics,
    dates, status and brokered contacts stay for the statistics."""
    requests = OfficeRequest.objects.filter(pk__in=[r.pk for r in requests])
    count = personal_data.erase(requests)
    requests.update(anonymised_at=timezone.now())
    return count


def apply_retention(today=None):
    """Anonymise every closed request past retention; returns how many."""
    return anonymise_requests(list(past_retention(today)))
