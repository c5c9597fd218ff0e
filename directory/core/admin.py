import datetime

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Language, LegalPage, Region, Topic

DUE_SOON_DAYS = 30


class ReviewStateFilter(admin.SimpleListFilter):
    title = _("review state")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("Stale (review overdue or never verified)")),
            ("due", _("Due within %(days)s days") % {"days": DUE_SOON_DAYS}),
            ("never", _("Never verified")),
            ("current", _("Current")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "stale":
                return queryset.stale()
            case "due":
                return queryset.due_within(DUE_SOON_DAYS)
            case "never":
                return queryset.never_verified()
            case "current":
                return queryset.current()
        return queryset


class ChangedRecentlyFilter(admin.SimpleListFilter):
    title = _("last change")
    parameter_name = "changed"

    def lookups(self, request, model_admin):
        return [("30", _("in the last 30 days")), ("7", _("in the last 7 days"))]

    def queryset(self, request, queryset):
        if self.value() in ("7", "30"):
            since = timezone.now() - datetime.timedelta(days=int(self.value()))
            return queryset.filter(updated_at__gte=since)
        return queryset


class ReviewDueForm(forms.Form):
    review_due = forms.DateField(
        label=_("Next review due"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_review_due(self):
        day = self.cleaned_data["review_due"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("The next review cannot lie in the past."))
        return day


@admin.action(description=_("Mark selected entries as verified today"), permissions=["change"])
def mark_verified(modeladmin, request, queryset):
    count = queryset.mark_verified(request.user)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d entry marked as verified.", "%(count)d entries marked as verified.", count
        )
        % {"count": count},
        messages.SUCCESS,
    )


@admin.action(description=_("Set the next review date of selected entries"), permissions=["change"])
def set_review_due(modeladmin, request, queryset):
    suggested = timezone.localdate() + datetime.timedelta(days=90)
    form = ReviewDueForm(
        request.POST if "apply" in request.POST else None, initial={"review_due": suggested}
    )
    if form.is_valid():
        count = queryset.set_review_due(form.cleaned_data["review_due"])
        modeladmin.message_user(
            request,
            ngettext(
                "Next review set for %(count)d entry.",
                "Next review set for %(count)d entries.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Set the next review date"),
        "opts": modeladmin.model._meta,
        "form": form,
        "count": queryset.count(),
        "preview": queryset[:20],
        "select_across": request.POST.get("select_across") == "1",
        "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/core/set_review_due.html", context)


class CuratedAdmin(admin.ModelAdmin):
    """What every curated entry's admin shares: review state, actions, readonly bookkeeping."""

    actions = [mark_verified, set_review_due]
    review_fieldset = (
        _("Review"),
        {"fields": [("verified_on", "verified_by", "review_due"), ("created_at", "updated_at")]},
    )
    readonly_fields = ["verified_on", "verified_by", "created_at", "updated_at"]
    list_per_page = 50
    show_full_result_count = False
    # A website typed without a scheme is https (Django 6's default, without its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=_("stale"), boolean=True)
    def stale(self, obj):
        return obj.is_stale


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organisation_count", "contact_count"]
    list_filter = ["kind"]
    search_fields = ["name__de_contains"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                organisation_count=Count("organisations", distinct=True),
                contact_count=Count("contacts", distinct=True),
            )
        )

    @admin.display(description=_("organisations"), ordering="organisation_count")
    def organisation_count(self, obj):
        return obj.organisation_count

    @admin.display(description=_("contact persons"), ordering="contact_count")
    def contact_count(self, obj):
        return obj.contact_count


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind", ("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name__de_contains", "parent__name__de_contains"]
    autocomplete_fields = ["parent"]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name__de_contains", "=code"]


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    list_display = ["slug", "updated_at"]
