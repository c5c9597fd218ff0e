from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ExportLog


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), widget=forms.RadioSelect)
    delimiter = forms.ChoiceField(
        label=_("CSV separator"),
        choices=[(";", _("Semicolon (German Excel)")), (",", _("Comma (other programs)"))],
        initial=";",
        widget=forms.RadioSelect,
    )
    unique_emails = forms.BooleanField(
        label=_("Each email address only once"),
        required=False,
        initial=True,
        help_text=_(
            "For invitations: of contacts sharing an address only the first in the list's "
            "order; contacts without an address all stay."
        ),
    )
    layout = forms.ChoiceField(
        label=_("Print view"),
        choices=[
            ("list", _("List")),
            ("attendance", _("Attendance list (with a signature column)")),
        ],
        initial="list",
        required=False,
        widget=forms.RadioSelect,
    )
    event_title = forms.CharField(
        label=_("Event (attendance list)"),
        max_length=200,
        required=False,
        help_text=_("Title, date and place head the attendance list; empty, they are lines to "
                    "fill in by hand."),
    )  # fmt: skip
    event_date = forms.CharField(label=_("Date (attendance list)"), max_length=60, required=False)
    event_place = forms.CharField(
        label=_("Place (attendance list)"), max_length=200, required=False
    )
    columns = forms.MultipleChoiceField(
        label=_("Columns (CSV, XLSX and print)"), widget=forms.CheckboxSelectMultiple
    )
    purpose = forms.CharField(
        label=_("Purpose of this export"),
        max_length=300,
        help_text=_("Required and logged, e.g. “Invitations to the dialogue forum on 12 March”."),
    )

    def __init__(self, export_list, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = [(f.value, f.label) for f in ExportLog.Format]
        if not export_list.card:
            formats = [f for f in formats if f[0] != ExportLog.Format.VCARD]
        self.fields["format"].choices = formats
        self.fields["columns"].choices = [(c.key, c.label) for c in export_list.columns]
        if not export_list.model_has_people:
            del self.fields["unique_emails"]

    def clean_purpose(self):
        purpose = self.cleaned_data["purpose"].strip()
        if len(purpose) < 5:
            raise forms.ValidationError(_("Please say in a few words what the list is for."))
        return purpose
