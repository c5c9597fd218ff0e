"""German full-text search over stored, trigger-maintained search vectors.

Each searchable table has a `search_vector` column that a BEFORE INSERT/UPDATE trigger fills
from the row and its related rows (topics, regions, languages, affiliation names); statement
triggers on the related tables refresh the affected rows, so every write, bulk ones included,
keeps the vectors current. Text on both sides goes through `netzpol_fold` (see `text.py`) and
the German snowball stemmer: "Mueller" finds "Müller", "Vereine" finds "Verein".

Every significant word of a query must match (AND): as the start of an indexed word ("Moschee"
finds "Moscheegemeinde"), as a part of an indexed compound ("Beratung" finds
"Schwulenberatung"), split into indexed parts ("Antisemitismusbeauftragte" finds "Antisemitismus
Beauftragte"), by a curated synonym (search app), or, when no indexed word starts like it, by a
small typo ("Kowalsky" finds "Kowalski"). Stop words are no condition; generic words beside
others ("Polizei") only rank. See `search_terms`; tests/relevance measures the outcome.
"""

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field

import pgtrigger
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import Func, Value

from .compiled import Slot, prepared_cursor
from .declared_sql import declare_function
from .text import fold

MAX_WORDS = 8
MAX_WORD_LENGTH = 40
# Typo tolerance: a word no indexed word starts with matches the indexed words this similar
# (pg_trgm trigram similarity of the folded forms; "Kowalsky" 0.64 to "kowalski", "Meier" 0.33
# to "maier"), at most this many of them.
TYPO_SIMILARITY = 0.5
TYPO_CANDIDATES = 5
TYPO_MIN_LENGTH = 4
# Compounds: a word this long matches the indexed compounds that hold it ("Beratung" finds
# "Schwulenberatung"), at most this many; a longer word also matches its parts typed apart.
PART_MIN_LENGTH = 4
PART_CANDIDATES = 40
SPLIT_MIN_LENGTH = 8
# A typed word's stem matches the indexed words it starts with; when there are at most this
# many, the search asks for them by name instead of by prefix (see QueryWord.tsquery).
LISTED_PREFIX_WORDS = 32
# Words that say what every entry is ("Polizei", "Ansprechpartner"): alongside other words they
# rank but do not exclude, so "Ansprechpartner LSBTI Polizei" finds a contact point that does
# not say "Ansprechpartner". Folded forms (see text.fold).
GENERIC_WORDS = {
    "ansprechpartner", "ansprechpartnerin", "ansprechpartnerinnen", "ansprechperson",
    "ansprechpersonen", "ansprechstele", "kontakt", "kontakte", "kontaktperson",
    "kontaktpersonen", "polizei", "zustandig", "zustandige", "zustandigkeit", "person",
    "personen", "thema", "themen", "frau", "herr",
}  # fmt: skip


def search_words(text):
    """The words of a typed query, without operators, NUL bytes or excess length (after
    NFKC, so "¼" or "²" are digits, not symbols that folding would turn into punctuation).
    A one-character word counts beside others or as a number ("Abschnitt 3", "3"); a single
    letter alone is no query (an autocomplete's first keystroke)."""
    text = unicodedata.normalize("NFKC", (text or "").replace("\x00", ""))
    words = [word[:MAX_WORD_LENGTH] for word in re.findall(r"\w+", text)][:MAX_WORDS]
    if not any(len(word) > 1 or word.isdigit() for word in words):
        return []
    return words


# --- What a query's words match ----------------------------------------------------------------
# One query per search reads, for every word: its stem (none for a stop word), whether an
# indexed word starts with it, and else the indexed words close to it (typos) or made of it and
# another (compounds typed joined); and the indexed compounds that hold it. `netzpol_search_words`
# holds every word of every search document (see `netzpol_remember_words`), so all of this is
# index lookups on a small table; the entries themselves are then matched on their vectors alone.

