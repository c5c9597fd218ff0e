"""What keeps `agreements_agreement.search_vector` current (see core.search); the triggers are
declared in models.py.

The document names only public parties, police units by their public path: an agreement the
public may see must not be found by the name of a party or superior unit they may not see."""

from directory.core.search import (
    SearchDocumentTrigger,
    fold_vector,
    reindex_when_changed,
    reindex_when_linked,
)

TABLE = "agreements_agreement"
PARTIES = "agreements_agreementparty"

DOCUMENT = f"""
{fold_vector("A", "NEW.title")}
|| {
    fold_vector(
        "B",
        "(SELECT string_agg(t.name, ' ') FROM agreements_agreement_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.agreement_id = NEW.id)",
        "(SELECT string_agg(concat_ws(' ', o.name, o.short_name, u.public_path), ' ')"
        " FROM agreements_agreementparty p"
        " LEFT JOIN organisations_organisation o ON o.id = p.organisation_id"
        " LEFT JOIN police_policeunit u ON u.id = p.police_unit_id"
        " WHERE p.agreement_id = NEW.id AND (o.is_public OR u.is_public))",
    )
}
|| {fold_vector("C", "NEW.goals", "NEW.formats")}
"""


def document():
    """The agreement's own document, stored before every write."""
    return [SearchDocumentTrigger(DOCUMENT)]


def linked():
    """An agreement's topic or party added or removed: the agreement."""
    return reindex_when_linked(TABLE, "agreement_id")


def party_changed():
    """A party that now names another organisation or unit: its agreement."""
    return reindex_when_changed(
        TABLE, ["organisation_id", "police_unit_id"], "SELECT agreement_id FROM {rows}"
    )


def topic_renamed():
    """A topic renamed: its agreements."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT x.agreement_id FROM {TABLE}_topics x"
        " JOIN {rows} ON changed_rows.id = x.topic_id",
    )


def organisation_changed():
    """An organisation renamed, hidden or shown: the agreements it is a party to."""
    return reindex_when_changed(
        TABLE,
        ["name", "short_name", "is_public"],
        f"SELECT p.agreement_id FROM {PARTIES} p"
        " JOIN {rows} ON changed_rows.id = p.organisation_id",
    )


def police_unit_changed():
    """A police unit renamed, moved, hidden or shown: the agreements it is a party to."""
    return reindex_when_changed(
        TABLE,
        ["public_path", "is_public"],
        f"SELECT p.agreement_id FROM {PARTIES} p"
        " JOIN {rows} ON changed_rows.id = p.police_unit_id",
    )
