import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from directory.core.listing import DirectoryFilterSet, MultipleChoices, SortFilter, topic_filter

from .models import Project


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectFilter(DirectoryFilterSet):
    topic = topic_filter()
    # No DISTINCT (django-filter's default for multiple choices): one row per project anyway,
    # and DISTINCT would add the sort keys to an export's columns.
    status = MultipleChoices(choices=Project.Status.choices, label=_("Status"))
    running_from = django_filters.DateFilter(
        label=_("Running from"), method="filter_period", widget=date_input()
    )
    running_until = django_filters.DateFilter(
        label=_("Running until"), method="filter_period", widget=date_input()
    )
    public = django_filters.BooleanFilter(field_name="is_public", label=_("Public"))
    sort = SortFilter(
        empty_label=_("Relevance / newest"),
        orders={
            "start": (_("Start"), ["starts_on", "title"]),
            "title": (_("Title"), ["title"]),
            "status": (_("Status"), ["status", "title"]),
        },
    )

    staff_filters = ["review", "public"]
    form_order = ["q", "topic", "region", "status", "running_from", "running_until"]

    class Meta:
        model = Project
        fields = []

    def filter_period(self, queryset, name, value):
        # Both ends together: a project counts when its period overlaps the chosen one.
        if name == "running_from":
            return queryset.running_between(start=value)
        return queryset.running_between(end=value)
