from django import forms
from django.utils.translation import gettext_lazy as _

from directory.core import spam
from directory.core.listing import RegionTree, name_choices
from directory.core.models import Region, Topic

from .models import OfficeRequest

SIGNING_SALT = "office_requests.form-started"


def form_token():
    """When the form was handed out, signed: the minimum fill time needs no session."""
    return spam.form_token(SIGNING_SALT)


class OfficeRequestForm(spam.SpamCheckedForm):
    signing_salt = SIGNING_SALT

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Not specified")), *RegionTree().choices()]
        self.fields["topics"].choices = name_choices(Topic)

    def clean_region(self):
        pk = self.cleaned_data["region"]
        return Region.objects.filter(pk=pk).first() if pk else None
