"""Search: names in every spelling and script, and full text in English and French.

A record's names are folded (see `names.fold`) into `search_names`, matched by
trigram similarity through a GIN index; its texts are in `search_vector`, a
`tsvector` the database keeps current, matched through another GIN index.
"""

import operator
import re
from functools import reduce

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection, models
from django.db.models import F, FloatField, Q, Value
from django.db.models.functions import Greatest

from events.names import fold

LANGUAGES = ("english", "french")
MAX_QUERY_LENGTH = 200
# How similar a name must be to count as a near spelling is pg_trgm's
# word_similarity_threshold, set on every connection (settings.SEARCH_NAME_SIMILARITY).
TRIGRAM = 3


class TextSearchVector(models.Func):
    """`setweight(to_tsvector(<language>, <column>), <weight>)` for each column.

    Each column is indexed in the language it is written in, so that one
    language's stop words are not words of another. The language is a literal,
    so the expression is immutable and can be stored in a generated column.
    """

    output_field = SearchVectorField()

    def __init__(self, **columns: tuple[str, str]) -> None:
        self.columns = columns
        super().__init__(*(F(column) for column in columns))

    def as_sql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for expression, (weight, language) in zip(
            self.get_source_expressions(), self.columns.values(), strict=True
        ):
            sql, column_params = compiler.compile(expression)
            parts.append(
                f"setweight(to_tsvector('{language}', coalesce(({sql})::text, '')), '{weight}')"
            )
            params.extend(column_params)
        return " || ".join(parts), params

    def deconstruct(self):
        path, _, _ = super().deconstruct()
        return path, (), dict(self.columns)


def search_vector(**columns: tuple[str, str]) -> models.GeneratedField:
    """A stored tsvector of the given columns, each with its weight (A to D) and language."""
    return models.GeneratedField(
        expression=TextSearchVector(**columns),
        output_field=SearchVectorField(),
        db_persist=True,
        help_text="Full text, each column in its language, kept current by the database.",
    )


def search_indexes(*, names: bool = True) -> list[models.Index]:
    indexes = [GinIndex(fields=["search_vector"], name="%(class)s_search_vector")]
    if names:
        indexes.append(
            GinIndex(
                fields=["search_names"], opclasses=["gin_trgm_ops"], name="%(class)s_names_trgm"
            )
        )
    return indexes


class InvalidQuery(ValueError):
    """A search query we refuse to run: what is wrong with it is the message."""


def clean_query(q: str) -> str:
    """The query as typed, or InvalidQuery if it cannot be searched for."""
    if "\x00" in q:
        raise InvalidQuery("The search query contains a NUL character.")
    if len(q) > MAX_QUERY_LENGTH:
        raise InvalidQuery(f"The search query is longer than {MAX_QUERY_LENGTH} characters.")
    return " ".join(q.split())


def meaningful_words(q: str) -> list[str]:
    """The words of the query that are not a stop word in any of our languages."""
    words = [word for word in q.split() if any(c.isalnum() for c in word)]
    if not words:
        return []
    checks = ", ".join(f"numnode(plainto_tsquery('{language}', word))" for language in LANGUAGES)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT word, LEAST({checks}) FROM unnest(%s::text[]) AS word", [words])
        return [word for word, nodes in cursor.fetchall() if nodes > 0]


def text_query(words: list[str]) -> SearchQuery:
    """Any of the words, each in each of our languages."""
    return reduce(
        operator.or_,
        (SearchQuery(word, config=language) for word in words for language in LANGUAGES),
    )


def search(queryset, q: str, *, names: bool = True):
    """Records matching `q` by a name (any spelling, near spellings) or their text.

    Annotates `search_rank`: an exact name first, then a name containing the
    query, then near spellings and text matches by closeness. A query made of
    stop words alone matches nothing.
    """
    words = meaningful_words(clean_query(q))
    if not words:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=FloatField()))
    query = text_query(words)
    conditions = [Q(search_vector=query)]
    rank = SearchRank(F("search_vector"), query, cover_density=True)
    folded = fold(q) if names else ""
    if folded:
        similarity = models.Func(
            Value(folded), F("search_names"), function="word_similarity", output_field=FloatField()
        )
        exact = models.Case(
            models.When(search_names__regex=rf"(^|\n){re.escape(folded)}(\n|$)", then=Value(3.0)),
            models.When(search_names__contains=folded, then=Value(2.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        conditions.append(Q(search_names__trigram_word_similar=folded))
        if len(folded) >= TRIGRAM:  # shorter, a substring search could not use the index
            conditions.append(Q(search_names__contains=folded))
        rank = Greatest(exact + similarity, rank)
    # One index search per condition, united: the planner underrates what testing these
    # conditions row by row costs, and would rather scan the table for their OR.
    model = queryset.model
    matches = [model.objects.filter(condition).order_by().values("pk") for condition in conditions]
    found = matches[0].union(*matches[1:]) if len(matches) > 1 else matches[0]
    return queryset.filter(pk__in=found).annotate(search_rank=rank)
