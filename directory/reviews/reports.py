"""Members report an error in an entry they see ("Fehler melden"): a correction request without
proposed values, which curators decide like any other. The form sits at the end of the entry's
page (registered in ReviewsConfig.ready); its own page serves it without JavaScript and after a
validation error."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from directory.core.roles import Role, rate_limit, role_of, role_required

from . import services
from .entries import REVIEWABLE, reviewable_of
from .forms import ErrorReportForm


def report_error(entry, user, message):
    """A correction request for curators about `entry`, naming who reported it (so the office
    can ask back; the request has no field for that)."""
    reporter = user.get_full_name() or user.get_username()
    text = _("Error reported by %(name)s (%(email)s) on the directory page:") % {
        "name": reporter,
        "email": user.email or "–",
    }
    return services.request_correction(entry, {}, f"{text}\n{message}")


def report_form(request, entry):
    """The "report an error" form at the end of an entry's page, for members and above."""
    if role_of(request.user) < Role.MEMBER:
        return ""
    try:
        reviewable = reviewable_of(entry)
    except StopIteration:
        return ""
    return render_to_string(
        "reviews/report_error_form.html",
        {"form": ErrorReportForm(), "kind": reviewable.key, "entry": entry},
        request=request,
    )


@rate_limit("NETZPOL_RATE_PAGES")
@role_required(Role.MEMBER)
@require_http_methods(["GET", "POST"])
def report(request, kind, pk):
    reviewable = REVIEWABLE.get(kind)
    if reviewable is None:
        raise Http404
    entry = get_object_or_404(reviewable.model.objects.visible_to(request.user), pk=pk)
    form = ErrorReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_error(entry, request.user, form.cleaned_data["message"])
        messages.success(
            request, _("Thank you: the office will check the entry and correct it if needed.")
        )
        return redirect(entry.get_absolute_url())
    return render(
        request,
        "reviews/report_error.html",
        {"form": form, "kind": kind, "entry": entry, "reviewable": reviewable},
    )
