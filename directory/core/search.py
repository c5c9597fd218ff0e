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

import pgtrigger
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import Func, Value

from .declared_sql import declare_function

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


# --- Keeping the documents current -------------------------------------------------------------
# Declared on the models with django-pgtrigger (so `makemigrations` notices every change): a
# row trigger on each searchable table stores the row's document, and statement triggers on the
# tables a document reads (link tables, topics, regions, affiliations) re-index the entries whose
# document changed. The entity apps' `search_sql.py` say what each document holds.

REINDEX_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION netzpol_reindex(entries regclass, ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- Any update of a row runs its table's search document trigger, which stores the document
    -- anew: emptying the column is just the cheapest update.
    IF cardinality(ids) > 0 THEN
        EXECUTE format('UPDATE %s SET search_vector = NULL WHERE id IN (SELECT unnest($1))',
            entries) USING ids;
    END IF;
END $$;
"""
declare_function(REINDEX_FUNCTION_SQL)


def reindex(queryset):
    """Store the search documents of the entries in `queryset` anew (see `netzpol_reindex`)."""
    return queryset.update(search_vector=None)


class SearchIndexTrigger(pgtrigger.Trigger):
    """A trigger that keeps search documents current (what `search_index_deferred` pauses)."""


class SearchDocumentTrigger(SearchIndexTrigger):
    """Stores the row's search document, an SQL expression over `NEW`, before every write.

    Its name sorts after the police tree's `place_in_tree` (triggers fire in name order), so a
    unit's paths are computed before they are indexed."""

    def __init__(self, document):
        super().__init__(
            name="search_document",
            when=pgtrigger.Before,
            operation=pgtrigger.Insert | pgtrigger.Update,
            func=f"NEW.search_vector := {document.strip()};\nRETURN NEW;",
        )


def reindex_when_linked(entries, link_column):
    """Triggers for a link table (an entry's topics, languages, parties): a link added or
    removed re-indexes the entry of the table `entries` that `link_column` names."""
    return [
        _reindex_trigger(entries, pgtrigger.Insert, f"SELECT {link_column} FROM new_rows"),
        _reindex_trigger(entries, pgtrigger.Delete, f"SELECT {link_column} FROM old_rows"),
    ]


def reindex_when_changed(entries, columns, ids):
    """A trigger for a table the documents of `entries` read: an update that changes one of
    `columns` re-indexes the entries `ids` selects, SQL that joins `{rows}` (the updated rows
    whose columns changed, as `changed_rows`)."""
    # EXCEPT compares like IS DISTINCT FROM and hashes: linear in the rows updated, where a join
    # of the two transition tables (no statistics, no indexes) can go quadratic.
    listed = ", ".join(["id", *columns])
    changed = f"(SELECT {listed} FROM new_rows EXCEPT SELECT {listed} FROM old_rows)"
    changed += " AS changed_rows"
    return [_reindex_trigger(entries, pgtrigger.Update, ids.format(rows=changed))]


def _reindex_trigger(entries, event, ids):
    return SearchIndexTrigger(
        # e.g. "reindex_contactperson_on_update", on the table whose rows change.
        name=f"reindex_{entries.split('_', 1)[1]}_on_{str(event).lower()}",
        level=pgtrigger.Statement,
        when=pgtrigger.After,
        operation=event,
        referencing=pgtrigger.Referencing(
            old="old_rows" if event in (pgtrigger.Update, pgtrigger.Delete) else None,
            new="new_rows" if event in (pgtrigger.Update, pgtrigger.Insert) else None,
        ),
        func=f"PERFORM netzpol_reindex('{entries}', ARRAY({ids}));\nRETURN NULL;",
    )


def fold_vector(weight, *parts):
    """SQL: the folded, stemmed tsvector of the text parts, with a weight (A–D)."""
    text = f"netzpol_fold(concat_ws(' ', {', '.join(parts)}))"
    return f"setweight(to_tsvector('german', {text}), '{weight}')"


def search_index_triggers():
    """The declared search index triggers, as (model, trigger) pairs."""
    return [
        (model, trigger)
        for model, trigger in pgtrigger.registered()
        if isinstance(trigger, SearchIndexTrigger)
    ]


@contextmanager
def search_index_deferred():
    """Bulk loading: inside the block the search triggers are off; leaving it re-indexes every
    searchable table in one pass each, so each row's document is computed once instead of once
    per statement that touches it.

    Must run inside a transaction, which holds the tables locked until it ends: meant for
    seeding and loads into a quiet database, not for the live portal."""
    if not connection.in_atomic_block:
        raise RuntimeError("search_index_deferred() needs a transaction (transaction.atomic).")
    triggers = [trigger.compile(model) for model, trigger in search_index_triggers()]
    searchable = sorted(
        {
            model._meta.concrete_model
            for model, trigger in search_index_triggers()
            if isinstance(trigger, SearchDocumentTrigger)
        },
        key=lambda model: model._meta.db_table,
    )
    with connection.cursor() as cursor:
        # ALTER TABLE refuses tables with pending deferred (foreign key) checks: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for trigger in triggers:
            cursor.execute(trigger.disable_sql)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for trigger in triggers:
            cursor.execute(trigger.enable_sql)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for model in searchable:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    for model in searchable:
        reindex(model._base_manager.all())


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
