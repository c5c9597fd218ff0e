"""What each list exports: its view (so the export is exactly the filtered page), its columns
(a default set plus optional ones) and whether it makes vCards."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import AgreementParty
from directory.agreements.views import AgreementListView
from directory.contacts.views import ContactListView
from directory.organisations.views import OrganisationListView
from directory.police.views import PoliceUnitListView


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    value: object  # function(entry) -> str | date | None
    default: bool = True
    prefetch: tuple = ()  # related lookups the value needs (prefetched per chunk)


@dataclass(frozen=True)
class ExportList:
    key: str
    title: str
    view: type
    list_url_name: str
    columns: list = field(default_factory=list)
    card: object = None  # function(entry, link) -> vCard fields, for lists that make vCards
    model_has_people: bool = False  # rows are contact persons (logged by id for DSGVO reports)
    card_related: tuple = ()  # select_related the cards read (the address's federal state)

    def column(self, key):
        return next(c for c in self.columns if c.key == key)

    @property
    def default_columns(self):
        return [c.key for c in self.columns if c.default]

    def list_url(self):
        return reverse(self.list_url_name)


PARTIES = Prefetch("parties", AgreementParty.objects.select_related("organisation", "police_unit"))


def names(related):
    return ", ".join(str(item) for item in related.all())


def address_part(part):
    def value(entry):
        return getattr(entry, part) or ""

    return value


def affiliation_part(part):
    def value(contact):
        return getattr(contact.affiliation, part) or ""

    return value


def url_of(entry):
    # Relative; the export view makes it absolute for the request's host.
    return entry.get_absolute_url()


COMMON_TAIL = [
    Column("verified_on", _("Last verified on"), lambda e: e.verified_on, default=False),
    Column("url", _("Link in the directory"), url_of, default=False),
]


def address_of(entry):
    if not (entry.street or entry.city):
        return None
    return {
        "street": entry.street,
        "code": entry.postcode,
        "city": entry.city,
        "region": str(entry.land or ""),
        "country": "Deutschland",
    }


def contact_card(contact, link):
    """A contact person's card; a functional contact (a team mailbox) is a company card."""
    affiliation = contact.affiliation
    fields = {
        "title": contact.function,
        "emails": [e for e in (contact.email, contact.email_secondary) if e],
        "phones": [
            (n, kind) for n, kind in ((contact.phone, "WORK"), (contact.mobile, "CELL")) if n
        ],
        "address": address_of(affiliation),
        "url": link,
        "rev": contact.updated_at,
    }
    if contact.is_functional:
        fields |= {
            "fn": contact.functional_title,
            "org": [str(affiliation), contact.functional_title],
            "is_organisation": True,
        }
    else:
        fields |= {
            "fn": contact.display_name,
            "given": contact.first_name,
            "family": contact.last_name,
            "org": [str(affiliation)],
        }
    return fields


def general_card(entry, link):
    """An organisation's or police unit's general contact as a company card."""
    return {
        "fn": entry.name,
        "org": [entry.name],
        "is_organisation": True,
        "emails": [entry.email] if entry.email else [],
        "phones": [(entry.phone, "WORK")] if entry.phone else [],
        "address": address_of(entry),
        "url": entry.website or link,
        "rev": entry.updated_at,
    }


