import pgtrigger
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, CharField, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from directory.core.links import entry_url
from directory.core.models import (
    AddressModel,
    CuratedModel,
    CuratedQuerySet,
    Region,
    Topic,
    track_history,
)
from directory.core.roles import Role, role_of
from directory.core.search import SearchableQuerySet, search_vector_field
from directory.core.text import Fold

from . import search_sql

# Keeps `lineage` (ids from the root down to the unit), `path` (their names) and `public_path`
# (the names of the public units among them, and the unit's own) in step with `parent`, `name`
# and the superior units' `is_public`, and refuses a parent that lies below the unit: the tree
# cannot get a cycle whatever writes to the table.
PLACE_IN_TREE = pgtrigger.Func(
    """
    IF NEW.parent_id IS NULL THEN
        NEW.lineage := ARRAY[NEW.id];
        NEW.path := NEW.name;
        NEW.public_path := NEW.name;
    ELSE
        SELECT lineage, path INTO parent_lineage, parent_path
            FROM {meta.db_table} WHERE id = NEW.parent_id;
        IF NEW.id = ANY(parent_lineage) THEN
            RAISE EXCEPTION 'police unit % cannot be placed below itself or its subunits', NEW.id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'police_unit_no_cycle';
        END IF;
        NEW.lineage := parent_lineage || NEW.id;
        NEW.path := parent_path || ' > ' || NEW.name;
        SELECT string_agg(superior.name, ' > ' ORDER BY ancestor.depth) INTO public_above
            FROM unnest(parent_lineage) WITH ORDINALITY AS ancestor(id, depth)
            JOIN {meta.db_table} superior ON superior.id = ancestor.id
            WHERE superior.is_public;
        NEW.public_path := concat_ws(' > ', public_above, NEW.name);
    END IF;
    RETURN NEW;
    """
)

# A renamed, moved, hidden or shown unit passes its new paths on to its subunits (recursively,
# via the trigger above firing on each child).
UPDATE_SUBUNITS = pgtrigger.Func(
    """
    UPDATE {meta.db_table} SET path = path WHERE parent_id = NEW.id;
    RETURN NULL;
    """
)


class PoliceUnitQuerySet(CuratedQuerySet, SearchableQuerySet):
    # A search matches the path without hidden superior units: nobody finds a unit by the name
    # of a unit they may not see (members find that unit itself by its own name).
    search_name_field = "public_path"

    @staticmethod
    def path_field(user):
        """The path `user` may read: with every superior unit for those who see every unit
        (members and above), else with only the public ones."""
        return "path" if role_of(user) >= Role.MEMBER else "public_path"

    def visible_to(self, user):
        """The units `user` may see, each with the path `user` may read as `shown_path` (what
        `str(unit)` gives)."""
        return super().visible_to(user).annotate(shown_path=F(self.path_field(user)))

    def with_full_paths(self):
        """Units named with every superior unit, for curation (admin), where all are seen."""
        return self.annotate(shown_path=F("path"))

    def below(self, unit, include_self=True):
        """The unit's whole subtree."""
        queryset = self.filter(lineage__contains=[unit.pk])
        return queryset if include_self else queryset.exclude(pk=unit.pk)

    def in_region(self, region_ids, serving=()):
        """Responsible for one of the regions or for one of the regions `serving` that contain
        them (a Land's police serve its districts), or seated in one of them (by Land)."""
        return self.filter(
            Q(jurisdiction_id__in=[*region_ids, *serving]) | Q(land_id__in=region_ids)
        )

    def serving_whole(self, region_ids, serving):
        """`serves_all_of`: for a unit responsible for a whole region of `serving` (the city or
        Land around the chosen place), that region's name; else None."""
        return self.annotate(
            serves_all_of=Case(
                When(jurisdiction_id__in=serving, then=F("jurisdiction__name")),
                default=Value(None),
                output_field=CharField(),
            )
        )

    def above(self, unit):
        """The unit's superior units, from the top down (its breadcrumb)."""
        units = {u.pk: u for u in self.filter(pk__in=unit.lineage[:-1])}
        return [units[pk] for pk in unit.lineage[:-1] if pk in units]


