"""The rows of a curated changelist (CuratedAdmin), as Django's `result_list` tag writes them,
with the work that is the same for every row done once per page: the change links' preserved
filters (Django resolves every row's URL again), the boolean icons' static URLs, and what
kind of value each column shows. A changelist with editable fields, a popup or a `to_field`
(a raw-id lookup) is left to Django."""

import datetime
from pathlib import Path

import django.contrib.admin
from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    _boolean_icon,
    _coerce_field_name,
    admin_list_filter,
    result_headers,
    result_hidden_fields,
    results,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import display_for_field, display_for_value, lookup_field
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.template.defaultfilters import iriencode
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext


def curated_result_list(cl):
    """The context of Django's `result_list` (headers, hidden fields, rows)."""
    headers = list(result_headers(cl))
    num_sorted_fields = sum(1 for h in headers if h["sortable"] and h["sorted"])
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": num_sorted_fields,
        "results": list(result_rows(cl)),
    }


def result_rows(cl):
    if cl.formset or cl.is_popup or cl.to_field:
        return results(cl)
    page = PageRows(cl)
    return (ResultList(None, page.cells(result)) for result in cl.result_list)


class BooleanIcons(dict):
    """Django's `_boolean_icon` markup for True, False and None, each worked out once."""

    def __missing__(self, value):
        name = {True: "yes", False: "no", None: "unknown"}[value]
        icon = format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{name}.svg"), value)
        self[value] = icon
        return icon


class PageRows:
    """Writes one result's cells exactly as `django.contrib.admin.templatetags.admin_list.
    items_for_result` does (Django 5.2), for a changelist without a formset."""

    def __init__(self, cl):
        self.cl = cl
        self.icons = BooleanIcons()
        self.empty_value_display = cl.model_admin.get_empty_value_display()
        self.link_suffix = None

    def icon(self, value):
        if value is True or value is False or value is None:
            return self.icons[value]
        return _boolean_icon(value)

    def link(self, result):
        """The change link of `result` with the changelist's filters: Django resolves each
        row's URL to find it is no changelist URL; for integer keys only the number differs."""
        cl = self.cl
        url = cl.url_for_result(result)
        context = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}
        if not isinstance(getattr(result, cl.pk_attname), int) or "?" in url or "#" in url:
            return add_preserved_filters(context, url)
        if self.link_suffix is None:
            linked = add_preserved_filters(context, url)
            self.link_suffix = linked[len(url) :] if linked.startswith(url) else False
        if self.link_suffix is False:
            return add_preserved_filters(context, url)
        return url + self.link_suffix

    def cells(self, result):
        cl = self.cl
        first = True
        cells = []
        for field_index, field_name in enumerate(cl.list_display):
            empty_value_display = self.empty_value_display
            row_classes = [f"field-{_coerce_field_name(field_name, field_index)}"]
            link_to_changelist = link_in_col(first, field_name, cl)
            try:
                f, attr, value = lookup_field(field_name, result, cl.model_admin)
            except ObjectDoesNotExist:
                result_repr = empty_value_display
            else:
                empty_value_display = getattr(attr, "empty_value_display", empty_value_display)
                if isinstance(value, str) and value.strip() == "":
                    value = ""
                if f is None or f.auto_created:
                    if field_name == "action_checkbox":
                        row_classes = ["action-checkbox"]
                    boolean = getattr(attr, "boolean", False)
                    if isinstance(attr, property) and hasattr(attr, "fget"):
                        boolean = getattr(attr.fget, "boolean", False)
                    if boolean:
                        result_repr = self.icon(value)
                    else:
                        result_repr = display_for_value(value, empty_value_display)
                    if isinstance(value, (datetime.date, datetime.time)):
                        row_classes.append("nowrap")
                else:
                    if isinstance(f.remote_field, models.ManyToOneRel):
                        field_val = getattr(result, f.name)
                        result_repr = empty_value_display if field_val is None else field_val
                    elif isinstance(f, models.BooleanField) and not getattr(f, "flatchoices", None):
                        result_repr = self.icon(value)
                    else:
                        result_repr = display_for_field(
                            value, f, empty_value_display, avoid_link=link_to_changelist
                        )
                    if isinstance(f, (models.DateField, models.TimeField, models.ForeignKey)):
                        row_classes.append("nowrap")
            row_class = ' class="{}"'.format(" ".join(row_classes))
            if link_to_changelist:
                table_tag = "th" if first else "td"
                first = False
                try:
                    url = self.link(result)
                except NoReverseMatch:
                    link_or_text = conditional_escape(result_repr)
                else:
                    link_or_text = format_html('<a href="{}">{}</a>', url, result_repr)
                cells.append(
                    mark_safe(f"<{table_tag}{row_class}>{link_or_text}</{table_tag}>")  # noqa: S308
                )
            else:
                cells.append(
                    mark_safe(f"<td{row_class}>{conditional_escape(result_repr)}</td>")  # noqa: S308
                )
        return cells


def link_in_col(is_first, field_name, cl):
    if cl.list_display_links is None:
        return False
    if is_first and not cl.list_display_links:
        return True
    return field_name in cl.list_display_links


# Django's own template for a filter, which `list_filter` writes in Python (a template pass per
# choice: the topics' filter alone offers a hundred).
DJANGO_FILTER_TEMPLATE = "admin/filter.html"


def curated_list_filter(cl, spec):
    """What Django's `admin_list_filter` tag renders for `spec`."""
    template = get_template(spec.template)
    origin = Path(template.origin.name)
    if spec.template != DJANGO_FILTER_TEMPLATE or origin != DJANGO_FILTER_ORIGIN:
        return admin_list_filter(cl, spec)
    return list_filter(spec.title, spec.choices(cl))


DJANGO_FILTER_ORIGIN = (
    Path(django.contrib.admin.__file__).parent / "templates" / "admin/filter.html"
)


def list_filter(title, choices):
    """admin/filter.html (Django 5.2) for `title` and `choices`, character for character."""
    heading = gettext(" By %(filter_title)s ") % {"filter_title": conditional_escape(title)}
    parts = [
        f'\n<details data-filter-title="{conditional_escape(title)}" open>\n'
        f"  <summary>\n    {heading}\n  </summary>\n  <ul>\n  "
    ]
    for choice in choices:
        selected = ' class="selected"' if choice["selected"] else ""
        href = conditional_escape(iriencode(choice["query_string"]))
        parts.append(
            f"\n    <li{selected}>\n"
            f'    <a href="{href}">{conditional_escape(choice["display"])}</a></li>\n  '
        )
    parts.append("\n  </ul>\n</details>\n")
    return mark_safe("".join(parts))  # noqa: S308
