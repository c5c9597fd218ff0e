import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from directory.core.listing import DirectoryFilterSet, MultipleChoices, SortFilter, topic_filter

from .models import Agreement


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgreementFilter(DirectoryFilterSet):
    topic = topic_filter()
    status = MultipleChoices(choices=Agreement.Status.choices, label=_("Status"))
    signed_after = django_filters.DateFilter(
        field_name="signed_on", lookup_expr="gte", label=_("Signed from"), widget=date_input()
    )
    signed_before = django_filters.DateFilter(
        field_name="signed_on", lookup_expr="lte", label=_("Signed until"), widget=date_input()
    )
    public = django_filters.BooleanFilter(field_name="is_public", label=_("Public"))
    sort = SortFilter(
        empty_label=_("Relevance / newest"),
        orders={
            "signed": (_("Signed on"), ["signed_on", "title"]),
            "title": (_("Title"), ["title"]),
            "status": (_("Status"), ["status", "title"]),
        },
    )

    staff_filters = ["review", "public"]
    form_order = ["q", "topic", "region", "status", "signed_after", "signed_before"]

    class Meta:
        model = Agreement
        fields = []
