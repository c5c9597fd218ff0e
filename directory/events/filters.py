import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.core.listing import AnyOfFilter, DirectoryFilterSet, SortFilter, topic_filter
from directory.core.roles import Role

from .models import Event, Format


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FormatFilter(AnyOfFilter):
    """Formats the user may see: staff-only formats only for the office."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, field_name="format", items=Format, **kwargs)

    def load_choices(self, include_staff_only=False):
        formats = Format.objects.order_by("name")
        if not include_staff_only:
            formats = formats.exclude(staff_only=True)
        self.extra["choices"] = [(str(pk), name) for pk, name in formats.values_list("pk", "name")]

    def filter(self, qs, value):
        return qs.filter(format__in=value) if value else qs


class EventFilter(DirectoryFilterSet):
    format = FormatFilter(label=_("Formats (any of)"))
    topic = topic_filter()
    period = django_filters.ChoiceFilter(
        label=_("Period"),
        empty_label=_("Upcoming and past"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        method="filter_period",
    )
    starts_after = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__gte", label=_("From"), widget=date_input()
    )
    starts_before = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__lte", label=_("Until"), widget=date_input()
    )
    sort = SortFilter(
        empty_label=_("Upcoming first, then the most recent"),
        orders={
            "date": (_("Date"), ["starts_at", "title"]),
            "title": (_("Title"), ["title"]),
        },
    )

    staff_filters = []
    form_order = ["q", "format", "topic", "region", "period", "starts_after", "starts_before"]

    class Meta:
        model = Event
        fields = []

    def __init__(self, data=None, *args, request=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        # Events are not reviewed like directory entries.
        self.filters.pop("review", None)
        self.filters["format"].load_choices(include_staff_only=self.role >= Role.CURATOR)

    def filter_period(self, queryset, name, value):
        now = timezone.now()
        return queryset.upcoming(now) if value == "upcoming" else queryset.past(now)
