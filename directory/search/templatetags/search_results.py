from django import template
from django.utils.html import format_html

from directory.agreements.templatetags.agreement_lists import agreement_summary
from directory.contacts.templatetags.contact_lists import contact_card
from directory.core.templatetags.directory import choice_label
from directory.core.text import highlight

register = template.Library()

# The kinds the search shows with a template of their own, and the name it gives the entry.
SUMMARIES = {
    "projects": ("projects/project_summary.html", "project"),
    "events": ("events/event_summary.html", "event"),
}


@register.simple_tag(takes_context=True)
def search_entry(context, key, entry):
    """One entry of the search's section `key` as that kind's lists show it: contacts and
    agreements by their tags, projects and events by their summary templates, organisations and
    police units by name, kind and place. A tag, not an included template that chooses: that
    include cost about 40 µs for each of a page's 15-17 entries."""
    if key == "contacts":
        return contact_card(context, entry, show_affiliation=True)
    if key == "agreements":
        return agreement_summary(context, entry)
    if key in SUMMARIES:
        name, variable = SUMMARIES[key]
        with context.push(**{variable: entry}):
            return context.template.engine.get_template(name).render(context)
    stems = context.get("stems") or []
    return format_html(
        '<h3 class="h6 mb-1"><a href="{}">{}</a></h3>\n<p class="small mb-0">{}{}</p>',
        entry.get_absolute_url(),
        highlight(entry, stems),
        choice_label(entry, "kind"),
        format_html(" · {}", highlight(entry.city, stems)) if entry.city else "",
    )
