"""Triggers that keep `organisations_organisation.search_vector` current (see core.search)."""

from directory.core.search import assemble, document_trigger_sql, fold_vector, refresh_trigger_sql

TABLE = "organisations_organisation"

DOCUMENT_FUNCTION = f"""
CREATE OR REPLACE FUNCTION netzpol_organisation_document(o {TABLE}) RETURNS tsvector
LANGUAGE sql STABLE AS $$
SELECT {fold_vector("A", "o.name", "o.short_name")}
    || {
    fold_vector(
        "B",
        "o.city",
        "o.postcode",
        "(SELECT name FROM core_region WHERE id = o.land_id)",
        "(SELECT string_agg(t.name, ' ') FROM organisations_organisation_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.organisation_id = o.id)",
        "(SELECT string_agg(concat_ws(' ', r.name, p.name), ' ')"
        " FROM organisations_organisation_regions x JOIN core_region r ON r.id = x.region_id"
        " LEFT JOIN core_region p ON p.id = r.parent_id WHERE x.organisation_id = o.id)",
    )
}
    || {
    fold_vector(
        "C",
        "(SELECT string_agg(l.name, ' ') FROM organisations_organisation_languages x"
        " JOIN core_language l ON l.id = x.language_id WHERE x.organisation_id = o.id)",
        "o.description",
        "o.target_groups",
    )
}
$$;
"""


def sql():
    """(forward, reverse) SQL for the migration."""
    parts = [document_trigger_sql(TABLE, "netzpol_organisation_document")]
    for relation, column in [
        ("topics", "topic_id"),
        ("regions", "region_id"),
        ("languages", "language_id"),
    ]:
        through = f"{TABLE}_{relation}"
        parts.append(
            refresh_trigger_sql(
                f"organisation_{relation}", TABLE, through, "SELECT organisation_id FROM {rows}"
            )
        )
        reference = {
            "topics": "core_topic",
            "regions": "core_region",
            "languages": "core_language",
        }[relation]
        parts.append(
            refresh_trigger_sql(
                f"organisation_{relation}_renamed",
                TABLE,
                reference,
                f"SELECT x.organisation_id FROM {through} x"
                f" JOIN {{rows}} ON changed_rows.id = x.{column}",
                changed_columns=["name"],
            )
        )
    return assemble(TABLE, DOCUMENT_FUNCTION, "netzpol_organisation_document", parts)
