from django.db.models import Q
from import_export import fields, widgets

from directory.core.imports import (
    ChoiceWidget,
    DirectoryResource,
    DuplicateHint,
    names,
    similar,
    text,
)
from directory.core.models import Language, Topic
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from .models import ConsentBasis, ContactPerson, Visibility


def contact_duplicates(obj):
    same_email = Q(email__iexact=obj.email) if obj.email else Q(pk__in=[])
    near = similar(ContactPerson.objects.all(), "last_name", obj.last_name).filter(
        organisation_id=obj.organisation_id, police_unit_id=obj.police_unit_id
    )
    return ContactPerson.objects.filter(same_email | Q(pk__in=near.values("pk")))


class ContactPersonResource(DirectoryResource):
    id = fields.Field(attribute="id", column_name="ID", widget=widgets.IntegerWidget())
    organisation = fields.Field(
        attribute="organisation",
        column_name="Organisation",
        widget=widgets.ForeignKeyWidget(Organisation, field="name"),
    )
    police_unit = fields.Field(
        attribute="police_unit",
        column_name="Polizeidienststelle",
        widget=widgets.ForeignKeyWidget(PoliceUnit, field="path"),
    )
    salutation = text("salutation", "Anrede")
    first_name = text("first_name", "Vorname")
    last_name = text("last_name", "Nachname")
    functional_title = text("functional_title", "Funktionsbezeichnung")
    function = text("function", "Funktion")
    email = text("email", "E-Mail")
    phone = text("phone", "Telefon")
    mobile = text("mobile", "Mobil")
    visibility = fields.Field(
        attribute="visibility", column_name="Sichtbarkeit", widget=ChoiceWidget(Visibility)
    )
    consent_given_on = fields.Field(
        attribute="consent_given_on",
        column_name="Einwilligung am",
        widget=widgets.DateWidget(coerce_to_string=False),
    )
    consent_basis = fields.Field(
        attribute="consent_basis",
        column_name="Einwilligung / Rechtsgrundlage",
        widget=ChoiceWidget(ConsentBasis),
    )
    topics = names(Topic, "Themen", "topics")
    languages = names(Language, "Sprachen", "languages")

    likely_duplicate = DuplicateHint(contact_duplicates)

    required_columns = ["Nachname", "E-Mail"]

    class Meta:
        model = ContactPerson
        fields = [
            "id",
            "organisation",
            "police_unit",
            "salutation",
            "first_name",
            "last_name",
            "functional_title",
            "function",
            "email",
            "phone",
            "mobile",
            "visibility",
            "consent_given_on",
            "consent_basis",
            "topics",
            "languages",
            "likely_duplicate",
        ]
        skip_unchanged = True
        # Model validation per row (constraints included): errors in German, not SQL.
        clean_model_instances = True
        report_skipped = True
