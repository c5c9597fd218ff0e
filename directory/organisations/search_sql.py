"""What keeps `organisations_organisation.search_vector` current (see core.search); the
triggers are declared in models.py."""

from directory.core.search import (
    SearchDocumentTrigger,
    fold_vector,
    kind_words,
    reindex_when_changed,
    reindex_when_linked,
)

TABLE = "organisations_organisation"

# What people call each kind (Organisation.Kind), in the index: "Beratungsstelle Neukölln".
KIND_WORDS = {
    "mosque": "Moscheegemeinde Moschee",
    "migrant_org": "Migrantenorganisation Migrantinnenorganisation Selbstorganisation",
    "counselling": "Beratungsstelle Beratung",
    "youth": "Jugendeinrichtung Jugendtreff",
    "religious": "Religionsgemeinschaft Gemeinde",
    "network": "Netzwerk Bündnis",
    "education": "Bildungsträger Bildung",
    "advocacy": "Interessenvertretung",
    "council": "Beirat",
}


def kind(column):
    """SQL: the words for the organisation kind in `column`."""
    return kind_words(column, KIND_WORDS)


DOCUMENT = f"""
{fold_vector("A", "NEW.name", "NEW.short_name")}
|| {
    fold_vector(
        "B",
        kind("NEW.kind"),
        "NEW.city",
        "NEW.postcode",
        "(SELECT name FROM core_region WHERE id = NEW.land_id)",
        "(SELECT string_agg(t.name, ' ') FROM organisations_organisation_topics x"
        " JOIN core_topic t ON t.id = x.topic_id WHERE x.organisation_id = NEW.id)",
        "(SELECT string_agg(concat_ws(' ', r.name, p.name), ' ')"
        " FROM organisations_organisation_regions x JOIN core_region r ON r.id = x.region_id"
        " LEFT JOIN core_region p ON p.id = r.parent_id WHERE x.organisation_id = NEW.id)",
    )
}
|| {
    fold_vector(
        "C",
        "(SELECT string_agg(l.name, ' ') FROM organisations_organisation_languages x"
        " JOIN core_language l ON l.id = x.language_id WHERE x.organisation_id = NEW.id)",
        "NEW.description",
        "NEW.target_groups",
    )
}
"""


def document():
    """The organisation's own document, stored before every write."""
    return [SearchDocumentTrigger(DOCUMENT)]


def linked():
    """An organisation's topic, region or language added or removed: the organisation."""
    return reindex_when_linked(TABLE, "organisation_id")


def renamed(relation, column):
    """A topic, region or language renamed: its organisations."""
    return reindex_when_changed(
        TABLE,
        ["name"],
        f"SELECT x.organisation_id FROM {TABLE}_{relation} x"
        f" JOIN {{rows}} ON changed_rows.id = x.{column}",
    )
