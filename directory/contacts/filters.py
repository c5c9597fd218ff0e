import django_filters
from django.utils.translation import gettext_lazy as _

from directory.core.listing import (
    DirectoryFilterSet,
    MultipleChoices,
    SortFilter,
    language_filter,
    topic_filter,
)

from .models import ContactPerson, Visibility


class ContactFilter(DirectoryFilterSet):
    topic = topic_filter()
    affiliation = django_filters.ChoiceFilter(
        label=_("Works for"),
        empty_label=_("Organisations and police"),
        choices=[("organisation", _("an organisation")), ("police", _("the police"))],
        method="filter_affiliation",
    )
    language = language_filter()
    visibility = MultipleChoices(choices=Visibility.choices, label=_("Visibility"))
    sort = SortFilter(
        empty_label=_("Relevance / name"),
        orders={
            "name": (_("Name"), [ContactPerson.sort_name(), "first_name"]),
            "function": (_("Function"), ["function", ContactPerson.sort_name()]),
            "updated": (_("Last changed"), ["updated_at"]),
        },
    )

    staff_filters = ["review", "visibility"]
    form_order = ["q", "topic", "region", "affiliation", "language"]

    class Meta:
        model = ContactPerson
        fields = []

    def filter_affiliation(self, queryset, name, value):
        field = "organisation" if value == "organisation" else "police_unit"
        return queryset.filter(**{f"{field}__isnull": False})
