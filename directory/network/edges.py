"""The cooperation network as data: edges between organisations and police units, each with
its kind and weight (how many agreements, projects, events or brokered contacts they share),
counted by the database and only from what the viewer may see.

The table, the CSV download and the drawn graph of /netzwerk/ all read `edges()`: one source,
so the picture never shows what the table would not."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BigIntegerField, Count, F, Q, TextChoices, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import Agreement, AgreementParty
from directory.core.expressions import AnyOf
from directory.core.listing import linked_to
from directory.core.roles import Role, role_of
from directory.events.models import Event, Invitation
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project, ProjectParty
from directory.requests.models import BrokeredContact


class EdgeKind(TextChoices):
    AGREEMENT = "agreement", _("Cooperation agreement")
    PROJECT = "project", _("Joint project")
    EVENT = "event", _("Shared event (organised or attended)")
    BROKERED = "brokered", _("Brokered contact")


@dataclass(frozen=True)
class Scope:
    """What part of the network to show: both ends in a region (`within`: the region with its
    sub-regions; `serving`: the regions it lies in, whose entries serve it as a whole, as in
    the lists), cooperations on any of `topics`, of `kinds`, and dated within the period."""

    within: tuple = ()
    serving: tuple = ()
    topics: tuple = ()
    kinds: tuple = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


@dataclass
class Node:
    key: str
    name: str
    url: str
    # How edges sort by name: folded once per node, not at each of its edges' comparisons.
    sort_name: str = field(init=False, repr=False)

    def __post_init__(self):
        self.sort_name = self.name.casefold()

    @property
    def is_police(self):
        return self.key.startswith("p")


@dataclass
class Edge:
    a: Node
    b: Node
    kind: str
    weight: int

    @property
    def kind_label(self):
        # Read when shown: in the viewer's language.
        return EdgeKind(self.kind).label


def side_key(organisation, police_unit):
    """SQL: a party's node as a number, 2·id for an organisation, 2·id + 1 for a police unit
    (cheaper to order and group than text)."""
    return Coalesce(F(organisation) * 2, F(police_unit) * 2 + 1, output_field=BigIntegerField())


def visible_nodes(user, scope):
    organisations = Organisation.objects.visible_to(user)
    units = PoliceUnit.objects.visible_to(user)
    if scope.within:
        organisations = organisations.in_region(scope.within, serving=scope.serving)
        units = units.in_region(scope.within, serving=scope.serving)
    return organisations, units


def in_period(queryset, start, end, scope):
    """Entries whose time (from `start`, a known date, to `end`, open when empty) meets the
    scope's period; without a period, all of them."""
    if scope.date_from is None and scope.date_to is None:
        return queryset
    queryset = queryset.alias(period_start=start, period_end=end).filter(period_start__isnull=False)
    if scope.date_to is not None:
        queryset = queryset.filter(period_start__lte=scope.date_to)
    if scope.date_from is not None:
        queryset = queryset.filter(Q(period_end__isnull=True) | Q(period_end__gte=scope.date_from))
    return queryset


def on_topics(queryset, scope):
    return linked_to(queryset, "topics", scope.topics) if scope.topics else queryset


def every_row(queryset):
    """Whether `queryset` names every row of its table (no condition): a filter by it then
    leaves out nothing, and the database is spared a semi-join."""
    return not queryset.query.where


def shared_parties(party_model, owner, owners, organisations, units):
    """(a, b, weight): pairs of parties of one agreement/project, grouped, `owner` the field
    naming the agreement or project."""
    if every_row(organisations) and every_row(units):
        visible = Q()  # members see every entry: every party is visible to them
    else:
        visible = Q(organisation_id__in=organisations.values("pk")) | Q(
            police_unit_id__in=units.values("pk")
        )
    partner = f"{owner}__parties"
    partners = party_model.objects.filter(visible).values("pk")
    a = side_key("organisation_id", "police_unit_id")
    b = side_key(f"{partner}__organisation_id", f"{partner}__police_unit_id")
    return (
        party_model.objects.filter(visible, **{f"{owner}_id__in": owners.values("pk")})
        .filter(**{f"{partner}__pk__in": partners, f"{partner}__pk__gt": F("pk")})
        .annotate(first=Least(a, b), second=Greatest(a, b))
        .order_by()
        .values_list("first", "second")
        # Each node is a party once per agreement/project (party_constraints): a pair meets
        # once per shared one, so counting rows counts them (no DISTINCT, no sort).
        .annotate(weight=Count(owner))
    )


