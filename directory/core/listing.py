"""What every member-facing list shares: a FilterSet base with search, region, review state and
page size, the list view (visibility, clamped pagination, htmx partial updates) and the region
choices grouped by Land.

The whole state of a list lives in its query string, so a filtered list can be bookmarked,
shared and exported. Bad values never reach the database: they fail form validation and the
page shows the message with no results.
"""

import copy
import functools

import django_filters
from django import forms
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, Value
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.choices import BaseChoiceIterator, normalize_choices
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_filters.views import FilterView

from . import formcache, registry
from .compiled import CompiledQuerySet, Slot
from .expressions import AnyOf
from .models import Language, Region, ReviewState, Topic
from .paging import counted_page, pagination
from .roles import Role, rate_limit, role_of
from .search import SearchableQuerySet, search_stems, search_terms
from .sorting import GermanKey, german_ordering

PAGE_SIZES = [10, 25, 50, 100]
DEFAULT_PAGE_SIZE = 25
MAX_QUERY_LENGTH = 200
RESULTS_TARGET = "results"


def offered_page_size(value):
    """The offered page size for a size typed into a URL: the largest offered one up to it
    ("1000" shows 100, "30" shows 25), the smallest below them; the default for anything that
    is not a positive number. A page size is no filter: a bad one never hides results."""
    try:
        size = int(str(value).strip())
    except ValueError:
        return DEFAULT_PAGE_SIZE
    if size <= 0:
        return DEFAULT_PAGE_SIZE
    return max((s for s in PAGE_SIZES if s <= size), default=PAGE_SIZES[0])


class FrozenChoices(BaseChoiceIterator):
    """Choices read once and never changed. A form copies its fields, and with them every
    option, for each request, and django-filter normalises them again on each pass over them;
    frozen ones are shared by the copies and passed over as they are (the region filter offers
    some hundred options)."""

    def __init__(self, choices):
        self.choices = normalize_choices(list(choices))

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def region_rows():
    return list(
        Region.objects.order_by(GermanKey("name"), "name").values_list("pk", "name", "parent")
    )


class RegionTree:
    """Every region, read in one query: the filter's choices, grouped by Land (the Land itself
    is "whole state"), and what lies within a region (a Land with its Kreise and Bezirke).

    With `version` (formcache.reference_version, covering Region) the rows come from the
    listing cache when they were read for that version before."""

    def __init__(self, version=None):
        self.children = {}
        self.parent = {}
        rows = (
            formcache.cached(f"rows:{Region._meta.label}:{version}", region_rows)
            if version
            else region_rows()
        )
        for pk, name, parent in rows:
            self.children.setdefault(parent, []).append((pk, name))
            self.parent[pk] = parent

    def choices(self):
        groups = []
        for land, land_name in self.children.get(None, []):
            options = [(str(land), _("%(land)s (whole state)") % {"land": land_name})]
            for district, name in self.children.get(land, []):
                options.append((str(district), name))
                options += [
                    (str(borough), f"{name} – {borough_name}")
                    for borough, borough_name in self.children.get(district, [])
                ]
            groups.append((land_name, options))
        return groups

    def within(self, pk):
        below = [child for child, _name in self.children.get(pk, [])]
        return [pk, *below, *(g for child in below for g, _name in self.children.get(child, []))]

    def above(self, pk):
        """The regions `pk` lies in, nearest first (a Bezirk's city, then its Land)."""
        ancestors = []
        while (pk := self.parent.get(pk)) is not None:
            ancestors.append(pk)
        return ancestors


def linked_to(queryset, field_name, ids):
    """Entries whose many-to-many `field_name` links any of `ids`, as
    `pk IN (SELECT ... FROM the link table)`: no join, no DISTINCT."""
    field = queryset.model._meta.get_field(field_name)
    links = field.remote_field.through.objects.filter(
        **{f"{field.m2m_reverse_field_name()}__in": ids}
    )
    return queryset.filter(pk__in=links.values(field.m2m_field_name()))


