from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from directory.core import registry, text

register = template.Library()


@register.simple_tag(takes_context=True)
def highlighted(context, value):
    """`value` with the words that match the search marked (the context's `stems`, from
    `search_stems`; none outside a search)."""
    return text.highlight(value or "", context.get("stems") or [])


@register.filter
def tel_href(number):
    """A `tel:` link target: the digits (and a leading +) of a phone number."""
    number = (number or "").strip()
    digits = "".join(c for c in number if c.isdigit())
    return f"tel:{'+' if number.startswith('+') else ''}{digits}"


@register.simple_tag(takes_context=True)
def entry_actions(context, entry):
    """What other apps offer at the end of an entry's page (see registry.add_entry_action)."""
    request = context.get("request")
    parts = [action(request, entry) for action in registry.entry_actions] if request else []
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308


@register.simple_tag
def topic_badges(topics):
    """The topics' names as badges (nothing without any). A tag, not an included template: list
    pages show it once per entry, and an include cost about 40 µs each."""
    if not topics:
        return ""
    return format_html(
        '<ul class="list-inline mb-0 topic-list" aria-label="{}">{}</ul>',
        gettext("Topics"),
        format_html_join(
            "",
            '<li class="list-inline-item"><span class="badge rounded-pill text-bg-light border">'
            "{}</span></li>",
            ((topic,) for topic in topics),
        ),
    )


def choice_label(instance, name):
    """`instance.get_<name>_display()`, without Django's hashing of every choice on each call:
    each label is a lazy translation, so that looked up the catalogue once per choice of the
    field (the search page showed a dozen kinds and statuses: about a hundred lookups)."""
    field = instance._meta.get_field(name)
    value = getattr(instance, field.attname)
    return str(dict(field.flatchoices).get(value, value))
