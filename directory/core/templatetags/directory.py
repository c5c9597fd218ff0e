from django import template

from directory.core import text

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
