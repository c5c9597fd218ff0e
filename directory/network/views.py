import csv
import io

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory.core.models import Region
from directory.core.roles import Role, role_of
from directory.exports.cells import neutralise
from directory.exports.writers import BOM

from .edges import EdgeKind, edge_kinds_for, edges
from .figures import statistics_tables

# The page lists the heaviest connections; the CSV download holds all of them.
SHOWN = 200


def csv_response(filename, headers, rows):
    """CSV as the portal's exports write it: UTF-8 with BOM, `;`, every cell quoted, text that
    a spreadsheet would run as a formula neutralised (names and formats are typed by users)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([neutralise(str(h)) for h in headers])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    response = HttpResponse(
        (BOM + buffer.getvalue()).encode(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def statistics(request):
    """Figures of the directory: members see what members see, curators everything, the public
    an aggregated version of the public entries only."""
    tables = statistics_tables(request.user)
    key = request.GET.get("csv")
    if key is not None:
        table = next((t for t in tables if t.key == key), None)
        if table is not None:
            return csv_response(f"statistik-{table.key}", table.headers, table.rows)
    return render(
        request,
        "network/statistics.html",
        {
            "tables": tables,
            "is_public_version": role_of(request.user) < Role.MEMBER,
            "unknown_csv": key is not None,
        },
    )


class NetworkFilter(forms.Form):
    land = forms.TypedChoiceField(
        label=_("Federal state"), required=False, coerce=int, empty_value=None
    )
    kind = forms.MultipleChoiceField(
        label=_("Kinds of cooperation"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        lands = Region.objects.lands().order_by("name").values_list("pk", "name")
        self.fields["land"].choices = [("", _("All")), *lands]
        self.fields["kind"].choices = [(k.value, k.label) for k in edge_kinds_for(user)]


def network(request):
    """The cooperation network as a table of edges (and CSV): members see every entry, the
    public only public entries and public cooperations."""
    form = NetworkFilter(request.GET or None, user=request.user)
    valid = not form.is_bound or form.is_valid()
    land, kinds = None, None
    if form.is_bound and valid:
        land = form.cleaned_data["land"]
        kinds = [EdgeKind(k) for k in form.cleaned_data["kind"]] or None
    if request.GET.get("csv") == "edges" and valid:
        found, _total = edges(request.user, land=land, kinds=kinds)
        return csv_response(
            "netzwerk",
            [gettext("A"), gettext("B"), gettext("Kind"), gettext("Weight")],
            [(e.a.name, e.b.name, str(e.kind_label), e.weight) for e in found],
        )
    found, total = edges(request.user, land=land, kinds=kinds, limit=SHOWN) if valid else ([], 0)
    query = request.GET.copy()
    query.pop("csv", None)
    query["csv"] = "edges"
    return render(
        request,
        "network/network.html",
        {
            "form": form,
            "edges": found,
            "total": total,
            "shown": SHOWN,
            "csv_query": query.urlencode(),
            "is_public_version": role_of(request.user) < Role.MEMBER,
        },
    )