def shared_events(user, events, organisations, units):
    """(sql, params) of (a, b, weight): organisations and police units that organised or took
    part in one event together (taking part: one of their contacts the viewer may see was
    there), weight the number of such events."""
    events = events.values("pk")
    organisers = [
        Event.organisations.through.objects.filter(
            event_id__in=events, organisation_id__in=organisations.values("pk")
        ).annotate(node=F("organisation_id") * 2),
        Event.police_units.through.objects.filter(
            event_id__in=events, policeunit_id__in=units.values("pk")
        ).annotate(node=F("policeunit_id") * 2 + 1),
    ]
    present = Invitation.objects.participants().of_visible_contacts(user)
    present = present.filter(event_id__in=events)
    participants = [
        present.filter(contact__organisation_id__in=organisations.values("pk")).annotate(
            node=F("contact__organisation_id") * 2
        ),
        present.filter(contact__police_unit_id__in=units.values("pk")).annotate(
            node=F("contact__police_unit_id") * 2 + 1
        ),
    ]
    first, *rest = (q.order_by().values_list("event_id", "node") for q in organisers + participants)
    taking_part, params = first.union(*rest).query.sql_with_params()
    sql = (
        f"WITH taking_part (event_id, node) AS ({taking_part}) "  # noqa: S608 (compiled ORM SQL)
        "SELECT a.node, b.node, COUNT(DISTINCT a.event_id) FROM taking_part a "
        "JOIN taking_part b ON a.event_id = b.event_id AND a.node < b.node GROUP BY 1, 2"
    )
    return sql, params


def brokered(organisations, units, scope):
    a = side_key("first_organisation_id", "first_police_unit_id")
    b = side_key("second_organisation_id", "second_police_unit_id")
    contacts = BrokeredContact.objects.filter(
        Q(first_organisation__in=organisations.values("pk"))
        | Q(first_police_unit__in=units.values("pk")),
        Q(second_organisation__in=organisations.values("pk"))
        | Q(second_police_unit__in=units.values("pk")),
    )
    if scope.topics:
        contacts = contacts.filter(topic_id__in=scope.topics)
    if scope.date_from is not None:
        contacts = contacts.filter(brokered_on__gte=scope.date_from)
    if scope.date_to is not None:
        contacts = contacts.filter(brokered_on__lte=scope.date_to)
    return (
        contacts.annotate(first=Least(a, b), second=Greatest(a, b))
        .exclude(first=F("second"))
        .order_by()
        .values_list("first", "second")
        .annotate(weight=Count("pk"))
    )


def edge_kinds_for(user):
    """Brokered contacts are the office's business: curators only."""
    kinds = [EdgeKind.AGREEMENT, EdgeKind.PROJECT, EdgeKind.EVENT]
    if role_of(user) >= Role.CURATOR:
        kinds.append(EdgeKind.BROKERED)
    return kinds


def pair_queries(user, scope, organisations, units):
    """[(kind, sql, params)]: one grouped query of (a, b, weight) per kind in the scope."""
    allowed = edge_kinds_for(user)
    kinds = [k for k in (scope.kinds or allowed) if k in allowed]
    queries = []
    if EdgeKind.AGREEMENT in kinds:
        agreements = in_period(
            on_topics(Agreement.objects.visible_to(user), scope),
            Coalesce("valid_from", "signed_on"),
            F("valid_until"),
            scope,
        )
        query = shared_parties(AgreementParty, "agreement", agreements, organisations, units)
        queries.append((EdgeKind.AGREEMENT, *query.query.sql_with_params()))
    if EdgeKind.PROJECT in kinds:
        projects = in_period(
            on_topics(Project.objects.visible_to(user), scope), F("starts_on"), F("ends_on"), scope
        )
        query = shared_parties(ProjectParty, "project", projects, organisations, units)
        queries.append((EdgeKind.PROJECT, *query.query.sql_with_params()))
    if EdgeKind.EVENT in kinds:
        events = in_period(
            on_topics(Event.objects.visible_to(user), scope),
            F("starts_at__date"),
            Coalesce("ends_at__date", "starts_at__date"),
            scope,
        )
        queries.append((EdgeKind.EVENT, *shared_events(user, events, organisations, units)))
    if EdgeKind.BROKERED in kinds:
        query = brokered(organisations, units, scope)
        queries.append((EdgeKind.BROKERED, *query.query.sql_with_params()))
    return queries


