"""The police units as a tree, and the contacts below a unit, for one viewer.

Both read the materialised `lineage` of each unit (ids from the root down), so a tree of any
depth costs a constant number of queries. Only units the viewer may see take part: a unit below
a hidden one hangs from its nearest visible superior unit, as its `public_path` names it.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F

from directory.core.sorting import german_ordering, german_sort_key

from .models import PoliceUnit

# More units than a page can usefully show; the filters narrow the tree.
TREE_LIMIT = 1000


@dataclass
class Node:
    unit: PoliceUnit
    # Shown only as the superior unit of a unit that matches the filters.
    is_context: bool = False
    contacts: int = 0
    children: list = field(default_factory=list)


@dataclass
class Tree:
    roots: list
    matches: int
    truncated: bool


def contacts_of_units():
    """The contact persons' queryset, reached through the relation (contacts lie above police)."""
    return PoliceUnit._meta.get_field("contacts").related_model.objects


def unit_tree(matches, user, limit=TREE_LIMIT):
    """The units of `matches` (already visible to `user` and filtered) with their visible
    superior units as context, each with its number of contacts `user` may see; siblings in
    German alphabetical order. At most `limit` matching units (in the queryset's order)."""
    found = list(matches[: limit + 1])
    truncated = len(found) > limit
    found = found[:limit]
    nodes = {unit.pk: Node(unit) for unit in found}
    above = {pk for unit in found for pk in unit.lineage[:-1]} - nodes.keys()
    if above:
        context = PoliceUnit.objects.visible_to(user).filter(pk__in=above).defer("search_vector")
        nodes |= {unit.pk: Node(unit, is_context=True) for unit in context}
    if nodes:
        counts = (
            contacts_of_units()
            .visible_to(user)
            .filter(police_unit_id__in=nodes.keys())
            .order_by()
            .values_list("police_unit_id")
            .annotate(count=Count("pk"))
        )
        for pk, count in counts:
            nodes[pk].contacts = count
    roots = []
    for node in nodes.values():
        superior = next((nodes[pk] for pk in reversed(node.unit.lineage[:-1]) if pk in nodes), None)
        (superior.children if superior else roots).append(node)
    _sort(roots)
    return Tree(roots=roots, matches=len(found), truncated=truncated)


def _sort(nodes):
    nodes.sort(key=lambda node: german_sort_key(node.unit.name))
    for node in nodes:
        _sort(node.children)


# Contacts of the units below one; the unit page shows more as a list (with filters, export).
SUBUNIT_CONTACTS_LIMIT = 200


@dataclass
class ContactGroup:
    unit: PoliceUnit
    # The sub-unit's path below the unit whose page shows it ("Direktion 1 > Abschnitt 11").
    path: str
    contacts: list


def subunit_contacts(unit, user, limit=SUBUNIT_CONTACTS_LIMIT):
    """(groups, truncated): the contacts `user` may see in the visible units below `unit`,
    grouped by unit in the order of their paths, at most `limit` of them, in one query."""
    path_field = PoliceUnit.objects.path_field(user)
    below = PoliceUnit.objects.visible_to(user).below(unit, include_self=False)
    contacts = contacts_of_units().visible_to(user).filter(police_unit__in=below.values("pk"))
    model = contacts.model
    contacts = contacts.with_details().order_by(
        *german_ordering(
            contacts, [F(f"police_unit__{path_field}"), model.sort_name(), "first_name"]
        ),
        "pk",
    )
    found = list(contacts[: limit + 1])
    prefix = f"{unit} > "  # `unit` is named with the path `user` may read
    groups = {}
    for contact in found[:limit]:
        sub = contact.police_unit
        if sub.pk not in groups:
            groups[sub.pk] = ContactGroup(sub, str(sub).removeprefix(prefix), [])
        groups[sub.pk].contacts.append(contact)
    return list(groups.values()), len(found) > limit
