import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from directory.core.listing import DirectoryFilterSet, MultipleChoices, SortFilter, topic_filter

from .models import PoliceUnit

# How the list page shows the units (`view=tree`); a list without it.
TREE_VIEW = "tree"


class PoliceUnitFilter(DirectoryFilterSet):
    topic = topic_filter()
    level = MultipleChoices(choices=PoliceUnit.Level.choices, label=_("Level"))
    kind = MultipleChoices(choices=PoliceUnit.Kind.choices, label=_("Kind"))
    public = django_filters.BooleanFilter(field_name="is_public", label=_("Public profile"))
    sort = SortFilter(
        empty_label=_("Relevance / position in the hierarchy"),
        orders={
            # The path the user may read (see PoliceUnitQuerySet.visible_to).
            "path": (_("Position in the hierarchy"), ["shown_path"]),
            "name": (_("Name"), ["name"]),
            "kind": (_("Kind"), ["kind", "shown_path"]),
            "updated": (_("Last changed"), ["updated_at"]),
        },
    )

    # Travels with the filters in the form (hidden), so changing one keeps the view.
    view = django_filters.CharFilter(method="keep", widget=forms.HiddenInput)

    staff_filters = ["review", "public"]
    form_order = ["q", "topic", "region", "level", "kind"]

    class Meta:
        model = PoliceUnit
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        # Any other value is the list: a view is no filter, a bad one never hides results.
        if data is not None and data.get("view") not in (None, TREE_VIEW):
            data = data.copy()
            data.pop("view")
        super().__init__(data, *args, **kwargs)

    @property
    def shows_tree(self):
        return self.data.get("view") == TREE_VIEW

    @property
    def is_filtered(self):
        """Whether any filter narrows the list (the view, sorting and page size do not)."""
        return any(
            value
            for name, value in self.form.data.items()
            if name in self.filters and name not in ("view", "sort", "per_page")
        )
