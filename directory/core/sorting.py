"""German alphabetical order (DIN 5007-1) without an ICU collation.

The database's collation is C.UTF-8 (the embedded server is built without ICU), which orders
by code point: "Häring" after "Hethur", "Özdemir" after "Zander". Names therefore sort by a key:
lower case, an umlaut as its base letter and ß as ss (DIN 5007-1, the dictionary order, not the
phone book's ä = ae), other accents dropped ("Émile" as "emile"). Equal keys keep code point
order ("Muller" before "Müller"); lists add the primary key last.
"""

import unicodedata

from django.core.exceptions import FieldError
from django.db.models import CharField, F, Func, OrderBy, TextField


class GermanKey(Func):
    """SQL: the DIN 5007-1 sort key of a text (unaccent after lower, as `netzpol_fold` does,
    without folding "ue" to "u": "Mueller" stays after "Muller")."""

    template = "public.unaccent('public.unaccent'::regdictionary, lower(%(expressions)s))"
    output_field = TextField()


def _is_name(expression, query):
    """Whether `expression` is free text (not a code with choices), resolved against `query`."""
    try:
        resolved = expression.resolve_expression(query.clone(), allow_joins=True)
        field = resolved.output_field
    except (FieldError, AttributeError):
        return False
    if not isinstance(field, CharField | TextField):
        return False
    target = getattr(resolved, "target", None)
    return not getattr(target, "choices", None)


def german_ordering(queryset, ordering):
    """`ordering` (names, "-names" and expressions, as for `order_by`) with every text item
    sorted by its German key first and by itself after. A model whose rows hold the keys of
    some items (`german_keys()`: (expression, column) pairs) is sorted by those columns."""
    stored = getattr(queryset.model, "german_keys", list)()
    result = []
    for item in ordering:
        if isinstance(item, str):
            if item == "?" or "." in item:
                result.append(item)
                continue
            item = F(item[1:]).desc() if item.startswith("-") else F(item).asc()
        if not isinstance(item, OrderBy):
            item = item.asc() if hasattr(item, "asc") else item
        if isinstance(item, OrderBy) and _is_name(item.expression, queryset.query):
            column = next((name for held, name in stored if held == item.expression), None)
            result.append(
                OrderBy(
                    F(column) if column else GermanKey(item.expression),
                    descending=item.descending,
                    nulls_first=item.nulls_first,
                    nulls_last=item.nulls_last,
                )
            )
        result.append(item)
    return result


def german_sort_key(text):
    """Python's GermanKey, for sorting what is already loaded."""
    decomposed = unicodedata.normalize("NFKD", str(text).lower().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)), str(text)
