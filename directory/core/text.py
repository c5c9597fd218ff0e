"""German-tolerant text matching in PostgreSQL.

``netzpol_fold(text)`` lowercases, strips accents with ``unaccent`` and collapses the German
transliterations ae/oe/ue/ss, so "Müller", "Mueller" and "muller" all fold to "muller" and
"Straße"/"Strasse" to "strase". The function is IMMUTABLE so it can back expression indexes;
``netzpol_fold_inline`` is the same fold for what a query computes row by row (see below).
``fold`` is the same in Python, for text already on a page (tests/core/test_fold_parity.py
holds the two together).
"""

import functools
import html
import re
import unicodedata

from django.db import models
from django.db.models import Func, Lookup
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .declared_sql import declare_function

FOLD_BODY_SQL = """
RETURN replace(replace(replace(replace(
    public.unaccent('public.unaccent'::regdictionary, lower(value)),
    'ae', 'a'), 'oe', 'o'), 'ue', 'u'), 'ss', 's');
"""
FOLD_FUNCTION_SQL = declare_function(
    "CREATE OR REPLACE FUNCTION netzpol_fold(value text) RETURNS text\n"
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT" + FOLD_BODY_SQL
)
# The same fold for values a query computes row by row and no index holds (a search rank's
# closeness to each match's name). PostgreSQL writes a SQL function's body into the query that
# calls it only when the body is no less stable than the function says it is: `unaccent` is
# STABLE, so `netzpol_fold` (IMMUTABLE, as expression indexes need) runs through the function
# executor on every call, 1.7 µs, where this twin, declared STABLE, is written into the query
# and takes 0.4 µs (100,000 last names: 169-171 against 41 ms).
FOLD_INLINE_FUNCTION_SQL = declare_function(
    "CREATE OR REPLACE FUNCTION netzpol_fold_inline(value text) RETURNS text\n"
    "LANGUAGE sql STABLE PARALLEL SAFE STRICT" + FOLD_BODY_SQL
)


class Fold(Func):
    function = "netzpol_fold"
    output_field = models.TextField()


@models.CharField.register_lookup
@models.TextField.register_lookup
class FoldedContains(Lookup):
    """``name__de_contains="Mueller"``: substring match after German folding on both sides."""

    lookup_name = "de_contains"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        sql = f"netzpol_fold({lhs}::text) LIKE '%%' || netzpol_fold({rhs}::text) || '%%'"
        return sql, [*lhs_params, *rhs_params]

    def get_db_prep_lookup(self, value, connection):
        # LIKE wildcards typed by a user are literal characters here.
        escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return ("%s", [escaped])


# What `unaccent` does beyond taking the accents off Latin and Greek letters (PostgreSQL 18's
# unaccent.rules, for the Latin, Greek, Cyrillic and Arabic blocks): the letters it spells out
# in Latin, and the ones it leaves alone although Unicode decomposes them.
SPELLED_OUT = {
    # Latin-1 Supplement and Latin Extended-A
    "æ": "ae", "ð": "d", "ø": "o", "þ": "th", "ß": "ss", "đ": "d", "ħ": "h", "ı": "i",
    "ĸ": "q", "ŀ": "l", "ł": "l", "ŉ": "'n", "ŋ": "n", "œ": "oe", "ŧ": "t",
    "¼": " 1/4", "½": " 1/2", "¾": " 3/4",
    # Latin Extended-B (e.g. Hausa and Fula names) and the small letters of its capitals
    "ƀ": "b", "ƃ": "b", "ƈ": "c", "ƌ": "d", "ƒ": "f", "ƕ": "hv", "ƙ": "k", "ƚ": "l",
    "ƞ": "n", "ƣ": "oi", "ƥ": "p", "ƫ": "t", "ƭ": "t", "ƴ": "y", "ƶ": "z", "ǥ": "g",
    "ȡ": "d", "ȥ": "z", "ȴ": "l", "ȵ": "n", "ȶ": "t", "ȷ": "j", "ȸ": "db", "ȹ": "qp",
    "ȼ": "c", "ȿ": "s", "ɀ": "z", "ɇ": "e", "ɉ": "j", "ɍ": "r", "ɏ": "y", "ɓ": "b",
    "ɖ": "d", "ɗ": "d", "ɛ": "e", "ɠ": "g", "ɨ": "i", "ɲ": "n", "ʀ": "R", "ʈ": "t",
    "ʉ": "u", "ʋ": "v", "ⱥ": "a", "ⱦ": "t",
    "ǣ": "ǣ", "ǯ": "ǯ", "ǽ": "ǽ", "ǿ": "ǿ",
    # Latin Extended Additional
    "ẚ": "a", "ẛ": "ẛ", "ẜ": "s", "ẝ": "s", "ỻ": "ll", "ỽ": "v", "ỿ": "y",
    # Greek and Cyrillic
    "ϓ": "ϓ", "ϔ": "ϔ", "ё": "е",
}  # fmt: skip
UNACCENTED_SCRIPTS = ("LATIN ", "GREEK ")
# What `highlight` tests against the stems: a run of letters and digits.
WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=4096)
def _unaccent(char):
    if char in SPELLED_OUT:
        return SPELLED_OUT[char]
    if "\u0300" <= char <= "\u0362":  # a combining accent on its own
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    if not unicodedata.name(decomposed[0], "").startswith(UNACCENTED_SCRIPTS):
        return char  # Cyrillic й, Arabic أ: letters of their own, as for unaccent
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(value):
    """Python's `netzpol_fold`, for marking matches in text already on the page."""
    value = value.lower()
    if not value.isascii():  # ASCII letters stay as they are (most words on a page)
        value = "".join(_unaccent(char) for char in value)
    for spelled, folded in (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ss", "s")):
        value = value.replace(spelled, folded)
    return value


def highlight(text, stems):
    """`text` as HTML with every word that starts with one of the folded `stems` in <mark>."""
    text = str(text)
    if not stems:
        return escape(text)
    stems = tuple(stems)
    # html.escape, not Django's escape: the same text, without its check for lazy strings,
    # which cost more than the escaping on a page of search results.
    parts = []
    done = 0
    for word in WORD.finditer(text):
        if fold(word[0]).startswith(stems):
            before = html.escape(text[done : word.start()])
            parts += (before, "<mark>", html.escape(word[0]), "</mark>")
            done = word.end()
    if not parts:
        return escape(text)
    parts.append(html.escape(text[done:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
