"""What every list's filter form reads and shows, kept in each worker's memory (the "listing"
cache, see settings.CACHES).

A filter form offers the rows of a few reference tables (topics, languages, regions, ...) and
renders them with crispy-forms, a template include per field and per option: a few hundred
includes and three queries on every list page. Both depend only on the reference data, the
form class, the language, the user's role (staff-only filters and choices) and the values the
query string gives the form's fields (ticked choices and error messages), so they are kept
under a key of exactly these. The reference data's part is its version (versions.py), read in
one query per request: a new topic or a renamed region gives a new key at once, in every worker.

Old keys are never read again; they leave the cache after TIMEOUT or when it is full (the
oldest first). A per-process cache costs no round trip and no space in the shared cache (which
holds sessions and rate limits); a deployment starts with an empty one, so a changed template
or label is never shown from before.
"""

import hashlib

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django.core.cache import caches
from django.utils import translation
from django_filters.filters import QuerySetRequestMixin

from .versions import data_version

ALIAS = "listing"
TIMEOUT = 60 * 60


def cached(key, compute):
    """`compute()`, kept under `key` in the listing cache."""
    cache = caches[ALIAS]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def reference_version(models):
    """The version of the reference tables `models` (one query), for the keys below."""
    return data_version(sorted(set(models), key=lambda model: model._meta.label))


def form_key(filterset):
    """The key of the filter set's rendered form, or None when it shows more than reference
    data (entries chosen by id, read as the user may see them)."""
    if any(isinstance(item, QuerySetRequestMixin) for item in filterset.filters.values()):
        return None
    form = filterset.form
    fields = list(form.fields)
    data = form.data
    values = [
        (name, data.getlist(name) if hasattr(data, "getlist") else data.get(name))
        for name in fields
        if name in data
    ]
    shown = hashlib.sha256(repr((fields, values)).encode()).hexdigest()
    kind = f"{type(filterset).__module__}.{type(filterset).__qualname__}"
    return ":".join(
        [
            "form",
            kind,
            translation.get_language() or "",
            str(int(filterset.role)),
            filterset.reference_version,
            shown,
        ]
    )


def rendered_form(filterset):
    """The filter form as `{{ form|crispy }}` renders it, from the cache when it was rendered
    for the same key before."""
    key = form_key(filterset)
    if key is None:
        return as_crispy_form(filterset.form)
    return cached(key, lambda: as_crispy_form(filterset.form))
