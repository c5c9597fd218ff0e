from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportLog(models.Model):
    """One export a coordinator made: who, when, what, how many rows and why. Written before
    the file is sent; never changed or deleted from the UI."""

    class Format(models.TextChoices):
        CSV = "csv", _("CSV (Excel)")
        XLSX = "xlsx", _("Excel workbook (XLSX)")
        VCARD = "vcf", _("vCard address book")
        PRINT = "print", _("Print view")

    created_at = models.DateTimeField(_("exported at"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="exports",
    )
    list_name = models.CharField(_("list"), max_length=40)
    format = models.CharField(_("format"), max_length=10, choices=Format)
    query = models.TextField(_("filters (query string)"), blank=True)
    columns = models.JSONField(_("columns"), default=list, blank=True)
    row_count = models.PositiveIntegerField(_("rows"))
    purpose = models.CharField(_("purpose"), max_length=300)
    # Which contact persons the export held (for subject access reports); empty for lists
    # without personal data. Neither indexed nor compressed (migration 0004): a GIN index and
    # pglz made every export of 100,000 contacts spend 0.2-0.7 s on this one row, while the
    # rare subject access report scans the log in milliseconds.
    contact_ids = ArrayField(
        models.BigIntegerField(), verbose_name=_("contact persons"), default=list, blank=True
    )

    personal_data = {
        "fields": ["user", "purpose", "contact_ids"],
        "purpose": _("Accountability for exports of contact data"),
        "basis": _("Legitimate interest and accountability (Art. 5(2), 6(1)(f) DSGVO)"),
        "recipients": _("The office"),
        "retention": _("Kept as evidence; not editable"),
        # The coordinator's data. Erasing a contact leaves the log as it is: it holds the
        # contact's id, not their data, and the entry itself is anonymised.
        "of_contact": None,
    }

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("export")
        verbose_name_plural = _("export log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.user} {self.list_name} {self.format}"


class SavedContactQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


class SavedContact(models.Model):
    """A contact person a member put on their Merkliste (a hand-picked list kept per user,
    e.g. for an invitation list). Who may still see the contact decides whether it shows:
    the list and its export read contacts through `visible_to(user)`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="saved_contacts",
    )
    contact = models.ForeignKey(
        "contacts.ContactPerson",
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    objects = SavedContactQuerySet.as_manager()

    personal_data = {
        "fields": ["user", "contact"],
        "purpose": _("A member's hand-picked list of contacts (Merkliste), e.g. for invitations"),
        "basis": _("Legitimate interest (Art. 6(1)(f) DSGVO)"),
        "recipients": _("The member themselves"),
        "retention": _("Until the member removes the entry or their account is deleted"),
        # The member's list, not data about the contact: an erased contact is anonymised and
        # no longer visible to members, so it drops out of every list by itself.
        "of_contact": None,
    }

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("contact on a Merkliste")
        verbose_name_plural = _("Merkliste entries")
        constraints = [
            models.UniqueConstraint(fields=["user", "contact"], name="saved_contact_once_per_user")
        ]

    def __str__(self):
        return f"{self.user} – {self.contact_id}"
