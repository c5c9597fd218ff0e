"""Relevance figures: nDCG@10, MRR, recall@10 and the zero-result rate of each page's order
for the graded queries, per page and per query category.

Pages: `/suche/` in the order a reader meets the results (the best hits first, then the
sections' entries not yet shown), and the contacts, organisations, police and events lists in
their order for `?q=` (by rank)."""

import math
from collections import defaultdict
from dataclasses import dataclass

from django.test import RequestFactory
from django.urls import reverse

from .queries import CATEGORIES, QUERIES

K = 10
PAGES = {
    # page: (URL name, the key prefix of the entries it lists; None: every kind)
    "suche": ("search:search", None),
    "contacts": ("contacts:list", "c:"),
    "organisations": ("organisations:list", "o:"),
    "police": ("police:list", "p:"),
    "events": ("events:list", "e:"),
}


def list_view(page):
    from directory.contacts.views import ContactListView
    from directory.events.views import EventListView
    from directory.organisations.views import OrganisationListView
    from directory.police.views import PoliceUnitListView

    return {
        "contacts": ContactListView,
        "organisations": OrganisationListView,
        "police": PoliceUnitListView,
        "events": EventListView,
    }[page]


METRICS = ["ndcg", "mrr", "recall", "zero"]


def page_keys(client, page, query, key_of):
    """The keys of the entries `page` shows for `query`, in reading order (first K): the
    search page as rendered; a list as its view filters and orders it (what its first page
    shows, without rendering it)."""
    if page == "suche":
        response = client.get(reverse(PAGES[page][0]), {"q": query})
        assert response.status_code == 200, (page, query, response.status_code)
        entries = [hit["entry"] for hit in response.context.get("best_hits") or []]
        for group in response.context["groups"]:
            entries += group["results"]
    else:
        request = RequestFactory().get(reverse(PAGES[page][0]), {"q": query})
        request.user = client.user
        view = list_view(page)()
        view.setup(request)
        filterset = view.get_filterset(view.get_filterset_class())
        entries = list(filterset.qs[:K])
    keys = []
    for entry in entries:
        key = key_of[(entry._meta.concrete_model._meta.label, entry.pk)]
        if key not in keys:
            keys.append(key)
    return keys[:K]


def dcg(gains):
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


@dataclass
class Outcome:
    page: str
    category: str
    query: str
    found: list
    ndcg: float
    mrr: float
    recall: float
    zero: float


def score(page, category, query, grades, found):
    """One query's figures on one page; None when the page lists nothing the query asks for
    (an answerable query whose answers are all of another kind)."""
    prefix = PAGES[page][1]
    relevant = {k: g for k, g in grades.items() if prefix is None or k.startswith(prefix)}
    if not relevant:
        if grades:
            return None
        # Nothing to find: right only when nothing is found.
        hit = 0.0 if found else 1.0
        return Outcome(page, category, query, found, hit, hit, hit, 0.0)
    gains = [relevant.get(key, 0) for key in found]
    ideal = dcg(sorted(relevant.values(), reverse=True)[:K])
    best = max(relevant.values())
    first = next((rank for rank, gain in enumerate(gains, 1) if gain == best), None)
    retrieved = sum(1 for key in found if key in relevant)
    return Outcome(
        page,
        category,
        query,
        found,
        ndcg=dcg(gains) / ideal,
        mrr=1 / first if first else 0.0,
        recall=retrieved / min(len(relevant), K),
        zero=0.0 if found else 1.0,
    )


def evaluate(client, entries):
    """Every query on every page: a list of Outcome."""
    key_of = {
        (entry._meta.concrete_model._meta.label, entry.pk): key for key, entry in entries.items()
    }
    outcomes = []
    for page in PAGES:
        for category, query, grades in QUERIES:
            found = page_keys(client, page, query, key_of)
            outcome = score(page, category, query, grades, found)
            if outcome:
                outcomes.append(outcome)
    return outcomes


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def summary(outcomes):
    """{(page, category or "all"): {metric: mean}}; the zero-result rate over answerable queries
    only (a nonsense query that finds nothing is right, not a zero result)."""
    groups = defaultdict(list)
    for outcome in outcomes:
        groups[(outcome.page, outcome.category)].append(outcome)
        groups[(outcome.page, "all")].append(outcome)
    table = {}
    for group, members in groups.items():
        answerable = [o for o in members if o.category != "nothing"]
        table[group] = {
            "ndcg": mean(o.ndcg for o in members),
            "mrr": mean(o.mrr for o in members),
            "recall": mean(o.recall for o in members),
            "zero": mean(o.zero for o in answerable) if answerable else 0.0,
            "n": len(members),
        }
    return table


def format_table(table):
    lines = []
    header = f"{'page':<14}{'category':<14}{'n':>4}  {'nDCG@10':>8}{'MRR':>8}{'R@10':>8}{'zero':>8}"
    lines.append(header)
    lines.append("-" * len(header))
    for page in PAGES:
        for category in ["all", *CATEGORIES]:
            row = table.get((page, category))
            if not row:
                continue
            lines.append(
                f"{page:<14}{category:<14}{row['n']:>4}  {row['ndcg']:>8.3f}{row['mrr']:>8.3f}"
                f"{row['recall']:>8.3f}{row['zero']:>8.3f}"
            )
        lines.append("")
    return "\n".join(lines)


def failures(outcomes, below=0.5):
    """The queries that score poorly, to see where search fails."""
    return [
        f"{o.page:<14}{o.category:<14}{o.ndcg:6.2f}  {o.query!r} -> {o.found[:5]}"
        for o in outcomes
        if o.ndcg < below
    ]
