from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.core.admin import ChangedRecentlyFilter, CuratedAdmin, ReviewStateFilter
from directory.core.imports import CuratorImportMixin
from directory.police.models import PoliceUnit

from .models import ContactPerson
from .resources import ContactPersonResource


class RetentionFilter(admin.SimpleListFilter):
    title = _("retention")
    parameter_name = "retention"

    def lookups(self, request, model_admin):
        return [("past", _("not confirmed within the retention period"))]

    def queryset(self, request, queryset):
        return queryset.past_retention() if self.value() == "past" else queryset


@admin.register(ContactPerson)
class ContactPersonAdmin(CuratorImportMixin, CuratedAdmin):
    resource_classes = [ContactPersonResource]
    list_display = [
        "__str__",
        "function",
        "affiliation",
        "email",
        "phone",
        "visibility",
        "stale",
    ]
    list_display_links = ["__str__"]
    list_filter = [
        ReviewStateFilter,
        ChangedRecentlyFilter,
        RetentionFilter,
        "visibility",
        "consent_basis",
        "topics",
        "languages",
        # Every Land (the field offers Länder only): listing only those with contacts took
        # a DISTINCT over every contact on each page.
        "organisation__land",
    ]
    list_select_related = ["organisation", "police_unit"]
    search_fields = [
        "last_name__de_contains",
        "first_name__de_contains",
        "functional_title__de_contains",
        "function__de_contains",
        "email__de_contains",
        "organisation__name__de_contains",
        "police_unit__path__de_contains",
    ]
    autocomplete_fields = ["organisation", "police_unit", "topics", "languages"]

    readonly_fields = [*CuratedAdmin.readonly_fields, "consent_recorded_by"]
    fieldsets = [
        (
            _("Affiliation"),
            {
                "fields": ["organisation", "police_unit"],
                "description": _("Exactly one: an organisation or a police unit."),
            },
        ),
        (
            _("Person or function"),
            {
                "fields": [
                    ("form_of_address", "title", "first_name", "last_name"),
                    "functional_title",
                    "function",
                    "topics",
                    "languages",
                ]
            },
        ),
        (_("Channels"), {"fields": [("email", "email_secondary"), ("phone", "mobile")]}),
        (
            _("Visibility and consent"),
            {
                "fields": [
                    "visibility",
                    ("consent_given_on", "consent_basis", "consent_recorded_by"),
                ]
            },
        ),
        (_("Staff only"), {"fields": ["staff_notes"]}),
        CuratedAdmin.review_fieldset,
    ]

    # The count and the page look the matches up in the index once, not twice.
    list_search_matches = True

    def exact_matches(self, term):
        # The search index leaves channels out (no member may find a contact by them);
        # curators find a contact by a whole email address.
        if "@" not in term:
            return None
        return Q(email__iexact=term) | Q(email_secondary__iexact=term)

    @admin.display(description=_("affiliation"))
    def affiliation(self, obj):
        return obj.affiliation

    def get_queryset(self, request):
        return super().get_queryset(request).with_full_paths()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "police_unit":
            kwargs["queryset"] = PoliceUnit.objects.with_full_paths()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        consent_changed = {"consent_given_on", "consent_basis"} & set(form.changed_data)
        if consent_changed and obj.consent_given_on:
            obj.consent_recorded_by = request.user
        super().save_model(request, obj, form, change)


class ContactInline(admin.TabularInline):
    model = ContactPerson
    fields = [
        "form_of_address",
        "title",
        "first_name",
        "last_name",
        "functional_title",
        "function",
        "email",
        "phone",
        "visibility",
        "consent_given_on",
        "consent_basis",
    ]
    extra = 0
    show_change_link = True


class OrganisationContactInline(ContactInline):
    fk_name = "organisation"


class PoliceUnitContactInline(ContactInline):
    fk_name = "police_unit"
