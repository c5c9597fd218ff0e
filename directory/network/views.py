import csv
import functools
import io

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from directory.core.roles import Role, role_of
from directory.exports.cells import neutralise
from directory.exports.writers import BOM

from .cache import cached
from .edges import EdgeKind, edge_kinds_for, edges, graph, scope_key
from .figures import TILE_COLUMNS, statistics_tables
from .forms import NetworkFilter

PER_100K = "per100k"  # ?scale=per100k: the tile map per 100,000 inhabitants
# The page lists the heaviest connections; the CSV download holds all of them.
SHOWN = 200


def csv_response(filename, headers, rows):
    """CSV as the portal's exports write it: UTF-8 with BOM, `;`, every cell quoted, text that
    a spreadsheet would run as a formula neutralised (names and formats are typed by users)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    # Each distinct value once: the network's names recur on many rows.
    neutral = functools.lru_cache(maxsize=None)(neutralise)
    writer.writerow([neutral(str(h)) for h in headers])
    writer.writerows([neutral(cell) for cell in row] for row in rows)
    response = HttpResponse(
        (BOM + buffer.getvalue()).encode(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def statistics(request):
    """Figures of the directory: members see what members see, curators everything, the public
    an aggregated version of the public entries only."""
    user = request.user

    def tables():
        return cached("statistics", user, lambda: statistics_tables(user))

    key = request.GET.get("csv")
    if key is not None:
        table = next((t for t in tables() if t.key == key), None)
        if table is not None:
            return csv_response(f"statistik-{table.key}", table.headers, german_numbers(table))
    # The tile map counts, or counts per 100,000 inhabitants (any other value: counts).
    per_100k = request.GET.get("scale") == PER_100K

    def figures_html():
        # Formatting a few thousand numbers costs more than counting them from the cache.
        shown = tables()
        for table in shown:
            if table.chart == "tiles":
                table.draw_tiles(TILE_COLUMNS[per_100k], decimals=per_100k)
        context = {"tables": shown, "per_100k": per_100k, "per_100k_value": PER_100K}
        return render_to_string("network/figures.html", context)

    return render(
        request,
        "network/statistics.html",
        {
            # Rendered by our template from the cache of our own figures.
            "figures_html": mark_safe(  # noqa: S308
                cached(f"statistics-html-{int(per_100k)}", user, figures_html)
            ),
            "is_public_version": role_of(user) < Role.MEMBER,
            "unknown_csv": key is not None,
        },
    )


def german_numbers(table):
    """Rows with decimal fractions as German spreadsheets read them (0,5, not 0.5)."""
    return [
        [number_format(cell, 1) if isinstance(cell, float) else cell for cell in row]
        for row in table.rows
    ]


def drawn_edges(user, scope):
    """(edges, how many in all, the graph and table of them as HTML): the heaviest SHOWN,
    counted and rendered once per role, scope and state of the data (cache.py). The graph
    draws exactly the rows of the table."""

    def draw():
        found, total = edges(user, scope, limit=SHOWN)
        html = render_to_string(
            "network/edges.html",
            {"edges": found, "graph": graph(found), "kinds": edge_kinds_for(user)},
        )
        return found, total, html

    return cached(f"drawn-edges:{SHOWN}:{scope_key(scope)}", user, draw)


def network(request):
    """The cooperation network drawn as a graph, the same edges as a table and as CSV: members
    see every entry, the public only public entries and public cooperations."""
    form = NetworkFilter(request.GET or None, user=request.user)
    valid = not form.is_bound or form.is_valid()
    if request.GET.get("csv") == "edges" and valid:
        found, _total = edges(request.user, form.scope())
        # Translated once per kind, not once per edge (tens of thousands at national scale).
        labels = {kind.value: str(kind.label) for kind in EdgeKind}
        return csv_response(
            "netzwerk",
            [gettext("A"), gettext("B"), gettext("Kind"), gettext("Weight")],
            [(e.a.name, e.b.name, labels[e.kind], e.weight) for e in found],
        )
    found, total, drawn = drawn_edges(request.user, form.scope()) if valid else ([], 0, "")
    query = request.GET.copy()
    query.pop("csv", None)
    query["csv"] = "edges"
    return render(
        request,
        "network/network.html",
        {
            "form": form,
            "edges": found,
            "drawn_edges": mark_safe(drawn),  # noqa: S308 (rendered by drawn_edges)
            "total": total,
            "shown": SHOWN,
            "csv_query": query.urlencode(),
            "is_public_version": role_of(request.user) < Role.MEMBER,
        },
    )
