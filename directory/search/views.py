"""One search box over everything: the best hits across entities by rank, then the results
grouped by entity (the group with the best hit first), matches highlighted."""

import threading

from django import forms
from django.db.models import Count, Window
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson
from directory.core.compiled import CompiledQuerySet
from directory.core.listing import MAX_QUERY_LENGTH, linked_to_row, name_choices
from directory.core.models import Topic
from directory.core.roles import rate_limit, role_of
from directory.core.search import TermSlots, search_terms, slot_values
from directory.events.models import Event
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit
from directory.projects.models import Project

RESULTS_PER_SECTION = 5
# What the page shows of each kind of entry (the search_entry tag and the summaries it shows,
# with the annotations of `sections`): every column selected costs in compiling the query and
# in loading the rows. tests/search hold the page to a constant number of queries.
SHOWN = {
    "organisations": ["name", "kind", "city", "land__name"],
    "police": ["name", "kind", "city", "public_path", "jurisdiction__name"],
    "contacts": [
        *("title", "first_name", "last_name", "functional_title", "function"),
        *("email", "phone", "mobile"),
        *("organisation__name", "police_unit__name", "police_unit__public_path"),
    ],
    "agreements": ["title", "status", "signed_on", "is_public"],
    "projects": ["title", "status", "starts_on", "ends_on", "is_public"],
    "events": [
        *("title", "starts_at", "place", "online_url", "status"),
        *("format__name", "region__name"),
    ],
}
BEST_HITS = 5
# What a best hit is, above its name.
KIND_LABELS = {
    "organisations": _("Organisation"),
    "police": _("Police unit"),
    "contacts": _("Contact person"),
    "agreements": _("Cooperation agreement"),
    "projects": _("Cooperation project"),
    "events": _("Event"),
}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LENGTH, required=False)
    topic = forms.TypedChoiceField(
        label=_("Topic"),
        coerce=int,
        required=False,
        empty_value=None,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics")), *name_choices(Topic)]


def sections(user):
    """(key, heading, list URL name, the user's searchable entries) per entity.

    Every entity's `visible_to(user)` and the annotations the results show depend on the
    user's role alone (tests/search hold them to that): the querysets are built once per role
    and worker, and each call gets fresh, unevaluated copies of them. Building them (the
    agreements' party visibility above all) cost a tenth of the search page."""
    return _copies(("sections", role_of(user)), lambda: _build_sections(user))


def search_sections(user, topic):
    """`sections(user)` as the search reads them: each with its number of matches as `total`
    (a window count: the total comes with the first rows, one query per section) and, within
    a topic, only the entries linked to it. Contacts in a topic are those the contacts list
    finds for it (their own topics or their affiliation's), so a section's total is what its
    "show all" link lists. Police units have no topics of their own: a search within a topic
    leaves them out. Built once per role and topic, as `sections`."""

    def build():
        built = [
            (key, heading, list_url, entries.annotate(total=Window(Count("pk"))).only(*SHOWN[key]))
            for key, heading, list_url, entries in sections(user)
        ]
        if not topic:
            return built
        return [
            (key, heading, list_url, in_topic(key, entries, topic))
            for key, heading, list_url, entries in built
            if key != "police"
        ]

    return _copies(("search", role_of(user), topic), build)


def in_topic(key, entries, topic):
    if key == "contacts":
        # Tested on the contacts the words found (see ContactPersonQuerySet.with_topics).
        return entries.with_topics([topic], by_index=False)
    return linked_to_row(entries, "topics", [topic])


# The search of each section compiled once per role, topic and number of required words: a
# query of more words than this is compiled for its request (a query has at most
# core.search.MAX_WORDS).
COMPILED_WORDS = 8


def compiled_searches(user, topic, count):
    """(key, heading, list URL name, search) per section of `search_sections(user, topic)`:
    its best `RESULTS_PER_SECTION` matches for any query of `count` required words, a
    CompiledQuerySet to run with `slot_values(terms)`."""

    def build():
        slots = TermSlots(count)
        return [
            (key, heading, list_url, CompiledQuerySet(best_matches(entries, slots)))
            for key, heading, list_url, entries in search_sections(user, topic)
        ]

    return _built(("compiled", role_of(user), topic, count), build)


def best_matches(entries, terms):
    return entries.search(terms).order_by("-search_rank", "pk")[:RESULTS_PER_SECTION]


# What `sections`, `search_sections` and `compiled_searches` built, by their key (which says
# for whom); the querysets are never evaluated, only copied or run compiled.
_built_sections = {}
# At most so many keys are kept, the oldest built go first: a compiled search of every section
# takes about 150 KiB, and roles × topics × numbers of words make some 700 keys, which a
# crawler asking every combination would otherwise leave in every worker.
MAX_BUILT = 128
_building = threading.Lock()


def _built(key, build):
    built = _built_sections.get(key)
    if built is None:
        built = build()
        with _building:  # threaded servers: one change of the dict at a time
            while len(_built_sections) >= MAX_BUILT:
                _built_sections.pop(next(iter(_built_sections)), None)
            _built_sections[key] = built
    return built


def _copies(key, build):
    return [
        (name, heading, list_url, entries.all())
        for name, heading, list_url, entries in _built(key, build)
    ]


def _build_sections(user):
    # The stored search documents are matched and ranked in the database, never shown.
    return [
        (
            "organisations",
            _("Organisations"),
            "organisations:list",
            Organisation.objects.visible_to(user).defer("search_vector").select_related("land"),
        ),
        (
            "police",
            _("Police units"),
            "police:list",
            PoliceUnit.objects.visible_to(user)
            .defer("search_vector")
            .select_related("jurisdiction"),
        ),
        (
            "contacts",
            _("Contact persons"),
            "contacts:list",
            ContactPerson.objects.visible_to(user).defer("search_vector").with_details(),
        ),
        (
            "agreements",
            _("Cooperation agreements"),
            "agreements:list",
            Agreement.objects.visible_to(user).defer("search_vector").with_parties(user),
        ),
        (
            "projects",
            _("Cooperation projects"),
            "projects:list",
            Project.objects.visible_to(user).defer("search_vector").with_names("topics", "regions"),
        ),
        (
            "events",
            _("Events"),
            "events:list",
            Event.objects.visible_to(user)
            .defer("search_vector")
            .select_related("format", "region")
            .with_topic_names(),
        ),
    ]


@rate_limit("NETZPOL_RATE_PAGES")
def search(request):
    form = SearchForm(request.GET)
    valid = form.is_valid()
    query = form.cleaned_data["q"].strip() if valid else ""
    topic = form.cleaned_data["topic"] if valid else None
    parameters = {"q": query} | ({"topic": topic} if topic else {})
    groups = []
    terms = search_terms(query) if query else None
    for key, heading, list_url, results in section_results(request.user, topic, terms):
        groups.append(
            {
                "key": key,
                "heading": heading,
                "results": results,
                "total": results[0].total if results else 0,
                "list_url": f"{reverse(list_url)}?{urlencode(parameters)}",
            }
        )
    best = best_hits(groups)
    shown = {(hit["key"], hit["entry"].pk) for hit in best}
    for group in groups:
        # Each entry once on the page: a section lists what the best hits did not show.
        group["rest"] = [e for e in group["results"] if (group["key"], e.pk) not in shown]
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "query": query,
            "best_hits": best,
            "groups": sorted(groups, key=best_rank, reverse=True),
            "total": sum(group["total"] for group in groups),
            "stems": terms.stems if terms else [],
        },
    )


