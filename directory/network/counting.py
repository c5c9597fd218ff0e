"""Counting helpers of the figures: GROUP BY queries that return [(label, n, ...)]."""

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    Q,
    When,
)
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils.translation import gettext_lazy as _

from directory.core.models import Region
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

NOT_SPECIFIED = _("Not specified")


def counted(queryset, column, labels=None):
    """[(label, n)] of `queryset` grouped by `column`, in one query; empty values last as
    "not specified"."""
    rows = queryset.order_by().values_list(column).annotate(n=Count("pk")).order_by(column)
    return labelled(rows, labels)


def labelled(rows, labels=None):
    """`counted` of [(value, n)] rows in their order; rows of the same value are added up."""
    totals = {}
    for value, n in rows:
        totals[value] = totals.get(value, 0) + n
    labels = labels or {}
    named = [(str(labels.get(v, v)), n) for v, n in totals.items() if v not in (None, "")]
    missing = sum(n for value, n in totals.items() if value in (None, ""))
    return named + ([(str(NOT_SPECIFIED), missing)] if missing else [])


def by_kind_and_land(queryset, land, today):
    """([(kind, entries, current)], [(Land, entries, current)]) of `queryset` (`land` naming
    the Land; current = verified within the review interval, next review after today), each
    ordered by its first column, in one query (GROUPING SETS): the counts behind the tables
    by kind, by Land and of currency, from one scan of the table. (`land` is selected last:
    an annotation comes after the fields in the SQL.)"""
    inner, params = (
        queryset.order_by().values_list("kind", "review_due", land).query.sql_with_params()
    )
    sql = f"""
        SELECT GROUPING(kind), kind, land, count(*), count(*) FILTER (WHERE review_due > %s)
        FROM ({inner}) AS entries (kind, review_due, land)
        GROUP BY GROUPING SETS ((kind), (land))
        ORDER BY 1, 2, 3
    """  # noqa: S608 (the ORM's SQL, its values passed as parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [today, *params])
        rows = cursor.fetchall()
    by_kind = [
        (kind, total, current) for grouped, kind, _land, total, current in rows if not grouped
    ]
    by_land = [(land, total, current) for grouped, _kind, land, total, current in rows if grouped]
    return by_kind, by_land


def currency_rows(by_kind, labels):
    """[(kind, entries, current, share %)] of `by_kind_and_land`'s rows by kind."""
    return [
        (str(labels.get(kind, kind)), total, current, round(100 * current / total) if total else 0)
        for kind, total, current in by_kind
    ]


def unit_land(prefix=""):
    """SQL: the Land a police unit's jurisdiction lies in (the region itself, its parent or
    grandparent), else the Land of its address; `prefix` names the unit from another model
    (e.g. "police_unit__")."""
    jurisdiction = f"{prefix}jurisdiction__"
    return Case(
        When(**{f"{jurisdiction}kind": Region.Kind.LAND}, then=F(f"{jurisdiction}name")),
        When(
            **{f"{jurisdiction}kind": Region.Kind.DISTRICT},
            then=F(f"{jurisdiction}parent__name"),
        ),
        When(
            **{f"{jurisdiction}kind": Region.Kind.BOROUGH},
            then=F(f"{jurisdiction}parent__parent__name"),
        ),
        default=F(f"{prefix}land__name"),
        output_field=CharField(),
    )


def by_topic(organisations, units):
    """[(topic, organisations, police units)]: topics linked to at least one of the given
    entries."""
    org_links = Organisation.topics.through.objects.all()
    unit_links = PoliceUnit.topics.through.objects.all()
    # Every entry (no condition, as for members): no semi-join that leaves out nothing.
    if organisations.query.where:
        org_links = org_links.filter(organisation_id__in=organisations.order_by().values("pk"))
    if units.query.where:
        unit_links = unit_links.filter(policeunit_id__in=units.order_by().values("pk"))
    per_org = dict(counted(org_links, "topic__name"))
    per_unit = dict(counted(unit_links, "topic__name"))
    names = sorted(set(per_org) | set(per_unit))
    return [(name, per_org.get(name, 0), per_unit.get(name, 0)) for name in names]


def quarter_label(year, quarter):
    return f"{year:04d}-Q{quarter}" if year else str(NOT_SPECIFIED)


def per_quarter(queryset, date):
    rows = (
        queryset.annotate(year=ExtractYear(date), quarter=ExtractQuarter(date))
        .order_by()
        .values_list("year", "quarter")
        .annotate(n=Count("pk"))
        .order_by("year", "quarter")
    )
    return [(quarter_label(year, quarter), n) for year, quarter, n in rows]


def per_year(queryset, date, split=None, choices=()):
    """[(year, n, ...)] by the year of `date`; with `split` (a field) and its `choices`, one
    more column per choice: how many of that year have that value. One query."""
    columns = {
        f"c{i}": Count("pk", filter=Q(**{split: value}))
        for i, (value, _label) in enumerate(choices)
    }
    rows = (
        queryset.annotate(year=ExtractYear(date))
        .order_by()
        .values_list("year")
        .annotate(n=Count("pk"), **columns)
        .order_by("year")
    )
    return [(str(year) if year else str(NOT_SPECIFIED), *counts) for year, *counts in rows]
