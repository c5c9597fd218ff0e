from django import forms
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.core.admin import ChangedRecentlyFilter, CuratedAdmin, ReviewStateFilter

from .models import Project, ProjectParty


class PartyFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not any(data.get("role") == ProjectParty.Role.SPONSOR for data in kept):
            raise forms.ValidationError(_("A project needs at least one sponsor."))


class PartyInline(admin.TabularInline):
    model = ProjectParty
    formset = PartyFormSet
    fields = ["role", "organisation", "police_unit"]
    autocomplete_fields = ["organisation", "police_unit"]
    extra = 2


@admin.register(Project)
class ProjectAdmin(CuratedAdmin):
    list_display = ["title", "status", "starts_on", "ends_on", "funder", "is_public", "stale"]
    list_filter = [
        ReviewStateFilter,
        ChangedRecentlyFilter,
        "status",
        "is_public",
        "topics",
        "starts_on",
    ]
    search_fields = [
        "title__de_contains",
        "funder__de_contains",
        "parties__organisation__name__de_contains",
        "parties__police_unit__path__de_contains",
    ]
    autocomplete_fields = ["topics", "regions", "contacts"]
    date_hierarchy = "starts_on"
    inlines = [PartyInline]
    fieldsets = [
        (None, {"fields": ["title", "status", "is_public"]}),
        (
            _("Period and funding"),
            {"fields": [("starts_on", "ends_on"), ("funder", "funding_programme", "amount")]},
        ),
        (
            _("Content"),
            {
                "fields": [
                    "regions",
                    "topics",
                    "goals",
                    "activities",
                    "target_groups",
                    "results",
                    "links",
                    "contacts",
                ]
            },
        ),
        CuratedAdmin.review_fieldset,
    ]

    def exact_matches(self, term):
        # The search index holds public parties only; curators find a project by any party.
        parties = ProjectParty.objects.filter(
            Q(organisation__name__de_contains=term) | Q(police_unit__path__de_contains=term)
        )
        return Q(pk__in=parties.values("project_id"))
