from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext

from directory.reviews.services import anonymise, office_text

# The confirmation page names every entry up to this many; beyond, it counts the rest.
ERASURE_PREVIEW = 100


@admin.action(description=_("Subject access report (one contact)"), permissions=["view"])
def subject_access_report(modeladmin, request, queryset):
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Select exactly one contact."), messages.WARNING)
        return None
    return redirect("privacy:subject_access", pk=queryset.get().pk)


def personal_values(contact):
    """(label, value) of the contact's declared personal data that holds something."""
    rows = []
    for name in contact.personal_data["fields"]:
        field = contact._meta.get_field(name)
        value = getattr(contact, name)
        if value in ("", None):
            continue
        if field.choices:
            value = getattr(contact, f"get_{name}_display")()
        rows.append((field.verbose_name, value))
    return rows


@admin.action(
    description=_("Erase personal data (anonymise, keeps an audit record)"),
    permissions=["change"],
)
def erase(modeladmin, request, queryset):
    """First a page naming the entries and what of them will be erased; only its POST
    (`post=yes`, as Django's delete confirmation) erases."""
    if request.POST.get("post") != "yes":
        contacts = list(queryset[:ERASURE_PREVIEW])
        count = queryset.count()
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": _("Erase personal data"),
            "opts": modeladmin.model._meta,
            "count": count,
            "more": count - len(contacts),
            "entries": [(contact, personal_values(contact)) for contact in contacts],
            "select_across": request.POST.get("select_across") == "1",
            "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/privacy/erase_confirmation.html", context)
    contacts = list(queryset)
    reason = office_text(gettext_noop("erasure by a curator (Art. 17 DSGVO)"))
    for contact in contacts:
        anonymise(contact, request.user, reason=reason)
    modeladmin.message_user(
        request,
        ngettext("%(count)d contact anonymised.", "%(count)d contacts anonymised.", len(contacts))
        % {"count": len(contacts)},
        messages.SUCCESS,
    )
    return None
