from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.core.admin import ChangedRecentlyFilter, CuratedAdmin, ReviewStateFilter
from directory.core.imports import CuratorImportMixin

from .forms import PoliceUnitAdminForm
from .models import PoliceUnit
from .resources import PoliceUnitResource


@admin.register(PoliceUnit)
class PoliceUnitAdmin(CuratorImportMixin, CuratedAdmin):
    resource_classes = [PoliceUnitResource]
    form = PoliceUnitAdminForm
    list_display = ["path", "kind", "level", "jurisdiction", "is_public", "stale"]
    list_filter = [
        ReviewStateFilter,
        ChangedRecentlyFilter,
        "level",
        "kind",
        "is_public",
        ("jurisdiction", admin.RelatedOnlyFieldListFilter),
        "topics",
    ]
    list_select_related = ["jurisdiction"]
    search_fields = ["path__de_contains", "short_name__de_contains", "city__de_contains"]

    autocomplete_fields = ["parent", "jurisdiction", "topics", "land"]
    readonly_fields = [*CuratedAdmin.readonly_fields, "path"]
    fieldsets = [
        (
            None,
            {"fields": ["name", "short_name", "parent", "path", ("level", "kind"), "is_public"]},
        ),
        (_("Work"), {"fields": ["jurisdiction", "topics", "description"]}),
        (
            _("Address and general contact"),
            {"fields": ["street", ("postcode", "city"), "land", "website", ("email", "phone")]},
        ),
        CuratedAdmin.review_fieldset,
    ]

    def exact_matches(self, term):
        # The search index holds the public path; curators find a unit by any superior unit
        # (a trigram index on the folded path serves this).
        return Q(path__de_contains=term)

    def get_queryset(self, request):
        return super().get_queryset(request).with_full_paths()

    def get_fieldsets(self, request, obj=None):
        """With a new superior unit posted, a box at the top asks to confirm the move (see
        PoliceUnitAdminForm)."""
        fieldsets = super().get_fieldsets(request, obj)
        moving = (
            obj is not None
            and request.method == "POST"
            and "parent" in request.POST
            and request.POST["parent"] != str(obj.parent_id or "")
        )
        if moving:
            return [(_("Move to another superior unit"), {"fields": ["confirm_move"]}), *fieldsets]
        return fieldsets

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The database wrote the new path; the message after saving names the unit with it.
        obj.refresh_from_db(fields=["lineage", "path", "public_path"])
        obj.shown_path = obj.path

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = PoliceUnit.objects.with_full_paths()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
