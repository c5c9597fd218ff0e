from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def about_contact(contact):
    """The records about one contact person (their kind in entries.REVIEWABLE)."""
    return Q(entry_kind="contact", entry_id=contact.pk)


class EntryReference(models.Model):
    """Which entry a record is about: its kind (see entries.REVIEWABLE) and id. Kept as plain
    values, so the record outlives a deleted entry."""

    entry_kind = models.CharField(_("kind of entry"), max_length=20)
    entry_id = models.BigIntegerField(_("entry id"))

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["entry_kind", "entry_id"])]

    @property
    def reviewable(self):
        from .entries import REVIEWABLE

        return REVIEWABLE[self.entry_kind]

    @property
    def entry(self):
        return self.reviewable.model.objects.filter(pk=self.entry_id).first()


class ConfirmationEmail(EntryReference):
    """One "please confirm your entry" email: sent, or failed (and retried by the next run)."""

    class Status(models.TextChoices):
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    recipient = models.EmailField(_("recipient"))
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    personal_data = {
        "fields": ["recipient", "error"],
        "purpose": _("Keeping entries current (confirmation requests)"),
        "basis": _("As for the entry the email was about"),
        "recipients": _("The office"),
        "retention": _("Kept with the entry; blanked when the contact is anonymised"),
        "of_contact": about_contact,
    }

    class Meta(EntryReference.Meta):
        ordering = ["-created_at"]
        verbose_name = _("confirmation email")
        verbose_name_plural = _("confirmation emails")

    def __str__(self):
        return f"{self.recipient} ({self.get_status_display()})"


class CorrectionRequest(EntryReference):
    """What a listed person asked for through their link: corrected values or removal. It
    changes nothing until a curator applies it."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        REMOVAL = "removal", _("Removal")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        APPLIED = "applied", _("applied")
        REJECTED = "rejected", _("rejected")

    kind = models.CharField(_("request"), max_length=12, choices=Kind)
    proposed = models.JSONField(_("proposed values"), default=dict, blank=True)
    message = models.TextField(_("message from the listed person"), blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.OPEN, db_index=True
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("curator's note"), blank=True)

    personal_data = {
        "fields": ["proposed", "message"],
        "purpose": _("Corrections and removals the listed persons ask for"),
        "basis": _("As for the entry; Art. 16 and 17 DSGVO"),
        "recipients": _("The office"),
        "retention": _("Blanked when the contact is anonymised"),
        "of_contact": about_contact,
    }

    class Meta(EntryReference.Meta):
        ordering = ["-created_at"]
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.reviewable.label} #{self.entry_id}"


class Anonymisation(models.Model):
    """Audit record that a contact's personal data was removed: when, by whom, why. It holds
    no personal data itself."""

    contact_id = models.BigIntegerField(_("contact id"), db_index=True)
    done_at = models.DateTimeField(_("done at"), auto_now_add=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["-done_at"]
        verbose_name = _("anonymisation")
        verbose_name_plural = _("anonymisations")

    def __str__(self):
        return f"#{self.contact_id} ({self.reason})"
