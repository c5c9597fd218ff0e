"""What keeps `contacts_contactperson.search_vector` current (see core.search); the triggers
are declared in models.py.

Indexed: the contact's own fields (names, title, function, topics, languages), its affiliation's
name, and, weighted lowest, the affiliation's context: an organisation's kind, topics, regions,
city and description; a police unit's kind, topics, place, jurisdiction and description. So
"Kontaktbeamtin Moschee Köln" finds the contact of a Cologne unit for mosques, ranked below a
contact who says so itself.
Never indexed: channels (email, phone) and staff notes, so a search cannot reveal them. A
police unit is indexed by its public path: nobody may find a public contact by the name of a
hidden superior unit (see police.search_sql)."""

from directory.core.search import (
    SearchDocumentTrigger,
    fold_vector,
    reindex_when_changed,
    reindex_when_linked,
)
from directory.organisations import search_sql as organisations
from directory.police import search_sql as police

TABLE = "contacts_contactperson"
ORGANISATION = "(SELECT {} FROM organisations_organisation o WHERE o.id = NEW.organisation_id)"
UNIT = "(SELECT {} FROM police_policeunit u WHERE u.id = NEW.police_unit_id)"

DOCUMENT = f"""
{fold_vector("A", "NEW.title", "NEW.first_name", "NEW.last_name", "NEW.functional_title")}
|| {
    fold_vector(
        "B",
        "NEW.function",
        "(SELECT string_agg(t.name, ' ') FROM contacts_contactperson_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.contactperson_id = NEW.id)",
    )
}
|| {
    fold_vector(
        "C",
        ORGANISATION.format("concat_ws(' ', o.name, o.short_name)"),
        UNIT.format("concat_ws(' ', u.public_path, u.short_name)"),
        "(SELECT string_agg(l.name, ' ') FROM contacts_contactperson_languages x"
        " JOIN core_language l ON l.id = x.language_id WHERE x.contactperson_id = NEW.id)",
    )
}
|| {
    fold_vector(
        "D",
        ORGANISATION.format(
            f"concat_ws(' ', {organisations.kind('o.kind')}, o.city, o.description)"
        ),
        "(SELECT string_agg(t.name, ' ') FROM organisations_organisation_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.organisation_id = NEW.organisation_id)",
        "(SELECT string_agg(concat_ws(' ', r.name, p.name), ' ')"
        " FROM organisations_organisation_regions x JOIN core_region r ON r.id = x.region_id"
        " LEFT JOIN core_region p ON p.id = r.parent_id"
        " WHERE x.organisation_id = NEW.organisation_id)",
        "(SELECT concat_ws(' ', " + police.kind("u.kind") + ", u.city, r.name, p.name,"
        " u.description)"
        " FROM police_policeunit u LEFT JOIN core_region r ON r.id = u.jurisdiction_id"
        " LEFT JOIN core_region p ON p.id = r.parent_id WHERE u.id = NEW.police_unit_id)",
        "(SELECT string_agg(t.name, ' ') FROM police_policeunit_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.policeunit_id = NEW.police_unit_id)",
    )
}
"""


def document():
    """The contact's own document, stored before every write."""
    return [SearchDocumentTrigger(DOCUMENT)]


def linked():
    """A contact's topic or language added or removed: the contact."""
    return reindex_when_linked(TABLE, "contactperson_id")


def affiliation_linked(link_column, contact_column):
    """An organisation's topic or region, or a unit's topic, added or removed: the contacts of
    that organisation or unit (`link_column` of the link is `contact_column` of the contact)."""
    return reindex_when_linked(
        TABLE,
        link_column,
        via=f"SELECT c.id FROM {TABLE} c JOIN {{rows}} AS links"
        f" ON links.{link_column} = c.{contact_column}",
    )


def renamed(relation, column):
    """A language renamed: its contacts."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT x.contactperson_id FROM {TABLE}_{relation} x"
        f" JOIN {{rows}} ON changed_rows.id = x.{column}",
    )


def topic_renamed():
    """A topic renamed: the contacts with it, and those of organisations and units with it."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT x.contactperson_id FROM {TABLE}_topics x"
        " JOIN {rows} ON changed_rows.id = x.topic_id"
        f" UNION SELECT c.id FROM {TABLE} c JOIN organisations_organisation_topics x"
        " ON x.organisation_id = c.organisation_id JOIN {rows} ON changed_rows.id = x.topic_id"
        f" UNION SELECT c.id FROM {TABLE} c JOIN police_policeunit_topics x"
        " ON x.policeunit_id = c.police_unit_id JOIN {rows} ON changed_rows.id = x.topic_id",
    )


def region_renamed():
    """A region renamed or moved (the regions around it are in `region_ids`, see
    filter_sql.py): the contacts of organisations active in it or in a region within it, and of
    units responsible for it or for a region within it."""
    return reindex_when_changed(
        TABLE,
        ["name", "parent_id"],
        f"SELECT c.id FROM {TABLE} c JOIN organisations_organisation_regions x"
        " ON x.organisation_id = c.organisation_id JOIN core_region r ON r.id = x.region_id"
        " JOIN {rows} ON changed_rows.id IN (r.id, r.parent_id)"
        f" UNION SELECT c.id FROM {TABLE} c JOIN police_policeunit u ON u.id = c.police_unit_id"
        " JOIN core_region r ON r.id = u.jurisdiction_id"
        " JOIN {rows} ON changed_rows.id IN (r.id, r.parent_id)",
    )


def organisation_changed():
    """An organisation renamed, moved, described anew or of another kind: its contacts (its
    Land, for the contacts' `region_ids`, see filter_sql.py)."""
    return reindex_when_changed(
        TABLE,
        ["name", "short_name", "city", "land_id", "kind", "description"],
        f"SELECT c.id FROM {TABLE} c JOIN {{rows}} ON changed_rows.id = c.organisation_id",
    )


def police_unit_changed():
    """A police unit renamed, moved, hidden or shown, or of another kind: its contacts (its
    Land and jurisdiction also for the contacts' `region_ids`, see filter_sql.py)."""
    return reindex_when_changed(
        TABLE,
        # A superior unit hidden or shown changes the public path (the tree trigger).
        ["public_path", "short_name", "city", "land_id", "jurisdiction_id", "kind", "description"],
        f"SELECT c.id FROM {TABLE} c JOIN {{rows}} ON changed_rows.id = c.police_unit_id",
    )
