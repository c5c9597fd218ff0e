"""Which entries the listed people confirm themselves, and which of their fields they may
propose to correct (never visibility, consent or staff notes)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from directory.contacts.models import ContactPerson
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit


@dataclass(frozen=True)
class Reviewable:
    key: str
    model: type
    label: str
    fields: tuple  # the fields the confirmation page shows and the correction form offers
    removable: bool = False  # the person may ask for their entry to be removed


REVIEWABLE = {
    r.key: r
    for r in [
        Reviewable(
            "contact",
            ContactPerson,
            _("contact person"),
            (
                "form_of_address",
                "title",
                "first_name",
                "last_name",
                "functional_title",
                "function",
                "email",
                "email_secondary",
                "phone",
                "mobile",
            ),
            removable=True,
        ),
        Reviewable(
            "organisation",
            Organisation,
            _("organisation"),
            ("name", "short_name", "street", "postcode", "city", "website", "email", "phone"),
        ),
        Reviewable(
            "police",
            PoliceUnit,
            _("police unit"),
            ("name", "short_name", "street", "postcode", "city", "website", "email", "phone"),
        ),
    ]
}


def reviewable_of(entry):
    return next(r for r in REVIEWABLE.values() if isinstance(entry, r.model))
