"""A page of a list and the number of its entries from one pass over the matching rows.

Django's paginator counts the matches (one pass over them) and then reads the page (a second
pass, sorting them). Here one query sorts only the matches' keys, numbers them
(`row_number()`, `count(*) OVER ()`) and returns the page's keys, and a second reads the page's
rows by primary key: the filters' index scans run once, and the sort carries keys, not whole
rows with their joins. A page past the end is the last page, in the same query.
"""

from django.core.paginator import Page
from django.db.models import Count, F, QuerySet, Value, Window
from django.db.models.functions import Least, RowNumber

# Past any list, within PostgreSQL's bigint: where a page number below 1 asks for the last page.
PAST_THE_END = 2**62


def page_number(value):
    """The page number asked for, 1 for anything that is not a whole number (as Django's
    `Paginator.get_page`)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1


def counted_page(paginator, value):
    """Page `value` of `paginator` as `paginator.get_page(value)` gives it (the last page for
    a number past the end or below 1), its count set from the same query; None for a list
    that is no plain ordered query (then the paginator's own way serves)."""
    queryset = paginator.object_list
    if (
        not isinstance(queryset, QuerySet)
        or not queryset.ordered
        or queryset.query.distinct
        or queryset.query.combinator
        or queryset.query.is_sliced
        or paginator.orphans
    ):
        return None
    size = paginator.per_page
    number = page_number(value)
    start = (number - 1) * size if 1 <= number <= PAST_THE_END // size else PAST_THE_END
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
    keys = list(
        queryset.annotate(
            matching=Window(Count("pk")),
            position=Window(RowNumber(), order_by=ordering),
        )
        # The requested page, or the last one: its first row follows a multiple of the size.
        .filter(position__gt=Least(Value(start), (F("matching") - 1) / size * size))
        .order_by("position")
        .values_list("pk", "matching", "position")[:size]
    )
    if not keys:
        paginator.count = 0  # the paginator's cached count, known now
        return Page([], 1, paginator)
    paginator.count = keys[0][1]
    rows = queryset.order_by().in_bulk([pk for pk, _matching, _position in keys])
    return Page(
        [rows[pk] for pk, _matching, _position in keys if pk in rows],
        (keys[0][2] - 1) // size + 1,
        paginator,
    )