# One SELECT with the steps within it: it is sent as a prepared statement (the same SQL for every
# search, see core.compiled.prepared_cursor), which holds one statement, and pghistory prepends
# its context to any statement but a SELECT (while a change is being recorded).
EXPAND_SQL = """
SELECT * FROM (
WITH typed AS (
    SELECT t.i, netzpol_fold(t.word) AS folded
    FROM unnest(%(words)s::text[]) WITH ORDINALITY AS t(word, i)
), stemmed AS (
    SELECT typed.*, (SELECT lexeme FROM unnest(to_tsvector('german', typed.folded)) LIMIT 1)
        AS stem
    FROM typed
), pattern AS (
    SELECT stemmed.*, replace(replace(replace(stem, '\\', '\\\\'), '%%', '\\%%'), '_', '\\_')
        AS escaped
    FROM stemmed
), starting AS (
    -- "starts with" as a range of the primary key (C collation): an index lookup, where a
    -- computed LIKE pattern would scan the table. One more than are listed, to tell "all".
    SELECT pattern.*, ARRAY(
        SELECT w.word FROM netzpol_search_words w
        WHERE w.word >= (stem COLLATE "C") AND w.word < (stem || chr(1114111) COLLATE "C")
        ORDER BY w.word COLLATE "C"
        LIMIT %(listed)s + 1
    ) AS starting
    FROM pattern
), known AS (
    SELECT starting.*, cardinality(starting.starting) > 0 AS known FROM starting
)
SELECT i, folded, stem, starting,
    -- The listed hyphenated words an entry cannot have without another listed word: the
    -- parser indexes "Dortmund-Brackel" as 'dortmund-brackel' and as its parts ('dortmund',
    -- 'brackel'), so where 'dortmund' is listed, 'dortmund-brackel' finds nothing more and only
    -- makes the index read its entries again. The last part is left out: it was stemmed with
    -- the whole word ('dortmund-innenstadt-w' from "West"), the others are as typed. Only
    -- words of letters and digits: a host or an address ('dortmund-hilft.de') is indexed whole.
    ARRAY(
        SELECT w FROM unnest(starting) AS w
        WHERE w ~ '^[[:alnum:]]+(-[[:alnum:]]+)+$' AND EXISTS (
            SELECT FROM unnest(trim_array(string_to_array(w, '-'), 1)) AS part
            WHERE (SELECT lexeme FROM unnest(to_tsvector('german', part)) LIMIT 1)
                = ANY (starting)
        )
    ) AS covered,
    CASE WHEN i <= %(typed)s AND NOT known AND length(stem) >= %(typo_length)s THEN ARRAY(
        SELECT w.word FROM netzpol_search_words w
        WHERE (w.word %% folded OR w.word %% stem)
            AND greatest(similarity(w.word, folded), similarity(w.word, stem)) >= %(similar)s
        ORDER BY greatest(similarity(w.word, folded), similarity(w.word, stem)) DESC, w.word
        LIMIT %(typos)s
    ) END AS near,
    CASE WHEN i <= %(typed)s AND length(stem) >= %(part_length)s THEN ARRAY(
        SELECT w.word FROM netzpol_search_words w
        WHERE w.word LIKE '%%' || escaped || '%%' AND w.word NOT LIKE escaped || '%%'
        ORDER BY length(w.word), w.word
        LIMIT %(parts)s
    ) END AS compounds,
    CASE WHEN i <= %(typed)s AND NOT known AND length(folded) >= %(split_length)s THEN ARRAY(
        SELECT head.word || ' ' || tail.stem
        FROM generate_series(%(part_length)s, length(folded) - %(part_length)s) AS cut(at)
        JOIN netzpol_search_words head ON head.word = substr(folded, 1, cut.at)
        CROSS JOIN LATERAL (
            SELECT lexeme AS stem
            FROM unnest(to_tsvector('german', substr(folded, cut.at + 1))) LIMIT 1
        ) tail
        WHERE length(tail.stem) >= %(part_length)s AND EXISTS (
            SELECT FROM netzpol_search_words w
            WHERE w.word >= (tail.stem COLLATE "C")
                AND w.word < (tail.stem || chr(1114111) COLLATE "C")
        )
        ORDER BY cut.at DESC
        LIMIT 3
    ) END AS splits,
    (SELECT lexeme FROM unnest(to_tsvector('german', regexp_replace(folded, 'in(nen)?$', '')))
        LIMIT 1) AS ungendered
FROM known
) expanded ORDER BY i
"""


def quoted(lexeme, prefix=True):
    """A tsquery operand for an indexed (already stemmed) word, quoted whatever it holds."""
    escaped = lexeme.replace("\\", "\\\\").replace("'", "''")
    return f"'{escaped}'" + (":*" if prefix else "")


@dataclass
class QueryWord:
    """One typed word: what it matches itself (`own`, tsquery operands) and by tolerance
    (`more`: typos, compounds, synonyms); `optional` when generic beside other words."""

    typed: str
    folded: str
    own: list = field(default_factory=list)
    more: list = field(default_factory=list)
    optional: bool = False
    # The indexed words it matches as such (what the page marks in the results).
    lexemes: list = field(default_factory=list)
    # Every indexed word its stem starts with, when they are few (LISTED_PREFIX_WORDS).
    starting: list = field(default_factory=list)

    def tsquery(self):
        """What an entry must match for this word. Its stem as a prefix ("mosche:*") matches
        what the words it starts with match, so those words, when listed, stand for it: exact
        words are looked up in the GIN index as such, a prefix reads every entry of every
        word it starts with into one bitmap first ("dortmund:*": every contact in Dortmund),
        which goes lossy in a large directory. The rank (own_tsquery) keeps the prefix."""
        own = [*self.starting, *self.own[1:]] if self.starting else self.own
        return " | ".join(dict.fromkeys([*own, *self.more]))


