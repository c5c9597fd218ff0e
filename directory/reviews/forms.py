from django import forms
from django.utils.translation import gettext_lazy as _


def correction_form(reviewable, entry, data=None):
    """A form with the entry's correctable fields, filled with the current values."""
    model_form = forms.modelform_factory(reviewable.model, fields=reviewable.fields)
    form = model_form(data, instance=entry)
    form.fields["message"] = forms.CharField(
        label=_("Anything else we should know? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    return form


class RemovalForm(forms.Form):
    message = forms.CharField(
        label=_("Reason or note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ErrorReportForm(forms.Form):
    message = forms.CharField(
        label=_("What is wrong or missing?"),
        min_length=5,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The office checks the entry; your name is passed on with the report."),
    )
