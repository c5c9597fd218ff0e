"""Curators manage formats, series and events here; coordinators work on the portal's pages
(invitation lists, sending, attendance), as they have no admin access."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Event, EventDocument, Format, Invitation, Series


@admin.register(Format)
class FormatAdmin(admin.ModelAdmin):
    list_display = ["name", "staff_only"]
    list_filter = ["staff_only"]
    search_fields = ["name__de_contains"]


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name__de_contains"]


class DocumentInline(admin.TabularInline):
    model = EventDocument
    fields = ["kind", "title", "file", "visibility"]
    extra = 1


class InvitationInline(admin.TabularInline):
    model = Invitation
    fields = ["contact", "state", "answered_at", "attendance", "note", "sent_at", "send_error"]
    readonly_fields = ["answered_at", "sent_at", "send_error"]
    autocomplete_fields = ["contact"]
    extra = 0
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("contact")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    # A link typed without a scheme is https (Django 6's default, without its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "format", "starts_at", "status", "visibility", "capacity"]
    list_filter = ["format", "status", "visibility", "series", "topics", "starts_at"]
    list_select_related = ["format"]
    search_fields = ["title__de_contains", "description__de_contains"]
    autocomplete_fields = [
        "topics",
        "organisations",
        "police_units",
        "agreement",
        "projects",
        "region",
    ]
    date_hierarchy = "starts_at"
    inlines = [DocumentInline, InvitationInline]
    list_per_page = 50
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["title", "format", "series", "status", "visibility"]}),
        (
            _("Date and place"),
            {"fields": [("starts_at", "ends_at"), "place", "online_url", "region"]},
        ),
        (
            _("Organisers"),
            {
                "fields": [
                    "organised_by_office",
                    "organisations",
                    "police_units",
                    "agreement",
                    "projects",
                ]
            },
        ),
        (
            _("Content and registration"),
            {"fields": ["topics", "description", "capacity", "registration_deadline"]},
        ),
    ]