@dataclass
class SearchTerms:
    """A query worked out once (see `search_terms`) and usable for every entity's search."""

    words: list
    stems: list

    def __bool__(self):
        return any(not word.optional for word in self.words)

    @property
    def required(self):
        return [word for word in self.words if not word.optional]

    def own_tsquery(self):
        return " | ".join(dict.fromkeys(op for word in self.words for op in word.own))

    def more_tsquery(self):
        return " | ".join(dict.fromkeys(op for word in self.words for op in word.more)) or ""

    @property
    def text(self):
        return " ".join(word.folded for word in self.words)


class TermSlots(SearchTerms):
    """Stands for the `SearchTerms` of any query with `count` required words when a search is
    compiled once (core.compiled): every value a search puts in its SQL is a slot, and
    `slot_values(terms)` gives a query's values for them."""

    def __init__(self, count):
        super().__init__([_SlotWord(Slot(f"word{i}")) for i in range(count)], [])

    def __bool__(self):
        return True

    def own_tsquery(self):
        return Slot("own")

    def more_tsquery(self):
        return Slot("more")

    @property
    def text(self):
        return Slot("text")


@dataclass
class _SlotWord:
    slot: Slot
    optional: bool = False

    def tsquery(self):
        return self.slot


def slot_values(terms):
    """The values of `terms` for the slots of `TermSlots(len(terms.required))`."""
    words = {f"word{i}": word.tsquery() for i, word in enumerate(terms.required)}
    return words | {"own": terms.own_tsquery(), "more": terms.more_tsquery(), "text": terms.text}


# Synonyms and abbreviations come from the search app (curated in admin), through this hook:
# a function returning groups of folded terms that stand for each other.
_synonym_source = []


def register_synonyms(source):
    """`source()` returns the synonym groups: sequences of folded terms (a term may have
    words)."""
    _synonym_source[:] = [source]


def synonym_groups():
    return _synonym_source[0]() if _synonym_source else []


def _same_term(folded, term):
    return folded == term or (min(len(folded), len(term)) >= 5 and folded.startswith(term))


def search_terms(text):
    """What the words of `text` match, worked out in one query (plus one for the synonyms)."""
    words = search_words(text)
    if not words:
        return SearchTerms([], [])
    alternatives = {}
    groups = synonym_groups()
    for position, word in enumerate(words):
        folded = fold(word)
        for group in groups:
            if any(_same_term(folded, term) for term in group):
                alternatives.setdefault(position, []).extend(
                    term for term in group if not _same_term(folded, term)
                )
    extra = sorted({w for terms in alternatives.values() for t in terms for w in t.split()})
    with prepared_cursor(connection.alias) as cursor:  # the same SQL for every search
        cursor.execute(
            EXPAND_SQL,
            {
                "words": [*words, *extra],
                "typed": len(words),
                "similar": TYPO_SIMILARITY,
                "typo_length": TYPO_MIN_LENGTH,
                "typos": TYPO_CANDIDATES,
                "part_length": PART_MIN_LENGTH,
                "parts": PART_CANDIDATES,
                "split_length": SPLIT_MIN_LENGTH,
                "listed": LISTED_PREFIX_WORDS,
            },
        )
        rows = cursor.fetchall()
    stem_of = {}
    result = []
    for i, folded, stem, starting, covered, near, compounds, splits, ungendered in rows:
        stem_of[folded] = stem
        if i > len(words) or stem is None:
            continue  # a synonym's word, or a stop word: no condition
        exact = len(folded) <= 2 or folded.isdigit()
        word = QueryWord(words[i - 1], folded, own=[quoted(stem, prefix=not exact)])
        if not exact and 0 < len(starting) <= LISTED_PREFIX_WORDS:
            word.starting = [
                quoted(lexeme, prefix=False) for lexeme in starting if lexeme not in covered
            ]
        if ungendered and ungendered != stem and len(folded) >= 8:
            word.own.append(quoted(ungendered))  # "Kontaktbeamtin" finds "Kontaktbeamter"
        word.lexemes = [stem, *(near or []), *(compounds or [])]
        word.more += [
            quoted(lexeme, prefix=False) for lexeme in [*(near or []), *(compounds or [])]
        ]
        word.more += [
            "(" + " & ".join(quoted(part) for part in split.split(" ")) + ")"
            for split in splits or []
        ]
        word.optional = folded in GENERIC_WORDS
        result.append(word)
    for position, terms in alternatives.items():
        word = next((w for w in result if w.typed == words[position]), None)
        for term in terms if word else []:
            stems = [stem_of.get(fold(part)) for part in term.split()]
            stems = [stem for stem in stems if stem]
            if stems:
                word.more.append("(" + " & ".join(quoted(stem) for stem in stems) + ")")
    if all(word.optional for word in result):
        for word in result:
            word.optional = False
    stems = [lexeme for word in result for lexeme in word.lexemes]
    return SearchTerms(result, list(dict.fromkeys(stems)))


