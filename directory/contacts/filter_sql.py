"""What keeps `contacts_contactperson.region_ids` and `topic_ids` current: the ids the list
filters match with `&&` on a GIN index (see ContactPersonQuerySet.in_region and
filters.InheritedTopics), instead of subqueries over the affiliations that made the planner
scan every contact.

`region_ids`: the regions the contact's organisation is active in, or its police unit's
jurisdiction; as NEGATIVE ids, the regions these lie within (a Kreis's Land, a Bezirk's city
and Land) and the Land the affiliation is seated in. A negative id counts only for a place
that contains it (the Land chosen as a whole finds what lies anywhere in it), a positive id
also for the places it serves (active in all of Berlin serves Neukölln): the sign keeps the two
apart in one array. So a region's keys are its own id, negative and positive, and the regions
around it (region_keys): a handful of index entries however many Kreise a Land has.
`topic_ids`: the contact's own topics and its affiliation's.
`language_ids`: the contact's own languages (the language filter matches no affiliation's), so
the filter is a test on the row the other arrays found, not a semi-join per row.
`name_key`, `first_name_key`: the German sort keys of the name (core.sorting.GermanKey of
`ContactPerson.sort_name()` and of the first name), which a list sorted by name otherwise works
out for every matching contact on every request.

Stored before every write of the contact, so the statement triggers that re-index a contact
when its affiliation's topics, regions, seat or jurisdiction change (search_sql.py) refresh
these too; `search_index_deferred` pauses and refreshes them with the search documents."""

import pgtrigger
from django.db.models import Func

from directory.core.search import SearchIndexTrigger

REGION_IDS = """
ARRAY(
    WITH RECURSIVE active(id) AS (
        SELECT x.region_id FROM organisations_organisation_regions x
        WHERE x.organisation_id = NEW.organisation_id
        UNION SELECT u.jurisdiction_id FROM police_policeunit u
        WHERE u.id = NEW.police_unit_id AND u.jurisdiction_id IS NOT NULL
    ), around(id) AS (
        SELECT r.parent_id FROM core_region r JOIN active a ON a.id = r.id
        WHERE r.parent_id IS NOT NULL
        UNION SELECT r.parent_id FROM core_region r JOIN around a ON a.id = r.id
        WHERE r.parent_id IS NOT NULL
    )
    SELECT id FROM active
    UNION SELECT -id FROM around
    UNION SELECT -o.land_id FROM organisations_organisation o
    WHERE o.id = NEW.organisation_id AND o.land_id IS NOT NULL
    UNION SELECT -u.land_id FROM police_policeunit u
    WHERE u.id = NEW.police_unit_id AND u.land_id IS NOT NULL
    ORDER BY 1
)"""

TOPIC_IDS = """
ARRAY(
    SELECT x.topic_id FROM contacts_contactperson_topics x WHERE x.contactperson_id = NEW.id
    UNION SELECT x.topic_id FROM organisations_organisation_topics x
    WHERE x.organisation_id = NEW.organisation_id
    UNION SELECT x.topic_id FROM police_policeunit_topics x
    WHERE x.policeunit_id = NEW.police_unit_id
    ORDER BY 1
)"""


# As core.sorting.GermanKey writes them (tests/contacts/test_filter_arrays.py holds them equal).
NAME_KEY = """public.unaccent('public.unaccent'::regdictionary,
    lower(lower(COALESCE(NULLIF(NEW.last_name, ''), NEW.functional_title))))"""
FIRST_NAME_KEY = "public.unaccent('public.unaccent'::regdictionary, lower(NEW.first_name))"

LANGUAGE_IDS = """
ARRAY(
    SELECT x.language_id FROM contacts_contactperson_languages x
    WHERE x.contactperson_id = NEW.id
    ORDER BY 1
)"""


class RowValue(Func):
    """A column's value as the row holds it, in an expression no index is matched to: a
    condition on it is tested on the rows other conditions found (see with_topics).
    COALESCE of one argument is the column itself; tests/search/test_plans.py holds the
    planner to not reading the index for it."""

    function = "COALESCE"


def region_keys(region_ids, serving=()):
    """What `region_ids` holds for an entry in one of `region_ids` (or within one) or serving
    them from one of `serving` (see Organisation.in_region and PoliceUnit.in_region). A region
    given with those within it needs only itself: an entry within it holds its negative id."""
    return sorted({*region_ids, *serving, *(-pk for pk in region_ids)})


def arrays():
    """The contact's filter arrays and sort keys, stored before every write."""
    return [
        SearchIndexTrigger(
            name="filter_arrays",
            when=pgtrigger.Before,
            operation=pgtrigger.Insert | pgtrigger.Update,
            func=f"NEW.region_ids := {REGION_IDS.strip()};\n"
            f"NEW.topic_ids := {TOPIC_IDS.strip()};\n"
            f"NEW.language_ids := {LANGUAGE_IDS.strip()};\n"
            f"NEW.name_key := {NAME_KEY};\n"
            f"NEW.first_name_key := {FIRST_NAME_KEY};\nRETURN NEW;",
        )
    ]
