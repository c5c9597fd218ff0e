"""Addresses of entries by their view name and id, each worked out once per worker."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def entry_url(viewname, pk):
    """`reverse(viewname, kwargs={"pk": pk})`, remembered: a list or search page links each
    entry two or three times (its page, its affiliation's, its Merkliste button), and Django
    works out every address anew (about 50 µs each, a tenth of a list's rendering)."""
    return _entry_url(
        viewname, int(pk), get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()
    )


# About 200 bytes each: well under a megabyte for the entries a worker shows most.
@functools.lru_cache(maxsize=4096)
def _entry_url(viewname, pk, urlconf, _prefix):
    return reverse(viewname, kwargs={"pk": pk}, urlconf=urlconf)
