"""What the start page shows of the directory (core's HomeView asks, see SearchConfig.ready):
how many entries of each kind the user may see, entry points by topic and Land, and the entries
changed last. Everything is counted and listed through `visible_to(user)`."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode

from directory.core.models import Region, Topic
from directory.core.roles import Role, role_of
from directory.core.sorting import GermanKey

from .views import sections

RECENT = 6


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    url: str


def home_part(request):
    user = request.user
    figures, recent = [], []
    for _key, heading, url_name, entries in sections(user):
        figures.append(Figure(heading, entries.count(), reverse(url_name)))
        recent += [(entry, heading) for entry in entries.order_by("-updated_at")[:RECENT]]
    recent.sort(key=lambda item: item[0].updated_at, reverse=True)
    # Members look for people, the public for organisations' public profiles.
    by_place = "contacts:list" if role_of(user) >= Role.MEMBER else "organisations:list"

    def filtered(**query):
        return f"{reverse(by_place)}?{urlencode(query)}"

    german = (GermanKey("name"), "name")
    return {
        "search_url": reverse("search:search"),
        "figures": figures,
        "topic_links": [
            Link(name, filtered(topic=pk))
            for pk, name in Topic.objects.order_by(*german).values_list("pk", "name")
        ],
        "land_links": [
            Link(name, filtered(region=pk))
            for pk, name in Region.objects.filter(kind=Region.Kind.LAND)
            .order_by(*german)
            .values_list("pk", "name")
        ],
        "recent": [
            {
                "label": str(entry),
                "kind": heading,
                "url": entry.get_absolute_url(),
                "changed": entry.updated_at,
            }
            for entry, heading in recent[:RECENT]
        ],
    }
