from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from directory.core.import_columns import (
    choice,
    column,
    header_key,
    land,
    link,
    postcode,
    spellings,
    text,
)
from directory.core.import_widgets import EntryWidget, RegionWidget, cell_text
from directory.core.imports import DirectoryResource, DuplicateHint, similar
from directory.core.models import Region

from .models import PoliceUnit

PARENT = "Übergeordnete Dienststelle"
SEPARATOR = " > "
# The export's column of paths: not a column of its own here, but where the superior unit is.
POSITION = column(
    fields.Field(column_name="Position in der Hierarchie"), [_("Position in the hierarchy")]
)


def police_unit_duplicates(obj):
    same_email = Q(email__iexact=obj.email) if obj.email else Q(pk__in=[])
    # A unit of the same name under another superior unit is another unit ("Prävention" in
    # each Direktion).
    near = similar(PoliceUnit.objects.all(), "name", obj.name).filter(parent_id=obj.parent_id)
    if obj.jurisdiction_id:
        near = near.filter(jurisdiction_id=obj.jurisdiction_id)
    return PoliceUnit.objects.filter(same_email | Q(pk__in=near.values("pk")))


def police_unit_widget():
    """A police unit by its path ("Polizei Berlin > LKA 5"), else by its name or short name."""
    return EntryWidget(
        PoliceUnit, ["path", "name", "short_name"], capfirst(PoliceUnit._meta.verbose_name)
    )


class PoliceUnitResource(DirectoryResource):
    """Column names as curators write them; the labels of the portal's export are accepted
    too, and its "Position in der Hierarchie" gives the superior unit."""

    id = fields.Field(attribute="id", column_name="ID", widget=widgets.IntegerWidget())
    name = text("name", "Name", _("Name"))
    short_name = text("short_name", "Kurzname", _("Short name"))
    parent = link("parent", PARENT, police_unit_widget())
    level = choice("level", "Ebene", PoliceUnit.Level, _("Level"), default=PoliceUnit.Level.STATE)
    kind = choice("kind", "Art", PoliceUnit.Kind, _("Kind"))
    jurisdiction = link(
        "jurisdiction",
        "Zuständigkeit",
        RegionWidget(capfirst(Region._meta.verbose_name)),
        _("Jurisdiction"),
    )
    street = text("street", "Straße", _("Street"))
    postcode = postcode("postcode", "PLZ", _("Postcode"))
    city = text("city", "Ort", _("City"))
    land = land("land", "Bundesland", _("Federal state"))
    website = text("website", "Website", _("Website"))
    email = text("email", "E-Mail", _("Email"))
    phone = text("phone", "Telefon", _("Phone"))

    likely_duplicate = DuplicateHint(police_unit_duplicates)

    required_columns = ["Name", "Art"]
    not_imported = [_("Last verified on"), _("Link in the directory")]

    class Meta:
        model = PoliceUnit
        fields = [
            "id",
            "name",
            "short_name",
            "parent",
            "level",
            "kind",
            "jurisdiction",
            "street",
            "postcode",
            "city",
            "land",
            "website",
            "email",
            "phone",
            "likely_duplicate",
        ]
        skip_unchanged = True
        # Model validation per row (constraints included): errors in German, not SQL.
        clean_model_instances = True
        report_skipped = True

    def derive_columns(self, dataset):
        """The superior unit from the export's position in the hierarchy ("A > B > C" is C
        below "A > B"), when the file does not name it."""
        headers = list(dataset.headers or [])
        positions = {header_key(s) for s in spellings(POSITION)}
        at = next((i for i, h in enumerate(headers) if header_key(h) in positions), None)
        if at is None or PARENT in headers:
            return
        self.ignored_columns.remove(headers[at])
        parents = [cell_text(row[at]).rpartition(SEPARATOR)[0] for row in dataset]
        if parents:
            dataset.append_col(parents, header=PARENT)
        else:
            dataset.headers = [*headers, PARENT]
