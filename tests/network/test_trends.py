"""The curators' trend lines (directory/network/trends.py): values at each month's end from
constructed histories, the chart, table and CSV on the overview, for curators only."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.core.dates import add_months
from directory.network.trends import TREND_LABELS, curation_trends, month_ends
from directory.organisations.models import Organisation
from directory.requests.models import OfficeRequest
from directory.reviews.dashboard import ENTITIES
from directory.reviews.models import CorrectionRequest
from tests.factories import OfficeRequestFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
URL = "/redaktion/"
CSV = "/redaktion/verlauf.csv"
TODAY = datetime.date(2026, 6, 15)
NOW = timezone.make_aware(datetime.datetime(2026, 6, 15, 12))


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def month_end(months_back):
    """The last day of the month `months_back` months before TODAY's."""
    return add_months(TODAY.replace(day=1), -months_back + 1) - datetime.timedelta(days=1)


def date_events(model, obj, *moments):
    """Set the history events of `obj` (oldest first) to `moments`."""
    events = model.events.rel.related_model.objects.filter(pgh_obj_id=obj.pk).order_by("pgh_id")
    assert events.count() == len(moments)
    for event, moment in zip(events, moments, strict=True):
        type(event).objects.filter(pk=event.pk).update(pgh_created_at=moment)


def trends(**kwargs):
    got = curation_trends(ENTITIES, TREND_LABELS, today=TODAY, now=NOW, **kwargs)
    return {trend.key: trend.values for trend in got["trends"]}


def test_month_ends_are_the_last_eleven_month_ends_and_today():
    points = month_ends(TODAY, NOW)
    assert [day for day, _cutoff in points] == [
        datetime.date(2025, 7, 31), datetime.date(2025, 8, 31), datetime.date(2025, 9, 30),
        datetime.date(2025, 10, 31), datetime.date(2025, 11, 30), datetime.date(2025, 12, 31),
        datetime.date(2026, 1, 31), datetime.date(2026, 2, 28), datetime.date(2026, 3, 31),
        datetime.date(2026, 4, 30), datetime.date(2026, 5, 31), TODAY,
    ]  # fmt: skip
    assert points[0][1] == at(datetime.date(2026 - 1, 8, 1), 0)
    assert points[-1][1] == NOW


def test_stale_entries_from_the_history(db):
    # Created in mid-September 2025, never verified (stale); verified on 10 January 2026,
    # due again on 20 April 2026 (a curator shortened it), stale from then on.
    org = OrganisationFactory(review_due=None)
    org.mark_verified(None, on=datetime.date(2026, 1, 10))
    org.save()
    Organisation.objects.filter(pk=org.pk).update(review_due=datetime.date(2026, 4, 20))
    date_events(
        Organisation,
        org,
        at(datetime.date(2025, 9, 15)),
        at(datetime.date(2026, 1, 10)),
        at(datetime.date(2026, 1, 11)),
    )
    # Deleted on 5 May 2026 after being stale: counted until then.
    gone = OrganisationFactory(review_due=datetime.date(2025, 12, 1))
    gone_pk = gone.pk
    gone.delete()
    events = Organisation.events.rel.related_model.objects.filter(pgh_obj_id=gone_pk)
    events.filter(pgh_label="insert").update(pgh_created_at=at(datetime.date(2025, 11, 1)))
    events.filter(pgh_label="delete").update(pgh_created_at=at(datetime.date(2026, 5, 5)))
    # Jul Aug Sep Oct Nov Dec | Jan Feb Mar Apr May | today
    assert trends()["stale"] == [0, 0, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1]


def test_a_change_on_the_last_day_of_a_month_counts_for_that_month(db):
    org = OrganisationFactory(review_due=None)
    date_events(Organisation, org, at(month_end(3), 23))
    values = trends()["stale"]
    assert values[-4:] == [1, 1, 1, 1]
    assert values[-5] == 0


def test_open_corrections_at_each_month_end(db):
    decided = CorrectionRequest.objects.create(
        entry_kind="contact", entry_id=1, kind=CorrectionRequest.Kind.CORRECTION,
        status=CorrectionRequest.Status.APPLIED, decided_at=at(datetime.date(2026, 3, 2)),
    )  # fmt: skip
    still_open = CorrectionRequest.objects.create(
        entry_kind="contact", entry_id=2, kind=CorrectionRequest.Kind.REMOVAL
    )
    CorrectionRequest.objects.filter(pk=decided.pk).update(
        created_at=at(datetime.date(2025, 12, 20))
    )
    CorrectionRequest.objects.filter(pk=still_open.pk).update(
        created_at=at(datetime.date(2026, 2, 1))
    )
    # Dec: 1; Jan: 1; Feb: 2; Mar (decided on 2 March): 1; Apr, May, today: 1.
    assert trends()["corrections"] == [0, 0, 0, 0, 0, 1, 1, 2, 1, 1, 1, 1]


def test_open_requests_from_their_history_with_a_reopening(db):
    request = OfficeRequestFactory()
    request.status = OfficeRequest.Status.CLOSED
    request.save()
    request.status = OfficeRequest.Status.IN_PROGRESS
    request.save()
    date_events(
        OfficeRequest,
        request,
        at(datetime.date(2025, 10, 3)),
        at(datetime.date(2025, 12, 10)),
        at(datetime.date(2026, 4, 2)),
    )
    # Open Oct, Nov; closed Dec-Mar; reopened in April.
    assert trends()["requests"] == [0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1]


def test_todays_point_equals_the_overview(curator_client):
    OrganisationFactory(review_due=None)
    OrganisationFactory(review_due=timezone.localdate() + datetime.timedelta(days=90))
    CorrectionRequest.objects.create(
        entry_kind="contact", entry_id=1, kind=CorrectionRequest.Kind.CORRECTION
    )
    page = curator_client.get(URL)
    trends = page.context["trends"]
    values = {trend.key: trend.values[-1] for trend in trends["trends"]}
    assert values["stale"] == page.context["rows"][0]["cells"][0][0] == 1
    assert values["corrections"] == page.context["open_requests"][0] == 1


def test_overview_shows_charts_table_and_csv(curator_client):
    OrganisationFactory(review_due=None)
    html = curator_client.get(URL).content.decode()
    assert "Die letzten 12 Monate" in html
    assert html.count("<polyline") == 3
    assert "<caption>Veraltete Einträge, offene Korrekturen" in html
    assert "style=" not in html
    assert f'href="{CSV}"' in html
    response = curator_client.get(CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode()[1:]), delimiter=";"))
    assert rows[0] == [
        "Monatsende",
        "Veraltete Einträge",
        "Offene Korrektur- und Löschanfragen",
        "Offene Anfragen an die Geschäftsstelle",
    ]
    assert len(rows) == 13
    assert rows[-1][1:] == ["1", "0", "0"]


@pytest.mark.parametrize("query", ["csv=nope", "csv=", "csv=%ff", "csv[]=trends"])
def test_overview_with_malformed_query_strings(curator_client, query):
    response = curator_client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_trends_are_for_curators_only(client, member):
    client.force_login(member)
    assert client.get(CSV).status_code == 403
    assert reverse("reviews:dashboard") == URL
    assert reverse("network:trends_csv") == CSV


def test_chart_coordinates_are_plain_numbers(curator_client):
    OrganisationFactory(review_due=None)
    html = curator_client.get(URL).content.decode()
    svg = html[html.index("<polyline") : html.index("</svg>", html.index("<polyline"))]
    assert re.findall(r'(?:cx|cy|x|y)="[^"]*,', svg) == []
    assert re.search(r'points="40,\d+ 68,\d+ ', svg)
