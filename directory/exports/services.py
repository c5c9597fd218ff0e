"""The export log: what the export view writes before it sends a file, and reads to suggest
the columns of the user's last export. Nothing here is about HTTP."""

from django.contrib.postgres.expressions import ArraySubquery

from .models import ExportLog


def last_columns(user, export_list):
    """The columns of `user`'s last export of this list, or None (only them: a log row can hold
    100,000 contact ids)."""
    return (
        ExportLog.objects.filter(user=user, list_name=export_list.key)
        .values_list("columns", flat=True)
        .first()
    )


def log_export(user, export_list, entries, *, format, query, columns, row_count, purpose):
    """Record one export: who, what list with which filters, format, columns, how many rows
    and why; for lists of people, which contact persons (for subject access reports)."""
    return ExportLog.objects.create(
        user=user,
        list_name=export_list.key,
        format=format,
        query=query,
        columns=[column.key for column in columns],
        row_count=row_count,
        purpose=purpose,
        # Computed in the database: the ids never pass through Python.
        contact_ids=(
            ArraySubquery(entries.order_by("pk").values("pk"))
            if export_list.model_has_people
            else []
        ),
    )
