"""Networked actors: organisations and police units with at least one cooperation the viewer
may see, by quarter of their first one, by Land, kind and topic."""

import operator
from functools import reduce

from django.db import connection
from django.db.models import (
    DateField,
    F,
    Q,
    Value,
)
from django.db.models.functions import Cast, Coalesce

from directory.agreements.models import Agreement, AgreementParty
from directory.core.models import Topic
from directory.core.roles import Role, role_of
from directory.events.models import Event, Invitation
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project, ProjectParty
from directory.requests.models import BrokeredContact

from .counting import NOT_SPECIFIED, labelled, quarter_label, unit_land
from .lands import BY_NAME, per_100k


def among(field, queryset):
    """A filter: `field` names a row of `queryset`; when `queryset` has no condition (the
    viewer sees every row), just a row (no semi-join that would leave out nothing)."""
    if queryset.query.where:
        return {f"{field}__in": queryset}
    return {f"{field}__isnull": False}


def cooperation_sources(user):
    """(actor kind "o"/"p", queryset, actor field, date expression) of every kind of
    cooperation the viewer may see: an agreement an organisation or police unit is party to
    (signed, else valid from), a project it sponsors or partners (start), an event it organised
    or a contact of it took part in (start), a contact the office brokered with it (curators
    only)."""
    agreements = Agreement.objects.visible_to(user).values("pk")
    projects = Project.objects.visible_to(user).values("pk")
    events = Event.objects.visible_to(user).values("pk")
    participations = Invitation.objects.participants().of_visible_contacts(user)
    sources = []
    for kind, side, model in (
        ("o", "organisation", Organisation),
        ("p", "police_unit", PoliceUnit),
    ):
        visible = model.objects.visible_to(user).order_by().values("pk")
        organisers = "organisations" if kind == "o" else "police_units"
        sources += [
            (
                kind,
                AgreementParty.objects.filter(
                    **among(f"{side}_id", visible), **among("agreement_id", agreements)
                ),
                f"{side}_id",
                Coalesce("agreement__signed_on", "agreement__valid_from"),
            ),
            (
                kind,
                ProjectParty.objects.filter(
                    **among(f"{side}_id", visible), **among("project_id", projects)
                ),
                f"{side}_id",
                F("project__starts_on"),
            ),
            (
                kind,
                Event.objects.filter(**among("pk", events), **among(organisers, visible)),
                f"{organisers}__id",
                Cast("starts_at", DateField()),
            ),
            (
                kind,
                participations.filter(
                    **among("event_id", events), **among(f"contact__{side}_id", visible)
                ),
                f"contact__{side}_id",
                Cast("event__starts_at", DateField()),
            ),
        ]
        if role_of(user) >= Role.CURATOR:
            sources += [
                (
                    kind,
                    BrokeredContact.objects.filter(**among(f"{end}_{side}_id", visible)),
                    f"{end}_{side}_id",
                    F("brokered_on"),
                )
                for end in ("first", "second")
            ]
    return sources


def cooperation_dates(user):
    """Rows (actor kind, actor id, date) of every cooperation the viewer may see
    (`cooperation_sources`), one query per source, for a UNION ALL."""
    return [
        queryset.order_by()
        .annotate(actor_kind=Value(kind), actor_id=F(actor), day=day)
        .values_list("actor_kind", "actor_id", "day")
        for kind, queryset, actor, day in cooperation_sources(user)
    ]


def networked(user):
    """(organisations, police units): the visible ones with at least one cooperation the
    viewer may see, dated or not."""
    found = {"o": [], "p": []}
    for kind, queryset, actor, _day in cooperation_sources(user):
        found[kind].append(Q(pk__in=queryset.order_by().values(actor)))
    return (
        Organisation.objects.visible_to(user).filter(reduce(operator.or_, found["o"])),
        PoliceUnit.objects.visible_to(user).filter(reduce(operator.or_, found["p"])),
    )


