"""The cooperation network as data: edges between organisations and police units, each with
its kind and weight (how many agreements, projects or brokered contacts they share), counted
by the database and only from what the viewer may see."""

from dataclasses import dataclass

from django.db.models import BigIntegerField, Case, Count, F, Q, TextChoices, When
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import Agreement, AgreementParty
from directory.core.roles import Role, role_of
from directory.events.models import Event
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project, ProjectParty
from directory.requests.models import BrokeredContact


class EdgeKind(TextChoices):
    AGREEMENT = "agreement", _("Cooperation agreement")
    PROJECT = "project", _("Joint project")
    EVENT = "event", _("Event organised together")
    BROKERED = "brokered", _("Brokered contact")


def side_key(organisation, police_unit):
    """SQL: a party's node as a number, 2·id for an organisation, 2·id + 1 for a police unit
    (cheaper to order and group than text)."""
    return Case(
        When(**{f"{organisation}__isnull": False}, then=F(organisation) * 2),
        default=F(police_unit) * 2 + 1,
        output_field=BigIntegerField(),
    )


def visible_nodes(user, land=None):
    organisations = Organisation.objects.visible_to(user)
    units = PoliceUnit.objects.visible_to(user)
    if land:
        organisations = organisations.in_region([land])
        units = units.filter(
            Q(jurisdiction_id=land)
            | Q(jurisdiction__parent_id=land)
            | Q(jurisdiction__parent__parent_id=land)
            | Q(land_id=land)
        )
    return organisations, units


def shared_parties(party_model, owner, owners, organisations, units):
    """(a, b, weight): pairs of parties of one agreement/project, grouped, `owner` the field
    naming the agreement or project."""
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
        .annotate(weight=Count(owner, distinct=True))
    )


def shared_events(events, organisations, units):
    """Querysets of (a, b, weight) for organisations and police units that organised one
    event together (by pairs of organisers: two organisations, two units, one of each)."""
    by_org = Event.organisations.through.objects.filter(
        event_id__in=events.values("pk"), organisation_id__in=organisations.values("pk")
    )
    by_unit = Event.police_units.through.objects.filter(
        event_id__in=events.values("pk"), policeunit_id__in=units.values("pk")
    )
    pairs = [
        by_org.filter(
            event__organisations__in=organisations.values("pk"),
            event__organisations__pk__gt=F("organisation_id"),
        ).annotate(first=F("organisation_id") * 2, second=F("event__organisations__pk") * 2),
        by_unit.filter(
            event__police_units__in=units.values("pk"),
            event__police_units__pk__gt=F("policeunit_id"),
        ).annotate(first=F("policeunit_id") * 2 + 1, second=F("event__police_units__pk") * 2 + 1),
        by_org.filter(event__police_units__in=units.values("pk")).annotate(
            first=F("organisation_id") * 2, second=F("event__police_units__pk") * 2 + 1
        ),
    ]
    return [
        query.order_by()
        .values_list("first", "second")
        .annotate(weight=Count("event_id", distinct=True))
        for query in pairs
    ]


def brokered(organisations, units):
    a = side_key("first_organisation_id", "first_police_unit_id")
    b = side_key("second_organisation_id", "second_police_unit_id")
    return (
        BrokeredContact.objects.filter(
            Q(first_organisation__in=organisations.values("pk"))
            | Q(first_police_unit__in=units.values("pk")),
            Q(second_organisation__in=organisations.values("pk"))
            | Q(second_police_unit__in=units.values("pk")),
        )
        .annotate(first=Least(a, b), second=Greatest(a, b))
        .exclude(first=F("second"))
        .order_by()
        .values_list("first", "second")
        .annotate(weight=Count("pk"))
    )


@dataclass
class Node:
    key: str
    name: str
    url: str


@dataclass
class Edge:
    a: Node
    b: Node
    kind: str
    kind_label: str
    weight: int


def edge_kinds_for(user):
    """Brokered contacts are the office's business: curators only."""
    kinds = [EdgeKind.AGREEMENT, EdgeKind.PROJECT, EdgeKind.EVENT]
    if role_of(user) >= Role.CURATOR:
        kinds.append(EdgeKind.BROKERED)
    return kinds


def edges(user, land=None, kinds=None, limit=None):
    """(edges, how many in all): the edges `user` may see (both ends and the cooperation itself
    visible to them), heaviest first, then by names; with `limit`, only that many of the
    heaviest are named and returned."""
    organisations, units = visible_nodes(user, land)
    allowed = edge_kinds_for(user)
    kinds = [k for k in (kinds or allowed) if k in allowed]
    queries = []
    if EdgeKind.AGREEMENT in kinds:
        agreements = Agreement.objects.visible_to(user)
        queries.append(
            (
                EdgeKind.AGREEMENT,
                shared_parties(AgreementParty, "agreement", agreements, organisations, units),
            )
        )
    if EdgeKind.PROJECT in kinds:
        projects = Project.objects.visible_to(user)
        queries.append(
            (
                EdgeKind.PROJECT,
                shared_parties(ProjectParty, "project", projects, organisations, units),
            )
        )
    if EdgeKind.EVENT in kinds:
        events = Event.objects.visible_to(user)
        queries += [
            (EdgeKind.EVENT, query) for query in shared_events(events, organisations, units)
        ]
    if EdgeKind.BROKERED in kinds:
        queries.append((EdgeKind.BROKERED, brokered(organisations, units)))
    pairs, total = [], 0
    for kind, query in queries:
        if limit is None:
            rows = list(query)
            total += len(rows)
        else:
            # The heaviest `limit` of each kind, by the database; the count beside them.
            rows = list(query.order_by("-weight", "first", "second")[:limit])
            total += len(rows) if len(rows) < limit else query.count()
        pairs += [(a, b, kind, w) for a, b, w in rows]
    if limit is not None:
        pairs = sorted(pairs, key=lambda p: -p[3])[:limit]
    keys = {key for a, b, _kind, _w in pairs for key in (a, b)}
    nodes = named_nodes(keys, organisations, units)
    result = [
        Edge(nodes[a], nodes[b], kind, EdgeKind(kind).label, weight)
        for a, b, kind, weight in pairs
        if a in nodes and b in nodes
    ]
    result.sort(key=lambda e: (-e.weight, e.a.name.casefold(), e.b.name.casefold()))
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
    for pk, name in organisations.filter(pk__in=org_ids).values_list("pk", "name"):
        nodes[pk * 2] = Node(f"o{pk}", name, org_url.format(pk))
    for pk, name in units.filter(pk__in=unit_ids).values_list("pk", "shown_path"):
        nodes[pk * 2 + 1] = Node(f"p{pk}", name, unit_url.format(pk))
    return nodes
