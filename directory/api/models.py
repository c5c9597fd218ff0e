"""Personal API tokens and the log of every request made with one."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
    reports). Written before the response is sent; never changed from the UI."""

    created_at = models.DateTimeField(_("requested at"), auto_now_add=True, db_index=True)
    token = models.ForeignKey(
        ApiToken, verbose_name=_("token"), on_delete=models.PROTECT, related_name="log"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="api_requests",
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
