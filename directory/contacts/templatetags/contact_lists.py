from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from directory.core import registry

register = template.Library()


@register.simple_tag(takes_context=True)
def result_actions(context, contact):
    """What other apps offer with a contact in a list of results (registry.add_result_action),
    e.g. the Merkliste button."""
    request = context.get("request")
    parts = [action(request, contact) for action in registry.result_actions] if request else []
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308
