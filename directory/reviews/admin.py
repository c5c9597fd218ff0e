from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from directory.core.admin import ReadOnlyAdminMixin

from . import services
from .entries import REVIEWABLE
from .models import Anonymisation, ConfirmationEmail, CorrectionRequest


class EntryKindFilter(admin.SimpleListFilter):
    """The kind of entry by its German name (the stored key is "contact", "police", ...)."""

    title = _("kind of entry")
    parameter_name = "entry_kind"

    def lookups(self, request, model_admin):
        return [(key, capfirst(reviewable.label)) for key, reviewable in REVIEWABLE.items()]

    def queryset(self, request, queryset):
        return queryset.filter(entry_kind=self.value()) if self.value() else queryset


@admin.display(description=_("kind of entry"), ordering="entry_kind")
def entry_kind_label(obj):
    reviewable = REVIEWABLE.get(obj.entry_kind)
    return capfirst(reviewable.label) if reviewable else obj.entry_kind


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(admin.ModelAdmin):
    """Curators compare current and proposed values, then apply or reject."""

    list_display = ["created_at", "kind", "entry_link", "status", "decided_by"]
    list_filter = ["status", "kind", EntryKindFilter]
    readonly_fields = ["kind", "entry_link", "comparison", "message", "status", "created_at"]
    fields = [*readonly_fields, "note"]
    change_form_template = "admin/reviews/correctionrequest/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("entry"))
    def entry_link(self, obj):
        entry = obj.entry
        if entry is None:
            return _("(deleted)")
        meta = entry._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[entry.pk])
        return format_html('<a href="{}">{}</a>', url, entry)

    @admin.display(description=_("current and proposed values"))
    def comparison(self, obj):
        entry = obj.entry
        if obj.kind == CorrectionRequest.Kind.REMOVAL:
            return _("The person asks for the entry to be removed (it will be anonymised).")
        if entry is None or not obj.proposed:
            return _("No changed values.")
        rows = format_html_join(
            "",
            "<tr><th>{}</th><td>{}</td><td><strong>{}</strong></td></tr>",
            (
                (entry._meta.get_field(name).verbose_name, getattr(entry, name), value)
                for name, value in obj.proposed.items()
            ),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("field"),
            _("current"),
            _("proposed"),
            rows,
        )

    def save_model(self, request, obj, form, change):
        if obj.status != CorrectionRequest.Status.OPEN:
            return
        if "_apply" in request.POST:
            try:
                services.apply_request(obj, request.user)
            except (ValidationError, ValueError) as error:
                messages.error(request, _("Not applied: %(error)s") % {"error": error})
            else:
                messages.success(request, _("Applied; the entry is marked as verified."))
        elif "_reject" in request.POST:
            services.reject_request(obj, request.user, obj.note)
            messages.info(request, _("Rejected."))
        else:
            obj.save(update_fields=["note"])


@admin.register(ConfirmationEmail)
class ConfirmationEmailAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "recipient", entry_kind_label, "entry_id", "status", "error"]
    list_filter = ["status", EntryKindFilter, "created_at"]
    search_fields = ["recipient"]
    fields = ["created_at", "recipient", entry_kind_label, "entry_id", "status", "error"]
    readonly_fields = [entry_kind_label]


@admin.register(Anonymisation)
class AnonymisationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["done_at", "contact_id", "done_by", "reason"]


@admin.action(description=_("Send “please confirm your entry” emails"), permissions=["change"])
def send_confirmation_emails(modeladmin, request, queryset):
    sent = failed = missing = 0
    for entry in queryset:
        if not services.recipient_of(entry):
            missing += 1
            continue
        record = services.send_confirmation(entry, requested_by=request.user)
        if record.status == ConfirmationEmail.Status.SENT:
            sent += 1
        else:
            failed += 1
            modeladmin.message_user(request, f"{record.recipient}: {record.error}", messages.ERROR)
    modeladmin.message_user(
        request,
        _("%(sent)d sent, %(failed)d failed, %(missing)d without an email address.")
        % {"sent": sent, "failed": failed, "missing": missing},
        messages.SUCCESS if not failed else messages.WARNING,
    )