def section_results(user, topic, terms):
    """(key, heading, list URL name, best matches) per section for the `terms` of a query;
    none without a query. A query with no significant word finds nothing (each section
    empty)."""
    if terms is None:
        return []
    count = len(terms.required)
    if terms and count <= COMPILED_WORDS:
        values = slot_values(terms)
        return [
            (key, heading, list_url, search.run(**values))
            for key, heading, list_url, search in compiled_searches(user, topic, count)
        ]
    return [
        (key, heading, list_url, list(best_matches(entries, terms)))
        for key, heading, list_url, entries in search_sections(user, topic)
    ]


def best_rank(group):
    return group["results"][0].search_rank if group["results"] else 0.0


def best_hits(groups):
    """The best-ranked entries of every kind, each with its kind's key (the template shows
    contacts, agreements and profiles alike). Only when more than one kind was found: else
    the one section is the best hits."""
    found = [(entry, group["key"]) for group in groups for entry in group["results"]]
    if len({key for _entry, key in found}) < 2:
        return []
    found.sort(key=lambda hit: hit[0].search_rank, reverse=True)
    headings = {group["key"]: group["heading"] for group in groups}
    return [
        {"key": key, "kind": KIND_LABELS.get(key, headings[key]), "entry": entry}
        for entry, key in found[:BEST_HITS]
    ]
