import datetime
import functools
import operator

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.contrib.postgres.fields import ArrayField
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models import Count, F, Func, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import registry
from .models import Language, LegalPage, Region, ReviewState, Topic
from .search import search_terms, search_words

# A search that lists its matches first (CuratedAdmin.list_search_matches) lists this many at
# most; beyond them its queries find the matches again, as any search does.
LISTED_MATCHES = 10_000
# Beyond this many rows (by the planner's estimate) an unfiltered changelist shows the estimate
# instead of counting every row.
ESTIMATE_COUNT_ABOVE = 10_000


def planned_rows(queryset):
    """How many rows PostgreSQL's planner expects `queryset` to return (its statistics, scaled
    to the table's current size; no row is read)."""
    sql, params = queryset.order_by().query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """Counts an unfiltered changelist of a large table from the planner's estimate: an exact
    count reads the whole table on every page. Filtered and searched lists count exactly."""

    @functools.cached_property
    def count(self):
        entries = self.object_list
        if isinstance(entries, models.QuerySet) and not entries.query.where:
            estimate = planned_rows(entries)
            if estimate > ESTIMATE_COUNT_ABOVE:
                return estimate
        return super().count


class CuratedChangeList(ChangeList):
    """Takes the page's ids first (sorted and cut without the joined tables), then its rows
    with everything the list shows: otherwise PostgreSQL joins every matching row's
    organisation and police unit before it keeps the best 50 (a search's rank sort)."""

    def get_results(self, request):
        super().get_results(request)
        rows = self.model_admin.page_rows(self.queryset)
        self.result_list = rows_in_order(rows, self.result_list)

    def url_for_result(self, result):
        # One reverse() per page, not per row: for an integer key only the number differs.
        pk = getattr(result, self.pk_attname)
        if type(pk) is not int or self.change_url_parts is None:
            return super().url_for_result(result)
        before, after = self.change_url_parts
        return f"{before}{pk}{after}"

    @functools.cached_property
    def change_url_parts(self):
        """The change URL around an integer key, or None when the pattern does not allow it."""
        marker = "8641975320"
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=(marker,),
            current_app=self.model_admin.admin_site.name,
        )
        parts = url.split(marker)
        return tuple(parts) if len(parts) == 2 else None


def listed_matches(queryset, terms, searched, exact=None):
    """`searched | exact` (`searched` is `queryset.search(terms)`, ranked; `exact` a filtered
    `queryset` or None), as the rows whose ids one query lists: each part on its own index,
    their union once. Beyond LISTED_MATCHES ids, the search as it is."""
    matching = searched.order_by().values("pk")
    if exact is not None:
        matching = matching.union(exact.order_by().values("pk"))
    ids = [row["pk"] for row in matching[: LISTED_MATCHES + 1]]
    if len(ids) > LISTED_MATCHES:
        return searched if exact is None else searched | exact
    within = queryset.filter(KeyAmong(ids))
    # Ranked like the search; `within` alone holds the exact matches too (PostgreSQL reduces
    # "(ids AND words) OR ids" to the ids, and reads them by key either way).
    return within.search(terms) | within


