import logging
import unicodedata

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from directory.core.roles import GROUP_NAMES, Role, setting_rate

log = logging.getLogger(__name__)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (GROUP_NAMES[Role.MEMBER], _("Member (searches contacts)")),
            (GROUP_NAMES[Role.COORDINATOR], _("Coordinator (also exports lists)")),
        ],
    )

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        users = get_user_model().objects
        if (
            users.filter(username__iexact=email).exists()
            or users.filter(email__iexact=email).exists()
        ):
            raise forms.ValidationError(_("There is already an account with this address."))
        return email


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six digits from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, sending at most NETZPOL_RATE_PASSWORD_RESET_ADDRESS mails to one
    address, however many clients ask.

    Over the limit it sends nothing and the view still shows the "done" page: a 429 here would
    tell a prober that this address is being asked for (and, with a count kept only for existing
    accounts, that it exists); so every address is counted, existing or not. Floods from one
    client address get the 429 page in the view instead, where it reveals nothing."""

    def save(self, *args, request=None, **kwargs):
        if is_ratelimited(
            request,
            group="accounts.password-reset.address",
            key=lambda group, request: normalised_email(self.cleaned_data["email"]),
            rate=setting_rate("NETZPOL_RATE_PASSWORD_RESET_ADDRESS"),
            increment=True,
        ):
            log.warning("password reset: mail limit reached for one address, nothing sent")
            return
        super().save(*args, request=request, **kwargs)


def normalised_email(email):
    """The address as Django's reset form matches it to accounts (NFKC, case-folded), so that
    "Ayse@Example.org " and "ayse@example.org" share one count."""
    return unicodedata.normalize("NFKC", email.strip()).casefold()


class AccountFilterForm(forms.Form):
    """The account list's filters (GET); every field optional."""

    q = forms.CharField(label=_("Name or email"), required=False, max_length=200)
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[
            ("", _("all")),
            ("member", _("Member")),
            ("coordinator", _("Coordinator")),
            ("none", _("No role")),
        ],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("all")),
            ("active", _("active")),
            ("invited", _("invitation open")),
            ("inactive", _("deactivated")),
        ],
    )


class AccountRoleForm(forms.Form):
    """A curator gives a member or coordinator role, nothing above."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("member", _("Member")), ("coordinator", _("Coordinator"))],
    )
