from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from directory.core.import_columns import choice, land, names, postcode, text
from directory.core.imports import DirectoryResource, DuplicateHint, similar
from directory.core.models import Language, Region, Topic

from .models import Organisation


def organisation_duplicates(obj):
    same_email = Q(email__iexact=obj.email) if obj.email else Q(pk__in=[])
    near = similar(Organisation.objects.all(), "name", obj.name)
    if obj.city:
        near = near.filter(city__iexact=obj.city)
    return Organisation.objects.filter(same_email | Q(pk__in=near.values("pk")))


class OrganisationResource(DirectoryResource):
    """Column names as curators write them; the labels of the portal's export (German or
    English) are accepted too, so an export imports back as it is."""

    id = fields.Field(attribute="id", column_name="ID", widget=widgets.IntegerWidget())
    name = text("name", "Name", _("Name"))
    short_name = text("short_name", "Kurzname", _("Short name"))
    legal_form = choice("legal_form", "Rechtsform", Organisation.LegalForm, _("Legal form"))
    kind = choice("kind", "Art", Organisation.Kind, _("Kind"))
    street = text("street", "Straße", _("Street"))
    postcode = postcode("postcode", "PLZ", _("Postcode"))
    city = text("city", "Ort", _("City"))
    land = land("land", "Bundesland", _("Federal state"))
    website = text("website", "Website", _("Website"))
    email = text("email", "E-Mail", _("Email"))
    phone = text("phone", "Telefon", _("Phone"))
    description = text("description", "Beschreibung")
    topics = names(Topic, "Themen", "topics", _("Topics"))
    regions = names(Region, "Regionen", "regions")
    languages = names(Language, "Sprachen", "languages", _("Languages"))

    likely_duplicate = DuplicateHint(organisation_duplicates)

    required_columns = ["Name", "Rechtsform", "Art"]
    not_imported = [_("Last verified on"), _("Link in the directory")]

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