LISTS = {
    "ansprechpersonen": ExportList(
        key="ansprechpersonen",
        title=_("Contact persons"),
        view=ContactListView,
        list_url_name="contacts:list",
        card=contact_card,
        card_related=("organisation__land", "police_unit__land"),
        model_has_people=True,
        columns=[
            Column("salutation", _("Salutation / title"), lambda c: c.salutation, default=False),
            Column("first_name", _("First name"), lambda c: c.first_name),
            Column("last_name", _("Last name"), lambda c: c.last_name),
            Column("functional_title", _("Functional title"), lambda c: c.functional_title),
            Column("function", _("Function"), lambda c: c.function),
            Column("affiliation", _("Organisation / police unit"), lambda c: str(c.affiliation)),
            Column("email", _("Email"), lambda c: c.email),
            Column("email_secondary", _("Further email"), lambda c: c.email_secondary, False),
            Column("phone", _("Phone"), lambda c: c.phone),
            Column("mobile", _("Mobile"), lambda c: c.mobile),
            Column("street", _("Street"), affiliation_part("street"), default=False),
            Column("postcode", _("Postcode"), affiliation_part("postcode"), default=False),
            Column("city", _("City"), affiliation_part("city")),
            Column("topics", _("Topics"), lambda c: names(c.topics), False, ("topics",)),
            Column(
                "languages", _("Languages"), lambda c: names(c.languages), False, ("languages",)
            ),
            *COMMON_TAIL,
        ],
    ),
    "organisationen": ExportList(
        key="organisationen",
        title=_("Organisations"),
        view=OrganisationListView,
        list_url_name="organisations:list",
        card=general_card,
        columns=[
            Column("name", _("Name"), lambda o: o.name),
            Column("short_name", _("Short name"), lambda o: o.short_name),
            Column("kind", _("Kind"), lambda o: o.get_kind_display()),
            Column("legal_form", _("Legal form"), lambda o: o.get_legal_form_display(), False),
            Column("street", _("Street"), address_part("street")),
            Column("postcode", _("Postcode"), address_part("postcode")),
            Column("city", _("City"), address_part("city")),
            Column("land", _("Federal state"), lambda o: str(o.land or "")),
            Column("website", _("Website"), lambda o: o.website),
            Column("email", _("Email"), lambda o: o.email),
            Column("phone", _("Phone"), lambda o: o.phone),
            Column("topics", _("Topics"), lambda o: names(o.topics), False, ("topics",)),
            Column(
                "languages", _("Languages"), lambda o: names(o.languages), False, ("languages",)
            ),
            *COMMON_TAIL,
        ],
    ),
    "polizei": ExportList(
        key="polizei",
        title=_("Police units"),
        view=PoliceUnitListView,
        list_url_name="police:list",
        card=general_card,
        card_related=("land",),
        columns=[
            Column("path", _("Position in the hierarchy"), lambda u: u.path),
            Column("name", _("Name"), lambda u: u.name),
            Column("kind", _("Kind"), lambda u: u.get_kind_display()),
            Column("level", _("Level"), lambda u: u.get_level_display(), default=False),
            Column("jurisdiction", _("Jurisdiction"), lambda u: str(u.jurisdiction or "")),
            Column("street", _("Street"), address_part("street")),
            Column("postcode", _("Postcode"), address_part("postcode")),
            Column("city", _("City"), address_part("city")),
            Column("website", _("Website"), lambda u: u.website, default=False),
            Column("email", _("Email"), lambda u: u.email),
            Column("phone", _("Phone"), lambda u: u.phone),
            *COMMON_TAIL,
        ],
    ),
    "vereinbarungen": ExportList(
        key="vereinbarungen",
        title=_("Cooperation agreements"),
        view=AgreementListView,
        list_url_name="agreements:list",
        columns=[
            Column("title", _("Title"), lambda a: a.title),
            Column("status", _("Status"), lambda a: a.get_status_display()),
            Column("signed_on", _("Signed on"), lambda a: a.signed_on),
            Column("valid_from", _("Valid from"), lambda a: a.valid_from),
            Column("valid_until", _("Valid until"), lambda a: a.valid_until),
            Column("parties", _("Parties"), lambda a: names(a.parties), True, (PARTIES,)),
            Column("topics", _("Topics"), lambda a: names(a.topics), True, ("topics",)),
            Column("goals", _("Goals"), lambda a: a.goals, default=False),
            Column("formats", _("Agreed formats"), lambda a: ", ".join(a.format_list), False),
            *COMMON_TAIL,
        ],
    ),
}
