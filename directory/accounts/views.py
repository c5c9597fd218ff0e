from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_ratelimit.decorators import ratelimit

from directory.core.links import same_site
from directory.core.paging import pagination
from directory.core.roles import Role, role_required, setting_rate
from directory.core.views import method_not_allowed, post_only

from . import invitations, services
from . import two_factor as two_factor_setup
from .forms import (
    AccountFilterForm,
    AccountRoleForm,
    CodeForm,
    InvitationForm,
    PasswordResetForm,
)

ACCOUNTS_PER_PAGE = 50

# Per client address, the 429 page: it says nothing about the addresses asked for. The silent
# limit per target address is in PasswordResetForm.
password_reset = ratelimit(
    group="accounts.password-reset.client",
    key="ip",
    rate=setting_rate("NETZPOL_RATE_PASSWORD_RESET_IP"),
    method="POST",
)(auth_views.PasswordResetView.as_view(form_class=PasswordResetForm))


@role_required(Role.CURATOR)
def invite(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invitations.invite(
            data["email"], data["first_name"], data["last_name"], data["role"], request.user
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": data["email"]})
        return redirect("accounts:invite")
    return render(request, "accounts/invite.html", {"form": form})


@never_cache
def accept(request, token):
    user = invitations.user_for(token)
    if user is None:
        return render(request, "accounts/invitation_invalid.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your password is set. Please log in."))
        return redirect("login")
    return render(request, "accounts/accept.html", {"form": form, "invited": user})


@login_required
@never_cache
def two_factor(request):
    """Verify with a code; a user without a confirmed device first sets one up."""
    user = request.user
    next_url = same_site(request, request.GET.get("next", ""))
    enrolled = user_has_device(user)
    device = None if enrolled else two_factor_setup.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].replace(" ", "")
        if enrolled:
            matched = match_token(user, code)
        else:
            matched = device if device.verify_token(code) else None
        if matched is not None:
            if not enrolled:
                device.confirmed = True
                device.save()
            otp_login(request, matched)
            if not enrolled:
                codes = two_factor_setup.new_recovery_codes(user)
                return render(
                    request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url}
                )
            return redirect(next_url or "reviews:dashboard")
        form.add_error("code", _("This code is not valid. Please try the current one."))
    context = {"form": form, "enrolled": enrolled, "next": next_url}
    if device:
        context |= {
            "qr": two_factor_setup.qr_code(device),
            "secret": two_factor_setup.secret(device),
        }
    return render(request, "accounts/two_factor.html", context)


# --- curators manage member and coordinator accounts ----------------------------------------


@role_required(Role.CURATOR)
def accounts(request):
    """Members and coordinators with role, last login and status; filtered and paginated."""
    form = AccountFilterForm(request.GET or None)
    found = services.managed_accounts()
    if form.is_valid():
        found = services.search(found, **form.cleaned_data)
    elif form.is_bound:
        found = found.none()
    page = Paginator(found, ACCOUNTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "paginator": page.paginator,
        **pagination(request, page),
        "rows": [services.describe(account) for account in page],
        "role_choices": AccountRoleForm.base_fields["role"].choices,
        "back": request.get_full_path(),
    }
    return render(request, "accounts/account_list.html", context)


def managed_account(pk):
    """One account a curator may manage; curators, staff and superusers are not found."""
    return get_object_or_404(services.managed_accounts(), pk=pk)


def back_to_list(request):
    """The list as the curator left it (filters, page), never another site."""
    back = same_site(request, request.POST.get("next", ""))
    list_url = reverse("accounts:accounts")
    return redirect(back if back.startswith(list_url) else list_url)


@role_required(Role.CURATOR)
@post_only
def account_active(request, pk):
    account = managed_account(pk)
    active = request.POST.get("active") == "1"
    if services.set_active(account, active, request.user):
        message = _("%(name)s can log in again.") if active else _("%(name)s is deactivated.")
        messages.success(request, message % {"name": account.get_full_name() or account})
    return back_to_list(request)


@role_required(Role.CURATOR)
@post_only
def account_role(request, pk):
    account = managed_account(pk)
    form = AccountRoleForm(request.POST)
    if form.is_valid():
        services.set_role(account, form.cleaned_data["role"], request.user)
        label = dict(form.fields["role"].choices)[form.cleaned_data["role"]]
        messages.success(
            request,
            _("%(name)s is now: %(role)s.")
            % {"name": account.get_full_name() or account, "role": label},
        )
    else:
        messages.error(request, _("Choose member or coordinator."))
    return back_to_list(request)


@role_required(Role.CURATOR)
@post_only
def account_invitation(request, pk):
    account = managed_account(pk)
    if services.resend_invitation(account, request.user):
        messages.success(
            request, _("Invitation sent again to %(email)s.") % {"email": account.email}
        )
    else:
        messages.warning(
            request,
            _("%(name)s has already set a password or is deactivated.")
            % {"name": account.get_full_name() or account},
        )
    return back_to_list(request)


class LogoutView(auth_views.LogoutView):
    """Django's logout (POST only, from the navigation's button), with the portal's page for a
    GET of its address instead of an empty 405."""

    def http_method_not_allowed(self, request, *args, **kwargs):
        return method_not_allowed(request, self._allowed_methods())
