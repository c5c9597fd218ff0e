"""Shared vocabulary: topics, regions, languages, and what every curated entry has."""

import datetime

import pghistory
from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .dates import add_months
from .roles import Role, role_of


def track_history(**options):
    """pghistory tracking of inserts, updates and deletes (new tracker instances per model).

    The context (user, URL, command) is stored as JSON in each event row. pghistory's default,
    a shared context row upserted by every event, locks that row once per changed row inside
    a subtransaction; a bulk write of 50,000 rows then spends minutes in multixact handling.
    """
    return pghistory.track(
        pghistory.InsertEvent(),
        pghistory.UpdateEvent(),
        pghistory.DeleteEvent(),
        context_field=pghistory.ContextJSONField(),
        **options,
    )


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


@track_history()
class Topic(TimeStampedModel):
    class Kind(models.TextChoices):
        PHENOMENON = "phenomenon", _("Phenomenon (GMF)")
        FIELD = "field", _("Working field")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PHENOMENON)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class RegionQuerySet(models.QuerySet):
    def lands(self):
        return self.filter(kind=Region.Kind.LAND)


@track_history()
class Region(TimeStampedModel):
    """Bundesland > Kreis / kreisfreie Stadt > Bezirk: three levels, so `within` is two joins."""

    class Kind(models.TextChoices):
        LAND = "land", _("Federal state")
        DISTRICT = "district", _("District / independent city")
        BOROUGH = "borough", _("Borough")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.CheckConstraint(
                name="region_land_is_top_level",
                condition=Q(kind="land", parent__isnull=True)
                | (~Q(kind="land") & Q(parent__isnull=False)),
                violation_error_message=_(
                    "A federal state has no parent region; every other region needs one."
                ),
            ),
            models.UniqueConstraint(
                fields=["parent", "name"],
                name="region_unique_name_per_parent",
                nulls_distinct=False,
                violation_error_message=_("A region with this name already exists there."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        expected = {self.Kind.DISTRICT: self.Kind.LAND, self.Kind.BOROUGH: self.Kind.DISTRICT}
        if self.parent and self.kind in expected and self.parent.kind != expected[self.kind]:
            raise ValidationError(
                {
                    "parent": _("%(kind)s: the superior region must be of the kind “%(parent)s”.")
                    % {
                        "kind": self.get_kind_display(),
                        "parent": self.Kind(expected[self.kind]).label,
                    }
                }
            )


@track_history()
class Language(TimeStampedModel):
    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("ISO 639 code"))
    name = models.CharField(_("name"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name


def linked_names(model, field_name):
    """SQL: the names of what an entry's many-to-many field links, sorted, as an array."""
    field = model._meta.get_field(field_name)
    name = f"{field.m2m_reverse_field_name()}__name"
    return ArraySubquery(
        field.remote_field.through.objects.filter(**{field.m2m_field_name(): OuterRef("pk")})
        .order_by(name)
        .values(name)
    )


# How far ahead a review counts as "due soon": lists, admin and the curators' dashboard.
DUE_SOON_DAYS = 30


def _due_soon_label():
    return gettext("Due within %(days)s days") % {"days": DUE_SOON_DAYS}


class ReviewState(models.TextChoices):
    """Where an entry stands in its review cycle (`CuratedQuerySet.in_review_state`). The next
    review is due on its day: from that day on the entry is stale."""

    STALE = "stale", _("Stale (review due or never verified)")
    DUE_SOON = "due", lazy(_due_soon_label, str)()
    NEVER_VERIFIED = "never", _("Never verified")
    CURRENT = "current", _("Current")


def review_state_condition(state, today=None):
    """The condition for one `ReviewState`, as `CuratedQuerySet.in_review_state` filters by it
    (and counts use it)."""
    today = today or timezone.localdate()
    match ReviewState(state):
        case ReviewState.STALE:
            return Q(review_due__isnull=True) | Q(review_due__lte=today)
        case ReviewState.DUE_SOON:
            return Q(
                review_due__gt=today, review_due__lte=today + datetime.timedelta(DUE_SOON_DAYS)
            )
        case ReviewState.NEVER_VERIFIED:
            return Q(verified_on__isnull=True)
        case ReviewState.CURRENT:
            return Q(review_due__gt=today)


class CuratedQuerySet(models.QuerySet):
    """Review state and visibility of curated entries; the rules live here and nowhere else."""

    def visible_to(self, user):
        """Entries with a public profile for the public; everything for members and above."""
        if role_of(user) >= Role.MEMBER:
            return self
        return self.filter(is_public=True)

    def with_names(self, *fields):
        """Each entry with the sorted names of its linked items, as `<field>_names` (e.g.
        `topic_names` for `topics`): arrays the database builds in the entry's own query, where
        a prefetch would cost one query per field."""
        names = {f"{field.removesuffix('s')}_names": field for field in fields}
        return self.annotate(
            **{name: linked_names(self.model, field) for name, field in names.items()}
        )

    def stale(self, today=None):
        """No next review set, or it is due: today or earlier (`CuratedModel.is_stale`)."""
        return self.in_review_state(ReviewState.STALE, today)

    def current(self, today=None):
        """Not stale: the next review lies after today."""
        return self.in_review_state(ReviewState.CURRENT, today)

    def never_verified(self):
        return self.in_review_state(ReviewState.NEVER_VERIFIED)

    def due_soon(self, today=None):
        """Current, but due within DUE_SOON_DAYS (from tomorrow up to that day)."""
        return self.in_review_state(ReviewState.DUE_SOON, today)

    def in_review_state(self, state, today=None):
        """The entries in one `ReviewState`."""
        return self.filter(review_state_condition(state, today))

    def counts(self, **conditions):
        """How many entries meet each condition (name=Q), in one pass over the table: one
        query of `COUNT(*) FILTER (...)`, where a count per condition would read it again for
        each."""
        return self.aggregate(
            **{name: models.Count("pk", filter=condition) for name, condition in conditions.items()}
        )

    def mark_verified(self, user, on=None):
        on = on or timezone.localdate()
        return self.update(
            verified_on=on,
            verified_by=user,
            self_confirmed=False,
            review_due=next_review(on),
            updated_at=timezone.now(),
        )

    def set_review_due(self, day):
        return self.update(review_due=day, updated_at=timezone.now())


def next_review(verified_on):
    return add_months(verified_on, settings.NETZPOL_REVIEW_INTERVAL_MONTHS)


class CuratedModel(TimeStampedModel):
    """An entry curators keep current: who verified it when, and when it is due again."""

    verified_on = models.DateField(_("last verified on"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Set automatically when the entry is verified."),
    )
    self_confirmed = models.BooleanField(
        _("confirmed by the listed person"),
        default=False,
        help_text=_("The last verification came from the entry's own confirmation link."),
    )

    objects = CuratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_stale(self):
        """`CuratedQuerySet.stale` for one loaded entry: no next review, or it is due."""
        return self.review_due is None or self.review_due <= timezone.localdate()

    def mark_verified(self, user, on=None):
        self.verified_on = on or timezone.localdate()
        self.verified_by = user
        self.self_confirmed = False
        self.review_due = next_review(self.verified_on)

    def confirm_by_self(self):
        """The listed person confirmed the entry through their link: verified today, by them."""
        self.mark_verified(None)
        self.self_confirmed = True


class AddressModel(models.Model):
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    land = models.ForeignKey(
        Region,
        verbose_name=_("federal state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": Region.Kind.LAND},
        related_name="+",
    )

    class Meta:
        abstract = True

    @staticmethod
    def postcode_constraint(prefix):
        return models.CheckConstraint(
            name=f"{prefix}_postcode_five_digits",
            condition=Q(postcode="") | Q(postcode__regex=r"^[0-9]{5}$"),
            violation_error_message=_("A German postcode has five digits."),
        )


@track_history()
class LegalPage(models.Model):
    """The imprint and the privacy statement, as the office writes them in admin."""

    class Slug(models.TextChoices):
        IMPRINT = "imprint", _("Imprint")
        PRIVACY = "privacy", _("Privacy statement")

    slug = models.CharField(_("page"), max_length=20, choices=Slug, unique=True)
    body = models.TextField(
        _("text"), help_text=_("Plain text; blank lines separate paragraphs, links are linked.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")

    def __str__(self):
        return self.get_slug_display()
