"""The page behind a confirmation link: no login, exactly one entry, three answers.

The first answer spends the link (see services.link_state), so every answer ends on the
thank-you page, not on the link again. Answers are throttled per client address and per entry;
over the limit is the 429 page (django-ratelimit, RATELIMIT_VIEW)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from directory.core.roles import setting_rate

from . import services
from .forms import RemovalForm, correction_form

# Counted before the link is read, over all three pages: made-up links cost as much as real ones.
# Generous, as the contact persons of one police headquarters may answer a reminder from one
# network; the limit per entry below is the tight one.
limit_per_address = ratelimit(
    group="reviews.answers.address",
    key="ip",
    rate=setting_rate("NETZPOL_RATE_CONFIRMATION_IP"),
    method="POST",
)


def limit_per_entry(request, reviewable, entry):
    """Raise Ratelimited when the entry got too many answers, through however many links."""
    if is_ratelimited(
        request,
        group="reviews.answers.entry",
        key=lambda group, request: f"{reviewable.key}:{entry.pk}",
        rate=setting_rate("NETZPOL_RATE_CONFIRMATION_ENTRY"),
        method="POST",
        increment=True,
    ):
        raise Ratelimited


def load(request, token):
    """(reviewable, entry) or a response explaining what is wrong with the link."""
    try:
        reviewable, entry = services.entry_for(token)
    except services.LinkError as error:
        context = {"expired": error.expired, "spent": error.spent}
        return None, None, render(request, "reviews/link_error.html", context, status=400)
    if entry is None:
        return None, None, render(request, "reviews/link_error.html", {"gone": True}, status=404)
    limit_per_entry(request, reviewable, entry)
    return reviewable, entry, None


@never_cache
def thanks(request):
    """Where every answer ends; it shows nothing of the entry."""
    return render(request, "reviews/thanks.html")


@never_cache
@limit_per_address
def confirm(request, token):
    reviewable, entry, error = load(request, token)
    if error:
        return error
    if request.method == "POST":
        services.confirm(entry)
        messages.success(request, _("Thank you: your entry is confirmed as correct."))
        return redirect("reviews:thanks")
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
@limit_per_address
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
        return redirect("reviews:thanks")
    return render(
        request,
        "reviews/correct.html",
        {"reviewable": reviewable, "entry": entry, "form": form, "token": token},
    )


@never_cache
@limit_per_address
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
        return redirect("reviews:thanks")
    return render(
        request,
        "reviews/remove.html",
        {"reviewable": reviewable, "entry": entry, "form": form, "token": token},
    )
