"""One search box over everything: ranked results grouped by entity, matches highlighted."""

from django import forms
from django.db.models import Count, Window
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from directory.agreements.models import Agreement
from directory.contacts.models import ContactPerson
from directory.core.listing import MAX_QUERY_LENGTH, linked_to, name_choices
from directory.core.models import Topic
from directory.core.roles import rate_limit
from directory.core.search import search_stems
from directory.organisations.models import Organisation
from directory.police.models import PoliceUnit

RESULTS_PER_SECTION = 5


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
    """(key, heading, list URL name, the user's searchable entries) per entity. Police units
    have no topics of their own: a search within a topic leaves them out."""
    return [
        (
            "organisations",
            _("Organisations"),
            "organisations:list",
            Organisation.objects.visible_to(user).select_related("land"),
        ),
        (
            "police",
            _("Police units"),
            "police:list",
            PoliceUnit.objects.visible_to(user).select_related("jurisdiction"),
        ),
        (
            "contacts",
            _("Contact persons"),
            "contacts:list",
            ContactPerson.objects.visible_to(user).with_details(),
        ),
        (
            "agreements",
            _("Cooperation agreements"),
            "agreements:list",
            Agreement.objects.visible_to(user).with_parties(user),
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
    if query:
        for key, heading, list_url, entries in sections(request.user):
            if topic:
                if key == "police":
                    continue
                entries = linked_to(entries, "topics", [topic])
            # The total comes with the first rows (a window count): one query per section.
            found = entries.search(query).annotate(total=Window(Count("pk")))
            results = list(found.order_by("-search_rank", "pk")[:RESULTS_PER_SECTION])
            total = results[0].total if results else 0
            groups.append(
                {
                    "key": key,
                    "heading": heading,
                    "results": results,
                    "total": total,
                    "list_url": f"{reverse(list_url)}?{urlencode(parameters)}",
                }
            )
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "query": query,
            "groups": groups,
            "total": sum(group["total"] for group in groups),
            "stems": search_stems(query) if query else [],
        },
    )
