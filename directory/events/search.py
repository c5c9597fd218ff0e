"""Events searched as the directory's entries are (core.search: German stems, umlauts folded,
prefixes, compounds, typos, synonyms), over a search document computed when asked.

Events are few (hundreds), so the document is an expression of the query rather than a stored,
trigger-kept column: no migration, nothing to keep current. Like a project's, it names only
public organisations and police units (by their public path): an event the public may see
must not be found by the name of an entry they may not see.

Typos and compounds are matched against `netzpol_search_words`, which the stored documents
fill; an event's words are added there whenever it is saved (`remember_words`)."""

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Func, OuterRef, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat

from directory.core.search import (
    Matches,
    SearchableQuerySet,
    SearchRank,
    SearchTerms,
    search_terms,
)


class WeightedDocument(Func):
    """SQL: the folded, stemmed tsvector of the text parts with a weight (A–D), as
    core.search.fold_vector writes it for the stored documents."""

    template = (
        "setweight(to_tsvector('german', netzpol_fold(concat_ws(' ', %(expressions)s))), "
        "%(weight)s)"
    )
    output_field = SearchVectorField()

    def __init__(self, weight, *parts):
        if weight not in "ABCD" or len(weight) != 1:
            raise ValueError(weight)
        super().__init__(*parts, weight=f"'{weight}'")


class Document(Func):
    """The weighted parts joined into one tsvector."""

    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = SearchVectorField()


class RememberWords(Func):
    """SQL: the document, its words added to `netzpol_search_words` (core.search)."""

    function = "netzpol_remember_words"
    output_field = SearchVectorField()


def names_of(through, owner, value, **condition):
    """The linked rows' names as one text, a correlated subquery on the link table."""
    return Subquery(
        through.objects.filter(**{owner: OuterRef("pk")}, **condition)
        .values(owner)
        .annotate(names=StringAgg(value, " "))
        .values("names"),
        output_field=models.TextField(),
    )


def document(model):
    """The search document of an event (`model` is Event): its title (A); format, series,
    topics, region, place and public organisers (B); its description (C)."""
    text = models.TextField()
    return Document(
        WeightedDocument("A", F("title")),
        WeightedDocument(
            "B",
            F("format__name"),
            Coalesce(F("series__name"), Value(""), output_field=text),
            names_of(model.topics.through, "event", "topic__name"),
            Coalesce(F("region__name"), Value(""), output_field=text),
            Coalesce(F("region__parent__name"), Value(""), output_field=text),
            F("place"),
            names_of(
                model.organisations.through,
                "event",
                Concat("organisation__name", Value(" "), "organisation__short_name"),
                organisation__is_public=True,
            ),
            names_of(
                model.police_units.through,
                "event",
                "policeunit__public_path",
                policeunit__is_public=True,
            ),
        ),
        WeightedDocument("C", F("description")),
    )


class RankOnce(Func):
    """core.search's SearchRank over a document computed once per row: the rank reads the
    document twice, and PostgreSQL would compute an expression twice (OFFSET 0 keeps the
    inner select from being folded back into the rank)."""

    output_field = models.FloatField()

    def __init__(self, vector, name, text, own, more):
        document = RawSQL("d.v", [], output_field=SearchVectorField())
        rank = SearchRank(document, name, text, own, more)
        super().__init__(vector, rank)

    def as_sql(self, compiler, connection, **extra):
        (vector, vector_params), (rank, rank_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        # Compiled expressions; their values are parameters.
        sql = f"(SELECT {rank} FROM (SELECT {vector} AS v OFFSET 0) AS d)"  # noqa: S608
        return sql, (*rank_params, *vector_params)


class EventSearchQuerySet(SearchableQuerySet):
    """`search(text)` as for the other entities (the same terms, the same rank), over the
    document computed per query."""

    search_name_field = "title"

    def search(self, text):
        terms = text if isinstance(text, SearchTerms) else search_terms(text)
        if not terms:
            return super().search(terms)
        vector = document(self.model)
        # Every word in one condition, so the document is computed once per row for the
        # filter (a filter per word, as for stored documents, would compute it per word).
        every_word = " & ".join(f"({word.tsquery()})" for word in terms.required)
        return self.filter(Matches(vector, every_word)).annotate(
            search_rank=RankOnce(
                vector,
                F(self.search_name_field),
                terms.text,
                terms.own_tsquery(),
                terms.more_tsquery(),
            )
        )


def remember_words(events):
    """Add the words of `events`' documents to the words typos and compounds are matched
    against (what the stored documents' triggers do on every write)."""
    # A SELECT with a side effect: the function inserts the words.
    remembered = events.annotate(remembered=RememberWords(document(events.model)))
    list(remembered.values_list("remembered"))


def remember_saved(sender, instance, **kwargs):
    """post_save of an event: remember its words."""
    remember_words(sender.objects.filter(pk=instance.pk))


def remember_linked(sender, instance, action, reverse, pk_set, **kwargs):
    """m2m_changed of an event's topics or organisers: remember the changed events' words."""
    if action not in ("post_add", "post_remove"):
        return
    from .models import Event

    remember_words(Event.objects.filter(pk__in=pk_set if reverse else [instance.pk]))
