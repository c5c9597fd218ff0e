"""German full-text search over stored, trigger-maintained search vectors.

Each searchable table has a `search_vector` column that a BEFORE INSERT/UPDATE trigger fills
from the row and its related rows (topics, regions, languages, affiliation names); statement
triggers on the related tables refresh the affected rows, so every write, bulk ones included,
keeps the vectors current. Text on both sides goes through `netzpol_fold` (see `text.py`) and
the German snowball stemmer: "Mueller" finds "Müller", "Vereine" finds "Verein". Every word must
match (AND), as a prefix of a stemmed word ("Moschee" finds "Moscheegemeinde") or, for typos,
by trigram word similarity to the entry's name ("Polizi" finds "Polizei").
"""

import re
import unicodedata
from contextlib import contextmanager

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import Func, Value

MAX_WORDS = 8
MAX_WORD_LENGTH = 40


def search_words(text):
    """The words of a typed query, without operators, NUL bytes or excess length (after
    NFKC, so "¼" or "²" are digits, not symbols that folding would turn into punctuation)."""
    text = unicodedata.normalize("NFKC", (text or "").replace("\x00", ""))
    words = re.findall(r"\w+", text)
    return [word[:MAX_WORD_LENGTH] for word in words if len(word) > 1][:MAX_WORDS]


def prefix_query(word_sql):
    """SQL: the tsquery "a word starting like this one", valid whatever the word holds (the
    folded word is quoted, so characters that fold to punctuation cannot break the syntax)."""
    return f"to_tsquery('german', quote_literal(netzpol_fold({word_sql})) || ':*')"


class WordMatches(Func):
    """The row's vector has a word starting like `word`, or its name is trigram-similar."""

    output_field = models.BooleanField()

    def __init__(self, vector, name, word):
        super().__init__(vector, name, Value(word))

    def as_sql(self, compiler, connection, **extra):
        (vector, vector_params), (name, name_params), (word, word_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        query = prefix_query(word)
        sql = (
            f"(numnode({query}) = 0 OR {vector} @@ {query} "
            f"OR netzpol_fold({name}) %%> netzpol_fold({word}))"
        )
        return sql, (*word_params, *vector_params, *word_params, *name_params, *word_params)


class SearchRank(Func):
    """Full-text rank of all words, plus trigram closeness of the whole query to the name."""

    output_field = models.FloatField()

    def __init__(self, vector, name, words):
        super().__init__(vector, name, Value(" ".join(words)), *(Value(w) for w in words))

    def as_sql(self, compiler, connection, **extra):
        (vector, vp), (name, np), (text, tp), *words = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        query = " && ".join(prefix_query(sql) for sql, _params in words)
        sql = (
            f"(ts_rank({vector}, {query}) "
            f"+ word_similarity(netzpol_fold({text}), netzpol_fold({name})))"
        )
        return sql, (*vp, *(p for _sql, params in words for p in params), *tp, *np)


class SearchableQuerySet(models.QuerySet):
    """`search(text)` for a model with a `search_vector` and a trigram-indexed name field."""

    search_name_field = "name"

    def search(self, text):
        """Entries matching every word of `text`, annotated with `search_rank`; unordered."""
        words = search_words(text)
        if not words:
            # Still annotated: callers order by the rank whatever the text was.
            return self.none().annotate(search_rank=Value(0.0, output_field=models.FloatField()))
        queryset = self
        for word in words:
            queryset = queryset.filter(
                WordMatches(models.F("search_vector"), models.F(self.search_name_field), word)
            )
        return queryset.annotate(
            search_rank=SearchRank(
                models.F("search_vector"), models.F(self.search_name_field), words
            )
        )


def search_vector_field():
    return SearchVectorField(null=True, editable=False)


SEARCH_TRIGGERS = """
    SELECT tgrelid::regclass::text, tgname FROM pg_trigger
    WHERE NOT tgisinternal
        AND (tgname = 'search_vector_document' OR starts_with(tgname, 'reindex_'))
    ORDER BY 1, 2
"""


@contextmanager
def search_index_deferred():
    """Bulk loading: inside the block the search triggers are off; leaving it re-indexes every
    searchable table in one pass each, so each row's document is computed once instead of once
    per statement that touches it.

    Must run inside a transaction, which holds the tables locked until it ends: meant for
    seeding and loads into a quiet database, not for the live portal."""
    if not connection.in_atomic_block:
        raise RuntimeError("search_index_deferred() needs a transaction (transaction.atomic).")
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_TRIGGERS)
        triggers = cursor.fetchall()
        # ALTER TABLE refuses tables with pending deferred (foreign key) checks: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, trigger in triggers:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, trigger in triggers:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in sorted({table for table, trigger in triggers if trigger.startswith("search")}):
            cursor.execute(f"ANALYZE {table}")
            cursor.execute(f"UPDATE {table} SET search_vector = NULL")


