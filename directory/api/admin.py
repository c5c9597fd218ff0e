from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from directory.core.admin import ReadOnlyAdminMixin

from . import tokens
from .models import ApiLog, ApiToken


@admin.action(description=_("Revoke the selected tokens"))
def revoke_tokens(modeladmin, request, queryset):
    for entry in queryset:
        tokens.revoke(entry)


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Curators see every token and may revoke one (a leaked token, a member who left)."""

    list_display = [
        "name",
        "user",
        "prefix",
        "created_at",
        "last_used_at",
        "expires_on",
        "revoked_at",
    ]
    list_filter = ["created_at", "revoked_at"]
    list_select_related = ["user"]
    search_fields = ["name", "user__username", "prefix"]
    exclude = ["secret_hash"]
    actions = [revoke_tokens]


@admin.register(ApiLog)
class ApiLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only for everyone: the log is evidence, not data to curate."""

    list_display = ["created_at", "user", "token", "endpoint", "status", "row_count"]
    list_filter = ["status", "created_at"]
    list_select_related = ["user", "token"]
    search_fields = ["user__username", "endpoint", "query"]
    date_hierarchy = "created_at"
    exclude = ["contact_ids"]
