from django import forms
from django.utils.translation import gettext_lazy as _

from directory.core.listing import RegionTree, name_choices
from directory.core.models import Topic

from .edges import EdgeKind, Scope, edge_kinds_for


class NetworkFilter(forms.Form):
    """The part of the network to show. Bad values (a region or topic that does not exist, a
    kind the viewer may not see, an impossible date) fail validation: the page says so."""

    region = forms.TypedChoiceField(
        label=_("Region"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_(
            "Both ends in the region; a place includes what serves it as a whole (all of "
            "Berlin for a Berlin district)."
        ),
    )
    topic = forms.TypedMultipleChoiceField(
        label=_("Topics (any of)"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    kind = forms.MultipleChoiceField(
        label=_("Kinds of cooperation"), required=False, widget=forms.CheckboxSelectMultiple
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Cooperations dated in the period: agreements valid (from their start or "
            "signing), projects running, events held, contacts brokered then."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = RegionTree()
        self.fields["region"].choices = [("", _("All regions")), *self.regions.choices()]
        self.fields["topic"].choices = name_choices(Topic)
        self.fields["kind"].choices = [(k.value, k.label) for k in edge_kinds_for(user)]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period lies before its start."))
        return data

    def scope(self):
        """The valid form's choices as a Scope (an unbound form: the whole network)."""
        if not self.is_bound:
            return Scope()
        data = self.cleaned_data
        region = data.get("region")
        return Scope(
            within=tuple(self.regions.within(region)) if region else (),
            serving=tuple(self.regions.above(region)) if region else (),
            topics=tuple(sorted(data.get("topic") or [])),
            kinds=tuple(EdgeKind(k) for k in data.get("kind") or []),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
