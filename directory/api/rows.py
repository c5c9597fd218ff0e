"""A page's rows by id from SQL compiled once. Nothing here is about HTTP."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, connections
from django.db.models import F, OuterRef, Value

from directory.core.compiled import prepared_cursor
from directory.core.expressions import AnyOf


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
        return self.with_also(ids)[0]

    def with_also(self, ids, also=None):
        """(the rows, the rows of `also`): `also`, SQL without parameters, is sent in the same
        round trip as the rows' query. Without ids: no query, and no rows of `also` (None)."""
        ids = [int(pk) for pk in ids]
        if not ids:
            return [], None
        if self.sql is None:
            rows = list(self.queryset.filter(pk__in=ids).order_by("pk"))
            return rows, run(self.queryset.db, also)
        params = list(self.params)
        params[self.ids_at] = ids
        db = self.queryset.db
        # Both prepared (planned once per connection) and sent together, in one round trip
        # (psycopg's pipeline mode). Two snapshots: an item `also` no longer has is not named,
        # one it has that no row links is not asked for (see LinkedItems.complete).
        with (
            prepared_cursor(db) as cursor,
            prepared_cursor(db) as other,
            connections[db].connection.pipeline(),
        ):
            cursor.execute(self.sql, params)
            if also:
                other.execute(also)
            rows = [dict(zip(self.names, row, strict=True)) for row in cursor.fetchall()]
            return rows, other.fetchall() if also else None


def run(db, sql):
    """The rows of `sql` (no parameters), or None for no SQL."""
    if not sql:
        return None
    with connections[db].cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


class LinkedItems:
    """The sorted names and the newest change of the items an entry links in many-to-many
    fields (a contact's topics and languages), worked out from the ids of its links in its row
    and the linked tables, read once per page in one query: a few dozen reference rows, where
    the same in SQL (`with_names`, `changes.linked`) costs two subqueries per entry and field.

    `columns` are what a row selects besides its own fields: per field, the ids of its links.
    `complete` replaces them with the names (as `with_names` names them, in the order the
    database sorts them) and raises the row's `last_modified` to the newest item's
    `updated_at`, as `changes.last_modified` would."""

    def __init__(self, model, *field_names):
        self.fields = []  # (ids column, names column) per field
        self.columns = {}
        tables = []
        quote = connection.ops.quote_name
        for field_name in field_names:
            field = model._meta.get_field(field_name)
            links = field.remote_field.through.objects.filter(
                **{field.m2m_field_name(): OuterRef("pk")}
            )
            ids_column = f"{field_name}_linked_ids"
            self.columns[ids_column] = ArraySubquery(links.values(field.m2m_reverse_field_name()))
            self.fields.append((ids_column, f"{field_name.removesuffix('s')}_names"))
            tables.append(quote(field.related_model._meta.db_table))
        # Table names from the models, no input. Sorted by name within each table, as
        # `with_names` sorts them (the same column, the same collation).
        selects = [
            f"SELECT {at}, id, name, updated_at FROM {table}"  # noqa: S608
            for at, table in enumerate(tables)
        ]
        self.sql = " UNION ALL ".join(selects) + " ORDER BY 1, 3"

    def by_field(self, items):
        """Per field, {id: (position by name, name, updated_at)} of the rows of `sql`."""
        found = [{} for _field in self.fields]
        for at, pk, name, updated in items:
            field = found[at]
            field[pk] = (len(field), name, updated)
        return found

    def complete(self, rows, items=None):
        """`rows` with the names and `last_modified` of their linked items; `items`: the rows
        of `sql` if read already (with the rows, see RowsById.with_also)."""
        if not rows:
            return rows
        if items is None:
            items = run(connection.alias, self.sql)
        loaded = list(zip(self.fields, self.by_field(items), strict=True))
        for row in rows:
            for (ids_column, names_column), items in loaded:
                # An item deleted since the row was read is gone: not named.
                chosen = sorted(items[pk] for pk in row.pop(ids_column) if pk in items)
                row[names_column] = [name for _at, name, _updated in chosen]
                newest = max((updated for _at, _name, updated in chosen), default=None)
                # GREATEST in SQL skips NULLs: an entry without items keeps its own.
                if newest is not None and newest > row["last_modified"]:
                    row["last_modified"] = newest
        return rows
