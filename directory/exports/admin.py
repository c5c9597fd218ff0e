from django.contrib import admin

from directory.core.admin import ReadOnlyAdminMixin

from .models import ExportLog


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only for everyone: the log is evidence, not data to curate."""

    list_display = ["created_at", "user", "list_name", "format", "row_count", "purpose"]
    list_filter = ["format", "list_name", "created_at"]
    list_select_related = ["user"]
    search_fields = ["purpose", "user__username", "query"]
    date_hierarchy = "created_at"
    exclude = ["contact_ids"]
