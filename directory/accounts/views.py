from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from directory.core.roles import Role, role_required

from . import invitations
from .forms import InvitationForm


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