# --- SQL for the triggers (used by the entity apps' migrations) -------------------------------


def document_trigger_sql(table, document_function):
    """BEFORE INSERT/UPDATE row trigger that stores `document_function(NEW)` in the row.

    Named to fire after the police tree trigger (triggers fire in name order), so a unit's
    path is computed before it is indexed."""
    function = f"{table}_search_document_row"
    return (
        f"""
    CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := {document_function}(NEW);
        RETURN NEW;
    END $$;
    CREATE OR REPLACE TRIGGER search_vector_document BEFORE INSERT OR UPDATE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {function}();
    """,
        f"""
    DROP TRIGGER IF EXISTS search_vector_document ON {table};
    DROP FUNCTION IF EXISTS {function}();
    """,
    )


def refresh_trigger_sql(name, target, source, ids, changed_columns=None):
    """Statement triggers on `source` that re-index the `target` rows `ids` selects.

    `ids` is SQL selecting target ids from the relation `{rows}`: the inserted and the deleted
    rows, or (with `changed_columns`) the updated rows whose columns changed."""
    forward, reverse = [], []
    if changed_columns:
        # EXCEPT compares like IS DISTINCT FROM and hashes: linear in the rows updated, where a
        # join of the two transition tables (no statistics, no indexes) can go quadratic.
        columns = ", ".join(["id", *changed_columns])
        changed = f"(SELECT {columns} FROM new_rows EXCEPT SELECT {columns} FROM old_rows)"
        events = [
            ("update", "UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows", changed)
        ]
    else:
        events = [
            ("insert", "INSERT", "REFERENCING NEW TABLE AS new_rows", "new_rows"),
            ("delete", "DELETE", "REFERENCING OLD TABLE AS old_rows", "old_rows"),
        ]
    for suffix, event, referencing, rows in events:
        function = f"netzpol_reindex_{name}_{suffix}"
        trigger = f"reindex_{name}_{suffix}"
        forward.append(f"""
        CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE {target} SET search_vector = NULL
                WHERE id IN ({ids.format(rows=f"{rows} AS changed_rows")});
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER {trigger} AFTER {event} ON {source} {referencing}
            FOR EACH STATEMENT EXECUTE FUNCTION {function}();
        """)
        reverse.append(
            f"DROP TRIGGER IF EXISTS {trigger} ON {source}; DROP FUNCTION IF EXISTS {function}();"
        )
    return "\n".join(forward), "\n".join(reverse)


def fold_vector(weight, *parts):
    """SQL: the folded, stemmed tsvector of the text parts, with a weight (A–D)."""
    text = f"netzpol_fold(concat_ws(' ', {', '.join(parts)}))"
    return f"setweight(to_tsvector('german', {text}), '{weight}')"


def assemble(table, document_sql, document_function, parts):
    """Forward and reverse SQL of a table's search triggers; forward also indexes all rows."""
    forward = "\n".join(
        [document_sql, *(f for f, _ in parts), f"UPDATE {table} SET search_vector = NULL;"]
    )
    reverse = "\n".join(
        [*(r for _, r in reversed(parts)), f"DROP FUNCTION IF EXISTS {document_function};"]
    )
    return forward, reverse


def search_stems(text):
    """The folded, stemmed words of a query, as the index holds them (for highlighting)."""
    words = search_words(text)
    if not words:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT lexeme FROM unnest(to_tsvector('german', netzpol_fold(%s)))",
            [" ".join(words)],
        )
        return [row[0] for row in cursor.fetchall()]
