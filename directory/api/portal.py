"""The API's pages in the portal: members manage their personal tokens, and the docs."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from directory.core.roles import Role, rate_limit, role_required
from directory.core.views import post_only

from . import tokens as token_service
from .forms import TokenForm
from .models import ApiToken


@role_required(Role.MEMBER)
@rate_limit("NETZPOL_RATE_PAGES")
def tokens(request):
    """The user's tokens; a new one is shown once, on the page that answers its creation."""
    new_token = None
    form = TokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        entry, new_token = token_service.create_token(
            request.user, form.cleaned_data["name"], form.cleaned_data["expires_on"]
        )
        messages.success(request, _("Token “%(name)s” created.") % {"name": entry.name})
        form = TokenForm(user=request.user)
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "new_token": new_token,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
    )


@role_required(Role.MEMBER)
@post_only
def token_revoke(request, pk):
    entry = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token_service.revoke(entry)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": entry.name})
    return redirect("api:tokens")


def docs(request):
    """Swagger UI for the schema, from vendored files (drf-spectacular-sidecar), started by a
    script file of our own: the CSP allows no inline script."""
    return render(request, "api/docs.html")
