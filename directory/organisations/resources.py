from django.db.models import Q
from import_export import fields, widgets

from directory.core.imports import (
    ChoiceWidget,
    DirectoryResource,
    DuplicateHint,
    LandWidget,
    names,
    similar,
    text,
)
from directory.core.models import Language, Region, Topic

from .models import Organisation


def organisation_duplicates(obj):
    same_email = Q(email__iexact=obj.email) if obj.email else Q(pk__in=[])
    near = similar(Organisation.objects.all(), "name", obj.name)
    if obj.city:
        near = near.filter(city__iexact=obj.city)
    return Organisation.objects.filter(same_email | Q(pk__in=near.values("pk")))


class OrganisationResource(DirectoryResource):
    id = fields.Field(attribute="id", column_name="ID", widget=widgets.IntegerWidget())
    name = text("name", "Name")
    short_name = text("short_name", "Kurzname")
    legal_form = fields.Field(
        attribute="legal_form",
        column_name="Rechtsform",
        widget=ChoiceWidget(Organisation.LegalForm),
    )
    kind = fields.Field(attribute="kind", column_name="Art", widget=ChoiceWidget(Organisation.Kind))
    street = text("street", "Straße")
    postcode = text("postcode", "PLZ")
    city = text("city", "Ort")
    land = fields.Field(attribute="land", column_name="Bundesland", widget=LandWidget())
    website = text("website", "Website")
    email = text("email", "E-Mail")
    phone = text("phone", "Telefon")
    description = text("description", "Beschreibung")
    topics = names(Topic, "Themen", "topics")
    regions = names(Region, "Regionen", "regions")
    languages = names(Language, "Sprachen", "languages")

    likely_duplicate = DuplicateHint(organisation_duplicates)

    required_columns = ["Name", "Rechtsform", "Art"]

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "short_name",
            "legal_form",
            "kind",
            "street",
            "postcode",
            "city",
            "land",
            "website",
            "email",
            "phone",
            "description",
            "topics",
            "regions",
            "languages",
            "likely_duplicate",
        ]
        skip_unchanged = True
        # Model validation per row (constraints included): errors in German, not SQL.
        clean_model_instances = True
        report_skipped = True
