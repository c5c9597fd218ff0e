"""The curators' trend lines on their overview (/redaktion/, plugged in through
registry.add_dashboard_part): stale entries, open corrections and open requests at the end of
each of the last 12 months, worked out from the data's own history.

- Stale entries and open requests: the state of each entry (request) at a month's end is its
  last history event (pghistory) before that day was over; an entry is stale when that state
  has no next review or one due by that day (`CuratedQuerySet.stale`), a request is open when
  that state is not "closed". Deleted ones count until their deletion.
- Open corrections (correction and removal requests): received before the day was over and
  then still open, or decided only later (`decided_at`).

The last point is today, counted up to now: it equals the overview's own figures. Entries
saved before history was kept have no events and are not counted (not so for any entry saved
since the first migration of this project)."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory.core.dates import add_months
from directory.core.roles import Role, role_of, role_required
from directory.requests.models import OfficeRequest
from directory.reviews.dashboard import ENTITIES
from directory.reviews.models import CorrectionRequest

from .cache import cached
from .views import csv_response

MONTHS = 12


def month_ends(today, now):
    """[(day, cutoff)]: the last day of each of the 11 months before this one, then today;
    cutoff is the moment that day is over (for today: now)."""
    first = today.replace(day=1)
    points = []
    for back in range(MONTHS - 1, 0, -1):
        day = add_months(first, -back + 1) - datetime.timedelta(days=1)
        cutoff = timezone.make_aware(
            datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
        )
        points.append((day, cutoff))
    points.append((today, now))
    return points


def counted_in_history(model, points, where="TRUE", from_day=None):
    """[n per point]: entries of `model` whose last history event before each cutoff is not a
    deletion, meets `where` (SQL over the event's columns) and, with `from_day` (SQL: a date
    of the event, or NULL), has that date on or before the point's day (NULL: any day).

    Each event is the entry's state from its time until the entry's next event; the points a
    state counts at are consecutive ones (cutoffs after its start, up to its end; days from
    `from_day`), found by `width_bucket` over the sorted cutoffs and days. The database counts
    the states per (first point, last point), a few dozen rows, added up per point here: one
    pass over the events instead of one per point."""
    table = connection.ops.quote_name(model.events.rel.related_model._meta.db_table)
    cutoffs = [cutoff for _day, cutoff in points]
    days = [day for day, _cutoff in points]
    from_day = from_day or "NULL::date"
    sql = f"""
        WITH states AS (
            SELECT pgh_label, ({where}) AS meets, {from_day} AS from_day,
                   pgh_created_at AS since,
                   lead(pgh_created_at) OVER (PARTITION BY pgh_obj_id ORDER BY pgh_id) AS until
            FROM {table} AS states
        ), ranges AS (
            SELECT greatest(
                       width_bucket(since, %(cutoffs)s::timestamptz[]) + 1,
                       coalesce(width_bucket(from_day - 1, %(days)s::date[]) + 1, 1)
                   ) AS first,
                   coalesce(width_bucket(until, %(cutoffs)s::timestamptz[]), %(n)s) AS last
            FROM states
            WHERE pgh_label <> 'delete' AND meets
        )
        SELECT first, last, count(*) FROM ranges WHERE first <= last GROUP BY first, last
    """  # noqa: S608 (table and conditions from the code, values as parameters)
    counts = [0] * len(points)
    with connection.cursor() as cursor:
        cursor.execute(sql, {"cutoffs": cutoffs, "days": days, "n": len(points)})
        for first, last, n in cursor.fetchall():
            for i in range(first - 1, last):
                counts[i] += n
    return counts


def stale_in_history(models, points):
    """Entries without a next review, or with one due by the point's day."""
    totals = [0] * len(points)
    for model in models:
        counts = counted_in_history(model, points, from_day="states.review_due")
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    return totals


def open_corrections(points):
    """Correction and removal requests received before each cutoff and not decided by then."""
    counts = CorrectionRequest.objects.aggregate(
        **{
            f"p{i}": Count(
                "pk",
                filter=Q(created_at__lt=cutoff)
                & (
                    Q(status=CorrectionRequest.Status.OPEN)
                    | Q(decided_at__gte=cutoff, status__in=["applied", "rejected"])
                ),
            )
            for i, (_day, cutoff) in enumerate(points)
        }
    )
    return [counts[f"p{i}"] for i in range(len(points))]


@dataclass
class Trend:
    key: str
    label: str
    values: list
    points: list  # [(x, y, value, month label)] for the chart
    polyline: str
    top: int


CHART_WIDTH, CHART_HEIGHT, LEFT, BOTTOM, TOP_MARGIN = 360, 140, 40, 24, 12


def chart(key, label, values, days):
    top = max(values, default=0) or 1
    step = (CHART_WIDTH - LEFT - 16) / max(len(values) - 1, 1)
    plot = CHART_HEIGHT - BOTTOM - TOP_MARGIN
    points = [
        # Whole units: a float would be rendered with the locale's decimal comma.
        (
            round(LEFT + i * step),
            round(TOP_MARGIN + plot - value * plot / top),
            value,
            date_format(day, "M y"),
        )
        for i, (value, day) in enumerate(zip(values, days, strict=True))
    ]
    return Trend(key, label, values, points, " ".join(f"{x},{y}" for x, y, _v, _m in points), top)


def curation_trends(entities, labels, today=None, now=None):
    """{"days": [...], "trends": [Trend, ...], "rows": [(day, [values])]}: the three lines,
    `entities` being the curated models the overview counts, `labels` {key: label}."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    points = month_ends(today, now)
    days = [day for day, _cutoff in points]
    series = {
        "stale": stale_in_history(entities, points),
        "corrections": open_corrections(points),
        "requests": counted_in_history(
            OfficeRequest, points, where=f"states.status <> '{OfficeRequest.Status.CLOSED}'"
        ),
    }
    return {
        "days": days,
        "trends": [chart(key, labels[key], values, days) for key, values in series.items()],
        "rows": [(day, [values[i] for values in series.values()]) for i, day in enumerate(days)],
    }


TREND_LABELS = {
    "stale": _("Stale entries"),
    "corrections": _("Open correction and removal requests"),
    "requests": _("Open requests to the office"),
}


def trends_for(user):
    """The trend lines, cached until the data they count changes (cache.py)."""
    return cached(
        "curation-trends",
        user,
        lambda: curation_trends(ENTITIES, {k: str(v) for k, v in TREND_LABELS.items()}),
    )


def dashboard_part(request):
    """The trend lines' section of the curators' overview (curators only, as the overview)."""
    if role_of(request.user) < Role.CURATOR:
        return ""
    return render_to_string(
        "network/trends.html", {"trends": trends_for(request.user)}, request=request
    )


@role_required(Role.CURATOR)
def trends_csv(request):
    trends = trends_for(request.user)
    return csv_response(
        "redaktion-verlauf",
        [gettext("Month end"), *(trend.label for trend in trends["trends"])],
        [(date_format(day, "SHORT_DATE_FORMAT"), *values) for day, values in trends["rows"]],
    )
