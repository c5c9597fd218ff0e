from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from directory.contacts.admin import ContactPersonAdmin
from directory.organisations.admin import OrganisationAdmin
from directory.police.admin import PoliceUnitAdmin

from . import services
from .models import Anonymisation, ConfirmationEmail, CorrectionRequest


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(admin.ModelAdmin):
    """Curators compare current and proposed values, then apply or reject."""

    list_display = ["created_at", "kind", "entry_link", "status", "decided_by"]
    list_filter = ["status", "kind", "entry_kind"]
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
class ConfirmationEmailAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "recipient", "entry_kind", "entry_id", "status", "error"]
    list_filter = ["status", "entry_kind", "created_at"]
    search_fields = ["recipient"]


@admin.register(Anonymisation)
class AnonymisationAdmin(ReadOnlyAdmin):
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


# The entity admins get the action here, where the reviews app knows them (imports run
# downward: the entity apps do not know this app).
for entity_admin in (ContactPersonAdmin, OrganisationAdmin, PoliceUnitAdmin):
    entity_admin.actions = [*entity_admin.actions, send_confirmation_emails]
