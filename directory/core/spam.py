"""Spam protection for the public forms, without third parties: a field people never see (bots
fill it in), the signed time the form was handed out (bots send at once; no session needed),
and a limit of submissions per client address."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from .roles import setting_rate

# A form older than this is refused (and sent back with a fresh one): a token lives one day.
MAX_FORM_AGE_SECONDS = 24 * 60 * 60


def form_token(salt):
    """When the form was handed out, signed with the form's own salt."""
    return signing.Signer(salt=salt).sign(f"{time.time():.3f}")


def rate_limited(request, rate_setting):
    """Count this submission against the client address's limit (`settings.<rate_setting>`);
    True beyond it."""
    return is_ratelimited(
        request,
        group=rate_setting,
        key="ip",
        rate=setting_rate(rate_setting),
        method="POST",
        increment=True,
    )


class SpamCheckedForm(forms.Form):
    """A public form with a honeypot (`homepage`) and a signed start time (`started`), at
    least NETZPOL_REQUEST_MIN_SECONDS old and at most a day. Subclasses set `signing_salt`."""

    signing_salt = None
    honeypot_message = _("This field must stay empty. Your request was not sent.")

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = form_token(self.signing_salt)

    def renew_token(self):
        """A fresh start time in a bound form sent back for correction: whoever corrects it is
        not refused as too fast or expired."""
        self.data = self.data.copy()
        self.data["started"] = form_token(self.signing_salt)

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        return ""

    def clean_started(self):
        try:
            started = float(
                signing.Signer(salt=self.signing_salt).unsign(self.cleaned_data["started"])
            )
        except (signing.BadSignature, ValueError) as exc:
            raise forms.ValidationError(
                _("The form could not be checked. Please send it again."), code="token"
            ) from exc
        age = time.time() - started
        if age > MAX_FORM_AGE_SECONDS:
            raise forms.ValidationError(
                _("The form has expired. Please send it again."), code="expired"
            )
        if age < settings.NETZPOL_REQUEST_MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "The form was sent faster than a person can fill it in. Please check "
                    "your details and send it again."
                ),
                code="too_fast",
            )
        return started

    def errors_of_spam_checks(self):
        return [error for name in ("homepage", "started") for error in self.errors.get(name, [])]
