"""What keeps `police_policeunit.search_vector` current (see core.search); the triggers are
declared in models.py.

The document holds the unit's public path, not its full one: nobody may find a unit by the name
of a hidden superior unit (members find that unit itself by its own name)."""

from directory.core.search import (
    SearchDocumentTrigger,
    fold_vector,
    kind_words,
    reindex_when_changed,
    reindex_when_linked,
)

TABLE = "police_policeunit"

# What people call each kind (PoliceUnit.Kind), in the index: "Staatsschutz Dortmund".
KIND_WORDS = {
    "federal_agency": "Bundesbehörde",
    "state_police": "Landespolizei",
    "lka": "Landeskriminalamt LKA",
    "presidium": "Polizeipräsidium Präsidium",
    "directorate": "Direktion",
    "precinct": "Abschnitt Inspektion",
    "station": "Polizeiwache Wache",
    "lgbti": "LSBTI Ansprechstelle",
    "prevention": "Prävention",
    "dialogue": "Dialog Kompetenzzentrum",
    "state_security": "Staatsschutz",
    "community": "Kontaktbereichsbeamte Bezirksdienst",
}


def kind(column):
    """SQL: the words for the unit kind in `column`."""
    return kind_words(column, KIND_WORDS)


DOCUMENT = f"""
{fold_vector("A", "NEW.public_path", "NEW.short_name")}
|| {
    fold_vector(
        "B",
        "NEW.city",
        "NEW.postcode",
        "(SELECT concat_ws(' ', r.name, p.name, g.name) FROM core_region r"
        " LEFT JOIN core_region p ON p.id = r.parent_id LEFT"
        " JOIN core_region g ON g.id = p.parent_id"
        " WHERE r.id = NEW.jurisdiction_id)",
        "(SELECT string_agg(t.name, ' ') FROM police_policeunit_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.policeunit_id = NEW.id)",
    )
}
|| {fold_vector("C", kind("NEW.kind"), "NEW.description")}
"""


def document():
    """The unit's own document, stored before every write (after the tree trigger)."""
    return [SearchDocumentTrigger(DOCUMENT)]


def linked():
    """A unit's topic added or removed: the unit."""
    return reindex_when_linked(TABLE, "policeunit_id")


def region_renamed():
    """A region renamed: the units responsible for it or for a region within it."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT u.id FROM {TABLE} u JOIN core_region r ON r.id = u.jurisdiction_id"
        " JOIN {rows} ON changed_rows.id IN (r.id, r.parent_id)",
    )


def topic_renamed():
    """A topic renamed: its units."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT x.policeunit_id FROM {TABLE}_topics x"
        " JOIN {rows} ON changed_rows.id = x.topic_id",
    )
