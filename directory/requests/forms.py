import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from directory.core.listing import RegionTree, name_choices
from directory.core.models import Region, Topic

from .models import OfficeRequest

SIGNING_SALT = "office_requests.form-started"
# A form older than this is refused (and sent back with a fresh one): a token lives one day.
MAX_FORM_AGE_SECONDS = 24 * 60 * 60


def form_token():
    """When the form was handed out, signed: the minimum fill time needs no session."""
    return signing.Signer(salt=SIGNING_SALT).sign(f"{time.time():.3f}")


class OfficeRequestForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is your request about?"),
        choices=OfficeRequest.Reason.choices,
        widget=forms.RadioSelect,
    )
    region = forms.TypedChoiceField(
        label=_("Region"), required=False, coerce=int, empty_value=None, choices=[]
    )
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics"),
        required=False,
        coerce=int,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )
    name = forms.CharField(label=_("Your name"), max_length=160)
    organisation = forms.CharField(
        label=_("Organisation or police unit (optional)"), max_length=200, required=False
    )
    email = forms.EmailField(label=_("Email"))
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    message = forms.CharField(
        label=_("Your message"),
        min_length=10,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "For a conflict, describe briefly what happened; please leave out details about "
            "other people that we do not need to get in touch."
        ),
    )
    consent = forms.BooleanField(
        label=_("I agree that the office stores my details to answer this request."),
        error_messages={
            "required": _("Please agree to the storage of your details, or we cannot answer.")
        },
    )
    # Spam protection without third parties: a field people never see (bots fill it in) and
    # the time the form was handed out (bots send at once).
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Not specified")), *RegionTree().choices()]
        self.fields["topics"].choices = name_choices(Topic)
        self.fields["started"].initial = form_token()

    def clean_region(self):
        pk = self.cleaned_data["region"]
        return Region.objects.filter(pk=pk).first() if pk else None

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(
                _("This field must stay empty. Your request was not sent."), code="honeypot"
            )
        return ""

    def clean_started(self):
        try:
            started = float(signing.Signer(salt=SIGNING_SALT).unsign(self.cleaned_data["started"]))
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
