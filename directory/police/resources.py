from django.db.models import Q
from import_export import fields, widgets

from directory.core.imports import (
    ChoiceWidget,
    DirectoryResource,
    DuplicateHint,
    LandWidget,
    similar,
    text,
)
from directory.core.models import Region

from .models import PoliceUnit


def police_unit_duplicates(obj):
    same_email = Q(email__iexact=obj.email) if obj.email else Q(pk__in=[])
    near = similar(PoliceUnit.objects.all(), "name", obj.name)
    if obj.jurisdiction_id:
        near = near.filter(jurisdiction_id=obj.jurisdiction_id)
    return PoliceUnit.objects.filter(same_email | Q(pk__in=near.values("pk")))


class PoliceUnitResource(DirectoryResource):
    id = fields.Field(attribute="id", column_name="ID", widget=widgets.IntegerWidget())
    name = text("name", "Name")
    short_name = text("short_name", "Kurzname")
    parent = fields.Field(
        attribute="parent",
        column_name="Übergeordnete Dienststelle",
        widget=widgets.ForeignKeyWidget(PoliceUnit, field="path"),
    )
    level = fields.Field(
        attribute="level", column_name="Ebene", widget=ChoiceWidget(PoliceUnit.Level)
    )
    kind = fields.Field(attribute="kind", column_name="Art", widget=ChoiceWidget(PoliceUnit.Kind))
    jurisdiction = fields.Field(
        attribute="jurisdiction",
        column_name="Zuständigkeit",
        widget=widgets.ForeignKeyWidget(Region, field="name"),
    )
    street = text("street", "Straße")
    postcode = text("postcode", "PLZ")
    city = text("city", "Ort")
    land = fields.Field(attribute="land", column_name="Bundesland", widget=LandWidget())
    website = text("website", "Website")
    email = text("email", "E-Mail")
    phone = text("phone", "Telefon")

    likely_duplicate = DuplicateHint(police_unit_duplicates)

    required_columns = ["Name", "Art"]

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
