"""Triggers that keep `contacts_contactperson.search_vector` current (see core.search).

Indexed: names, function, affiliation, topics, languages and the affiliation's place. Never
indexed: channels (email, phone) and staff notes, so a search cannot reveal them. A police unit
is indexed by its public path: nobody may find a public contact by the name of a hidden superior
unit (see police.search_sql)."""

from directory.core.search import assemble, document_trigger_sql, fold_vector, refresh_trigger_sql

TABLE = "contacts_contactperson"

DOCUMENT_FUNCTION = f"""
CREATE OR REPLACE FUNCTION netzpol_contact_document(c {TABLE}) RETURNS tsvector
LANGUAGE sql STABLE AS $$
SELECT {fold_vector("A", "c.first_name", "c.last_name", "c.functional_title")}
    || {
    fold_vector(
        "B",
        "c.function",
        "(SELECT concat_ws(' ', o.name, o.short_name) FROM organisations_organisation o"
        " WHERE o.id = c.organisation_id)",
        "(SELECT u.public_path FROM police_policeunit u WHERE u.id = c.police_unit_id)",
        "(SELECT string_agg(t.name, ' ') FROM contacts_contactperson_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.contactperson_id = c.id)",
    )
}
    || {
    fold_vector(
        "C",
        "(SELECT string_agg(l.name, ' ') FROM contacts_contactperson_languages x"
        " JOIN core_language l ON l.id = x.language_id WHERE x.contactperson_id = c.id)",
        "(SELECT o.city FROM organisations_organisation o WHERE o.id = c.organisation_id)",
        "(SELECT concat_ws(' ', u.city, r.name) FROM police_policeunit u"
        " LEFT JOIN core_region r ON r.id = u.jurisdiction_id WHERE u.id = c.police_unit_id)",
    )
}
$$;
"""


def sql():
    """(forward, reverse) SQL for the migration."""
    parts = [document_trigger_sql(TABLE, "netzpol_contact_document")]
    for relation, reference, column in [
        ("topics", "core_topic", "topic_id"),
        ("languages", "core_language", "language_id"),
    ]:
        through = f"{TABLE}_{relation}"
        parts.append(
            refresh_trigger_sql(
                f"contact_{relation}", TABLE, through, "SELECT contactperson_id FROM {rows}"
            )
        )
        parts.append(
            refresh_trigger_sql(
                f"contact_{relation}_renamed",
                TABLE,
                reference,
                f"SELECT x.contactperson_id FROM {through} x"
                f" JOIN {{rows}} ON changed_rows.id = x.{column}",
                changed_columns=["name"],
            )
        )
    parts.append(
        refresh_trigger_sql(
            "contact_organisation_changed",
            TABLE,
            "organisations_organisation",
            f"SELECT c.id FROM {TABLE} c JOIN {{rows}} ON changed_rows.id = c.organisation_id",
            changed_columns=["name", "short_name", "city"],
        )
    )
    parts.append(
        refresh_trigger_sql(
            "contact_police_unit_changed",
            TABLE,
            "police_policeunit",
            f"SELECT c.id FROM {TABLE} c JOIN {{rows}} ON changed_rows.id = c.police_unit_id",
            # A superior unit hidden or shown changes the public path (the tree trigger).
            changed_columns=["public_path", "city", "jurisdiction_id"],
        )
    )
    return assemble(TABLE, DOCUMENT_FUNCTION, "netzpol_contact_document", parts)
