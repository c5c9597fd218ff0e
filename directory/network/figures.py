"""The figures of /statistik/: each a table computed by the database (GROUP BY), counting only
what the viewer may see (`visible_to(user)` of every queryset it reads)."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, ExtractQuarter, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import Agreement, AgreementParty
from directory.core.models import Region
from directory.core.roles import Role, role_of
from directory.events.models import Event, Invitation
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project, ProjectParty
from directory.requests.models import BrokeredContact

NOT_SPECIFIED = _("Not specified")
BAR_WIDTH = 300  # the longest bar, in SVG user units


@dataclass
class Table:
    """One figure: a caption, column headers, rows whose first cell is the label, and which
    column the bar chart draws."""

    key: str
    caption: str
    headers: list
    rows: list
    bar_column: int = 1
    note: str = ""
    bars: list = field(default_factory=list)

    def __post_init__(self):
        values = [row[self.bar_column] or 0 for row in self.rows]
        top = max(values, default=0) or 1
        self.bars = [
            {"label": row[0], "value": value, "width": round(value * BAR_WIDTH / top), "y": i * 24}
            for i, (row, value) in enumerate(zip(self.rows, values, strict=True))
        ]
        self.chart_height = max(len(self.rows), 1) * 24


def counted(queryset, column, labels=None):
    """[(label, n)] of `queryset` grouped by `column`, in one query; empty values last as
    "not specified"."""
    rows = queryset.order_by().values_list(column).annotate(n=Count("pk")).order_by(column)
    labels = labels or {}
    named = [(str(labels.get(value, value)), n) for value, n in rows if value not in (None, "")]
    missing = sum(n for value, n in rows if value in (None, ""))
    return named + ([(str(NOT_SPECIFIED), missing)] if missing else [])


def unit_land():
    """SQL: the Land a police unit's jurisdiction lies in (the region itself, its parent or
    grandparent), else the Land of its address."""
    return Case(
        When(jurisdiction__kind=Region.Kind.LAND, then=F("jurisdiction__name")),
        When(jurisdiction__kind=Region.Kind.DISTRICT, then=F("jurisdiction__parent__name")),
        When(jurisdiction__kind=Region.Kind.BOROUGH, then=F("jurisdiction__parent__parent__name")),
        default=F("land__name"),
        output_field=CharField(),
    )


def by_topic(user):
    """[(topic, organisations, police units)]: topics linked to at least one visible entry."""
    organisations = Organisation.objects.visible_to(user).values("pk")
    units = PoliceUnit.objects.visible_to(user).values("pk")
    org_links = Organisation.topics.through.objects.filter(organisation_id__in=organisations)
    unit_links = PoliceUnit.topics.through.objects.filter(policeunit_id__in=units)
    per_org = dict(counted(org_links, "topic__name"))
    per_unit = dict(counted(unit_links, "topic__name"))
    names = sorted(set(per_org) | set(per_unit))
    return [(name, per_org.get(name, 0), per_unit.get(name, 0)) for name in names]


def currency(queryset, labels, today):
    """[(kind, entries, current, share %)]: current = verified within the review interval
    (next review after today, `CuratedQuerySet.current`)."""
    rows = (
        queryset.order_by()
        .values_list("kind")
        .annotate(total=Count("pk"), current=Count("pk", filter=Q(review_due__gt=today)))
        .order_by("kind")
    )
    return [
        (str(labels.get(kind, kind)), total, current, round(100 * current / total) if total else 0)
        for kind, total, current in rows
    ]


def quarter_label(year, quarter):
    return f"{year:04d}-Q{quarter}" if year else str(NOT_SPECIFIED)


def cooperation_dates(user):
    """Rows (actor kind "o"/"p", actor id, date) of every cooperation the viewer may see, one
    query per source, for a UNION ALL: an agreement an organisation or police unit is party to
    (signed, else valid from), a project it sponsors or partners (start), an event it organised
    or a contact of it took part in (start), a contact the office brokered with it (curators
    only)."""
    agreements = Agreement.objects.visible_to(user).values("pk")
    projects = Project.objects.visible_to(user).values("pk")
    events = Event.objects.visible_to(user).values("pk")
    participations = Invitation.objects.participants().of_visible_contacts(user)
    rows = []

    def add(queryset, kind, actor, day):
        rows.append(
            queryset.order_by()
            .annotate(actor_kind=Value(kind), actor_id=F(actor), day=day)
            .values_list("actor_kind", "actor_id", "day")
        )

    for kind, side, model in (
        ("o", "organisation", Organisation),
        ("p", "police_unit", PoliceUnit),
    ):
        visible = model.objects.visible_to(user).order_by().values("pk")
        organisers = "organisations" if kind == "o" else "police_units"
        add(
            AgreementParty.objects.filter(
                **{f"{side}_id__in": visible}, agreement_id__in=agreements
            ),
            kind,
            f"{side}_id",
            Coalesce("agreement__signed_on", "agreement__valid_from"),
        )
        add(
            ProjectParty.objects.filter(**{f"{side}_id__in": visible}, project_id__in=projects),
            kind,
            f"{side}_id",
            F("project__starts_on"),
        )
        add(
            Event.objects.filter(pk__in=events, **{f"{organisers}__in": visible}),
            kind,
            f"{organisers}__id",
            Cast("starts_at", DateField()),
        )
        add(
            participations.filter(event_id__in=events, **{f"contact__{side}_id__in": visible}),
            kind,
            f"contact__{side}_id",
            Cast("event__starts_at", DateField()),
        )
        if role_of(user) >= Role.CURATOR:
            for end in ("first", "second"):
                add(
                    BrokeredContact.objects.filter(**{f"{end}_{side}_id__in": visible}),
                    kind,
                    f"{end}_{side}_id",
                    F("brokered_on"),
                )
    return rows


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


def per_quarter(queryset, date):
    rows = (
        queryset.annotate(year=ExtractYear(date), quarter=ExtractQuarter(date))
        .order_by()
        .values_list("year", "quarter")
        .annotate(n=Count("pk"))
        .order_by("year", "quarter")
    )
    return [(quarter_label(year, quarter), n) for year, quarter, n in rows]


def per_year(queryset, date):
    rows = (
        queryset.annotate(year=ExtractYear(date))
        .order_by()
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    return [(str(year) if year else str(NOT_SPECIFIED), n) for year, n in rows]


def statistics_tables(user, today=None):
    """Every figure `user` may see, in page order."""
    today = today or timezone.localdate()
    organisations = Organisation.objects.visible_to(user)
    units = PoliceUnit.objects.visible_to(user)
    agreements = Agreement.objects.visible_to(user)
    events = Event.objects.visible_to(user)
    n_org, n_unit = gettext("Organisations"), gettext("Police units")
    tables = [
        Table(
            "networked",
            gettext("Networked actors per quarter"),
            [gettext("Quarter"), gettext("Newly networked"), gettext("Networked in all")],
            networked_per_quarter(user),
            bar_column=2,
            note=gettext(
                "Organisations and police units by the quarter of their first cooperation: an "
                "agreement they are party to (signed, else valid from), a project they sponsor "
                "or partner (start), an event they organised or one of their contacts took part "
                "in (start), a brokered contact (office only). Entries without any date are not "
                "counted."
            ),
        ),
        Table(
            "organisations_land",
            gettext("Organisations by federal state"),
            [gettext("Federal state"), n_org],
            counted(organisations, "land__name"),
        ),
        Table(
            "police_land",
            gettext("Police units by federal state"),
            [gettext("Federal state"), n_unit],
            counted(units.annotate(land_name=unit_land()), "land_name"),
            note=gettext("By the region of jurisdiction, else by the address."),
        ),
        Table(
            "organisations_kind",
            gettext("Organisations by kind"),
            [gettext("Kind"), n_org],
            counted(organisations, "kind", dict(Organisation.Kind.choices)),
        ),
        Table(
            "police_kind",
            gettext("Police units by kind"),
            [gettext("Kind"), n_unit],
            counted(units, "kind", dict(PoliceUnit.Kind.choices)),
        ),
        Table(
            "topics",
            gettext("Organisations and police units by topic"),
            [gettext("Topic"), n_org, n_unit],
            by_topic(user),
        ),
        Table(
            "currency_organisations",
            gettext("Currency of organisations by kind"),
            [gettext("Kind"), n_org, gettext("Verified within the review interval"), "%"],
            currency(organisations, dict(Organisation.Kind.choices), today),
            bar_column=3,
        ),
        Table(
            "currency_police",
            gettext("Currency of police units by kind"),
            [gettext("Kind"), n_unit, gettext("Verified within the review interval"), "%"],
            currency(units, dict(PoliceUnit.Kind.choices), today),
            bar_column=3,
        ),
        Table(
            "agreements_status",
            gettext("Cooperation agreements by status"),
            [gettext("Status"), gettext("Agreements")],
            counted(agreements, "status", dict(Agreement.Status.choices)),
        ),
        Table(
            "agreements_year",
            gettext("Cooperation agreements by year signed"),
            [gettext("Year"), gettext("Agreements")],
            per_year(agreements, "signed_on"),
        ),
        Table(
            "events_format",
            gettext("Events by format"),
            [gettext("Format"), gettext("Events")],
            counted(events, "format__name"),
        ),
        Table(
            "events_year",
            gettext("Events by year"),
            [gettext("Year"), gettext("Events")],
            per_year(events, "starts_at"),
        ),
        Table(
            "projects_status",
            gettext("Cooperation projects by status"),
            [gettext("Status"), gettext("Projects")],
            counted(Project.objects.visible_to(user), "status", dict(Project.Status.choices)),
        ),
    ]
    # The office's brokering is the office's business: its figures are for curators.
    if role_of(user) >= Role.CURATOR:
        tables.append(
            Table(
                "brokered",
                gettext("Brokered contacts per quarter"),
                [gettext("Quarter"), gettext("Brokered contacts")],
                per_quarter(BrokeredContact.objects.all(), "brokered_on"),
            )
        )
    return tables
