from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from directory.core.admin import ChangedRecentlyFilter, CuratedAdmin, ReviewStateFilter
from directory.core.imports import CuratorImportMixin

from .models import PoliceUnit
from .resources import PoliceUnitResource


@admin.register(PoliceUnit)
class PoliceUnitAdmin(CuratorImportMixin, CuratedAdmin):
    resource_classes = [PoliceUnitResource]
    list_display = ["path", "kind", "level", "jurisdiction", "is_public", "stale"]
    list_filter = [
        ReviewStateFilter,
        ChangedRecentlyFilter,
        "level",
        "kind",
        "is_public",
        ("jurisdiction", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["jurisdiction"]
    search_fields = ["path__de_contains", "short_name__de_contains", "city__de_contains"]
    autocomplete_fields = ["parent", "jurisdiction", "land"]
    readonly_fields = [*CuratedAdmin.readonly_fields, "path"]
    # The contacts app adds its inline here (it knows police units, not the other way round).
    inlines = []
    fieldsets = [
        (
            None,
            {"fields": ["name", "short_name", "parent", "path", ("level", "kind"), "is_public"]},
        ),
        (_("Work"), {"fields": ["jurisdiction", "description"]}),
        (
            _("Address and general contact"),
            {"fields": ["street", ("postcode", "city"), "land", "website", ("email", "phone")]},
        ),
        CuratedAdmin.review_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_full_paths()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = PoliceUnit.objects.with_full_paths()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
