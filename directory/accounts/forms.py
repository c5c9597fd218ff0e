from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from directory.core.roles import GROUP_NAMES, Role


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
