"""Personal API tokens, the log of every request made with one, and what the API's tombstones
of anonymised contacts need to know."""

import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.contacts.models import ANONYMOUS_TITLE, ContactPerson, Visibility


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, today=None):
        """Neither revoked nor expired (a token is valid through its expiry day)."""
        today = today or timezone.localdate()
        return self.filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today), revoked_at__isnull=True
        )


class ApiToken(models.Model):
    """A personal token: requests with it see what its owner's role sees. Only a SHA-256 hash
    of the token is stored; the token itself is shown once, when it is made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for."))
    # The token's first characters, to tell tokens apart in lists; not enough to guess it.
    prefix = models.CharField(_("begins with"), max_length=16, editable=False)
    secret_hash = models.CharField(_("hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    expires_on = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: until revoked.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_on is not None and self.expires_on < timezone.localdate()


class ApiLog(models.Model):
    """One request made with a token, logged like an export: who, when, which endpoint with
    which filters, how many entries, and which contact persons it delivered (for subject access
    reports). A refused token is logged too: with the token and its owner when the token is
    known (revoked, expired), with neither when it is not. Written before the response is sent;
    never changed from the UI."""

    created_at = models.DateTimeField(_("requested at"), auto_now_add=True, db_index=True)
    token = models.ForeignKey(
        ApiToken,
        verbose_name=_("token"),
        on_delete=models.PROTECT,
        related_name="log",
        null=True,
        blank=True,
        help_text=_("Empty: the token was unknown or malformed."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="api_requests",
        null=True,
        blank=True,
    )
    endpoint = models.CharField(_("endpoint"), max_length=200)
    query = models.TextField(_("filters (query string)"), blank=True)
    status = models.PositiveSmallIntegerField(_("status"))
    row_count = models.PositiveIntegerField(_("entries"), default=0)
    contact_ids = ArrayField(
        models.BigIntegerField(), verbose_name=_("contact persons"), default=list, blank=True
    )

    personal_data = {
        "fields": ["user", "contact_ids"],
        "purpose": _("Accountability for contact data read through the API"),
        "basis": _("Legitimate interest and accountability (Art. 5(2), 6(1)(f) DSGVO)"),
        "recipients": _("The office"),
        "retention": _("Kept as evidence; not editable"),
        # The token owner's data; a contact's erasure leaves their id here (as in the export
        # log), the entry itself is anonymised.
        "of_contact": None,
    }

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API request")
        verbose_name_plural = _("API log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.user} {self.endpoint}"


class AnonymisedContact(models.Model):
    """Who could see a contact before it was anonymised. Erasure blanks the visibility in the
    entry and its history (see contacts.models.ContactPerson.personal_data), so the database
    records it here as it happens (ContactAnonymisation's trigger): the API then sends the
    contact's tombstone only to callers who could see it, and tells nobody else that it
    existed. Holds no personal data."""

    contact_id = models.BigIntegerField(_("contact id"), db_index=True)
    visibility = models.CharField(_("visibility before"), max_length=10, choices=Visibility)
    anonymised_at = models.DateTimeField(_("anonymised at"), db_index=True)

    class Meta:
        ordering = ["-anonymised_at"]
        verbose_name = _("anonymised contact")
        verbose_name_plural = _("anonymised contacts")

    def __str__(self):
        return f"#{self.contact_id} ({self.visibility})"


class ContactAnonymisation(ContactPerson):
    """The contacts table, for the trigger that fills AnonymisedContact: whatever anonymises a
    contact (reviews.services.anonymise, retention, SQL), its visibility before is kept."""

    class Meta:
        proxy = True
        default_permissions = ()
        triggers = [
            pgtrigger.Trigger(
                name="api_record_anonymised",
                when=pgtrigger.After,
                operation=pgtrigger.Update,
                condition=pgtrigger.Q(new__last_name="", new__functional_title=ANONYMOUS_TITLE)
                & ~pgtrigger.Q(old__last_name="", old__functional_title=ANONYMOUS_TITLE),
                # The table of AnonymisedContact, above.
                func="""
                INSERT INTO api_anonymisedcontact
                    (contact_id, visibility, anonymised_at)
                    VALUES (OLD.id, OLD.visibility, NEW.updated_at);
                RETURN NULL;
                """,
            )
        ]