class KeyAmong(Func):
    """The row's (integer) key is one of `ids`, passed as one array parameter (`pk__in`
    prepares and sends each id on its own, again in every query that repeats it)."""

    output_field = models.BooleanField()

    def __init__(self, ids):
        super().__init__(F("pk"), IdArray(ids))

    def as_sql(self, compiler, connection, **extra):
        (key, key_params), (ids, ids_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        return f"{key} = ANY({ids})", (*key_params, *ids_params)


def rows_in_order(queryset, sliced):
    """`queryset`'s rows whose ids `sliced` (a slice of it) holds, in `sliced`'s order, still a
    queryset (a changelist's formset takes one)."""
    ids = list(sliced.values_list("pk", flat=True))
    if not ids:
        return queryset.none()
    # The ids as one array parameter, the order its positions (a CASE of one WHEN per row
    # took Django longer to build than PostgreSQL to run).
    position = Func(
        IdArray(ids),
        Cast("pk", models.BigIntegerField()),
        function="array_position",
        output_field=models.IntegerField(),
    )
    return queryset.filter(KeyAmong(ids)).order_by(position)


class IdArray(models.Expression):
    """Integer ids as one bigint[] parameter, passed as they are (an ArrayField value prepares
    each element again in every query that holds it)."""

    output_field = ArrayField(models.BigIntegerField())

    def __init__(self, ids):
        super().__init__()
        self.ids = [int(pk) for pk in ids]

    def as_sql(self, compiler, connection):
        return "%s::bigint[]", (self.ids,)


class ReadOnlyAdminMixin:
    """An admin that shows records and never adds, changes or deletes them (logs, evidence)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReviewStateFilter(admin.SimpleListFilter):
    title = _("review state")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return ReviewState.choices

    def queryset(self, request, queryset):
        if self.value() in ReviewState.values:
            return queryset.in_review_state(self.value())
        return queryset


class ChangedRecentlyFilter(admin.SimpleListFilter):
    title = _("last change")
    parameter_name = "changed"

    def lookups(self, request, model_admin):
        return [("30", _("in the last 30 days")), ("7", _("in the last 7 days"))]

    def queryset(self, request, queryset):
        if self.value() in ("7", "30"):
            since = timezone.now() - datetime.timedelta(days=int(self.value()))
            return queryset.filter(updated_at__gte=since)
        return queryset


class ReviewDueForm(forms.Form):
    review_due = forms.DateField(
        label=_("Next review due"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_review_due(self):
        day = self.cleaned_data["review_due"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("The next review cannot lie in the past."))
        return day


@admin.action(description=_("Mark selected entries as verified today"), permissions=["change"])
def mark_verified(modeladmin, request, queryset):
    count = queryset.mark_verified(request.user)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d entry marked as verified.", "%(count)d entries marked as verified.", count
        )
        % {"count": count},
        messages.SUCCESS,
    )


@admin.action(description=_("Set the next review date of selected entries"), permissions=["change"])
def set_review_due(modeladmin, request, queryset):
    suggested = timezone.localdate() + datetime.timedelta(days=90)
    form = ReviewDueForm(
        request.POST if "apply" in request.POST else None, initial={"review_due": suggested}
    )
    if form.is_valid():
        count = queryset.set_review_due(form.cleaned_data["review_due"])
        modeladmin.message_user(
            request,
            ngettext(
                "Next review set for %(count)d entry.",
                "Next review set for %(count)d entries.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Set the next review date"),
        "opts": modeladmin.model._meta,
        "form": form,
        "count": queryset.count(),
        "preview": queryset[:20],
        "select_across": request.POST.get("select_across") == "1",
        "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/core/set_review_due.html", context)


class CuratedAdmin(admin.ModelAdmin):
    """What every curated entry's admin shares: review state, actions, readonly bookkeeping."""

    actions = [mark_verified, set_review_due]
    # Django's changelist with faster rows (directory/core/admin_list.py); import-export's
    # changelist extends it.
    change_list_template = "admin/core/curated_change_list.html"
    review_fieldset = (
        _("Review"),
        {"fields": [("verified_on", "verified_by", "review_due"), ("created_at", "updated_at")]},
    )
    readonly_fields = ["verified_on", "verified_by", "created_at", "updated_at"]
    list_per_page = 50
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    # A website typed without a scheme is https (Django 6's default, without its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=_("stale"), boolean=True)
    def stale(self, obj):
        return obj.is_stale

    def get_changelist(self, request, **kwargs):
        return CuratedChangeList

    def get_search_results(self, request, queryset, search_term):
        """The portal's own search (`Model.objects.search`: stored vectors, trigram names) or
        what `exact_matches` finds, best match first unless the curator sorts by a column. A
        term without a searchable word (one letter, as an autocomplete starts) falls back to
        `search_fields`."""
        if not search_words(search_term):
            return super().get_search_results(request, queryset, search_term)
        terms = search_terms(search_term)
        found = queryset.search(terms)
        exact = self.exact_matches(search_term.strip())
        if exact is not None:
            exact = queryset.filter(exact)
        if self.list_search_matches:
            found = listed_matches(queryset, terms, found, exact)
        elif exact is not None:
            found |= exact
        if ORDER_VAR not in request.GET:
            ordering = queryset.query.order_by or self.model._meta.ordering
            found = found.order_by("-search_rank", *ordering, "pk")
        return found, False

    def action_checkbox(self, obj):
        # Django's input, written directly: its widget renders a template per row (a tenth of
        # a 50-row changelist's time).
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            admin.helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            label,
        )

    def page_rows(self, queryset):
        """The changelist's queryset for the rows of one page (read by their ids): what the
        columns show beyond the rows themselves can be added here, for the page alone."""
        return queryset

    def exact_matches(self, term):
        """A Q for what curators find beyond the search index (which leaves out the channels of
        contacts, for one), or None. It is OR-ed with the search: keep it indexed."""
        return None

    # True: a search lists the ids it and `exact_matches` find in one query first, and the
    # changelist's queries (count, page, date hierarchy) then read those rows by their keys
    # (up to LISTED_MATCHES of them). For matches that are costly to find again: exact matches
    # by subqueries (OR-ed with the index match, they scan the table in each of those queries)
    # or index lookups of a large table.
    list_search_matches = False

    def get_inlines(self, request, obj):
        # Inlines other apps offer for this model (registry.add_admin_inline).
        extra = registry.admin_inlines.get(self.model._meta.label_lower, [])
        return [*super().get_inlines(request, obj), *extra]

    def _get_base_actions(self):
        # Actions other apps offer for this model (registry.add_admin_action), after its own;
        # Django then filters them by permission as it does its own.
        actions = super()._get_base_actions()
        names = {name for _func, name, _description in actions}
        for action in registry.admin_actions.get(self.model._meta.label_lower, []):
            func, name, description = self.get_action(action)
            if name not in names:
                actions.append((func, name, description))
        return actions


