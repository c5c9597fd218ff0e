from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import Case, CharField, OuterRef, Q, Subquery, Value, When
from django.utils.translation import gettext_lazy as _

from directory.core.links import entry_url
from directory.core.models import (
    AddressModel,
    CuratedModel,
    CuratedQuerySet,
    Language,
    Region,
    Topic,
    track_history,
)
from directory.core.search import SearchableQuerySet, search_vector_field
from directory.core.text import Fold

from . import search_sql


class OrganisationQuerySet(CuratedQuerySet, SearchableQuerySet):
    search_name_field = "name"

    def in_region(self, region_ids, serving=()):
        """Seated in one of the regions (by Land) or active in one of them, or in one of the
        regions `serving` that contain them (active in all of Berlin serves Neukölln)."""
        active = Organisation.regions.through.objects.filter(region_id__in=[*region_ids, *serving])
        return self.filter(Q(land_id__in=region_ids) | Q(pk__in=active.values("organisation_id")))

    def serving_whole(self, region_ids, serving):
        """`serves_all_of`: for an organisation found only as active in a whole region of
        `serving` (the city or Land around the chosen place), that region's name (the nearest);
        else None."""
        links = Organisation.regions.through.objects
        whole = links.filter(organisation_id=OuterRef("pk"), region_id__in=serving)
        return self.annotate(
            serves_all_of=Case(
                When(
                    Q(land_id__in=region_ids)
                    | Q(pk__in=links.filter(region_id__in=region_ids).values("organisation_id")),
                    then=Value(None),
                ),
                # "district" before "land": the city before its Land.
                default=Subquery(whole.order_by("region__kind").values("region__name")[:1]),
                output_field=CharField(),
            )
        )


@track_history(exclude=["search_vector"])
class Organisation(CuratedModel, AddressModel):
    # Annotated by `serving_whole()` on a list filtered by a place: the whole region (a city, a
    # Land) the entry serves. None on every other page, which asks for it all the same: a
    # missing attribute costs the template engine a failed lookup and a dir() of the entry.
    serves_all_of = None

    class LegalForm(models.TextChoices):
        REGISTERED_ASSOCIATION = "ev", _("Registered association (e.V.)")
        NONPROFIT_COMPANY = "ggmbh", _("Non-profit company (gGmbH)")
        FOUNDATION = "foundation", _("Foundation")
        INITIATIVE = "initiative", _("Unincorporated initiative")
        PUBLIC_BODY = "public_body", _("Public body")
        RELIGIOUS_BODY = "religious_body", _("Religious corporation")
        OTHER = "other", _("Other")

    class Kind(models.TextChoices):
        MOSQUE = "mosque", _("Mosque community")
        MIGRANT_ORGANISATION = "migrant_org", _("Migrant organisation")
        COUNSELLING = "counselling", _("Counselling service")
        YOUTH = "youth", _("Youth facility")
        RELIGIOUS = "religious", _("Religious community")
        NETWORK = "network", _("Network / alliance")
        EDUCATION = "education", _("Education provider")
        ADVOCACY = "advocacy", _("Advocacy group")
        ADVISORY_COUNCIL = "council", _("Advisory council")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, db_index=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="organisations"
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions of activity"),
        blank=True,
        related_name="organisations",
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages"), blank=True, related_name="organisations"
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("general email"), blank=True)
    phone = models.CharField(_("general phone"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    target_groups = models.TextField(_("target groups"), blank=True)
    is_public = models.BooleanField(
        _("public profile"),
        default=False,
        help_text=_("Anyone may see the profile (never the contact persons' data)."),
    )
    # Maintained by database triggers (see search_sql.py); never edited.
    search_vector = search_vector_field()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        triggers = search_sql.document()
        constraints = [AddressModel.postcode_constraint("organisation")]
        indexes = [
            GinIndex(fields=["search_vector"], name="organisation_search_gin"),
            GinIndex(OpClass(Fold("name"), name="gin_trgm_ops"), name="organisation_name_trgm"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return entry_url("organisations:detail", self.pk)


# --- Search index triggers on the tables an organisation's document reads -----------------------
# pgtrigger declares triggers on models: a proxy stands for a table of another app and for a link
# table Django makes, so `makemigrations` notices a change to these triggers too.


class OrganisationSearchTopicLink(Organisation.topics.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class OrganisationSearchRegionLink(Organisation.regions.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class OrganisationSearchLanguageLink(Organisation.languages.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class OrganisationSearchTopic(Topic):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.renamed("topics", "topic_id")


class OrganisationSearchRegion(Region):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.renamed("regions", "region_id")


class OrganisationSearchLanguage(Language):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.renamed("languages", "language_id")
