"""Querysets compiled once, run with each request's values: for a page that asks the same
shape of query on every request and only a few values change (the search page's sections,
where compiling six querysets cost a quarter of the page). Nothing here is about HTTP.

The queryset is built once with `Slot` values where a request's values go (any `Value()`
whose value is a slot); compiling it gives SQL with placeholders, and the slots are found
among its parameters by type. Each run substitutes the request's values and evaluates a copy of
the queryset with that SQL, so its iterable class, `select_related` objects, annotations and
converters are Django's own."""

import copy

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
        compiler.connection = connections[self.queryset.db]  # this thread's connection
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
