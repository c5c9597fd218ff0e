"""The page behind a confirmation link: no login, exactly one entry, three answers."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import services
from .forms import RemovalForm, correction_form


def load(request, token):
    """(reviewable, entry) or a response explaining what is wrong with the link."""
    try:
        reviewable, entry = services.entry_for(token)
    except services.LinkError as error:
        return (
            None,
            None,
            render(request, "reviews/link_error.html", {"expired": error.expired}, status=400),
        )
    if entry is None:
        return None, None, render(request, "reviews/link_error.html", {"gone": True}, status=404)
    return reviewable, entry, None


@never_cache
def confirm(request, token):
    reviewable, entry, error = load(request, token)
    if error:
        return error
    if request.method == "POST":
        services.confirm(entry)
        messages.success(request, _("Thank you: your entry is confirmed as correct."))
        return redirect("reviews:confirm", token=token)
    return render(
        request,
        "reviews/confirm.html",
        {
            "reviewable": reviewable,
            "entry": entry,
            "fields": services.shown_fields(entry),
            "token": token,
        },
    )


@never_cache
def correct(request, token):
    reviewable, entry, error = load(request, token)
    if error:
        return error
    form = correction_form(reviewable, entry, request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposed = {name: form.cleaned_data[name] for name in reviewable.fields}
        # The form wrote into `entry`; reload so nothing of it is ever saved from here.
        entry.refresh_from_db()
        services.request_correction(entry, proposed, form.cleaned_data["message"])
        messages.success(
            request,
            _("Thank you: the office will check your corrections and update the entry."),
        )
        return redirect("reviews:confirm", token=token)
    return render(
        request,
        "reviews/correct.html",
        {"reviewable": reviewable, "entry": entry, "form": form, "token": token},
    )


@never_cache
def remove(request, token):
    reviewable, entry, error = load(request, token)
    if error:
        return error
    if not reviewable.removable:
        return redirect("reviews:confirm", token=token)
    form = RemovalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.request_removal(entry, form.cleaned_data["message"])
        messages.success(
            request, _("Thank you: the office will remove your entry and tell you when it is done.")
        )
        return redirect("reviews:confirm", token=token)
    return render(
        request,
        "reviews/remove.html",
        {"reviewable": reviewable, "entry": entry, "form": form, "token": token},
    )
