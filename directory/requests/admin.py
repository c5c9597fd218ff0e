"""The curators' inbox: requests to the office, the contacts brokered, the draft entries."""

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import BrokeredContact, DirectoryDraft, OfficeRequest


class BrokeredContactInline(admin.StackedInline):
    model = BrokeredContact
    extra = 0
    fields = [
        ("first_organisation", "first_police_unit", "first_contact"),
        ("second_organisation", "second_police_unit", "second_contact"),
        ("brokered_on", "topic"),
    ]
    autocomplete_fields = [
        "first_organisation", "first_police_unit", "first_contact",
        "second_organisation", "second_police_unit", "second_contact", "topic",
    ]  # fmt: skip


@admin.action(description=_("Create a draft entry from the selected listing requests"))
def create_drafts(modeladmin, request, queryset):
    listing = queryset.filter(reason=OfficeRequest.Reason.LISTING, anonymised_at__isnull=True)
    count = 0
    for office_request in listing:
        services.draft_from_request(office_request)
        count += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d draft entry created.", "%(count)d draft entries created.", count)
        % {"count": count},
        messages.SUCCESS if count else messages.WARNING,
    )


@admin.action(description=_("Mark selected requests as in progress and assign them to me"))
def take_over(modeladmin, request, queryset):
    for office_request in queryset:
        office_request.status = OfficeRequest.Status.IN_PROGRESS
        office_request.assignee = request.user
        office_request.save()


@admin.register(OfficeRequest)
class OfficeRequestAdmin(admin.ModelAdmin):
    list_display = ["created_at", "reason", "name", "status", "assignee", "region", "brokered"]
    list_filter = ["status", "reason", ("assignee", admin.RelatedOnlyFieldListFilter), "created_at"]
    list_select_related = ["assignee", "region"]
    search_fields = ["name", "organisation", "email", "message", "internal_notes"]
    date_hierarchy = "created_at"
    actions = [take_over, create_drafts]
    inlines = [BrokeredContactInline]
    autocomplete_fields = [
        "assignee", "requester", "linked_organisations", "linked_police_units", "linked_contacts",
    ]  # fmt: skip
    readonly_fields = [
        "reason", "created_at", "name", "organisation", "email", "phone", "region",
        "topic_list", "message", "consent_at", "closed_at", "anonymised_at",
    ]  # fmt: skip
    fieldsets = [
        (
            _("Request"),
            {
                "fields": [
                    ("reason", "created_at"),
                    ("name", "organisation"),
                    ("email", "phone"),
                    ("region", "topic_list"),
                    "message",
                    ("consent_at", "closed_at", "anonymised_at"),
                ]
            },
        ),
        (_("Handling"), {"fields": [("status", "assignee"), "internal_notes", "requester"]}),
        (
            _("Linked directory entries"),
            {"fields": ["linked_organisations", "linked_police_units", "linked_contacts"]},
        ),
    ]

    def has_add_permission(self, request):
        return False  # requests come in through the public form

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(brokered_count=Count("brokered_contacts"))

    @admin.display(description=_("brokered contacts"), ordering="brokered_count")
    def brokered(self, obj):
        return obj.brokered_count

    @admin.display(description=_("topics"))
    def topic_list(self, obj):
        return ", ".join(topic.name for topic in obj.topics.all()) or "–"

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, BrokeredContact) and instance.recorded_by_id is None:
                instance.recorded_by = request.user
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(BrokeredContact)
class BrokeredContactAdmin(admin.ModelAdmin):
    """Every contact the office brokered, for the network's statistics."""

    list_display = ["brokered_on", "__str__", "topic", "request", "recorded_by"]
    list_filter = ["brokered_on", "topic"]
    list_select_related = [
        "first_organisation", "first_police_unit", "first_contact", "second_organisation",
        "second_police_unit", "second_contact", "topic", "request", "recorded_by",
    ]  # fmt: skip
    date_hierarchy = "brokered_on"
    autocomplete_fields = [*BrokeredContactInline.autocomplete_fields, "request"]
    readonly_fields = ["recorded_by"]

    def save_model(self, request, obj, form, change):
        if obj.recorded_by_id is None:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.action(description=_("Accept: add the selected drafts to the directory"))
def accept_drafts(modeladmin, request, queryset):
    drafts = queryset.filter(status=DirectoryDraft.Status.DRAFT)
    count = 0
    for draft in drafts:
        services.accept_draft(draft, request.user)
        count += 1
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d draft added to the directory (not public; contact visible to the office "
            "only until consent is recorded).",
            "%(count)d drafts added to the directory (not public; contacts visible to the office "
            "only until consent is recorded).",
            count,
        )
        % {"count": count},
        messages.SUCCESS if count else messages.WARNING,
    )


@admin.action(description=_("Reject the selected drafts"))
def reject_drafts(modeladmin, request, queryset):
    from django.utils import timezone

    queryset.filter(status=DirectoryDraft.Status.DRAFT).update(
        status=DirectoryDraft.Status.REJECTED, decided_at=timezone.now(), decided_by=request.user
    )


@admin.register(DirectoryDraft)
class DirectoryDraftAdmin(admin.ModelAdmin):
    # A link typed without a scheme is https (Django 6's default, without its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["organisation_name", "status", "created_at", "created_organisation"]
    list_filter = ["status"]
    search_fields = ["organisation_name", "contact_last_name", "contact_email"]
    autocomplete_fields = ["topics", "region", "request"]
    actions = [accept_drafts, reject_drafts]
    readonly_fields = [
        "status",
        "decided_at",
        "decided_by",
        "created_organisation",
        "created_contact",
    ]
    fieldsets = [
        (None, {"fields": ["request", "status"]}),
        (
            _("Organisation"),
            {
                "fields": [
                    "organisation_name", ("legal_form", "kind"), ("city", "region"),
                    ("website", "organisation_email"), "topics", "description",
                ]
            },
        ),
        (
            _("Contact person"),
            {
                "fields": [
                    ("contact_first_name", "contact_last_name"), "contact_function",
                    ("contact_email", "contact_phone"),
                ]
            },
        ),
        (
            _("Decision"),
            {"fields": [("decided_at", "decided_by"), ("created_organisation", "created_contact")]},
        ),
    ]  # fmt: skip
