"""Curators manage formats, series and events here; coordinators work on the portal's pages
(invitation lists, sending, attendance), as they have no admin access."""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import registration_services, services
from .models import CalendarFeed, Event, EventDocument, Format, Invitation, Registration, Series


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
            {
                "fields": [
                    "topics",
                    "description",
                    "capacity",
                    "registration_deadline",
                    "public_registration",
                ]
            },
        ),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An answer changed to "declined", an invitee removed or more places: the waiting
        # list moves up (and is told by email), as when an invitee cancels by link.
        services.fill_places(form.instance)


# --- registrations through the public page: the curators' queue ------------------------------


@admin.action(description=_("Accept the selected registrations (places, else waiting list)"))
def accept_registrations(modeladmin, request, queryset):
    counts = {"accepted": 0, "waiting": 0, "skipped": 0}
    for registration in queryset.filter(
        status__in=[Registration.Status.NEW, Registration.Status.WAITING]
    ).order_by("created_at", "pk"):
        try:
            status = registration_services.accept(registration, request.user)
        except registration_services.AlreadyRegistered:
            counts["skipped"] += 1
            continue
        counts["accepted" if status == Registration.Status.ACCEPTED else "waiting"] += 1
    modeladmin.message_user(
        request,
        _(
            "Accepted: %(accepted)d with a place, %(waiting)d on the waiting list; %(skipped)d "
            "skipped (the person is already registered). The people have been told by email."
        )
        % counts,
        messages.SUCCESS if counts["accepted"] or counts["waiting"] else messages.WARNING,
    )


@admin.action(description=_("Decline the selected registrations"))
def decline_registrations(modeladmin, request, queryset):
    count = sum(registration_services.decline(r, request.user) for r in queryset)
    modeladmin.message_user(
        request,
        ngettext("%(count)d registration declined.", "%(count)d registrations declined.", count)
        % {"count": count},
        messages.SUCCESS if count else messages.WARNING,
    )


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "full_name",
        "organisation_name",
        "function",
        "event",
        "status",
        "contact",
    ]
    list_filter = ["status", "event"]
    list_select_related = ["event", "contact"]
    search_fields = ["last_name", "first_name", "organisation_name", "email"]
    date_hierarchy = "created_at"
    actions = [accept_registrations, decline_registrations]
    autocomplete_fields = ["contact"]
    readonly_fields = [
        "event",
        "first_name",
        "last_name",
        "organisation_name",
        "function",
        "email",
        "phone",
        "note",
        "consent_text",
        "consent_at",
        "created_at",
        "status",
        "decided_at",
        "decided_by",
        "invitation",
        "attendance",
    ]
    fieldsets = [
        (
            _("Registration"),
            {
                "fields": [
                    ("event", "created_at"),
                    ("first_name", "last_name"),
                    ("organisation_name", "function"),
                    ("email", "phone"),
                    "note",
                    ("consent_text", "consent_at"),
                ]
            },
        ),
        (
            _("Decision"),
            {
                "fields": [
                    "contact",
                    ("status", "decided_at", "decided_by"),
                    "invitation",
                    "attendance",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return False  # registrations come in through the public form

    def get_readonly_fields(self, request, obj=None):
        # The link decides what acceptance does; once decided, changing it would change nothing.
        if obj is not None and obj.status in (
            Registration.Status.ACCEPTED,
            Registration.Status.DECLINED,
        ):
            return [*self.readonly_fields, "contact"]
        return self.readonly_fields

    @admin.display(description=_("name"), ordering="last_name")
    def full_name(self, obj):
        return obj.full_name


@admin.action(description=_("Revoke the selected calendar feeds"))
def revoke_feeds(modeladmin, request, queryset):
    from django.utils import timezone

    queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """Feeds are made by their owners on the portal; the office sees and can revoke them."""

    list_display = ["user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    readonly_fields = ["user", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = [revoke_feeds]

    def has_add_permission(self, request):
        return False
