from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination

from directory.core.listing import DEFAULT_PAGE_SIZE, PAGE_SIZES, offered_page_size

TOMBSTONE = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "removed_at": {"type": "string", "format": "date-time"},
        "reason": {"type": "string", "enum": ["deleted", "anonymised"]},
    },
    "required": ["id", "removed_at", "reason"],
}


class EntryCursorPagination(CursorPagination):
    """Pages by id: stable while entries change (no entry is skipped or repeated, unlike page
    numbers), and each page costs the same whatever its depth. `per_page` takes the lists'
    sizes (10, 25, 50, 100; others snap to them, as on the pages)."""

    ordering = ("id",)
    page_size = DEFAULT_PAGE_SIZE
    max_page_size = max(PAGE_SIZES)

    def get_page_size(self, request):
        return offered_page_size(request.query_params.get("per_page", DEFAULT_PAGE_SIZE))

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            try:
                int(cursor.position)  # a position is an id (see `ordering`)
            except ValueError:
                raise exceptions.NotFound(self.invalid_cursor_message) from None
        return cursor

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound:
            # A damaged cursor is a bad request, not a missing page.
            raise exceptions.ValidationError({"cursor": [_("Invalid cursor.")]}) from None

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        for link in ("next", "previous"):
            # OpenAPI 3.1 (JSON Schema) says "may be null" with a type list, not `nullable`.
            schema["properties"][link] = {"type": ["string", "null"], "format": "uri"}
        schema["required"] = ["next", "previous", "results"]
        schema["properties"]["tombstones"] = {
            "type": "array",
            "description": "Only with `modified_after`, on the first page: entries deleted or "
            "anonymised since; the client removes them from its copy.",
            "items": TOMBSTONE,
        }
        return schema
