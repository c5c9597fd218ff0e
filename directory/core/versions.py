"""The version of a few tables' data, for cache keys: the newest history event id (pghistory)
of each model.

Every tracked model's database triggers write an event for each insert, update and delete, bulk
ones, imports and other processes included, and event ids only grow: so the newest event id
changes with any change of the rows, and a key that holds it is never read again once the data
changed. No signal has to reach every worker. (A transaction that commits after a later one
gets a lower event id and may stay unseen until the cached value expires.)
"""

from django.db import connection

from .compiled import prepared_cursor


def history_marks(models):
    """The newest history event id of each of `models` (all tracked by pghistory, see
    core.models.track_history), None for none yet, in one query: an index lookup each."""
    if not models:
        return ()
    tables = [model.events.rel.related_model._meta.db_table for model in models]
    quote = connection.ops.quote_name
    # Table names from the models, no input.
    columns = ", ".join(f"(SELECT max(pgh_id) FROM {quote(table)})" for table in tables)  # noqa: S608
    # The same SQL on every list page: prepared once (core.compiled).
    with prepared_cursor(connection.alias) as cursor:
        cursor.execute(f"SELECT {columns}")
        return cursor.fetchone()


def data_version(models):
    """A short text that changes whenever a row of one of `models` changes."""
    return "-".join(str(mark or 0) for mark in history_marks(models))
