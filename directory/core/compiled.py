"""Querysets compiled once, run with each request's values: for a page that asks the same
shape of query on every request and only a few values change (the search page's sections,
where compiling six querysets cost a quarter of the page). Nothing here is about HTTP.

The queryset is built once with `Slot` values where a request's values go (any `Value()`
whose value is a slot); compiling it gives SQL with placeholders, and the slots are found
among its parameters by type. Each run substitutes the request's values and evaluates a copy of
the queryset with that SQL, so its iterable class, `select_related` objects, annotations and
converters are Django's own.

SQL sent again and again with other values is also prepared once on the server
(`prepared_cursor`): PostgreSQL then only binds and executes it, without parsing and planning
it anew (the search's sections, whose per-entry subqueries take about as long to plan as to
run, went from 17 to 10 ms in the database at 100,000 contacts). Only such SQL is: Django's own
cursors bind the values on the client, so every other query is planned for its own values."""

import copy

import psycopg
from django.db import connections


class Slot(str):
    """A placeholder for a request's value, named by `name` (a string, so `Value()` and the
    expressions around it take it for the text it stands for)."""

    def __new__(cls, name):
        slot = super().__new__(cls, f"\x00slot:{name}\x00")
        slot.name = name
        return slot


class CompiledQuerySet:
    """`queryset` (built with slots) compiled once; `run(**values)` returns its objects for
    the values of the slots, in one query and without compiling."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.compiler = queryset.query.get_compiler(queryset.db)
        self.sql, self.params = self.compiler.as_sql()
        self.slots = {p.name for p in self.params if isinstance(p, Slot)}

    def run(self, **values):
        if set(values) != self.slots:
            raise ValueError(f"values for {sorted(values)}, slots {sorted(self.slots)}")
        params = tuple(values[p.name] if isinstance(p, Slot) else p for p in self.params)
        compiler = copy.copy(self.compiler)
        # This thread's connection, its cursors prepared.
        compiler.connection = _Prepared(connections[self.queryset.db])
        compiler.as_sql = lambda *args, **kwargs: (self.sql, params)
        queryset = self.queryset.all()
        queryset.query = _Precompiled(queryset.query, compiler)
        return list(queryset)


class _Precompiled:
    """A query that answers `get_compiler` with a compiler already set up (its columns,
    converters and related objects as the first compilation found them)."""

    def __init__(self, query, compiler):
        self._query = query
        self._compiler = compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self._compiler

    def __getattr__(self, name):
        return getattr(self._query, name)


class PreparedCursor(psycopg.Cursor):
    """A cursor that binds the values on the server and prepares each statement on its
    connection the first time it is sent; sent again, the statement is bound and executed
    by name. Prepared statements last as long as the connection (persistent in production,
    CONN_MAX_AGE), the most recent 100 of them (psycopg's `prepared_max`)."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        super().execute(query, params, prepare=True, binary=binary)
        if self._query is None:
            # What Django's query log reads (`last_executed_query`): psycopg records the
            # statement it sent only when it did not prepare it.
            self._query = self._convert_query(query, params)
        return self


def prepared_cursor(using):
    """Django's cursor on connection `using` (its checks, wrappers and query log) over a
    PreparedCursor: for SQL whose text is the same on every request, only the values differ.
    Not for SQL of several statements (the server takes one per prepared statement)."""
    cursor = connections[using].cursor()
    cursor.cursor.close()  # never used: Django's own, binding on the client
    cursor.cursor = PreparedCursor(connections[using].connection)
    return cursor


class _Prepared:
    """A connection whose cursors are `prepared_cursor`s, for a compiler (which asks its
    connection for a cursor and for its features and operations)."""

    def __init__(self, connection):
        self._connection = connection

    def cursor(self):
        return prepared_cursor(self._connection.alias)

    def __getattr__(self, name):
        return getattr(self._connection, name)
