from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from directory.core.links import entry_url
from directory.core.models import CuratedModel, CuratedQuerySet, Topic, track_history
from directory.core.search import SearchableQuerySet, search_vector_field
from directory.core.storage import PrivateDocumentStorage
from directory.core.text import Fold
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from . import search_sql
from .parties import PartyMixin, PartyQuerySet, party_constraints
from .validators import validate_pdf


class DocumentStorage(PrivateDocumentStorage):
    """Signed agreements; links go through a permission check."""

    folder = "agreements"
    url_name = "agreements:document"


class AgreementQuerySet(CuratedQuerySet, SearchableQuerySet):
    search_name_field = "title"

    def in_region(self, region_ids, serving=()):
        """Agreements with a party in one of the regions."""
        parties = AgreementParty.objects.filter(
            Q(organisation_id__in=Organisation.objects.in_region(region_ids, serving).values("pk"))
            | Q(police_unit_id__in=PoliceUnit.objects.in_region(region_ids, serving).values("pk"))
        )
        return self.filter(pk__in=parties.values("agreement_id"))

    def with_parties(self, user):
        """Agreements with the names of the parties `user` may see and of their topics
        (`party_names`, `topic_names`), and how many parties `user` may not see
        (`hidden_parties`), computed in the agreements' own query."""
        parties = AgreementParty.objects.filter(agreement=OuterRef("pk"))
        names = parties.visible_to(user).named_for(user).order_by("pk").values("shown_name")
        hidden = (
            parties.hidden_from(user)
            .order_by()
            .values("agreement")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return self.with_names("topics").annotate(
            party_names=ArraySubquery(names),
            hidden_parties=Coalesce(models.Subquery(hidden), 0),
        )

    def with_party_entries(self, user):
        """Agreements with the parties `user` may see as entries (to link them), in one more
        query."""
        return self.with_parties(user).prefetch_related(
            models.Prefetch(
                "parties",
                queryset=AgreementParty.objects.visible_to(user)
                .named_for(user)
                .select_related("organisation", "police_unit")
                .defer("organisation__search_vector", "police_unit__search_vector"),
            )
        )


@track_history(exclude=["search_vector"])
class Agreement(CuratedModel):
    class Status(models.TextChoices):
        PREPARING = "preparing", _("In preparation")
        ACTIVE = "active", _("Signed / active")
        EXPIRED = "expired", _("Expired")
        ENDED = "ended", _("Ended")

    title = models.CharField(_("title"), max_length=250, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PREPARING, db_index=True
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="agreements"
    )
    goals = models.TextField(_("goals"), blank=True)
    formats = models.TextField(
        _("agreed formats"),
        blank=True,
        help_text=_("One per line, e.g. “Blick in die Polizei”, dialogue forum."),
    )
    document = models.FileField(
        _("signed document"),
        upload_to="%Y/",
        storage=DocumentStorage,
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("PDF only."),
    )
    is_public = models.BooleanField(_("public"), default=False)
    organisations = models.ManyToManyField(
        Organisation,
        through="AgreementParty",
        verbose_name=_("organisations"),
        related_name="agreements",
    )
    police_units = models.ManyToManyField(
        PoliceUnit,
        through="AgreementParty",
        verbose_name=_("police units"),
        related_name="agreements",
    )
    # Maintained by database triggers (see search_sql.py); never edited.
    search_vector = search_vector_field()

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "title"]
        indexes = [
            GinIndex(fields=["search_vector"], name="agreement_search_gin"),
            GinIndex(OpClass(Fold("title"), name="gin_trgm_ops"), name="agreement_title_trgm"),
        ]
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        triggers = search_sql.document()
        constraints = [
            models.CheckConstraint(
                name="agreement_valid_until_after_from",
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                violation_error_message=_("“Valid until” cannot be before “valid from”."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return entry_url("agreements:detail", self.pk)

    @property
    def format_list(self):
        return [line.strip() for line in self.formats.splitlines() if line.strip()]


@track_history()
class AgreementParty(PartyMixin, models.Model):
    """One signatory of an agreement: an organisation or a police unit, with its role."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_parties",
    )
    police_unit = models.ForeignKey(
        PoliceUnit,
        verbose_name=_("police unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_parties",
    )
    role = models.CharField(_("role"), max_length=120, blank=True)

    objects = PartyQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        # A party added, removed or changed re-indexes its agreement (see search_sql).
        triggers = [*search_sql.linked(), *search_sql.party_changed()]
        constraints = party_constraints(
            "agreement",
            "agreement_party",
            _("This organisation is already a party."),
            _("This police unit is already a party."),
        )

    def __str__(self):
        return self.display_name()


# --- Search index triggers on the tables an agreement's document reads --------------------------
# pgtrigger declares triggers on models: a proxy stands for a table of another app and for a link
# table Django makes, so `makemigrations` notices a change to these triggers too.


class AgreementSearchTopicLink(Agreement.topics.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class AgreementSearchTopic(Topic):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.topic_renamed()


class AgreementSearchOrganisation(Organisation):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.organisation_changed()


class AgreementSearchPoliceUnit(PoliceUnit):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.police_unit_changed()
