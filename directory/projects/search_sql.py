"""What keeps `projects_project.search_vector` current (see core.search); the triggers are
declared in models.py.

The document names only public sponsors and partners, police units by their public path: a
project the public may see must not be found by the name of an entry they may not see."""

from directory.core.search import (
    SearchDocumentTrigger,
    fold_vector,
    reindex_when_changed,
    reindex_when_linked,
)

TABLE = "projects_project"
PARTIES = "projects_projectparty"

DOCUMENT = f"""
{fold_vector("A", "NEW.title")}
|| {
    fold_vector(
        "B",
        "(SELECT string_agg(t.name, ' ') FROM projects_project_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.project_id = NEW.id)",
        "(SELECT string_agg(concat_ws(' ', r.name, p.name), ' ')"
        " FROM projects_project_regions x JOIN core_region r ON r.id = x.region_id"
        " LEFT JOIN core_region p ON p.id = r.parent_id WHERE x.project_id = NEW.id)",
        "(SELECT string_agg(concat_ws(' ', o.name, o.short_name, u.public_path), ' ')"
        " FROM projects_projectparty pp"
        " LEFT JOIN organisations_organisation o ON o.id = pp.organisation_id"
        " LEFT JOIN police_policeunit u ON u.id = pp.police_unit_id"
        " WHERE pp.project_id = NEW.id AND (o.is_public OR u.is_public))",
        "NEW.funder",
        "NEW.funding_programme",
    )
}
|| {fold_vector("C", "NEW.goals", "NEW.activities", "NEW.target_groups", "NEW.results")}
"""


def document():
    """The project's own document, stored before every write."""
    return [SearchDocumentTrigger(DOCUMENT)]


def linked():
    """A project's topic, region or party added or removed: the project."""
    return reindex_when_linked(TABLE, "project_id")


def party_changed():
    """A party that now names another organisation or unit: its project."""
    return reindex_when_changed(
        TABLE, ["organisation_id", "police_unit_id"], "SELECT project_id FROM {rows}"
    )


def topic_renamed():
    """A topic renamed: its projects."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT x.project_id FROM {TABLE}_topics x JOIN {{rows}} ON changed_rows.id = x.topic_id",
    )


def region_renamed():
    """A region renamed: the projects in it or in a region below it."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT x.project_id FROM {TABLE}_regions x JOIN core_region r ON r.id = x.region_id"
        " JOIN {rows} ON changed_rows.id IN (r.id, r.parent_id)",
    )


def organisation_changed():
    """An organisation renamed, hidden or shown: the projects it takes part in."""
    return reindex_when_changed(
        TABLE,
        ["name", "short_name", "is_public"],
        f"SELECT pp.project_id FROM {PARTIES} pp"
        " JOIN {rows} ON changed_rows.id = pp.organisation_id",
    )


def police_unit_changed():
    """A police unit renamed, moved, hidden or shown: the projects it takes part in."""
    return reindex_when_changed(
        TABLE,
        ["public_path", "is_public"],
        f"SELECT pp.project_id FROM {PARTIES} pp"
        " JOIN {rows} ON changed_rows.id = pp.police_unit_id",
    )
