"""A page's rows by id from SQL compiled once. Nothing here is about HTTP."""

from django.db import connections
from django.db.models import F, Value

from .changes import AnyOf


class RowsById:
    """The `.values()` rows of `queryset` whose ids are given, by id, from its SQL compiled
    once: each call sends only the ids. Compiling a queryset whose rows show much (per-entry
    subqueries, `last_modified` over several tables) costs more than the database takes for a
    page of 100 ids.

    Only for a queryset whose SQL is the same for every request that uses it (no request's
    values in it besides the ids) and whose columns the database returns as Python reads them
    (no converters); for any other the queryset itself is asked each time."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.marker = []  # the ids' parameter, found among the parameters by its identity
        query = queryset.filter(AnyOf(F("pk"), Value(self.marker))).order_by("pk").query
        # As `.values()` names a row's columns (django.db.models.query.ValuesIterable).
        self.names = list(query.selected or ())
        compiler = query.get_compiler(queryset.db)
        self.sql, self.params = compiler.as_sql()
        self.ids_at = next((i for i, p in enumerate(self.params) if p is self.marker), None)
        selected = [expression for expression, _sql, _alias in compiler.select]
        if not self.names or self.ids_at is None or compiler.get_converters(selected):
            self.sql = None

    def __call__(self, ids):
        ids = [int(pk) for pk in ids]
        if not ids:
            return []
        if self.sql is None:
            return list(self.queryset.filter(pk__in=ids).order_by("pk"))
        params = list(self.params)
        params[self.ids_at] = ids
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(self.sql, params)
            return [dict(zip(self.names, row, strict=True)) for row in cursor.fetchall()]
