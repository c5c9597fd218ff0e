"""The Merkliste: contacts a member hand-picks (one at a time, or every contact of a filtered
list at once) and a coordinator exports like any list, e.g. as an invitation list.

Every read goes through `ContactPerson.objects.visible_to(user)`: a contact whose visibility
dropped below the user's role disappears from the page, the counts and the export, though its
row stays (it returns if the visibility does)."""

import functools

from django.contrib import messages
from django.db import transaction
from django.db.models import Value
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.contacts.models import ContactPerson
from directory.core.compiled import CompiledQuerySet, Slot
from directory.core.links import entry_url, same_site
from directory.core.registry import ListLink
from directory.core.roles import Role, rate_limit, role_of, role_required
from directory.core.views import post_only

from .models import SavedContact

LIST_KEY = "ansprechpersonen"
# How many contacts "add all of this list" takes at once, and how many a Merkliste holds: an
# invitation list, not a copy of the directory (a print view holds 1000).
ADD_ALL_LIMIT = 500
SIZE_LIMIT = 1000
# The query parameter that makes the contacts' export read the Merkliste.
SOURCE_PARAMETER = "merkliste"


def saved_contacts(user):
    """The contacts on `user`'s Merkliste that `user` may see, in German name order."""
    saved = SavedContact.objects.of(user).values("contact_id")
    return ContactPerson.objects.visible_to(user).filter(pk__in=saved).alphabetical()


def saved_ids(request):
    """The ids on the user's Merkliste (visible or not), read once per request: the buttons
    of a list page cost one query, not one per contact (compiled and prepared once, see
    core.compiled)."""
    if not hasattr(request, "_merkliste_ids"):
        user = request.user
        rows = _saved_ids().run(user=user.pk) if user.is_authenticated else []
        request._merkliste_ids = {row["contact_id"] for row in rows}
    return request._merkliste_ids


@functools.cache
def _saved_ids():
    return CompiledQuerySet(
        SavedContact.objects.filter(user_id=Value(Slot("user"))).values("contact_id")
    )


def is_source(request):
    """Whether an export reads the Merkliste (`?merkliste=1`); any other value does not."""
    return request.GET.get(SOURCE_PARAMETER) == "1"


def add(user, contacts):
    """Put `contacts` (a queryset, already restricted to what `user` may see) on the user's
    Merkliste, up to SIZE_LIMIT; returns (added, refused for lack of room)."""
    with transaction.atomic():
        present = set(SavedContact.objects.of(user).values_list("contact_id", flat=True))
        new = [pk for pk in contacts.values_list("pk", flat=True) if pk not in present]
        room = max(SIZE_LIMIT - len(present), 0)
        SavedContact.objects.bulk_create(
            [SavedContact(user=user, contact_id=pk) for pk in new[:room]],
            ignore_conflicts=True,
        )
    return min(len(new), room), max(len(new) - room, 0)


def back_to(request, default):
    """Where a button's form asks to return (`next`, only to this site), else `default`."""
    return same_site(request, request.POST.get("next", ""), request.GET.get("next", "")) or default


def size_refused(request, refused):
    if refused:
        messages.warning(
            request,
            ngettext(
                "A Merkliste holds at most %(limit)s contacts: %(count)s contact was not added.",
                "A Merkliste holds at most %(limit)s contacts: %(count)s contacts were not added.",
                refused,
            )
            % {"limit": SIZE_LIMIT, "count": refused},
        )


# --- pages and buttons ------------------------------------------------------------------------


@rate_limit("NETZPOL_RATE_PAGES")
@role_required(Role.MEMBER)
def merkliste(request):
    contacts = saved_contacts(request.user).with_details()
    return render(
        request,
        "exports/merkliste.html",
        {
            "contacts": contacts,
            "can_export": role_of(request.user) >= Role.COORDINATOR,
            "export_url": f"{reverse('exports:export', args=[LIST_KEY])}?{SOURCE_PARAMETER}=1",
        },
    )


@rate_limit("NETZPOL_RATE_PAGES")
@role_required(Role.MEMBER)
@post_only
def save(request, pk):
    contact = get_object_or_404(ContactPerson.objects.visible_to(request.user), pk=pk)
    added, refused = add(request.user, ContactPerson.objects.filter(pk=contact.pk))
    if added:
        messages.success(
            request, _("%(name)s is now on your Merkliste.") % {"name": contact.display_name}
        )
    size_refused(request, refused)
    return redirect(back_to(request, contact.get_absolute_url()))


@rate_limit("NETZPOL_RATE_PAGES")
@role_required(Role.MEMBER)
@post_only
def remove(request, pk):
    # Also a contact the user no longer sees: its row goes, without telling its name.
    deleted, _rows = SavedContact.objects.of(request.user).filter(contact_id=pk).delete()
    if deleted:
        messages.success(request, _("The contact was removed from your Merkliste."))
    return redirect(back_to(request, reverse("exports:merkliste")))


