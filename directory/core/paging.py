"""A page of a list and the number of its entries from one pass over the matching rows.

Django's paginator counts the matches (one pass over them) and then reads the page (a second
pass, sorting them). Here one query counts the matches (`count(*) OVER ()`), keeps the first
rows up to the end of the page in order (`ORDER BY ... LIMIT`: for an early page a top-N sort
of a few rows, not a sort of every match), numbers them and returns the page's keys; a second
reads the page's rows by primary key. The filters' index scans run once, and the sort carries
keys, not whole rows with their joins. A page past the end is the last page, in the same query:
the last page lies within the kept rows whenever the requested one does not.
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page
from django.db import connections
from django.db.models import Count, F, OrderBy, QuerySet, Window

from .compiled import prepared_cursor

# Past any list, within PostgreSQL's bigint: where a page number below 1 asks for the last page.
PAST_THE_END = 2**62


def page_number(value):
    """The page number asked for, 1 for anything that is not a whole number (as Django's
    `Paginator.get_page`)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1


def sort_keys(queryset):
    """The queryset's ordering as OrderBy expressions, or None when an item is not a field
    name or an expression (random order, raw SQL)."""
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
    keys = []
    for item in ordering:
        if isinstance(item, str):
            if item == "?" or "." in item:
                return None
            item = F(item[1:]).desc() if item.startswith("-") else F(item).asc()
        if not isinstance(item, OrderBy):
            return None
        keys.append(item)
    return keys


def numbered_keys(queryset, keys, start, size):
    """(pk, number of matches, position) of the page starting after row `start`, or of the
    last page when that lies past the end."""
    names = [f"page_key_{i}" for i in range(len(keys))]
    kept = (
        queryset.annotate(
            page_pk=F("pk"),
            matching=Window(Count("pk")),
            **{name: key.expression for name, key in zip(names, keys, strict=True)},
        )
        .order_by(
            *(
                OrderBy(
                    F(name),
                    descending=key.descending,
                    nulls_first=key.nulls_first,
                    nulls_last=key.nulls_last,
                )
                for name, key in zip(names, keys, strict=True)
            )
        )
        .values_list("page_pk", "matching", *names)
    )
    connection = connections[queryset.db]
    try:
        sql, params = kept.query.get_compiler(connection=connection).as_sql()
    except EmptyResultSet:  # a list that cannot match (`none()`, an empty `__in`)
        return []
    quote = connection.ops.quote_name
    # The kept rows' own order, named by their columns: the numbering needs no second sort.
    order = ", ".join(
        quote(name)
        + (" DESC" if key.descending else " ASC")
        + (" NULLS FIRST" if key.nulls_first else " NULLS LAST" if key.nulls_last else "")
        for name, key in zip(names, keys, strict=True)
    )
    # Django's compiled query and column names of our own; the values are parameters, the
    # number of kept rows too: the text is the same for every page of a list with the same
    # filters, and prepared once per connection (its plan made once, not for every request:
    # 1.4 ms of planning for 5.5 ms of work on a filtered list at 100,000 contacts).
    numbered = (
        'SELECT "page_pk", "matching", "position" FROM ('  # noqa: S608
        f'SELECT "page_pk", "matching", ROW_NUMBER() OVER (ORDER BY {order}) AS "position" '
        f'FROM ({sql} LIMIT %s) "page_kept") "page_numbered" '
        'WHERE "position" > LEAST(%s, ("matching" - 1) / %s * %s) ORDER BY "position"'
    )
    with prepared_cursor(queryset.db) as cursor:
        cursor.execute(numbered, (*params, start + size, start, size, size))
        return cursor.fetchall()


def counted_page(paginator, value, read=None):
    """Page `value` of `paginator` as `paginator.get_page(value)` gives it (the last page for
    a number past the end or below 1), its count set from the same query; None for a list
    that is no plain ordered query (then the paginator's own way serves). `read(ids)`, if
    given, reads the page's entries ({pk: entry}); else the list's queryset reads them."""
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
    keys = sort_keys(queryset)
    if keys is None:
        return None
    size = paginator.per_page
    number = page_number(value)
    start = (number - 1) * size if 1 <= number <= PAST_THE_END // size else PAST_THE_END
    rows = numbered_keys(queryset, keys, start, size)
    if not rows:
        paginator.count = 0  # the paginator's cached count, known now
        return Page([], 1, paginator)
    paginator.count = rows[0][1]
    ids = [pk for pk, _matching, _position in rows]
    entries = read(ids) if read else queryset.order_by().in_bulk(ids)
    return Page(
        [entries[pk] for pk, _matching, _position in rows if pk in entries],
        (rows[0][2] - 1) // size + 1,
        paginator,
    )


def pagination(request, page):
    """What includes/pagination.html shows: the page numbers (elided) and the address of a page
    up to its number, the query string without `page` worked out once (`{% querystring %}`
    copied and encoded the query string again for every link)."""
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "page_link": f"?{query.urlencode()}&page=" if query else "?page=",
    }
