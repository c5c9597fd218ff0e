"""The figures of /statistik/: each a table computed by the database (GROUP BY), counting only
what the viewer may see (`visible_to(user)` of every queryset it reads)."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext

from directory.agreements.models import Agreement
from directory.core.roles import Role, role_of
from directory.events.models import Event
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project
from directory.requests.models import BrokeredContact

from .counting import (
    by_kind_and_land,
    by_topic,
    counted,
    currency_rows,
    labelled,
    per_quarter,
    per_year,
    unit_land,
)
from .currency import confirmation_answers, currency_by_land, requests_by_reason
from .lands import BY_NAME, POPULATION_DATE
from .networked import (
    kind_and_land,
    networked,
    networked_by_kind,
    networked_by_land,
    networked_per_quarter,
)
from .tilemap import tile_map

BAR_WIDTH = 300  # the longest bar, in SVG user units
# The tile map's columns in "networked_land": together, or per 100,000 inhabitants.
TILE_COLUMNS = {False: 3, True: 4}


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
    # "bars", or "tiles" (the 16 Länder, see tilemap.py; set by the view with `tiles`)
    chart: str = "bars"
    tiles: list = field(default_factory=list)
    legend: list = field(default_factory=list)

    def __post_init__(self):
        values = [row[self.bar_column] or 0 for row in self.rows]
        top = max(values, default=0) or 1
        self.bars = [
            {"label": row[0], "value": value, "width": round(value * BAR_WIDTH / top), "y": i * 24}
            for i, (row, value) in enumerate(zip(self.rows, values, strict=True))
        ]
        self.chart_height = max(len(self.rows), 1) * 24

    def draw_tiles(self, column, decimals=False):
        """Shade the tile map by `column` (rows: Land first; rows that are no Land, such as
        "not specified", have no tile)."""
        self.tiles, self.legend = tile_map(
            {row[0]: row[column] for row in self.rows if row[0] in BY_NAME}, decimals=decimals
        )
        self.bar_column = column


def statistics_tables(user, today=None):
    """Every figure `user` may see, in page order."""
    today = today or timezone.localdate()
    organisations = Organisation.objects.visible_to(user)
    units = PoliceUnit.objects.visible_to(user)
    agreements = Agreement.objects.visible_to(user)
    events = Event.objects.visible_to(user)
    n_org, n_unit = gettext("Organisations"), gettext("Police units")
    networked_orgs, networked_units = networked(user)
    networked_counts = kind_and_land(networked_orgs, networked_units)
    org_kinds, org_lands = by_kind_and_land(organisations, "land__name", today)
    unit_kinds, unit_lands = by_kind_and_land(
        units.annotate(land_name=unit_land()), "land_name", today
    )
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
            "networked_land",
            gettext("Networked actors by federal state"),
            [
                gettext("Federal state"),
                n_org,
                n_unit,
                gettext("Together"),
                gettext("Per 100,000 inhabitants"),
            ],
            networked_by_land(networked_counts),
            bar_column=3,
            chart="tiles",
            note=gettext(
                "Organisations and police units with at least one cooperation (as above, also "
                "without a date). Inhabitants: Statistisches Bundesamt (Destatis), population "
                "on %(date)s."
            )
            % {"date": POPULATION_DATE.strftime("%d.%m.%Y")},
        ),
        Table(
            "networked_kind",
            gettext("Networked actors by kind"),
            [gettext("Kind"), gettext("Networked")],
            networked_by_kind(networked_counts),
        ),
        Table(
            "networked_topic",
            gettext("Networked actors by topic"),
            [gettext("Topic"), n_org, n_unit],
            networked_counts["topics"],
        ),
        Table(
            "organisations_land",
            gettext("Organisations by federal state"),
            [gettext("Federal state"), n_org],
            labelled((land, n) for land, n, _current in org_lands),
        ),
        Table(
            "police_land",
            gettext("Police units by federal state"),
            [gettext("Federal state"), n_unit],
            labelled((land, n) for land, n, _current in unit_lands),
            note=gettext("By the region of jurisdiction, else by the address."),
        ),
        Table(
            "organisations_kind",
            gettext("Organisations by kind"),
            [gettext("Kind"), n_org],
            labelled(
                ((kind, n) for kind, n, _current in org_kinds), dict(Organisation.Kind.choices)
            ),
        ),
        Table(
            "police_kind",
            gettext("Police units by kind"),
            [gettext("Kind"), n_unit],
            labelled(
                ((kind, n) for kind, n, _current in unit_kinds), dict(PoliceUnit.Kind.choices)
            ),
        ),
        Table(
            "topics",
            gettext("Organisations and police units by topic"),
            [gettext("Topic"), n_org, n_unit],
            by_topic(organisations, units),
        ),
        Table(
            "currency_land",
            gettext("Currency by federal state"),
            [
                gettext("Federal state"),
                gettext("Entries"),
                gettext("Verified within the review interval"),
                "%",
                f"{n_org} %",
                f"{n_unit} %",
                f"{gettext('Contact persons')} %",
            ],
            currency_by_land(user, today, unit_land, org_lands, unit_lands),
            bar_column=3,
            note=gettext(
                "Organisations, police units and contact persons together; a contact person "
                "by the federal state of their organisation or police unit."
            ),
        ),
        Table(
            "currency_organisations",
            gettext("Currency of organisations by kind"),
            [gettext("Kind"), n_org, gettext("Verified within the review interval"), "%"],
            currency_rows(org_kinds, dict(Organisation.Kind.choices)),
            bar_column=3,
        ),
        Table(
            "currency_police",
            gettext("Currency of police units by kind"),
            [gettext("Kind"), n_unit, gettext("Verified within the review interval"), "%"],
            currency_rows(unit_kinds, dict(PoliceUnit.Kind.choices)),
            bar_column=3,
        ),
        Table(
            "confirmation_answers",
            gettext("Answers to confirmation requests"),
            [gettext("Answer"), gettext("Confirmation requests")],
            confirmation_answers(user),
            note=gettext(
                "Each email asking a listed person or office to confirm their entry, by the "
                "first answer given through its link before it expired or the next email went "
                "out."
            ),
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
            [
                gettext("Year"),
                gettext("Agreements"),
                *(str(label) for _value, label in Agreement.Status.choices),
            ],
            per_year(agreements, "signed_on", "status", Agreement.Status.choices),
            note=gettext("By their status today."),
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
        tables.append(
            Table(
                "requests_reason",
                gettext("Requests to the office by reason and outcome"),
                [
                    gettext("Reason"),
                    gettext("Requests"),
                    gettext("Open"),
                    gettext("Contact brokered"),
                    gettext("Closed without brokering"),
                ],
                requests_by_reason(),
            )
        )
    return tables