@rate_limit("NETZPOL_RATE_PAGES")
@role_required(Role.MEMBER)
@post_only
def clear(request):
    SavedContact.objects.of(request.user).delete()
    messages.success(request, _("Your Merkliste is empty now."))
    return redirect("exports:merkliste")


@rate_limit("NETZPOL_RATE_PAGES")
@role_required(Role.MEMBER)
def save_all(request):
    """Every contact of the contacts list as filtered (the query string): GET asks, POST adds,
    at most ADD_ALL_LIMIT at once."""
    from .lists import LISTS
    from .views import describe, filtered

    export_list = LISTS[LIST_KEY]
    filterset = filtered(export_list, request)
    query = request.GET.copy()
    query.pop("page", None)
    list_url = f"{export_list.list_url()}?{query.urlencode()}" if query else export_list.list_url()
    if not filterset.is_valid():
        messages.error(request, _("The filters are not valid; please correct them in the list."))
        return redirect(list_url)
    contacts = filterset.qs
    count = contacts.count()
    too_many = count > ADD_ALL_LIMIT
    if request.method == "POST" and not too_many:
        added, refused = add(request.user, contacts)
        messages.success(
            request,
            ngettext(
                "%(count)s contact was added to your Merkliste.",
                "%(count)s contacts were added to your Merkliste.",
                added,
            )
            % {"count": added},
        )
        size_refused(request, refused)
        return redirect(list_url)
    return render(
        request,
        "exports/merkliste_add_all.html",
        {
            "count": count,
            "too_many": too_many,
            "limit": ADD_ALL_LIMIT,
            "list_url": list_url,
            "filters": describe(filterset),
        },
    )


# --- what other apps show (registered in ExportsConfig.ready) ---------------------------------


def button(request, entry):
    """ "Merken" or "Auf der Merkliste" with "Entfernen", for a contact on a list or its page:
    a plain form (no htmx) to save or remove it; the page reloads with the message and the new
    state.

    Written here, not in a template: a list renders it for every row, and the template engine
    took about 150 µs a button (1.4-1.9 ms of a contacts page of ten at 100,000 contacts, CPU of
    the page with and without the buttons); this takes a tenth of that. The parts every row
    shares are worked out once per request (`_shared`)."""
    if not isinstance(entry, ContactPerson):
        return ""
    shared = _shared(request)
    if shared is None:
        return ""
    saved = entry.pk in shared["saved"]
    action = entry_url("exports:merkliste_remove" if saved else "exports:merkliste_save", entry.pk)
    return format_html(
        '<div class="merkliste-button no-print d-flex flex-wrap align-items-center gap-2 mt-1">'
        '{}<form method="post" action="{}" data-hx-boost="false">{}'
        '<button type="submit" class="btn btn-sm {}">{}'
        '<span class="visually-hidden">: {}</span></button></form></div>',
        shared["on_list"] if saved else "",
        action,
        shared["inputs"],
        "btn-outline-secondary" if saved else "btn-outline-primary",
        shared["remove"] if saved else shared["add"],
        entry.display_name,
    )


def _shared(request):
    """What every Merkliste button of a page shares (None for a user without a Merkliste),
    worked out once per request."""
    if not hasattr(request, "_merkliste_button"):
        request._merkliste_button = (
            None
            if role_of(request.user) < Role.MEMBER
            else {
                "saved": saved_ids(request),
                "on_list": format_html(
                    '<a class="badge text-bg-success text-decoration-none" href="{}"'
                    ' data-hx-boost="false">{}</a>',
                    reverse("exports:merkliste"),
                    _("On the Merkliste"),
                ),
                # One masked CSRF token for the page, as `{% csrf_token %}` gives one per
                # rendered template.
                "inputs": format_html(
                    '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                    '<input type="hidden" name="next" value="{}">',
                    get_token(request),
                    request.get_full_path(),
                ),
                "add": _("Add to the Merkliste"),
                "remove": _("Remove from the Merkliste"),
            }
        )
    return request._merkliste_button


def add_all_link(view):
    """Above the contacts list: "add all of these to the Merkliste" and the Merkliste itself."""
    request = view.request
    match = request.resolver_match
    if match is None or match.view_name != "contacts:list":
        return None
    if role_of(request.user) < Role.MEMBER:
        return None
    url = reverse("exports:merkliste_add_all")
    query = request.GET.copy()
    query.pop("page", None)
    return ListLink(
        "merkliste-add-all",
        _("Add all to the Merkliste"),
        f"{url}?{query.urlencode()}" if query else url,
    )


def merkliste_link(view):
    request = view.request
    match = request.resolver_match
    if match is None or match.view_name != "contacts:list":
        return None
    if role_of(request.user) < Role.MEMBER:
        return None
    return ListLink("merkliste-link", _("Show my Merkliste"), reverse("exports:merkliste"))


def only_saved(request, contacts):
    """An export's contacts restricted to the Merkliste, when the export asks for it."""
    if not is_source(request):
        return contacts
    return contacts.filter(pk__in=SavedContact.objects.of(request.user).values("contact_id"))
