"""Triggers that keep `agreements_agreement.search_vector` current (see core.search).

The document names only public parties, police units by their public path: an agreement the
public may see must not be found by the name of a party or superior unit they may not see."""

from directory.core.search import assemble, document_trigger_sql, fold_vector, refresh_trigger_sql

TABLE = "agreements_agreement"

DOCUMENT_FUNCTION = f"""
CREATE OR REPLACE FUNCTION netzpol_agreement_document(a {TABLE}) RETURNS tsvector
LANGUAGE sql STABLE AS $$
SELECT {fold_vector("A", "a.title")}
    || {
    fold_vector(
        "B",
        "(SELECT string_agg(t.name, ' ') FROM agreements_agreement_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.agreement_id = a.id)",
        "(SELECT string_agg(concat_ws(' ', o.name, o.short_name, u.public_path), ' ')"
        " FROM agreements_agreementparty p"
        " LEFT JOIN organisations_organisation o ON o.id = p.organisation_id"
        " LEFT JOIN police_policeunit u ON u.id = p.police_unit_id"
        " WHERE p.agreement_id = a.id AND (o.is_public OR u.is_public))",
    )
}
    || {fold_vector("C", "a.goals", "a.formats")}
$$;
"""


def sql():
    """(forward, reverse) SQL for the migration."""
    parties = "agreements_agreementparty"
    parts = [
        document_trigger_sql(TABLE, "netzpol_agreement_document"),
        refresh_trigger_sql(
            "agreement_topics", TABLE, f"{TABLE}_topics", "SELECT agreement_id FROM {rows}"
        ),
        refresh_trigger_sql(
            "agreement_topics_renamed",
            TABLE,
            "core_topic",
            f"SELECT x.agreement_id FROM {TABLE}_topics x"
            f" JOIN {{rows}} ON changed_rows.id = x.topic_id",
            changed_columns=["name"],
        ),
        refresh_trigger_sql("agreement_parties", TABLE, parties, "SELECT agreement_id FROM {rows}"),
        refresh_trigger_sql(
            "agreement_parties_changed",
            TABLE,
            parties,
            "SELECT agreement_id FROM {rows}",
            changed_columns=["organisation_id", "police_unit_id"],
        ),
        refresh_trigger_sql(
            "agreement_organisation_renamed",
            TABLE,
            "organisations_organisation",
            f"SELECT p.agreement_id FROM {parties} p"
            " JOIN {rows} ON changed_rows.id = p.organisation_id",
            changed_columns=["name", "short_name", "is_public"],
        ),
        refresh_trigger_sql(
            "agreement_police_unit_renamed",
            TABLE,
            "police_policeunit",
            f"SELECT p.agreement_id FROM {parties} p"
            " JOIN {rows} ON changed_rows.id = p.police_unit_id",
            changed_columns=["public_path", "is_public"],
        ),
    ]
    return assemble(TABLE, DOCUMENT_FUNCTION, "netzpol_agreement_document", parts)