class Matches(Func):
    """The row's vector matches the tsquery (given as text)."""

    output_field = models.BooleanField()

    def __init__(self, vector, tsquery):
        super().__init__(vector, Value(tsquery))

    def as_sql(self, compiler, connection, **extra):
        (vector, vector_params), (query, query_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        return f"({vector} @@ {query}::tsquery)", (*vector_params, *query_params)


# Weights of D (affiliation context), C, B, A: an entry's own name counts ten times what it
# inherits from its affiliation.
RANK_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"


class SearchRank(Func):
    """How well a row matches: full-text rank of the words as typed, half the rank of what they
    match by tolerance, plus the trigram closeness of the whole query to the name."""

    output_field = models.FloatField()

    def __init__(self, vector, name, text, own, more):
        super().__init__(vector, name, Value(text), Value(own), Value(more))

    def as_sql(self, compiler, connection, **extra):
        (vector, vp), (name, np), (text, tp), (own, op), (more, mp) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        sql = (
            f"(ts_rank('{RANK_WEIGHTS}', {vector}, {own}::tsquery)"
            f" + 0.5 * ts_rank('{RANK_WEIGHTS}', {vector}, {more}::tsquery)"
            f" + word_similarity({text}, netzpol_fold_inline({name})))"
        )
        return sql, (*vp, *op, *vp, *mp, *tp, *np)


class SearchableQuerySet(models.QuerySet):
    """`search(text)` for a model with a `search_vector` and a trigram-indexed name field."""

    search_name_field = "name"

    def search(self, text):
        """Entries matching every significant word of `text` (as typed, by prefix, stem, typo,
        compound or synonym), annotated with `search_rank`; unordered. `text` may be the
        `SearchTerms` of `search_terms(text)`, worked out once for several searches."""
        terms = text if isinstance(text, SearchTerms) else search_terms(text)
        if not terms:
            # Still annotated: callers order by the rank whatever the text was.
            return self.none().annotate(search_rank=Value(0.0, output_field=models.FloatField()))
        queryset = self
        for word in terms.required:
            queryset = queryset.filter(Matches(models.F("search_vector"), word.tsquery()))
        return queryset.annotate(
            search_rank=SearchRank(
                models.F("search_vector"),
                models.F(self.search_name_field),
                terms.text,
                terms.own_tsquery(),
                terms.more_tsquery(),
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

# Every word of every search document, for typo and compound matching (`search_terms`): words
# are added as documents are stored, never removed (a word left over from an edited entry only
# offers a candidate that then matches no entry). The table is created in core's migration
# 0007; `COLLATE "C"` lets its primary key serve `LIKE 'prefix%'`.
REMEMBER_WORDS_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION netzpol_remember_words(document tsvector) RETURNS tsvector
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO netzpol_search_words (word)
        SELECT u.lexeme FROM unnest(document) AS u
        WHERE NOT EXISTS (SELECT FROM netzpol_search_words w WHERE w.word = u.lexeme)
        ON CONFLICT DO NOTHING;
    RETURN document;
END $$;
"""
declare_function(REMEMBER_WORDS_FUNCTION_SQL)


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
            func=f"NEW.search_vector := netzpol_remember_words({document.strip()});\nRETURN NEW;",
        )


def reindex_when_linked(entries, link_column, via=None):
    """Triggers for a link table (an entry's topics, languages, parties): a link added or
    removed re-indexes the entry of the table `entries` that `link_column` names, or the
    entries `via` selects from the links `{rows}` (an organisation's topic: its contacts)."""
    select = via or f"SELECT {link_column} FROM {{rows}}"
    return [
        _reindex_trigger(entries, pgtrigger.Insert, select.format(rows="new_rows")),
        _reindex_trigger(entries, pgtrigger.Delete, select.format(rows="old_rows")),
    ]


def kind_words(column, words):
    """SQL: the words that name the kind held in `column` (choices are codes, people type
    words), from {code: "words"}."""
    cases = " ".join(f"WHEN '{code}' THEN '{text}'" for code, text in words.items())
    return f"(CASE {column} {cases} END)"


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
    """The folded, stemmed words a query matched, as the index holds them (for highlighting)."""
    terms = text if isinstance(text, SearchTerms) else search_terms(text)
    return terms.stems
