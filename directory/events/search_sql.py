"""What keeps `events_event.search_vector` current (see core.search); the triggers are declared
in models.py.

Like a project's, the document names only public organisations and police units (by their
public path): an event the public may see must not be found by the name of an entry they may
not see."""

from directory.core.search import (
    SearchDocumentTrigger,
    fold_vector,
    reindex_when_changed,
    reindex_when_linked,
)

TABLE = "events_event"

DOCUMENT = f"""
{fold_vector("A", "NEW.title")}
|| {
    fold_vector(
        "B",
        "(SELECT f.name FROM events_format f WHERE f.id = NEW.format_id)",
        "(SELECT s.name FROM events_series s WHERE s.id = NEW.series_id)",
        "(SELECT string_agg(t.name, ' ') FROM events_event_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.event_id = NEW.id)",
        "(SELECT concat_ws(' ', r.name, p.name) FROM core_region r"
        " LEFT JOIN core_region p ON p.id = r.parent_id WHERE r.id = NEW.region_id)",
        "NEW.place",
        "(SELECT string_agg(concat_ws(' ', o.name, o.short_name), ' ')"
        " FROM events_event_organisations x"
        " JOIN organisations_organisation o ON o.id = x.organisation_id"
        " WHERE x.event_id = NEW.id AND o.is_public)",
        "(SELECT string_agg(u.public_path, ' ') FROM events_event_police_units x"
        " JOIN police_policeunit u ON u.id = x.policeunit_id"
        " WHERE x.event_id = NEW.id AND u.is_public)",
    )
}
|| {fold_vector("C", "NEW.description")}
"""


def document():
    """The event's own document, stored before every write."""
    return [SearchDocumentTrigger(DOCUMENT)]


def linked():
    """An event's topic, organisation or police unit added or removed: the event."""
    return reindex_when_linked(TABLE, "event_id")


def format_renamed():
    """A format renamed: its events."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT e.id FROM {TABLE} e JOIN {{rows}} ON changed_rows.id = e.format_id",
    )


def series_renamed():
    """A series renamed: its events."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT e.id FROM {TABLE} e JOIN {{rows}} ON changed_rows.id = e.series_id",
    )


def topic_renamed():
    """A topic renamed: its events."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT x.event_id FROM {TABLE}_topics x JOIN {{rows}} ON changed_rows.id = x.topic_id",
    )


def region_changed():
    """A region renamed or moved: the events held in it, and in a region below it (the
    document names a region's parent)."""
    return reindex_when_changed(
        TABLE,
        ["name", "parent_id"],
        f"SELECT e.id FROM {TABLE} e JOIN core_region r ON r.id = e.region_id"
        " JOIN {rows} ON changed_rows.id IN (r.id, r.parent_id)",
    )


def organisation_changed():
    """An organisation renamed, hidden or shown: the events it organises."""
    return reindex_when_changed(
        TABLE,
        ["name", "short_name", "is_public"],
        f"SELECT x.event_id FROM {TABLE}_organisations x"
        " JOIN {rows} ON changed_rows.id = x.organisation_id",
    )


def police_unit_changed():
    """A police unit renamed, moved, hidden or shown: the events it organises."""
    return reindex_when_changed(
        TABLE,
        ["public_path", "is_public"],
        f"SELECT x.event_id FROM {TABLE}_police_units x"
        " JOIN {rows} ON changed_rows.id = x.policeunit_id",
    )
