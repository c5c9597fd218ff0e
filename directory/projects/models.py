"""Cooperation projects between police and civil society (BAMF's project database): who runs
them (sponsors) and with whom (partners), when, with what money, and what came of them."""

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from directory.agreements.parties import PartyMixin, PartyQuerySet, party_constraints
from directory.contacts.models import ContactPerson
from directory.core.links import entry_url
from directory.core.models import CuratedModel, CuratedQuerySet, Region, Topic, track_history
from directory.core.search import SearchableQuerySet, search_vector_field
from directory.core.text import Fold
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from . import search_sql
from .validators import validate_links


class ProjectQuerySet(CuratedQuerySet, SearchableQuerySet):
    search_name_field = "title"

    def in_region(self, region_ids, serving=()):
        """Projects in one of the regions, or in a region `serving` that contains them (a
        project for all of Bremen is one in Bremen-Mitte)."""
        linked = Project.regions.through.objects.filter(region_id__in=[*region_ids, *serving])
        return self.filter(pk__in=linked.values("project_id"))

    def of_entry(self, entry):
        """Projects an organisation or police unit sponsors or partners."""
        parties = ProjectParty.objects.of_entry(entry)
        return self.filter(pk__in=parties.values("project_id"))

    def running_between(self, start=None, end=None):
        """Projects whose period overlaps start–end (an open end on either side overlaps)."""
        queryset = self
        if start:
            queryset = queryset.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start))
        if end:
            queryset = queryset.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=end))
        return queryset

    def with_parties(self, user):
        """Projects with the names of the sponsors and partners `user` may see
        (`sponsor_names`, `partner_names`) and of their topics and regions, in one query."""
        parties = ProjectParty.objects.filter(project=OuterRef("pk")).visible_to(user)
        named = parties.named_for(user).order_by("pk").values("shown_name")
        return self.with_names("topics", "regions").annotate(
            sponsor_names=ArraySubquery(named.filter(role=ProjectParty.Role.SPONSOR)),
            partner_names=ArraySubquery(named.filter(role=ProjectParty.Role.PARTNER)),
        )


@track_history(exclude=["search_vector"])
class Project(CuratedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")

    title = models.CharField(_("title"), max_length=250, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PLANNED, db_index=True
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    funding_programme = models.CharField(_("funding programme"), max_length=250, blank=True)
    funder = models.CharField(
        _("funder"),
        max_length=250,
        blank=True,
        help_text=_("E.g. “BAMF”, a ministry, a foundation."),
    )
    amount = models.DecimalField(
        _("funding amount (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions"), blank=True, related_name="projects"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="projects"
    )
    goals = models.TextField(_("goals"), blank=True)
    activities = models.TextField(
        _("activities and formats"),
        blank=True,
        help_text=_("One per line, e.g. joint workshops, visits, a video documentation."),
    )
    target_groups = models.TextField(_("target groups"), blank=True)
    results = models.TextField(_("results and evaluation"), blank=True)
    links = models.TextField(
        _("links"),
        blank=True,
        validators=[validate_links],
        help_text=_("One web address per line; shown as plain links, never embedded."),
    )
    contacts = models.ManyToManyField(
        ContactPerson, verbose_name=_("contact persons"), blank=True, related_name="projects"
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Anyone may see the project; else members only.")
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="ProjectParty",
        verbose_name=_("organisations"),
        related_name="projects",
    )
    police_units = models.ManyToManyField(
        PoliceUnit, through="ProjectParty", verbose_name=_("police units"), related_name="projects"
    )
    # Maintained by database triggers (see search_sql.py); never edited.
    search_vector = search_vector_field()

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]
        indexes = [
            GinIndex(fields=["search_vector"], name="project_search_gin"),
            GinIndex(OpClass(Fold("title"), name="gin_trgm_ops"), name="project_title_trgm"),
        ]
        verbose_name = _("cooperation project")
        verbose_name_plural = _("cooperation projects")
        triggers = search_sql.document()
        constraints = [
            models.CheckConstraint(
                name="project_ends_after_start",
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                violation_error_message=_("The end cannot lie before the start."),
            ),
            models.CheckConstraint(
                name="project_amount_not_negative",
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                violation_error_message=_("The amount cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return entry_url("projects:detail", self.pk)

    @property
    def activity_list(self):
        return [line.strip() for line in self.activities.splitlines() if line.strip()]

    @property
    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]


@track_history()
class ProjectParty(PartyMixin, models.Model):
    """A sponsor (Träger) or partner of a project: an organisation or a police unit."""

    class Role(models.TextChoices):
        SPONSOR = "sponsor", _("Sponsor")
        PARTNER = "partner", _("Partner")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="parties"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.SPONSOR)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="project_parties",
    )
    police_unit = models.ForeignKey(
        PoliceUnit,
        verbose_name=_("police unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="project_parties",
    )

    objects = PartyQuerySet.as_manager()

    class Meta:
        ordering = ["role", "pk"]
        verbose_name = _("sponsor or partner")
        verbose_name_plural = _("sponsors and partners")
        triggers = [*search_sql.linked(), *search_sql.party_changed()]
        constraints = party_constraints(
            "project",
            "project_party",
            _("This organisation is already named."),
            _("This police unit is already named."),
        )

    def __str__(self):
        return self.display_name()


# --- Search index triggers on the tables a project's document reads ----------------------------
# As in agreements: a proxy stands for a table of another app or a link table Django makes.


class ProjectSearchTopicLink(Project.topics.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class ProjectSearchRegionLink(Project.regions.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class ProjectSearchTopic(Topic):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.topic_renamed()


class ProjectSearchRegion(Region):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.region_renamed()


class ProjectSearchOrganisation(Organisation):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.organisation_changed()


class ProjectSearchPoliceUnit(PoliceUnit):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.police_unit_changed()