def linked_to_row(queryset, field_name, ids):
    """The entries of `linked_to`, tested on each row the other conditions found (the row's
    links as an array, read from the link table's unique index), never as a join of every
    link to the ids: for a search, whose words find few entries of a topic with many."""
    field = queryset.model._meta.get_field(field_name)
    links = field.remote_field.through.objects.filter(
        **{field.m2m_field_name(): OuterRef("pk")}
    ).values(field.m2m_reverse_field_name())
    alias = f"{field_name}_of_row"
    return queryset.alias(**{alias: ArraySubquery(links)}).filter(
        **{f"{alias}__overlap": sorted({int(pk) for pk in ids})}
    )


def name_choices(model, version=None):
    """(pk, name) choices of a small reference table, in one query; with `version`
    (formcache.reference_version, covering `model`) from the listing cache when they were read
    for that version before."""

    def read():
        return [(str(row["pk"]), row["name"]) for row in _names_of(model).run()]

    if version:
        return formcache.cached(f"choices:{model._meta.label}:{version}", read)
    return read()


@functools.cache
def _names_of(model):
    """The query of `name_choices`, compiled and prepared once (core.compiled): a form that
    reads its choices on every request (the search's topics) neither builds nor plans it."""
    return CompiledQuerySet(model.objects.order_by(GermanKey("name"), "name").values("pk", "name"))


class AnyOfFilter(django_filters.MultipleChoiceFilter):
    """Entries linked to any of the chosen items (OR within the filter, AND with the others).

    The choices are read once per filter set (`load_choices`), from the listing cache for the
    filter set's reference version: validating and rendering the form then cost no further
    query."""

    def __init__(self, *args, items, **kwargs):
        self.items = items  # the linked model (django-filter's `model` is the list's)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(*args, choices=[], **kwargs)

    def load_choices(self):
        version = getattr(self.parent, "reference_version", None)
        self.extra["choices"] = FrozenChoices(name_choices(self.items, version=version))

    def filter(self, qs, value):
        return linked_to(qs, self.field_name, value) if value else qs


