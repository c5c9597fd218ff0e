"""German-tolerant text matching in PostgreSQL.

``netzpol_fold(text)`` (created by migration core 0002) lowercases, strips accents with
``unaccent`` and collapses the German transliterations ae/oe/ue/ss, so "Müller", "Mueller" and
"muller" all fold to "muller" and "Straße"/"Strasse" to "strase". The function is IMMUTABLE so
it can back expression indexes.
"""

import re
import unicodedata

from django.db import models
from django.db.models import Func, Lookup
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

FOLD_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION netzpol_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN replace(replace(replace(replace(
    public.unaccent('public.unaccent'::regdictionary, lower(value)),
    'ae', 'a'), 'oe', 'o'), 'ue', 'u'), 'ss', 's');
"""
DROP_FOLD_FUNCTION_SQL = "DROP FUNCTION IF EXISTS netzpol_fold(text);"


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


def fold(value):
    """Python's `netzpol_fold`, for marking matches in text already on the page."""
    value = unicodedata.normalize("NFKD", value.lower().replace("ß", "ss"))
    value = "".join(c for c in value if not unicodedata.combining(c))
    for spelled, folded in (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ss", "s")):
        value = value.replace(spelled, folded)
    return value


def highlight(text, stems):
    """`text` as HTML with every word that starts with one of the folded `stems` in <mark>."""
    if not stems:
        return escape(text)
    parts = []
    for word, gap in re.findall(r"(\w*)(\W*)", str(text)):
        folded = fold(word)
        if word and any(folded.startswith(stem) for stem in stems):
            parts.append(format_html("<mark>{}</mark>", word))
        else:
            parts.append(escape(word))
        parts.append(escape(gap))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
