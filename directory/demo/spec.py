"""The shapes the demo's data modules are written in: what an entry is, not how it is saved.

Regions are named by `land("Berlin")`, `city("Dortmund")` or `borough("Berlin", "Neukölln")`,
because a name alone is ambiguous (Berlin, Hamburg and Bremen are a Land and a city)."""

from dataclasses import dataclass

from directory.contacts.models import Visibility


def land(name):
    return ("land", name)


def city(name):
    return ("district", name)


def borough(city_name, name):
    return ("borough", city_name, name)


@dataclass(frozen=True)
class Person:
    """A named contact. `function` is one neutral form or a (female, male) pair, chosen to
    match the fictional person's first name, or None for one that fits the affiliation's kind
    (functions.py); `review` fixes the freshness ("current",
    "due", "stale", "never") where the demo needs it, else it is drawn at random."""

    function: str | tuple[str | None, str | None] | None
    topics: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    visibility: str = Visibility.MEMBERS
    review: str | None = None
    title: str = ""
    mobile: bool = False


@dataclass(frozen=True)
class Mailbox:
    """A team address (functional contact) of an organisation or police unit."""

    title: str
    local: str
    topics: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    visibility: str = Visibility.PUBLIC
    review: str | None = None


@dataclass(frozen=True)
class Unit:
    """A police unit with its subunits. `region` is its jurisdiction; `seat` the city whose
    area code, postcode and street it gets (by default the jurisdiction's city). A top unit's
    email domain comes from its short name or name unless `domain` names it; subunits share
    their top unit's domain, as police forces do."""

    name: str
    kind: str
    region: tuple | None = None
    short: str = ""
    topics: tuple[str, ...] = ()
    description: str = ""
    people: tuple[Person, ...] = ()
    mailboxes: tuple[Mailbox, ...] = ()
    children: tuple["Unit", ...] = ()
    seat: tuple | None = None
    level: str = "state"
    domain: str = ""
    public: bool = True
    review: str | None = None


@dataclass(frozen=True)
class Org:
    """An organisation: `seat` is where its office is (a city or a borough), `regions` where
    it is active (by default its seat)."""

    name: str
    short: str
    form: str
    kind: str
    seat: tuple
    topics: tuple[str, ...]
    languages: tuple[str, ...]
    description: str
    target_groups: str = ""
    regions: tuple[tuple, ...] = ()
    people: tuple[Person, ...] = ()
    mailboxes: tuple[Mailbox, ...] = ()
    public: bool = True
    review: str | None = None
