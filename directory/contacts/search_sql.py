"""What keeps `contacts_contactperson.search_vector` current (see core.search); the triggers
are declared in models.py.

Indexed: names, function, affiliation, topics, languages and the affiliation's place. Never
indexed: channels (email, phone) and staff notes, so a search cannot reveal them. A police unit
is indexed by its public path: nobody may find a public contact by the name of a hidden superior
unit (see police.search_sql)."""

from directory.core.search import (
    SearchDocumentTrigger,
    fold_vector,
    reindex_when_changed,
    reindex_when_linked,
)

TABLE = "contacts_contactperson"

DOCUMENT = f"""
{fold_vector("A", "NEW.first_name", "NEW.last_name", "NEW.functional_title")}
|| {
    fold_vector(
        "B",
        "NEW.function",
        "(SELECT concat_ws(' ', o.name, o.short_name) FROM organisations_organisation o"
        " WHERE o.id = NEW.organisation_id)",
        "(SELECT u.public_path FROM police_policeunit u WHERE u.id = NEW.police_unit_id)",
        "(SELECT string_agg(t.name, ' ') FROM contacts_contactperson_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.contactperson_id = NEW.id)",
    )
}
|| {
    fold_vector(
        "C",
        "(SELECT string_agg(l.name, ' ') FROM contacts_contactperson_languages x"
        " JOIN core_language l ON l.id = x.language_id WHERE x.contactperson_id = NEW.id)",
        "(SELECT o.city FROM organisations_organisation o WHERE o.id = NEW.organisation_id)",
        "(SELECT concat_ws(' ', u.city, r.name) FROM police_policeunit u"
        " LEFT JOIN core_region r ON r.id = u.jurisdiction_id WHERE u.id = NEW.police_unit_id)",
    )
}
"""


def document():
    """The contact's own document, stored before every write."""
    return [SearchDocumentTrigger(DOCUMENT)]


def linked():
    """A contact's topic or language added or removed: the contact."""
    return reindex_when_linked(TABLE, "contactperson_id")


def renamed(relation, column):
    """A topic or language renamed: its contacts."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT x.contactperson_id FROM {TABLE}_{relation} x"
        f" JOIN {{rows}} ON changed_rows.id = x.{column}",
    )


def organisation_changed():
    """An organisation renamed or moved: its contacts."""
    return reindex_when_changed(
        TABLE,
        ["name", "short_name", "city"],
        f"SELECT c.id FROM {TABLE} c JOIN {{rows}} ON changed_rows.id = c.organisation_id",
    )


def police_unit_changed():
    """A police unit renamed, moved, hidden or shown: its contacts."""
    return reindex_when_changed(
        TABLE,
        # A superior unit hidden or shown changes the public path (the tree trigger).
        ["public_path", "city", "jurisdiction_id"],
        f"SELECT c.id FROM {TABLE} c JOIN {{rows}} ON changed_rows.id = c.police_unit_id",
    )