class MultipleChoices(django_filters.MultipleChoiceFilter):
    """Any of the ticked values of a column. No DISTINCT (django-filter's default): a column of
    the row itself cannot repeat rows, and DISTINCT would pull the sort keys into exports."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


def topic_filter():
    return AnyOfFilter(field_name="topics", items=Topic, label=_("Topics (any of)"))


def language_filter():
    return AnyOfFilter(field_name="languages", items=Language, label=_("Languages (any of)"))


class SortFilter(django_filters.ChoiceFilter):
    """Sorting by named orders, each ascending or descending ("name", "-name").

    `orders` maps a parameter value to (label, fields); a field is a name or an expression."""

    def __init__(self, orders, **kwargs):
        self.orders = orders
        choices = []
        for value, (label, _fields) in orders.items():
            choices.append((value, label))
            choices.append((f"-{value}", _("%(order)s, descending") % {"order": label}))
        kwargs.setdefault("label", _("Sort by"))
        super().__init__(choices=choices, **kwargs)

    def __deepcopy__(self, memo):
        # Every filter set copies its filters; the orders (names and expressions) are never
        # changed, so the copies share them instead of copying each expression.
        memo[id(self.orders)] = self.orders
        copied = copy.copy(self)
        memo[id(self)] = copied
        copied.__dict__ = copy.deepcopy(self.__dict__, memo)
        return copied

    def filter(self, qs, value):
        if not value:
            return qs
        descending = value.startswith("-")
        fields = self.orders[value.removeprefix("-")][1]
        return qs.order_by(
            *(
                (F(f) if isinstance(f, str) else f).desc(nulls_last=True)
                if descending
                else (F(f) if isinstance(f, str) else f).asc(nulls_last=True)
                for f in fields
            )
        )


class DirectoryFilterSet(django_filters.FilterSet):
    """Search text, region, review state (staff only) and page size for every list.

    Subclasses name the model, add their filters, list their sort fields in `sort` and the
    staff-only filters in `staff_filters`. The model's queryset says what "in a region" means
    (`in_region(region_ids, serving=ancestor_ids)`); selecting a Land passes it with its Kreise
    and Bezirke, selecting a Kreis or Bezirk also the regions it lies in, as an entry active in a
    whole city or Land serves the place ("serves this place")."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=MAX_QUERY_LENGTH
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        choices=[],  # read per filter set, see __init__
        method="filter_region",
        empty_label=_("All regions"),
        help_text=_(
            "A place includes what serves it as a whole: a Berlin district, for instance, "
            "includes entries for all of Berlin."
        ),
    )
    review = django_filters.ChoiceFilter(
        label=_("Review state"),
        method="filter_review",
        empty_label=_("Any"),
        choices=ReviewState.choices,
    )
    per_page = django_filters.ChoiceFilter(
        label=_("Per page"),
        choices=[(str(size), str(size)) for size in PAGE_SIZES],
        method="keep",
        empty_label=None,
        initial=str(DEFAULT_PAGE_SIZE),  # what an unbound form (no query string) shows
    )

    staff_filters = ["review"]
    # Order of the fields in the filter form; filters not named keep their declared order.
    form_order = ["q"]
    # The list's order without a chosen sort (names and expressions); else the model's.
    default_ordering = None

    def __init__(self, data=None, *args, request=None, **kwargs):
        if data is not None and data.get("per_page") not in [str(s) for s in PAGE_SIZES]:
            data = data.copy()
            data["per_page"] = str(offered_page_size(data.get("per_page")))
        super().__init__(data, *args, request=request, **kwargs)
        self.role = role_of(request.user if request else None)
        if self.role < Role.CURATOR:
            for name in self.staff_filters:
                self.filters.pop(name, None)
        last = ["review", "sort", "per_page"]
        first = [name for name in self.form_order if name in self.filters]
        rest = [name for name in self.filters if name not in first and name not in last]
        self.filters = {
            name: self.filters[name] for name in [*first, *rest, *last] if name in self.filters
        }
        # What the choices come from, for the listing cache's keys (see formcache.py).
        self.reference_version = formcache.reference_version(
            [Region, *(f.items for f in self.filters.values() if isinstance(f, AnyOfFilter))]
        )
        for item in self.filters.values():
            if isinstance(item, AnyOfFilter):
                item.load_choices()
        self.regions = RegionTree(version=self.reference_version)
        if "region" in self.filters:
            # A Land as a whole is named in the request's language ("Berlin (ganzes Bundesland)").
            key = f"region-choices:{self.reference_version}:{translation.get_language()}"
            self.filters["region"].extra["choices"] = formcache.cached(
                key, lambda: FrozenChoices(self.regions.choices())
            )

    def keep(self, queryset, name, value):
        return queryset

    def filter_search(self, queryset, name, value):
        if not value.strip():
            return queryset
        if not isinstance(queryset, SearchableQuerySet):
            return queryset.search(value)  # a plain text search (events)
        # Worked out once: the page marks the same words (`stems`) without asking again.
        self.search_terms = search_terms(value)
        return queryset.search(self.search_terms)

    def filter_region(self, queryset, name, value):
        pk = int(value)
        within, serving = self.regions.within(pk), self.regions.above(pk)
        queryset = self.in_region(queryset, pk, within, serving)
        if serving and hasattr(queryset, "serving_whole"):
            # Marked in the results: "für ganz Berlin" (see includes/serves_all_of.html).
            queryset = queryset.serving_whole(within, serving)
        return queryset

    def in_region(self, queryset, pk, within, serving):
        """The entries in region `pk` (`within`: it with the regions within it) or serving it
        from a region around it (`serving`)."""
        return queryset.in_region(within, serving=serving)

    def filter_review(self, queryset, name, value):
        return queryset.in_review_state(value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        default = list(self.default_ordering or queryset.model._meta.ordering)
        ordering = list(queryset.query.order_by) or default
        # Only a search with words ranks; text without any ("a", "%", "!&|") finds nothing and
        # has no rank to order by.
        if "search_rank" in queryset.query.annotations and not data.get("sort"):
            ordering = ["-search_rank", *default]
        # Names in German order (see sorting.py); the primary key last: pages never overlap
        # when sorted values repeat.
        return queryset.order_by(*german_ordering(queryset, ordering), "pk")

    @cached_property
    def rendered_form(self):
        """The filter form, as `{{ form|crispy }}` renders it (see formcache.py)."""
        return formcache.rendered_form(self)

    @property
    def page_size(self):
        if self.form.is_valid() and self.form.cleaned_data.get("per_page"):
            return int(self.form.cleaned_data["per_page"])
        return DEFAULT_PAGE_SIZE

    @property
    def is_filtered(self):
        """Whether any filter (not only sorting or page size) narrows the list."""
        return any(
            value
            for name, value in self.form.data.items()
            if name in self.filters and name not in ("sort", "per_page")
        )


# DirectoryListView.page_rows: per list view class and role, a few in all.
_compiled_rows = {}


@method_decorator(rate_limit("NETZPOL_RATE_PAGES"), name="dispatch")
class DirectoryListView(FilterView):
    """A filtered, paginated list of entries the user may see.

    With htmx, a request that targets the results element gets only the results partial
    (`<template_name>_results.html`), so filters update the list without a full reload.
    Links above the results (such as an export) come from the apps that offer them
    (`registry.add_list_link`)."""

    paginate_by = DEFAULT_PAGE_SIZE
    template_name_suffix = "_list"
    # Whether `get_queryset` depends on the user's role alone: then a page's entries are read
    # by id from its SQL compiled and prepared once per role and worker (see `page_rows`).
    rows_by_role = False

    def get_queryset(self):
        # The stored search vector is for the database only: never loaded into Python.
        return self.model.objects.visible_to(self.request.user).defer("search_vector")

    def get_filterset_kwargs(self, filterset_class):
        # Always bound, as for exports: no query string is a valid choice of no filters, and
        # such a list is ordered, and its page size shown, like any other.
        return {**super().get_filterset_kwargs(filterset_class), "data": self.request.GET}

    def get_paginate_by(self, queryset):
        return self.filterset.page_size

    def paginate_queryset(self, queryset, page_size):
        # A page number that is not a number or lies past the end shows the first or the last
        # page instead of an error: shared links stay usable after the list shrinks.
        # The page and the count from one pass where it can (see paging.py).
        paginator = self.get_paginator(queryset, page_size)
        number = self.request.GET.get(self.page_kwarg)
        page = counted_page(paginator, number, self.page_rows(queryset))
        page = page or paginator.get_page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    def page_rows(self, queryset):
        """For `rows_by_role`: what reads a page's entries by id ({pk: entry}) from
        `get_queryset()`, compiled once per role (building and compiling the list's query
        again for ten ids cost more than the database takes to answer it); the filters are
        not asked again, the visibility is. None when the filters added columns the entries
        show (a region's "für ganz Berlin", a search's rank): the filtered list reads them."""
        if not self.rows_by_role:
            return None
        key = (type(self), role_of(self.request.user))
        compiled = _compiled_rows.get(key)
        if compiled is None:
            by_id = self.get_queryset().filter(AnyOf(F("pk"), Value(Slot("ids")))).order_by()
            compiled = _compiled_rows[key] = CompiledQuerySet(by_id)
        if not set(queryset.query.annotations) <= set(compiled.queryset.query.annotations):
            return None
        return lambda ids: {entry.pk: entry for entry in compiled.run(ids=ids)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = getattr(self.filterset, "search_terms", None)
        context["stems"] = search_stems(terms) if terms else []
        context["list_links"] = [
            link for link_for in registry.list_links if (link := link_for(self)) is not None
        ]
        context.update(pagination(self.request, context["page_obj"]))
        return context

    def get_template_names(self):
        names = super().get_template_names()
        if self.request.headers.get("HX-Target") == RESULTS_TARGET:
            return [name.replace(".html", "_results.html") for name in names]
        return names

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        patch_vary_headers(response, ["HX-Target"])
        return response
