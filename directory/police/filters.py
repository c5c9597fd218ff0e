import django_filters
from django.utils.translation import gettext_lazy as _

from directory.core.listing import DirectoryFilterSet, MultipleChoices, SortFilter, topic_filter

from .models import PoliceUnit


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

    staff_filters = ["review", "public"]
    form_order = ["q", "topic", "region", "level", "kind"]

    class Meta:
        model = PoliceUnit
        fields = []
