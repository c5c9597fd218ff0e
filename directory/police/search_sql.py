"""Triggers that keep `police_policeunit.search_vector` current (see core.search).

The document holds the unit's public path, not its full one: nobody may find a unit by the name
of a hidden superior unit (members find that unit itself by its own name)."""

from directory.core.search import assemble, document_trigger_sql, fold_vector, refresh_trigger_sql

TABLE = "police_policeunit"

DOCUMENT_FUNCTION = f"""
CREATE OR REPLACE FUNCTION netzpol_police_unit_document(u {TABLE}) RETURNS tsvector
LANGUAGE sql STABLE AS $$
SELECT {fold_vector("A", "u.public_path", "u.short_name")}
    || {
    fold_vector(
        "B",
        "u.city",
        "u.postcode",
        "(SELECT concat_ws(' ', r.name, p.name, g.name) FROM core_region r"
        " LEFT JOIN core_region p ON p.id = r.parent_id LEFT"
        " JOIN core_region g ON g.id = p.parent_id"
        " WHERE r.id = u.jurisdiction_id)",
    )
}
    || {fold_vector("C", "u.description")}
$$;
"""


def sql():
    """(forward, reverse) SQL for the migration."""
    parts = [
        document_trigger_sql(TABLE, "netzpol_police_unit_document"),
        refresh_trigger_sql(
            "police_unit_region_renamed",
            TABLE,
            "core_region",
            f"SELECT u.id FROM {TABLE} u JOIN core_region r ON r.id = u.jurisdiction_id"
            " JOIN {rows} ON changed_rows.id IN (r.id, r.parent_id)",
            changed_columns=["name"],
        ),
    ]
    return assemble(TABLE, DOCUMENT_FUNCTION, "netzpol_police_unit_document", parts)
