from django.contrib import admin
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.utils.translation import gettext_lazy as _

from directory.core.admin import ChangedRecentlyFilter, CuratedAdmin, ReviewStateFilter
from directory.core.imports import CuratorImportMixin
from directory.core.models import Topic

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

    def page_rows(self, queryset):
        # The page's topic names in its rows' query (a prefetch set up a queryset per row).
        names = Topic.objects.filter(organisations=OuterRef("pk")).order_by("name")
        return queryset.annotate(topic_names=ArraySubquery(names.values("name")))

    @admin.display(description=_("topics"))
    def topic_list(self, obj):
        names = getattr(obj, "topic_names", None)
        if names is None:
            names = [topic.name for topic in obj.topics.all()]
        return ", ".join(names)
