"""Change history as curators read it: when, who, and each changed field by its German label,
before → after, with choices, dates and linked entries named as the admin names them.

The events come from pghistory's database triggers (every save, bulk action and import);
`HistoryAdmin` replaces pghistory's events admin (setting PGHISTORY_ADMIN_CLASS), and
`readable_events` serves the subject access report too. Nothing here knows an entity app: it
reads the tracked model's own field definitions."""

import datetime

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pghistory.admin import EventsAdmin
from pghistory.admin.core import (
    BackFilter,
    EventModelFilter,
    EventsChangeList,
    LabelFilter,
    MethodFilter,
    ModelFilter,
    ObjFilter,
    _get_model,
    _get_obj,
)

CHANGES = {"insert": _("created"), "update": _("changed"), "delete": _("deleted")}
# Bookkeeping the database maintains: not something a curator changed.
NOT_SHOWN = {
    "id",
    "created_at",
    "updated_at",
    "search_vector",
    "lineage",
    "path",
    "public_path",
}
LONG_TEXT = 160


def format_value(field, value, names):
    """One stored value (as JSON from the event row) as the admin would show it."""
    if value in (None, "", []):
        return "–"
    if field is None:
        return str(value)
    if field.is_relation and field.many_to_one:
        return names.get((field.related_model, value)) or f"#{value} ({gettext('deleted')})"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return gettext("yes") if value else gettext("no")
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(str(value))
        if moment is not None:
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return formats.date_format(moment, "SHORT_DATETIME_FORMAT")
    elif isinstance(field, models.DateField):
        day = parse_date(str(value)[:10])
        if day is not None:
            return formats.date_format(day, "SHORT_DATE_FORMAT")
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return Truncator(str(value)).chars(LONG_TEXT)


def format_moment(moment):
    if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")


class ReadableEvent:
    """An event with what the page shows: `when`, `change`, `who`, `entry` and `rows`
    ((label, before, after); `before` is None for a created entry)."""

    def __init__(self, event, model):
        self.event = event
        self.model = model
        self.when = format_moment(event.pgh_created_at)
        self.change = CHANGES.get(event.pgh_label, event.pgh_label)
        self.who = ""
        self.entry = ""
        self.changes = []
        self.rows = []

    @property
    def pk(self):
        return self.event.pk

    def __getattr__(self, name):
        # The admin's changelist reads model attributes (pk, fields) off each row.
        return getattr(self.event, name)


def fields_of(model):
    return {field.attname: field for field in model._meta.concrete_fields} if model else {}


def shown_changes(event, fields):
    """(attname, before, after) of what the event changed, without bookkeeping columns."""
    if event.pgh_label == "insert":
        items = [(key, None, value) for key, value in (event.pgh_data or {}).items()]
        items = [item for item in items if item[2] not in (None, "", [], False)]
    elif event.pgh_label == "update":
        items = [(key, pair[0], pair[1]) for key, pair in (event.pgh_diff or {}).items()]
    else:
        items = []
    order = list(fields)
    return sorted(
        (item for item in items if item[0] not in NOT_SHOWN and item[0] in fields),
        key=lambda item: order.index(item[0]),
    )


def load_names(wanted):
    """{(model, pk): name} for every linked entry the page names, one query per model."""
    names = {}
    by_model = {}
    for model, pk in wanted:
        by_model.setdefault(model, set()).add(pk)
    for model, pks in by_model.items():
        manager = model._default_manager
        queryset = manager.with_full_paths() if hasattr(manager, "with_full_paths") else manager
        for obj in queryset.filter(pk__in=pks):
            if isinstance(obj, get_user_model()):
                names[(model, obj.pk)] = obj.get_full_name() or obj.get_username()
            else:
                names[(model, obj.pk)] = str(obj)
    return names


def describe_context(context, users):
    """Who or what made the change, from pghistory's context (see the HistoryMiddleware and
    the `pghistory.context(...)` calls)."""
    context = context or {}
    parts = []
    if context.get("user"):
        parts.append(users.get((get_user_model(), context["user"])) or f"#{context['user']}")
    if context.get("confirmation") == "self":
        parts.append(gettext("the listed person (confirmation link)"))
    if context.get("correction_request"):
        parts.append(gettext("correction request #%(id)s") % {"id": context["correction_request"]})
    if context.get("source"):
        parts.append(gettext("command %(name)s") % {"name": context["source"]})
    return " · ".join(parts) or gettext("system (no user recorded)")