def edges(user, scope=None, limit=None):
    """(edges, how many in all): the edges `user` may see (both ends and the cooperation itself
    visible to them) in the scope, heaviest first, then by names; with `limit`, only that many
    of the heaviest are named and returned."""
    scope = scope or Scope()
    organisations, units = visible_nodes(user, scope)
    pairs, total = [], 0
    with connection.cursor() as cursor:
        for kind, sql, params in pair_queries(user, scope, organisations, units):
            # The heaviest `limit` of each kind and how many there are, in one query.
            outer = (
                f"SELECT first, second, weight, COUNT(*) OVER () FROM ({sql}) "  # noqa: S608
                "AS pairs (first, second, weight) ORDER BY weight DESC, first, second"
            )
            if limit is not None:
                outer += f" LIMIT {int(limit)}"
            cursor.execute(outer, params)
            rows = cursor.fetchall()
            total += rows[0][3] if rows else 0
            pairs += [(a, b, kind, w) for a, b, w, _n in rows]
    if limit is not None:
        pairs = sorted(pairs, key=lambda p: -p[3])[:limit]
    keys = {key for a, b, _kind, _w in pairs for key in (a, b)}
    nodes = named_nodes(keys, organisations, units)
    result = [
        Edge(nodes[a], nodes[b], str(kind), weight)
        for a, b, kind, weight in pairs
        if a in nodes and b in nodes
    ]
    result.sort(key=lambda e: (-e.weight, e.a.sort_name, e.b.sort_name))
    return result, total


def named_nodes(keys, organisations, units):
    """{key: Node} for the `side_key` numbers, two queries (names as the viewer may read
    them)."""
    org_ids = [key // 2 for key in keys if key % 2 == 0]
    unit_ids = [key // 2 for key in keys if key % 2]
    nodes = {}
    # One reverse() per kind: the detail URLs differ only in the primary key.
    org_url = Organisation(pk=0).get_absolute_url().replace("/0/", "/{}/")
    unit_url = PoliceUnit(pk=0).get_absolute_url().replace("/0/", "/{}/")
    if org_ids:
        found = organisations.filter(AnyOf(F("pk"), Value(org_ids)))
        for pk, name in found.values_list("pk", "name"):
            nodes[pk * 2] = Node(f"o{pk}", name, org_url.format(pk))
    if unit_ids:
        found = units.filter(AnyOf(F("pk"), Value(unit_ids)))
        for pk, name in found.values_list("pk", "shown_path"):
            nodes[pk * 2 + 1] = Node(f"p{pk}", name, unit_url.format(pk))
    return nodes


def scope_key(scope):
    """The scope as a short key (a Land's sub-regions make a long list)."""

    def part(values):
        return ",".join(str(v) for v in values)

    text = "|".join(
        [
            part(scope.within),
            part(scope.serving),
            part(sorted(scope.topics)),
            part(sorted(str(k) for k in scope.kinds)),
            str(scope.date_from or ""),
            str(scope.date_to or ""),
        ]
    )
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def graph(found):
    """The edges as cytoscape.js elements (nodes, then edges), for `json_script`."""
    nodes, links = {}, []
    for edge in found:
        for node in (edge.a, edge.b):
            nodes.setdefault(
                node.key,
                {
                    "id": node.key,
                    # A unit's own name in the picture (its path, as the viewer may read it,
                    # in the table).
                    "label": node.name.rpartition(" > ")[2],
                    "name": node.name,
                    "url": node.url,
                    "type": "police" if node.is_police else "organisation",
                },
            )
        links.append(
            {
                "id": f"{edge.a.key}-{edge.b.key}-{edge.kind}",
                "source": edge.a.key,
                "target": edge.b.key,
                "kind": edge.kind,
                "weight": edge.weight,
            }
        )
    return {"nodes": list(nodes.values()), "edges": links}
