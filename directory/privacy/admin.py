from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from directory.contacts.admin import ContactPersonAdmin
from directory.reviews.services import anonymise


@admin.action(description=_("Subject access report (one contact)"), permissions=["view"])
def subject_access_report(modeladmin, request, queryset):
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Select exactly one contact."), messages.WARNING)
        return None
    return redirect("privacy:subject_access", pk=queryset.get().pk)


@admin.action(
    description=_("Erase personal data (anonymise, keeps an audit record)"),
    permissions=["change"],
)
def erase(modeladmin, request, queryset):
    contacts = list(queryset)
    for contact in contacts:
        anonymise(contact, request.user, reason="erasure by a curator (Art. 17 DSGVO)")
    modeladmin.message_user(
        request,
        ngettext("%(count)d contact anonymised.", "%(count)d contacts anonymised.", len(contacts))
        % {"count": len(contacts)},
        messages.SUCCESS,
    )


# Added here, where this app knows the contacts admin (imports run downward).
ContactPersonAdmin.actions = [*ContactPersonAdmin.actions, subject_access_report, erase]
