from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import PoliceUnit


def path_below(parent, name):
    """The path a unit named `name` gets below `parent` (as the database trigger builds it)."""
    return f"{parent.path} > {name}" if parent else name


class PoliceUnitAdminForm(forms.ModelForm):
    """Moving a unit (a new superior unit) moves its whole subtree: a mistaken pick in the
    autocomplete must not pass unnoticed. The first save names the old and the new path and
    asks; only a save with `confirm_move` ticked moves the unit."""

    confirm_move = forms.BooleanField(label=_("Yes, move this unit"), required=False)

    def clean(self):
        cleaned = super().clean()
        unit = self.instance
        if unit.pk and "parent" in self.changed_data and not cleaned.get("confirm_move"):
            subunits = PoliceUnit.objects.below(unit, include_self=False).count()
            new_path = path_below(cleaned.get("parent"), cleaned.get("name") or unit.name)
            message = [
                _("You are moving this unit from “%(old)s” to “%(new)s”.")
                % {"old": unit.path, "new": new_path}
            ]
            if subunits:
                message.append(
                    ngettext(
                        "Its %(count)d subunit moves with it.",
                        "Its %(count)d subunits move with it.",
                        subunits,
                    )
                    % {"count": subunits}
                )
            message.append(_("Please check the new path and confirm the move."))
            self.add_error("confirm_move", " ".join(map(str, message)))
        return cleaned
