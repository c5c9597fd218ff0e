from django import forms
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.core.admin import ChangedRecentlyFilter, CuratedAdmin, ReviewStateFilter
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

from .models import Agreement, AgreementParty


class PartyFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not any(data.get("police_unit") for data in kept) or not any(
            data.get("organisation") for data in kept
        ):
            raise forms.ValidationError(
                _("An agreement needs at least one police unit and at least one organisation.")
            )


class PartyInline(admin.TabularInline):
    model = AgreementParty
    formset = PartyFormSet
    fields = ["organisation", "police_unit", "role"]
    autocomplete_fields = ["organisation", "police_unit"]
    extra = 2


@admin.register(Agreement)
class AgreementAdmin(CuratedAdmin):
    list_display = [
        "title",
        "status",
        "signed_on",
        "valid_from",
        "valid_until",
        "is_public",
        "stale",
    ]
    list_filter = [
        ReviewStateFilter,
        ChangedRecentlyFilter,
        "status",
        "is_public",
        "topics",
        "signed_on",
    ]
    search_fields = [
        "title__de_contains",
        "parties__organisation__name__de_contains",
        "parties__police_unit__path__de_contains",
    ]
    autocomplete_fields = ["topics"]
    date_hierarchy = "signed_on"
    inlines = [PartyInline]
    fieldsets = [
        (None, {"fields": ["title", "status", "is_public"]}),
        (_("Dates"), {"fields": [("signed_on", "valid_from", "valid_until")]}),
        (_("Content"), {"fields": ["topics", "goals", "formats", "document"]}),
        CuratedAdmin.review_fieldset,
    ]

    # The parties' subqueries run once per search, not in each of the changelist's queries.
    list_search_matches = True

    def exact_matches(self, term):
        # The search index holds public parties only; curators find an agreement by any party
        # (trigram indexes on the folded names and paths serve this).
        # Two subqueries, each on its own index (an OR across both joins scans every party).
        organisations = Organisation.objects.filter(name__de_contains=term).values("pk")
        units = PoliceUnit.objects.filter(path__de_contains=term).values("pk")
        parties = AgreementParty.objects.values("agreement_id")
        return Q(pk__in=parties.filter(organisation__in=organisations)) | Q(
            pk__in=parties.filter(police_unit__in=units)
        )