def topic_usage(related_name):
    """How many entries link a topic through `related_name`, counted in a subquery per
    topic (joining every kind of entry at once would multiply the rows)."""
    relation = Topic._meta.get_field(related_name)
    through = relation.through
    topic_field = relation.field.m2m_reverse_field_name()
    counts = (
        through.objects.filter(**{topic_field: OuterRef("pk")})
        .order_by()
        .values(topic_field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counts), 0)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    """Topics, with how many entries of each kind link them: the kinds register themselves
    (registry.count_topic_usage), core names none. One column lists the kinds in use, so the
    list keeps its width however many kinds there are."""

    list_display = ["name", "kind", "usage"]
    list_filter = ["kind"]
    search_fields = ["name__de_contains"]

    def get_queryset(self, request):
        counts = {f"{name}_count": topic_usage(name) for name in registry.topic_usages}
        total = functools.reduce(operator.add, counts.values(), Value(0))
        return super().get_queryset(request).annotate(**counts, usage_total=total)

    @admin.display(description=_("used by"), ordering="usage_total")
    def usage(self, topic):
        kinds = [
            (Topic._meta.get_field(name).related_model._meta.verbose_name_plural, count)
            for name in registry.topic_usages
            if (count := getattr(topic, f"{name}_count"))
        ]
        if not kinds:
            return _("not used")
        return format_html_join(mark_safe("<br>"), "{}: {}", kinds)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind", ("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name__de_contains", "parent__name__de_contains"]
    autocomplete_fields = ["parent"]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name__de_contains", "=code"]


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    list_display = ["slug", "updated_at"]