def networked_per_quarter(user):
    """[(quarter, newly networked, networked in all)]: organisations and police units by the
    quarter of their first visible cooperation, counted by the database in one query."""
    first, *others = cooperation_dates(user)
    union = first.union(*others, all=True)
    sql, params = union.query.get_compiler(using=union.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT extract(year FROM first)::int, extract(quarter FROM first)::int, count(*)
            FROM (
                SELECT min(day) AS first FROM ({sql}) AS cooperation (kind, actor, day)
                WHERE day IS NOT NULL GROUP BY kind, actor
            ) AS actors
            GROUP BY 1, 2 ORDER BY 1, 2
            """,  # noqa: S608 (the ORM's SQL, its values passed as parameters)
            params,
        )
        rows = cursor.fetchall()
    table, running = [], 0
    for year, quarter, n in rows:
        running += n
        table.append((quarter_label(year, quarter), n, running))
    return table


def actor_counts(actors, land, through, actor_column):
    """(rows [(kind, Land, n)], {topic: n}) of `actors` (a queryset of organisations or
    police units, `land` naming their Land) in one query: the actors are found once (their
    conditions, e.g. "networked", are the costly part), then counted by kind and Land and by
    topic (their links in the m2m table `through`, `actor_column` naming the actor)."""
    actor_sql, params = actors.order_by().values_list("pk", "kind", land).query.sql_with_params()
    quote = connection.ops.quote_name
    topic_table = quote(Topic._meta.db_table)
    sql = f"""
        WITH actors (id, kind, land) AS MATERIALIZED ({actor_sql})
        SELECT 0 AS part, kind, land, count(*) FROM actors GROUP BY kind, land
        UNION ALL
        SELECT 1, NULL, topic.name, count(*)
        FROM actors
        JOIN {quote(through._meta.db_table)} AS link ON link.{quote(actor_column)} = actors.id
        JOIN {topic_table} AS topic ON topic.id = link.topic_id
        GROUP BY topic.name
        ORDER BY 1, 2, 3
    """  # noqa: S608 (the ORM's SQL and table names of the models, values as parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    by_kind_and_land = [(kind, land, n) for part, kind, land, n in rows if part == 0]
    by_topic = dict(labelled((name, n) for part, _kind, name, n in rows if part == 1))
    return by_kind_and_land, by_topic


def kind_and_land(organisations, units):
    """{"kind_land": ([(kind, Land, n)] of the organisations, the same of the police units),
    "topics": [(topic, organisations, police units)]}: the counts behind `networked_by_land`,
    `networked_by_kind` and the networked actors by topic, one query per kind of actor."""
    org_rows, org_topics = actor_counts(
        organisations, "land__name", Organisation.topics.through, "organisation_id"
    )
    unit_rows, unit_topics = actor_counts(
        units.annotate(land_name=unit_land()),
        "land_name",
        PoliceUnit.topics.through,
        "policeunit_id",
    )
    names = sorted(set(org_topics) | set(unit_topics))
    return {
        "kind_land": (org_rows, unit_rows),
        "topics": [(name, org_topics.get(name, 0), unit_topics.get(name, 0)) for name in names],
    }


def networked_by_land(counts):
    """[(Land, organisations, police units, together, per 100,000 inhabitants)] for each of
    the 16 Länder (zeros included), then the networked entries with no Land, if any;
    `counts` from `kind_and_land`."""
    org_counts, unit_counts = counts["kind_land"]
    per_org = dict(labelled((land, n) for _kind, land, n in org_counts))
    per_unit = dict(labelled((land, n) for _kind, land, n in unit_counts))
    rows = []
    for name, land in sorted(BY_NAME.items()):
        together = per_org.get(name, 0) + per_unit.get(name, 0)
        rows.append(
            (name, per_org.get(name, 0), per_unit.get(name, 0), together, per_100k(together, land))
        )
    rest = [
        (per_org.get(name, 0), per_unit.get(name, 0))
        for name in set(per_org) | set(per_unit)
        if name not in BY_NAME
    ]
    if rest:
        o, p = (sum(column) for column in zip(*rest, strict=True))
        rows.append((str(NOT_SPECIFIED), o, p, o + p, "–"))
    return rows


def networked_by_kind(counts):
    """[(kind, networked entries)]: organisation kinds, then police unit kinds; `counts` from
    `kind_and_land`."""
    org_counts, unit_counts = counts["kind_land"]
    return [
        *labelled(((kind, n) for kind, _land, n in org_counts), dict(Organisation.Kind.choices)),
        *labelled(((kind, n) for kind, _land, n in unit_counts), dict(PoliceUnit.Kind.choices)),
    ]
