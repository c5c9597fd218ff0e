from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from directory.core import registry
from directory.core.templatetags.directory import tel_href, topic_badges
from directory.core.text import highlight

register = template.Library()


@register.simple_tag(takes_context=True)
def result_actions(context, contact):
    """What other apps offer with a contact in a list of results (registry.add_result_action),
    e.g. the Merkliste button."""
    request = context.get("request")
    parts = [action(request, contact) for action in registry.result_actions] if request else []
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308


@register.simple_tag(takes_context=True)
def contact_card(context, contact, show_affiliation=False):
    """One contact person in a list: name, function, affiliation (with `show_affiliation`),
    channels and topics, the words of a search (the context's `stems`) marked. `contact` comes
    from a queryset already restricted with visible_to(user); staff notes are never shown.

    Written here, not in a template: every list, search and entry page shows it once per
    contact, and the template engine took 160-200 µs a card (1.6-2.0 ms of a contacts page of
    ten at 100,000 contacts, CPU of the page with and without the cards)."""
    stems = context.get("stems") or []
    parts = [
        format_html(
            '<h3 class="h6 mb-1"><a href="{}" data-hx-boost="false">{}</a></h3>\n'
            '<p class="mb-1 small">\n  ',
            contact.get_absolute_url(),
            highlight(contact.display_name, stems),
        )
    ]
    if contact.function:
        parts.append(highlight(contact.function, stems))
        if show_affiliation:
            parts.append(" · ")
    if show_affiliation:
        affiliation = contact.affiliation
        parts.append(
            format_html(
                '<a href="{}" data-hx-boost="false">{}</a>',
                affiliation.get_absolute_url(),
                highlight(affiliation, stems),
            )
        )
        region = getattr(contact, "serves_all_of", None)
        if region:
            parts.append(
                format_html(
                    ' · <span class="badge text-bg-info">{}</span>',
                    gettext("for all of %(region)s") % {"region": region},
                )
            )
    parts.append('\n</p>\n<p class="mb-1 small channels">\n  ')
    if contact.email:
        parts.append(format_html('<a href="mailto:{0}">{0}</a>', contact.email))
    for number, label in ((contact.phone, gettext("Phone")), (contact.mobile, gettext("Mobile"))):
        if number:
            parts.append(
                format_html(
                    ' <span class="ms-2">{}: <a href="{}">{}</a></span>',
                    label,
                    tel_href(number),
                    number,
                )
            )
    parts.append("\n</p>\n")
    parts.append(topic_badges(getattr(contact, "topic_names", None)))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
