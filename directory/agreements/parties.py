"""What a party shares, of an agreement (a signatory) or of a project (a sponsor or partner):
it is an organisation or a police unit, never both; it is named and shown only as the viewer
may see its organisation or unit.

Models using this inherit PartyMixin, take PartyQuerySet for their manager and add
`party_constraints(...)` to their constraints."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit


def party_name_sources(path_field):
    """Where a party's name comes from, the first that is not empty: the organisation's name,
    the police unit's path (`path_field`: "path" or "public_path", see
    PoliceUnitQuerySet.path_field), the unit's own name. The one rule behind `str(party)`,
    `named_for` and the exports."""
    return ["organisation__name", f"police_unit__{path_field}", "police_unit__name"]


def party_constraints(owner, prefix, already_organisation, already_police_unit):
    """Exactly one of organisation and police unit; each named once per `owner` (the field of
    the agreement or project), with the messages the admin form shows."""
    return [
        models.CheckConstraint(
            name=f"{prefix}_exactly_one",
            condition=Q(organisation__isnull=False, police_unit__isnull=True)
            | Q(organisation__isnull=True, police_unit__isnull=False),
            violation_error_message=_("Each party is either an organisation or a police unit."),
        ),
        models.UniqueConstraint(
            fields=[owner, "organisation"],
            name=f"{prefix}_unique_organisation",
            condition=Q(organisation__isnull=False),
            violation_error_message=already_organisation,
        ),
        models.UniqueConstraint(
            fields=[owner, "police_unit"],
            name=f"{prefix}_unique_police_unit",
            condition=Q(police_unit__isnull=False),
            violation_error_message=already_police_unit,
        ),
    ]


class PartyQuerySet(models.QuerySet):
    @staticmethod
    def _is_visible_to(user):
        return Exists(
            Organisation.objects.visible_to(user).filter(pk=OuterRef("organisation_id"))
        ) | Exists(PoliceUnit.objects.visible_to(user).filter(pk=OuterRef("police_unit_id")))

    def visible_to(self, user):
        """Parties whose organisation or police unit `user` may see."""
        return self.filter(self._is_visible_to(user))

    def hidden_from(self, user):
        """Parties whose organisation or police unit `user` may not see: never named to them."""
        return self.exclude(self._is_visible_to(user))

    def named_for(self, user):
        """Each party with its name as `user` may read it, as `shown_name` (what `str(party)`
        gives): an organisation's name, or a police unit's path without the superior units
        `user` may not see."""
        path_field = PoliceUnit.objects.path_field(user)
        return self.annotate(shown_name=PartyMixin.name_expression(path_field))

    def of_entry(self, entry):
        """The parties that are this organisation or police unit."""
        return self.filter(**{PartyMixin.field_for(entry): entry})


class PartyMixin:
    def display_name(self):
        """What `str(party)` gives."""
        # The name its queryset chose for the viewer (see `named_for`); loaded without one,
        # a party names no hidden superior unit.
        return getattr(self, "shown_name", None) or self.name_for("public_path")

    def get_absolute_url(self):
        return (self.organisation or self.police_unit).get_absolute_url()

    @staticmethod
    def name_expression(path_field):
        """SQL: a party's name (`party_name_sources`), for a query on parties."""
        return Coalesce(
            *(NullIf(F(source), Value("")) for source in party_name_sources(path_field)),
            output_field=models.CharField(),
        )

    def name_for(self, path_field):
        """Python: the same name for a loaded party (`party_name_sources`)."""
        for source in party_name_sources(path_field):
            value = self
            for attribute in source.split("__"):
                value = getattr(value, attribute, None) if value is not None else None
            if value:
                return value
        return ""

    @staticmethod
    def field_for(entry):
        """The party field an organisation or police unit goes in."""
        return "organisation" if isinstance(entry, Organisation) else "police_unit"
