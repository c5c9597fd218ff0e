"""Requests to the office ("Nehmen Sie Kontakt auf"), the contacts it brokers, and the draft
entries that requests to be listed lead to."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.contacts.models import ContactPerson
from directory.core.dates import add_months
from directory.core.models import Region, Topic, track_history
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit


def from_contact(contact):
    """The requests a contact person sent: those linked to their entry (set from the sender's
    address when the request comes in, or by a curator). Not by address at erasure time: a
    shared mailbox would take other people's requests with it."""
    return Q(requester=contact)


class OfficeRequestQuerySet(models.QuerySet):
    def past_retention(self, today=None):
        """Closed requests, not yet anonymised, closed NETZPOL_REQUEST_RETENTION_MONTHS ago."""
        today = today or timezone.localdate()
        limit = add_months(today, -settings.NETZPOL_REQUEST_RETENTION_MONTHS)
        return self.filter(
            status=OfficeRequest.Status.CLOSED,
            closed_at__date__lte=limit,
            anonymised_at__isnull=True,
        )


@track_history()
class OfficeRequest(models.Model):
    class Reason(models.TextChoices):
        CONTACT = "contact", _("Looking for a contact")
        NETWORKING = "networking", _("Networking")
        CONFLICT = "conflict", _("Conflict / mediation")
        LISTING = "listing", _("Listing in the directory")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        BROKERED = "brokered", _("brokered")
        CLOSED = "closed", _("closed")

    reason = models.CharField(_("reason"), max_length=20, choices=Reason, db_index=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    name = models.CharField(_("name"), max_length=160)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"))
    consent_at = models.DateTimeField(_("privacy consent given at"))
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)
    requester = models.ForeignKey(
        ContactPerson,
        verbose_name=_("requester's entry in the directory"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Set when the request comes from a listed contact person's address."),
    )
    linked_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("linked organisations"), blank=True, related_name="+"
    )
    linked_police_units = models.ManyToManyField(
        PoliceUnit, verbose_name=_("linked police units"), blank=True, related_name="+"
    )
    linked_contacts = models.ManyToManyField(
        ContactPerson, verbose_name=_("linked contact persons"), blank=True, related_name="+"
    )

    objects = OfficeRequestQuerySet.as_manager()

    personal_data = {
        "fields": ["name", "organisation", "email", "phone", "message", "internal_notes"],
        "purpose": _("Answering requests to the office and brokering contacts"),
        "basis": _("Consent given with the request (Art. 6(1)(a) DSGVO)"),
        "recipients": _("The office"),
        "retention": _("Anonymised NETZPOL_REQUEST_RETENTION_MONTHS after the request is closed"),
        "of_contact": from_contact,
    }

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request to the office")
        verbose_name_plural = _("requests to the office")

    def __str__(self):
        # An anonymised request has no name left: its reason and date still say which it is.
        return f"{self.get_reason_display()}: {self.name or '–'} ({self.created_at:%d.%m.%Y})"

    def save(self, *args, **kwargs):
        # Retention counts from closing; reopening stops the clock.
        if self.status == self.Status.CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status != self.Status.CLOSED:
            self.closed_at = None
        super().save(*args, **kwargs)


def exactly_one(side):
    """Q: of a brokered contact's side ("first", "second"), exactly one entry is named."""
    fields = [f"{side}_organisation", f"{side}_police_unit", f"{side}_contact"]
    alternatives = [Q(**{f"{f}__isnull": f != named for f in fields}) for named in fields]
    return alternatives[0] | alternatives[1] | alternatives[2]


class BrokeredContact(models.Model):
    """ "A mit B in Kontakt gebracht": two entries the office brought together, for the
    network's statistics. It names entries of the directory, no requester."""

    request = models.ForeignKey(
        OfficeRequest,
        verbose_name=_("request"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="brokered_contacts",
    )
    first_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("A: organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    first_police_unit = models.ForeignKey(
        PoliceUnit,
        verbose_name=_("A: police unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    first_contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("A: contact person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    second_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("B: organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    second_police_unit = models.ForeignKey(
        PoliceUnit,
        verbose_name=_("B: police unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    second_contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("B: contact person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    brokered_on = models.DateField(_("brought together on"), default=timezone.localdate)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-brokered_on", "-pk"]
        verbose_name = _("brokered contact")
        verbose_name_plural = _("brokered contacts")
        constraints = [
            models.CheckConstraint(
                name="brokered_contact_one_first_entry",
                condition=exactly_one("first"),
                violation_error_message=_(
                    "Side A names exactly one organisation, police unit or contact person."
                ),
            ),
            models.CheckConstraint(
                name="brokered_contact_one_second_entry",
                condition=exactly_one("second"),
                violation_error_message=_(
                    "Side B names exactly one organisation, police unit or contact person."
                ),
            ),
        ]

    def __str__(self):
        return _("%(a)s with %(b)s in contact") % {"a": self.first, "b": self.second}

    @property
    def first(self):
        return self.first_organisation or self.first_police_unit or self.first_contact

    @property
    def second(self):
        return self.second_organisation or self.second_police_unit or self.second_contact


class DirectoryDraft(models.Model):
    """An organisation and its contact person as someone asked to be listed: kept here, outside
    the directory, so no role sees them until a curator accepts the draft (members see every
    organisation; a hidden one would not be hidden from them)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    request = models.ForeignKey(
        OfficeRequest, verbose_name=_("request"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="drafts",
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=Organisation.LegalForm,
        default=Organisation.LegalForm.OTHER,
    )  # fmt: skip
    kind = models.CharField(
        _("kind"), max_length=20, choices=Organisation.Kind, default=Organisation.Kind.OTHER
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    organisation_email = models.EmailField(_("general email"), blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region of activity"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    description = models.TextField(_("description"), blank=True)
    contact_first_name = models.CharField(_("contact: first name"), max_length=80, blank=True)
    contact_last_name = models.CharField(_("contact: last name"), max_length=80, blank=True)
    contact_function = models.CharField(_("contact: function"), max_length=160, blank=True)
    contact_email = models.EmailField(_("contact: email"), blank=True)
    contact_phone = models.CharField(_("contact: phone"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+", editable=False,
    )  # fmt: skip
    created_organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation in the directory"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+", editable=False,
    )  # fmt: skip
    created_contact = models.ForeignKey(
        ContactPerson, verbose_name=_("contact person in the directory"),
        on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False,
    )  # fmt: skip

    personal_data = {
        "fields": [
            "contact_first_name", "contact_last_name", "contact_function", "contact_email",
            "contact_phone",
        ],
        "purpose": _("Listing an organisation and its contact person on request"),
        "basis": _("Consent given with the request (Art. 6(1)(a) DSGVO)"),
        "recipients": _("The office"),
        "retention": _("Until accepted into the directory or rejected"),
        "of_contact": lambda contact: Q(created_contact=contact),
    }  # fmt: skip

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("draft entry")
        verbose_name_plural = _("draft entries")

    def __str__(self):
        return self.organisation_name
