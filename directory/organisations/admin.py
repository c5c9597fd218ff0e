from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from directory.core.admin import ChangedRecentlyFilter, CuratedAdmin, ReviewStateFilter
from directory.core.imports import CuratorImportMixin

from .models import Organisation
from .resources import OrganisationResource


@admin.register(Organisation)
class OrganisationAdmin(CuratorImportMixin, CuratedAdmin):
    resource_classes = [OrganisationResource]
    list_display = [
        "name",
        "short_name",
        "kind",
        "city",
        "land",
        "topic_list",
        "is_public",
        "stale",
    ]
    list_filter = [
        ReviewStateFilter,
        ChangedRecentlyFilter,
        "kind",
        "legal_form",
        "is_public",
        "land",  # every Land (the field offers Länder only), without a DISTINCT over all
        "topics",
    ]
    list_select_related = ["land"]
    search_fields = [
        "name__de_contains",
        "short_name__de_contains",
        "city__de_contains",
        "=postcode",
    ]
    autocomplete_fields = ["topics", "regions", "languages", "land"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", ("legal_form", "kind"), "is_public"]}),
        (_("Work"), {"fields": ["topics", "regions", "languages", "description", "target_groups"]}),
        (
            _("Address and general contact"),
            {"fields": ["street", ("postcode", "city"), "land", "website", ("email", "phone")]},
        ),
        CuratedAdmin.review_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics")

    @admin.display(description=_("topics"))
    def topic_list(self, obj):
        return ", ".join(topic.name for topic in obj.topics.all())
