"""German-tolerant text matching in PostgreSQL.

``netzpol_fold(text)`` (created by migration core 0002) lowercases, strips accents with
``unaccent`` and collapses the German transliterations ae/oe/ue/ss, so "Müller", "Mueller" and
"muller" all fold to "muller" and "Straße"/"Strasse" to "strase". The function is IMMUTABLE so
it can back expression indexes.
"""

from django.db import models
from django.db.models import Func, Lookup

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