def readable_events(events, with_entry=False):
    """ReadableEvents for rows of pghistory's Events (which carry `pgh_data` and `pgh_diff`),
    with linked entries and users named in one query per model."""
    events = list(events)
    user_model = get_user_model()
    prepared = []
    wanted = set()
    for event in events:
        model = _get_model(event.pgh_obj_model)
        readable = ReadableEvent(event, model)
        fields = fields_of(model)
        readable.changes = shown_changes(event, fields)
        for attname, before, after in readable.changes:
            field = fields[attname]
            if field.is_relation and field.many_to_one:
                wanted.update((field.related_model, v) for v in (before, after) if v)
        user = (event.pgh_context or {}).get("user")
        if user:
            wanted.add((user_model, user))
        if with_entry and model and event.pgh_obj_id:
            wanted.add((model, int(event.pgh_obj_id)))
        prepared.append((readable, fields))
    names = load_names(wanted)
    for readable, fields in prepared:
        event = readable.event
        readable.who = describe_context(event.pgh_context, names)
        if with_entry and readable.model:
            readable.entry = names.get((readable.model, int(event.pgh_obj_id or 0))) or (
                f"{readable.model._meta.verbose_name} #{event.pgh_obj_id}"
            )
        created = event.pgh_label == "insert"
        for attname, before, after in readable.changes:
            field = fields[attname]
            readable.rows.append(
                (
                    field.verbose_name,
                    None if created else format_value(field, before, names),
                    format_value(field, after, names),
                )
            )
    return [readable for readable, _fields in prepared]


# --- the admin ------------------------------------------------------------------------------


class ChangeFilter(LabelFilter):
    title = _("kind of change")

    def lookups(self, request, model_admin):
        return list(CHANGES.items())


class KindFilter(EventModelFilter):
    title = _("kind of entry")

    def lookups(self, request, model_admin):
        choices = [
            (value, capfirst(apps.get_model(label).pgh_tracked_model._meta.verbose_name_plural))
            for value, label in super().lookups(request, model_admin)
        ]
        return sorted(choices, key=lambda choice: str(choice[1]))


class Hidden:
    """A filter the page needs for its query string, shown nowhere."""

    template = "pghistory_admin/hidden_filter.html"


class HiddenMethodFilter(Hidden, MethodFilter):
    pass


class HiddenObjFilter(Hidden, ObjFilter):
    pass


class HiddenModelFilter(Hidden, ModelFilter):
    pass


class HistoryChangeList(EventsChangeList):
    def get_results(self, request):
        super().get_results(request)
        self.result_list = readable_events(self.result_list, with_entry="obj" not in request.GET)


class HistoryAdmin(EventsAdmin):
    """pghistory's events admin, in the curators' words."""

    change_list_template = "admin/core/history_change_list.html"
    # pghistory's changelist cannot count facets (its get_queryset takes no
    # `exclude_parameters`): "?_facets=True" gave a 500.
    show_facets = admin.ShowFacets.NEVER

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        # pghistory's own names ("events", "pghistory") would show in the German admin.
        model._meta.verbose_name = _("history entry")
        model._meta.verbose_name_plural = _("history entries")
        apps.get_app_config(model._meta.app_label).verbose_name = _("History")

    def get_changelist(self, request, **kwargs):
        return HistoryChangeList

    def get_list_display(self, request):
        columns = ["when", "change", "who", "changes"]
        return columns if "obj" in request.GET else ["when", "entry", *columns[1:]]

    def get_list_display_links(self, request, list_display):
        return None

    def get_list_filter(self, request):
        if "obj" in request.GET:
            return [ChangeFilter, HiddenMethodFilter, HiddenObjFilter, BackFilter]
        if "model" in request.GET:
            return [ChangeFilter, KindFilter, HiddenModelFilter, BackFilter]
        return [ChangeFilter, KindFilter]

    def changelist_view(self, request, extra_context=None):
        context = {"title": gettext("Change history"), **(extra_context or {})}
        obj = _get_obj(request.GET.get("obj"))
        model = _get_model(request.GET.get("model"))
        if obj is not None:
            context["subtitle"] = load_names([(type(obj), int(obj.pk))]).get(
                (type(obj), int(obj.pk)), f"#{obj.pk}"
            )
        elif model is not None:
            context["subtitle"] = model._meta.verbose_name_plural
        if "back" in request.GET:
            context["pgh_back"] = request.GET["back"]
        # Skips pghistory's own changelist_view, whose titles are English.
        return admin.ModelAdmin.changelist_view(self, request, extra_context=context)

    @admin.display(description=_("when"))
    def when(self, row):
        return row.when

    @admin.display(description=_("entry"))
    def entry(self, row):
        return row.entry

    @admin.display(description=_("kind of change"))
    def change(self, row):
        return row.change

    @admin.display(description=_("who"))
    def who(self, row):
        return row.who

    @admin.display(description=_("changed values"))
    def changes(self, row):
        if not row.rows:
            return "–"
        return format_html(
            '<ul class="history-changes">{}</ul>',
            format_html_join(
                "",
                "<li><strong>{}:</strong> {}</li>",
                (
                    (
                        capfirst(label),
                        after if before is None else format_html("{} → {}", before, after),
                    )
                    for label, before, after in row.rows
                ),
            ),
        )