@track_history(exclude=["lineage", "path", "public_path", "search_vector"])
class PoliceUnit(CuratedModel, AddressModel):
    # Annotated by `serving_whole()` on a list filtered by a place: the whole region (a city, a
    # Land) the entry serves. None on every other page, which asks for it all the same: a
    # missing attribute costs the template engine a failed lookup and a dir() of the entry.
    serves_all_of = None

    class Level(models.TextChoices):
        FEDERAL = "federal", _("Federal")
        STATE = "state", _("State")

    class Kind(models.TextChoices):
        FEDERAL_AGENCY = "federal_agency", _("Federal agency")
        STATE_POLICE = "state_police", _("State police")
        LKA = "lka", _("State criminal police office (LKA)")
        PRESIDIUM = "presidium", _("Police headquarters (Präsidium)")
        DIRECTORATE = "directorate", _("Directorate")
        PRECINCT = "precinct", _("Precinct / inspection")
        STATION = "station", _("Police station (Wache)")
        LGBTI_CONTACT = "lgbti", _("Contact point for LGBTI*")
        PREVENTION = "prevention", _("Prevention")
        DIALOGUE = "dialogue", _("Competence centre for dialogue")
        STATE_SECURITY = "state_security", _("State security")
        COMMUNITY_OFFICERS = "community", _("Community police officers")
        OTHER_FUNCTION = "function", _("Other function unit")

    name = models.CharField(_("name"), max_length=200, db_index=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("superior unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subunits",
    )
    level = models.CharField(_("level"), max_length=10, choices=Level, default=Level.STATE)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)
    jurisdiction = models.ForeignKey(
        Region,
        verbose_name=_("jurisdiction"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="police_units",
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="police_units",
        help_text=_("What the unit is responsible for."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("general email"), blank=True)
    phone = models.CharField(_("general phone"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(
        _("public profile"),
        default=True,
        help_text=_("Anyone may see the profile (never the contact persons' data)."),
    )
    # Maintained by the database (see PLACE_IN_TREE); never edited.
    lineage = ArrayField(models.BigIntegerField(), editable=False, default=list)
    path = models.TextField(_("path"), editable=False, default="")
    public_path = models.TextField(_("public path"), editable=False, default="")
    # Maintained by database triggers (see search_sql.py); never edited.
    search_vector = search_vector_field()

    objects = PoliceUnitQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("police unit")
        verbose_name_plural = _("police units")
        constraints = [
            AddressModel.postcode_constraint("police_unit"),
            models.CheckConstraint(
                name="police_unit_not_own_parent",
                condition=~Q(parent=models.F("pk")),
                violation_error_message=_("A police unit cannot be its own superior unit."),
            ),
        ]
        indexes = [
            GinIndex(fields=["lineage"], name="police_unit_lineage_gin"),
            GinIndex(fields=["search_vector"], name="police_unit_search_gin"),
            GinIndex(OpClass(Fold("path"), name="gin_trgm_ops"), name="police_unit_path_trgm"),
            GinIndex(
                OpClass(Fold("public_path"), name="gin_trgm_ops"),
                name="police_unit_public_path_trgm",
            ),
        ]
        triggers = [
            pgtrigger.Trigger(
                name="place_in_tree",
                when=pgtrigger.Before,
                operation=pgtrigger.Insert | pgtrigger.Update,
                declare=[
                    ("parent_lineage", "bigint[]"),
                    ("parent_path", "text"),
                    ("public_above", "text"),
                ],
                func=PLACE_IN_TREE,
            ),
            pgtrigger.Trigger(
                name="update_subunits",
                when=pgtrigger.After,
                operation=pgtrigger.Update,
                condition=pgtrigger.Q(old__path__df=pgtrigger.F("new__path"))
                | pgtrigger.Q(old__lineage__df=pgtrigger.F("new__lineage"))
                | pgtrigger.Q(old__public_path__df=pgtrigger.F("new__public_path"))
                | pgtrigger.Q(old__is_public__df=pgtrigger.F("new__is_public")),
                func=UPDATE_SUBUNITS,
            ),
            *search_sql.document(),
        ]

    def __str__(self):
        # The path its queryset chose for the viewer (see `visible_to`); loaded without one,
        # a unit names no hidden superior unit.
        return getattr(self, "shown_path", None) or self.public_path or self.name

    def get_absolute_url(self):
        return entry_url("police:detail", self.pk)

    def clean(self):
        super().clean()
        if self.parent_id and self.pk and self.pk in (self.parent.lineage or []):
            raise ValidationError(
                {"parent": _("A police unit cannot be placed below itself or one of its subunits.")}
            )


# --- Search index triggers on the tables a unit's document reads --------------------------------
# pgtrigger declares triggers on models: a proxy stands for a table of another app and for a link
# table Django makes, so `makemigrations` notices a change to these triggers too.


class PoliceUnitSearchTopicLink(PoliceUnit.topics.through):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.linked()


class PoliceUnitSearchTopic(Topic):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.topic_renamed()


class PoliceUnitSearchRegion(Region):
    class Meta:
        proxy = True
        default_permissions = ()
        triggers = search_sql.region_renamed()
