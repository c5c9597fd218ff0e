from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from directory.core.templatetags.directory import choice_label, topic_badges
from directory.core.text import highlight

register = template.Library()


@register.simple_tag(takes_context=True)
def agreement_summary(context, agreement):
    """One agreement in a list: title (the words of a search, the context's `stems`, marked),
    status, date of signing, the parties the viewer may see and how many others there are
    (`AgreementQuerySet.with_parties(user)`, which never names them), topics.

    Written here, not in a template: lists and the search show it once per agreement, and the
    template engine took about 200 µs an agreement."""
    parts = [
        format_html(
            '<h3 class="h6 mb-1"><a href="{}" data-hx-boost="false">{}</a></h3>\n'
            '<p class="mb-1 small">\n  {}',
            agreement.get_absolute_url(),
            highlight(agreement.title, context.get("stems") or []),
            choice_label(agreement, "status"),
        )
    ]
    if agreement.signed_on:
        parts.append(
            format_html(
                " · {} {}",
                gettext("signed on"),
                date_format(agreement.signed_on, "SHORT_DATE_FORMAT"),
            )
        )
    if not agreement.is_public:
        parts.append(
            format_html(
                ' · <span class="badge text-bg-secondary">{}</span>', gettext("members only")
            )
        )
    names = getattr(agreement, "party_names", None) or []
    hidden = getattr(agreement, "hidden_parties", None)
    parties = format_html_join("; ", "{}", ((name,) for name in names))
    if hidden:
        parties = format_html("{}{}{}", parties, "; " if names else "", hidden_parties(hidden))
    parts.append(
        format_html('\n</p>\n<p class="mb-1 small">{}: {}</p>\n', gettext("Parties"), parties)
    )
    parts.append(topic_badges(getattr(agreement, "topic_names", None)))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


@register.simple_tag
def hidden_parties(count):
    """How many parties of an agreement the viewer may not see: `count` comes from
    AgreementQuerySet.with_parties(user), which never names them."""
    return ngettext("%(counter)s non-public party", "%(counter)s non-public parties", count) % {
        "counter": count
    }
