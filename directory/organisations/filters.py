import django_filters
from django.utils.translation import gettext_lazy as _

from directory.core.listing import (
    DirectoryFilterSet,
    MultipleChoices,
    SortFilter,
    language_filter,
    topic_filter,
)

from .models import Organisation


class OrganisationFilter(DirectoryFilterSet):
    topic = topic_filter()
    kind = MultipleChoices(choices=Organisation.Kind.choices, label=_("Kind"))
    legal_form = MultipleChoices(choices=Organisation.LegalForm.choices, label=_("Legal form"))
    language = language_filter()
    public = django_filters.BooleanFilter(field_name="is_public", label=_("Public profile"))
    sort = SortFilter(
        empty_label=_("Relevance / name"),
        orders={
            "name": (_("Name"), ["name"]),
            "city": (_("City"), ["city", "name"]),
            "kind": (_("Kind"), ["kind", "name"]),
            "updated": (_("Last changed"), ["updated_at"]),
        },
    )

    staff_filters = ["review", "public"]
    form_order = ["q", "topic", "region", "kind", "legal_form", "language"]

    class Meta:
        model = Organisation
        fields = []
