"""The benchmarks' baseline: the API's busiest reads, answered straight from PostgreSQL.

What a client could build instead of the API, as fast as it can be built: a
plain WSGI application, psycopg 3 and orjson, without Django's request
handling or DRF. It answers

    /api/v1/treaties/?page_size=N[&page=P]
    /api/v1/events/?date_from=D1&date_to=D2&page_size=N[&page=P]
    /api/v1/treaties/{slug}/
    /api/v1/search/?q=TEXT[&kind=K...][&page=P][&page_size=N]
    /api/v1/timeline/?page_size=N[&cursor=C][&date_from=D1][&date_to=D2]

with the JSON the API gives (equal once parsed: PostgreSQL spaces it its own
way), `lang` and Accept-Language included, and 404 to anything else. Each
body is built by PostgreSQL in one statement (`json_build_object`,
`json_agg`), dates and their labels included; search hits alone are put
together in Python, where names are folded and matched as the API does.

Lists count as the API is to count big tables: exactly up to 1,000 rows, past
that the planner's estimate; whether there is a next page is known by reading
one row more than the page holds.

Serve it as the API is served:

    gunicorn bench.baseline:application --config python:config.gunicorn
"""

import base64
import binascii
import functools
import os
import re
import threading
from collections.abc import Callable
from difflib import SequenceMatcher
from http import HTTPStatus
from urllib.parse import parse_qs, parse_qsl, quote, urlencode, urlsplit, urlunsplit

import orjson
import psycopg

from events.dates import HistoricalDate, InvalidDate
from events.names import display_name, fold

MAX_PAGE_SIZE = 100
PAGE_SIZE = 20
# Up to this many rows a list counts exactly; past it, the planner's estimate is the count.
EXACT_COUNT = 1000
JSON = "application/json"
PROBLEM = "application/problem+json"
RETRY_AFTER_SECONDS = "5"
# What Django's settings carry that is not a connection parameter.
DJANGO_ONLY_OPTIONS = {"isolation_level", "server_side_binding", "assume_role", "pool"}

# --- The SQL ------------------------------------------------------------------------------
# Every statement takes the origin (`http://host`) as a parameter, for the URLs it builds,
# and `lang` when names are to be shown in a language other than English.

ORIGIN = "%(origin)s::text"
HEADLINE = "'StartSel=''<mark>'', StopSel=''</mark>'', MaxWords=25, MinWords=10'"
# How display_name ranks the names in the language asked for (no kind: between the two).
KIND_RANK = (
    "CASE n ->> 'kind' WHEN 'native' THEN 0 WHEN 'translation' THEN 1"
    " WHEN 'transliteration' THEN 2 WHEN 'alias' THEN 4 WHEN 'historical' THEN 5 ELSE 3 END"
)
# The parts of a date that events.dates._label reads.
DATE_PART = r"^-?[0-9]{2}(?:[0-9]{2}|[0-9]X|XX)(?:-[0-9]{2}){0,2}$"
MONTHS = (
    "ARRAY['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',"
    " 'September', 'October', 'November', 'December']"
)
SEASONS = "ARRAY['Spring', 'Summer', 'Autumn', 'Winter']"
ELLIPSIS, EN_DASH = "\u2026", "\u2013"  # an open end, and between the ends of an interval
# Julian Day Numbers: of 2000-01-01, of 0001-01-01, and the days in 400 Gregorian years.
JDN_2000, JDN_1_CE, DAYS_400_YEARS = 2451545, 1721426, 146097


def _object(*fields: tuple[str, str]) -> str:
    return "json_build_object(" + ", ".join(f"'{key}', {value}" for key, value in fields) + ")"


def _array(item: str, order: str, source: str) -> str:
    """A JSON array of `item` for each row of `source`, in `order`; [] when there is none."""
    return f"COALESCE((SELECT json_agg({item} ORDER BY {order}) {source}), '[]')"


def _url(collection: str, alias: str, key: str = "slug") -> str:
    return f"{ORIGIN} || '/api/v1/{collection}/' || {alias}.{key} || '/'"


def _name(alias: str, localized: bool) -> str:
    """The record's name in the language asked for, as events.names.display_name picks it."""
    if not localized:
        return f"{alias}.name"
    return (
        f"COALESCE((SELECT n ->> 'text' FROM jsonb_array_elements({alias}.names)"
        " WITH ORDINALITY AS named (n, i)"
        " WHERE lower(n ->> 'lang') = %(lang)s OR split_part(n ->> 'lang', '-', 1) = %(lang)s"
        f" ORDER BY lower(n ->> 'lang') = %(lang)s DESC, {KIND_RANK}, i LIMIT 1), {alias}.name)"
    )


def _iso_day(day: str) -> str:
    """A Julian Day Number as ISO 8601, proleptic Gregorian, BCE years as -YYYY (0000 is 1 BCE).

    Days before the common era are moved forward by whole 400-year cycles, over
    which the Gregorian calendar repeats, and their year moved back.
    """
    return (
        f"CASE WHEN {day} >= {JDN_1_CE}"
        f" THEN to_char(date '2000-01-01' + ({day} - {JDN_2000})::int, 'YYYY-MM-DD')"
        " ELSE (SELECT CASE WHEN y < 0 THEN '-' ELSE '' END"
        " || lpad(abs(y)::text, greatest(4, length(abs(y)::text)), '0') || to_char(d, '-MM-DD')"
        " FROM (SELECT d, extract(year FROM d)::int - 400 * cycles AS y"
        f" FROM (SELECT cycles, date '2000-01-01' + ({day} + cycles * {DAYS_400_YEARS}"
        f" - {JDN_2000})::int AS d"
        f" FROM (SELECT ({JDN_1_CE} - {day}) / {DAYS_400_YEARS} + 1 AS cycles) AS c) AS s) AS t)"
        " END"
    )


def _label_part(text: str) -> str:
    """events.dates._label of one date: '28 May 1858', 'May 1858', '1850s', '1259 BCE'.

    The date is matched once, without captures (PostgreSQL's regular expressions
    are several times faster so), and its parts then cut at their places.
    """
    year = (
        "CASE WHEN y LIKE '%%XX' THEN left(y, 2) || '00s'"
        " WHEN y LIKE '%%X' THEN left(y, 3) || '0s' ELSE y::int::text END"
    )
    year = (
        f"CASE WHEN minus THEN CASE WHEN strpos(y, 'X') = 0 THEN (y::int + 1)::text"
        f" ELSE {year} END || ' BCE' ELSE {year} END"
    )
    month = f"({MONTHS})[(mo::int + 11) %% 12 + 1]"
    parts = (
        "SELECT ok, minus, left(b, 4) AS y,"
        " CASE WHEN length(b) >= 7 THEN substr(b, 6, 2) END AS mo,"
        " CASE WHEN length(b) = 10 THEN substr(b, 9, 2) END AS d"
        f" FROM (SELECT v ~ '{DATE_PART}' AS ok, left(v, 1) = '-' AS minus,"
        " CASE WHEN left(v, 1) = '-' THEN substr(v, 2) ELSE v END AS b"
        f" FROM (SELECT translate({text}, '?~%%', '') AS v) AS c"
        # OFFSET 0 keeps the test a value: pulled up, it would be run once per use.
        " OFFSET 0) AS m"
    )
    return (
        f"(SELECT CASE WHEN NOT ok THEN {text}"
        f" WHEN mo::int > 12 THEN ({SEASONS})[((mo::int - 21) %% 4 + 4) %% 4 + 1]"
        f" || ' ' || {year}"
        f" WHEN d IS NOT NULL THEN d::int || ' ' || {month} || ' ' || {year}"
        f" WHEN mo IS NOT NULL THEN {month} || ' ' || {year}"
        f" ELSE {year} END FROM ({parts}) AS p)"
    )


def _label(text: str) -> str:
    """events.dates._label of an EDTF text: an interval, a set, or one date."""

    def end(part: str) -> str:
        return f"CASE WHEN {part} IN ('', '..') THEN '{ELLIPSIS}' ELSE {_label_part(part)} END"

    start = f"split_part({text}, '/', 1)"
    rest = f"substr({text}, strpos({text}, '/') + 1)"
    parts = f"string_to_array(substr({text}, 2, length({text}) - 2), ',')"
    return (
        f"CASE WHEN strpos({text}, '/') > 0 THEN {end(start)} || '{EN_DASH}' || {end(rest)}"
        f" WHEN left({text}, 1) IN ('[', '{{') THEN (SELECT string_agg("
        f"{_label_part('btrim(x)')}, ' or ' ORDER BY i)"
        f" FROM unnest({parts}) WITH ORDINALITY AS parts (x, i))"
        f" ELSE {_label_part(text)} END"
    )


def _date(alias: str, prefix: str) -> str:
    """The API's date object (events.api.fields.HistoricalDateField), or null."""

    def column(name: str) -> str:
        return f"{alias}.{prefix}_{name}"

    edtf, recorded = column("edtf"), column("as_recorded")
    label = (
        f"CASE WHEN {column('approximate')} THEN 'c. ' ELSE '' END || {_label(edtf)}"
        f" || CASE WHEN {column('uncertain')} THEN '?' ELSE '' END"
        f" || CASE WHEN {column('calendar')} = 'julian' AND {recorded} <> ''"
        f" THEN ' (' || {_label(recorded)} || ' O.S.)' ELSE '' END"
    )
    value = _object(
        ("edtf", edtf),
        ("earliest", _iso_day(column("earliest"))),
        ("latest", _iso_day(column("latest"))),
        ("precision", column("precision")),
        ("approximate", column("approximate")),
        ("uncertain", column("uncertain")),
        ("calendar", column("calendar")),
        ("as_recorded", f"COALESCE(NULLIF({recorded}, ''), {edtf})"),
        ("label", label),
    )
    return f"CASE WHEN {edtf} = '' THEN NULL ELSE {value} END"


def _brief(alias: str, collection: str, localized: bool, *extra: tuple[str, str]) -> str:
    return _object(
        ("id", f"{alias}.id"),
        ("url", _url(collection, alias)),
        ("slug", f"{alias}.slug"),
        ("name", _name(alias, localized)),
        *extra,
    )


def _event_brief(alias: str, localized: bool) -> str:
    return _brief(
        alias, "events", localized, ("kind", f"{alias}.kind"), ("date", _date(alias, "date"))
    )


def _treaty_brief(alias: str, localized: bool) -> str:
    return _brief(alias, "treaties", localized, ("signed", _date(alias, "signed")))


def _linked(
    link: str, own: str, record: str, other: str, table: str, collection: str, localized: bool
) -> str:
    """The brief records of `table` linked to `record` through the table `link`, by name."""
    return _array(
        _brief("x", collection, localized),
        "x.name, x.id",
        f"FROM {link} l JOIN {table} x ON x.id = l.{other} WHERE l.{own} = {record}",
    )


def _citations(table: str, record: str, localized: bool) -> str:
    return _array(
        _object(
            ("source", _brief("s", "sources", localized)),
            ("locator", "c.locator"),
            ("note", "c.note"),
        ),
        "c.id",
        f"FROM {table} c JOIN events_source s ON s.id = c.source_id WHERE c.record_id = {record}",
    )


def _event(localized: bool) -> str:
    """An event as the events list shows it (events.api.serializers.EventSerializer)."""
    return _object(
        ("id", "e.id"),
        ("url", _url("events", "e")),
        ("slug", "e.slug"),
        ("name", _name("e", localized)),
        ("names", "e.names"),
        ("wikidata_id", "e.wikidata_id"),
        ("description", "e.description"),
        ("note", "e.note"),
        ("citations", _citations("events_eventcitation", "e.id", localized)),
        ("kind", "e.kind"),
        ("date", _date("e", "date")),
        (
            "part_of",
            f"(SELECT {_event_brief('pe', localized)} FROM events_event pe"
            " WHERE pe.id = e.part_of_id)",
        ),
        *_involved("e", localized),
    )


def _involved(event: str, localized: bool) -> list[tuple[str, str]]:
    return [
        (
            collection,
            _linked(
                f"events_event_{collection}",
                "event_id",
                f"{event}.id",
                f"{key}_id",
                f"events_{key}",
                collection,
                localized,
            ),
        )
        for collection, key in (("places", "place"), ("polities", "polity"), ("people", "person"))
    ]


def _treaty(localized: bool, detail: bool) -> str:
    """A treaty as the list shows it, or with everything its detail embeds."""
    party = [("polity", _brief("po", "polities", localized)), ("role", "tp.role")]
    if detail:
        party.append(("citations", _citations("treaties_treatypartycitation", "tp.id", localized)))
    fields = [
        ("id", "t.id"),
        ("url", _url("treaties", "t")),
        ("slug", "t.slug"),
        ("name", _name("t", localized)),
        ("names", "t.names"),
        ("wikidata_id", "t.wikidata_id"),
        ("description", "t.description"),
        ("note", "t.note"),
        ("citations", _citations("treaties_treatycitation", "t.id", localized)),
        ("kind", "t.kind"),
        ("status", "t.status"),
        ("signed", _date("t", "signed")),
        (
            "signed_at",
            f"(SELECT {_brief('sp', 'places', localized)} FROM events_place sp"
            " WHERE sp.id = t.signed_at_id)",
        ),
        ("authentic_languages", "t.authentic_languages"),
        (
            "parties",
            _array(
                _object(*party),
                "tp.id",
                "FROM treaties_treatyparty tp JOIN events_polity po ON po.id = tp.polity_id"
                " WHERE tp.treaty_id = t.id",
            ),
        ),
    ]
    if detail:
        fields += _treaty_detail(localized)
    return _object(*fields)


def _treaty_detail(localized: bool) -> list[tuple[str, str]]:
    clause = _object(
        ("id", "cl.id"),
        ("url", _url("clauses", "cl", "id")),
        ("number", "cl.number"),
        ("label", "cl.label"),
        ("text", "cl.text"),
        ("text_lang", "cl.text_lang"),
        ("summary", "cl.summary"),
        (
            "summaries",
            _array(
                "json_build_object('text', su ->> 'text', 'lang', su ->> 'lang')",
                "si",
                "FROM jsonb_array_elements(cl.summaries) WITH ORDINALITY AS summaries (su, si)",
            ),
        ),
        ("topics", "cl.topics"),
        ("third_parties", "cl.third_parties"),
        (
            "places",
            _linked(
                "treaties_clause_places",
                "clause_id",
                "cl.id",
                "place_id",
                "events_place",
                "places",
                localized,
            ),
        ),
        (
            "polities",
            _array(
                _object(("polity", _brief("cpo", "polities", localized)), ("effect", "cp.effect")),
                "cp.id",
                "FROM treaties_clausepolity cp JOIN events_polity cpo ON cpo.id = cp.polity_id"
                " WHERE cp.clause_id = cl.id",
            ),
        ),
        ("citations", _citations("treaties_clausecitation", "cl.id", localized)),
    )
    negotiator = _object(
        ("id", "ng.id"),
        ("url", _url("negotiators", "ng", "id")),
        ("person", _brief("np", "people", localized)),
        ("polity", _brief("npo", "polities", localized)),
        ("role", "ng.role"),
        ("signed", "ng.signed"),
        ("title", "ng.title"),
        ("citations", _citations("treaties_negotiatorcitation", "ng.id", localized)),
    )
    milestone = _object(
        ("kind", "ms.kind"),
        ("event", _event_brief("me", localized)),
        (
            "party",
            f"(SELECT {_brief('mp', 'polities', localized)} FROM events_polity mp"
            " WHERE mp.id = ms.party_id)",
        ),
        ("contested", "ms.contested"),
        ("citations", _citations("treaties_treatymilestonecitation", "ms.id", localized)),
    )

    def relations(own: str, other: str) -> str:
        relation = _object(
            ("kind", "rl.kind"),
            ("treaty", _treaty_brief("rt", localized)),
            ("note", "rl.note"),
            ("citations", _citations("treaties_treatyrelationcitation", "rl.id", localized)),
        )
        return _array(
            relation,
            "rt.signed_sort, rt.name, rt.id, rl.kind",
            f"FROM treaties_treatyrelation rl JOIN treaties_treaty rt ON rt.id = rl.{other}_id"
            f" WHERE rl.{own}_id = t.id",
        )

    return [
        (
            "clauses",
            _array(clause, "cl.number", "FROM treaties_clause cl WHERE cl.treaty_id = t.id"),
        ),
        (
            "negotiators",
            _array(
                negotiator,
                "npo.name, npo.id, ng.id",
                "FROM treaties_negotiator ng JOIN events_person np ON np.id = ng.person_id"
                " JOIN events_polity npo ON npo.id = ng.polity_id WHERE ng.treaty_id = t.id",
            ),
        ),
        (
            "milestones",
            _array(
                milestone,
                "me.date_sort, ms.id",
                "FROM treaties_treatymilestone ms JOIN events_event me ON me.id = ms.event_id"
                " WHERE ms.treaty_id = t.id",
            ),
        ),
        ("relations", relations("source", "target")),
        ("related_by", relations("target", "source")),
        (
            "related_events",
            _array(
                _event_brief("re", localized),
                "re.date_sort, re.name, re.id",
                "FROM treaties_treaty_related_events tre JOIN events_event re"
                " ON re.id = tre.event_id WHERE tre.treaty_id = t.id",
            ),
        ),
    ]


def _timeline_entry(localized: bool) -> str:
    """An event on the timeline (treaties.api.serializers.TimelineEntrySerializer)."""
    milestone = _object(
        ("kind", "tm.kind"),
        ("treaty", _treaty_brief("tmt", localized)),
        ("contested", "tm.contested"),
    )
    return _object(
        ("id", "e.id"),
        ("url", _url("events", "e")),
        ("slug", "e.slug"),
        # The entry's own name is the model field, not a display name.
        ("name", "e.name"),
        ("kind", "e.kind"),
        ("date", _date("e", "date")),
        (
            "milestone",
            f"(SELECT {milestone} FROM treaties_treatymilestone tm JOIN treaties_treaty tmt"
            " ON tmt.id = tm.treaty_id WHERE tm.event_id = e.id)",
        ),
        (
            "treaties",
            _array(
                _treaty_brief("rt", localized),
                "rt.signed_sort, rt.name, rt.id",
                "FROM treaties_treaty_related_events tre JOIN treaties_treaty rt"
                " ON rt.id = tre.treaty_id WHERE tre.event_id = e.id",
            ),
        ),
        *_involved("e", localized),
    )


DATE_RANGE = "date_span && int8range(%(first)s::bigint, %(last)s::bigint + 1)"


def _count(table: str, where: str) -> str:
    return f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT {EXACT_COUNT + 1}) c"


def _estimate(table: str, where: str) -> str:
    return f"EXPLAIN (FORMAT JSON) SELECT id FROM {table} WHERE {where}"


def _events(columns: str, order: str, limit: str, bounds: tuple[bool, bool] | None, where: str):
    """The first `limit` events in `order` (date_sort, then more) whose dates may overlap the
    range from `first` to `last` (either may be missing), among those matching `where`.

    Asked for the overlap, PostgreSQL reads the events in date order from the very
    first and tests each: seconds, when the range is late in a long history. So the
    events starting within the range are read in date order from its start, and
    those that started before it and are still running at its start are found with
    the GiST index. The latter all come before the former in date order.
    """
    if bounds is None:
        return f"SELECT {columns} FROM events_event WHERE {where} ORDER BY {order} LIMIT {limit}"
    has_first, has_last = bounds
    starting = ["date_sort >= %(first)s::bigint"] if has_first else []
    starting += ["date_sort <= %(last)s::bigint"] if has_last else []
    branches = [" AND ".join([*starting, where])]
    if has_first:
        branches.append(
            f"date_span @> %(first)s::bigint AND date_sort < %(first)s::bigint AND {DATE_RANGE}"
            f" AND {where}"
        )
    return " UNION ALL ".join(
        f"(SELECT {columns} FROM events_event WHERE {condition} ORDER BY {order} LIMIT {limit})"
        for condition in branches
    )


def _page(table: str, alias: str, keys: str, source: str, where: str, row: str) -> str:
    """A page of `table` in the order of `keys`, from the rows of `source`: the count of the
    rows matching `where`, how many rows were read (one more than the page holds when there
    is a next page), and the page as a JSON array.

    The page's ids are found first, reading only the sort keys of the rows skipped
    (a deferred join), then only its rows are read whole and made into JSON.
    """
    return f"""
WITH k AS MATERIALIZED (
    SELECT id, {keys} FROM ({source}) AS m ORDER BY {keys}, id LIMIT %(size)s + 1 OFFSET %(offset)s
), r AS (SELECT id, row_number() OVER (ORDER BY {keys}, id) AS rn FROM k)
SELECT ({_count(table, where)}), (SELECT count(*) FROM k),
    (SELECT json_agg({row} ORDER BY r.rn) FROM r JOIN {table} {alias} ON {alias}.id = r.id
     WHERE r.rn <= %(size)s)::text
"""


def _timeline(bounds: tuple[bool, bool] | None, position: bool, forward: bool, localized: bool):
    """A page of the timeline from a position (or the start): how many entries were read (one
    more than the page holds when there are more), the entries, and the first and last keys."""
    direction = "" if forward else " DESC"
    order = f"date_sort{direction}, id{direction}"
    where = f"(date_sort, id) {'>' if forward else '<'} (%(sort)s, %(id)s)" if position else "TRUE"
    source = _events("id, date_sort", order, "%(size)s + 1", bounds, where)
    return f"""
WITH k AS MATERIALIZED (
    SELECT id, date_sort FROM ({source}) AS m ORDER BY {order} LIMIT %(size)s + 1
), r AS (SELECT id, date_sort, row_number() OVER (ORDER BY {order}) AS rn FROM k)
SELECT (SELECT count(*) FROM k),
    (SELECT json_agg({_timeline_entry(localized)} ORDER BY r.date_sort, r.id)
     FROM r JOIN events_event e ON e.id = r.id WHERE r.rn <= %(size)s)::text,
    (SELECT ARRAY[date_sort, id] FROM r WHERE rn <= %(size)s ORDER BY date_sort, id LIMIT 1),
    (SELECT ARRAY[date_sort, id] FROM r WHERE rn <= %(size)s
     ORDER BY date_sort DESC, id DESC LIMIT 1)
"""


@functools.cache
def _sql(name: str, localized: bool, *variant) -> str:
    """The statement `name`, built once per process for each variant."""
    if name == "treaties":
        source = "SELECT id, signed_sort, name FROM treaties_treaty"
        row = _treaty(localized, False)
        return _page("treaties_treaty", "t", "signed_sort, name", source, "TRUE", row)
    if name == "events":
        (bounds,) = variant
        order = "date_sort, name, id"
        source = _events("id, date_sort, name", order, "%(size)s + 1 + %(offset)s", bounds, "TRUE")
        where = "TRUE" if bounds is None else DATE_RANGE
        return _page("events_event", "e", "date_sort, name", source, where, _event(localized))
    if name == "treaty":
        treaty = _treaty(localized, True)
        return f"SELECT {treaty}::text FROM treaties_treaty t WHERE t.slug = %(slug)s"
    if name == "timeline":
        return _timeline(*variant, localized)
    raise LookupError(name)


# --- Search, as treaties.api.search and events.search run it -------------------------------

# kind: (table, collection, the text a snippet is cut from)
KINDS = {
    "treaty": ("treaties_treaty", "treaties", "description"),
    "clause": ("treaties_clause", "clauses", "summary"),
    "event": ("events_event", "events", "description"),
    "person": ("events_person", "people", "description"),
    "place": ("events_place", "places", "description"),
    "polity": ("events_polity", "polities", "description"),
    "source": ("events_source", "sources", "citation"),
}
MAX_QUERY_LENGTH = 200
INTEGER = re.compile(r"\.0*\s*$")  # DRF's IntegerField takes "3.0" for 3


def _text_query(words: int) -> str:
    """Any meaningful word in English or French; a word that is a stop word in either
    language counts for nothing, as in events.search.meaningful_words."""
    terms = []
    for index in range(words):
        word = f"%(w{index})s"
        meaningful = (
            f"LEAST(numnode(plainto_tsquery('english', {word})),"
            f" numnode(plainto_tsquery('french', {word}))) > 0"
        )
        terms += [
            f"CASE WHEN {meaningful} THEN plainto_tsquery('{language}'::regconfig, {word})"
            " ELSE ''::tsquery END"
            for language in ("english", "french")
        ]
    return functools.reduce(lambda left, right: f"({left} || {right})", terms)


@functools.cache
def _search_sql(kinds: tuple[str, ...], words: int, names: bool, substring: bool) -> str:
    query = "(SELECT query FROM q)"
    branches = []
    for kind in kinds:
        table, _, text = KINDS[kind]
        matches = [f"SELECT id FROM {table} WHERE search_vector @@ {query}"]
        rank = f"ts_rank_cd(search_vector, {query})"
        if kind != "clause" and names:
            exact = (
                "CASE WHEN search_names ~ %(exact)s THEN 3.0"
                " WHEN search_names LIKE %(contains)s THEN 2.0 ELSE 0.0 END"
            )
            rank = f"GREATEST(({exact} + word_similarity(%(folded)s, search_names)), {rank})"
            matches.append(f"SELECT id FROM {table} WHERE search_names %%> %(folded)s")
            if substring:
                matches.append(f"SELECT id FROM {table} WHERE search_names LIKE %(contains)s")
        found = (
            f"SELECT id, {rank} AS rank, count(*) OVER () AS total FROM {table}"
            f" WHERE numnode({query}) > 0 AND id IN ({' UNION '.join(matches)})"
            " ORDER BY rank DESC, id LIMIT %(limit)s"
        )
        if kind == "clause":
            columns = "NULL, tt.name, tt.names::text, r.label"
            joins = "JOIN treaties_treaty tt ON tt.id = r.treaty_id"
        else:
            columns = "r.slug, r.name, r.names::text, NULL"
            joins = ""
        branches.append(
            f"(SELECT '{kind}', r.id, {columns}, f.rank,"
            f" ts_headline(r.{text}, {query}, {HEADLINE}), f.total"
            f" FROM ({found}) f JOIN {table} r ON r.id = f.id {joins})"
        )
    return (
        f"WITH q AS MATERIALIZED (SELECT {_text_query(words)} AS query)\n"
        + "\nUNION ALL\n".join(branches)
    )


@functools.lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    return fold(text)


def _matched_name(name: str, names: list[dict], q: str, folded: str) -> str | None:
    """The name the query matched: as typed, else as folded, else the closest (see
    treaties.api.search._matched_name)."""
    candidates = [name, *(entry["text"] for entry in names)]
    for matches in (
        lambda text: text.casefold() == q.casefold(),
        lambda text: _fold(text) == folded,
        lambda text: folded in _fold(text),
    ):
        found = [text for text in candidates if matches(text)]
        if found:
            return min(found, key=len)
    score, text = max(
        (SequenceMatcher(None, folded, _fold(text)).ratio(), text) for text in candidates
    )
    return text if score >= 0.5 else None


# --- Requests and answers ------------------------------------------------------------------


class Problem(Exception):
    """An answer other than 200, as an RFC 9457 problem like the API's."""

    def __init__(self, status: int, detail: str, errors: list[dict] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors

    @classmethod
    def fields(cls, errors: list[tuple[str, str, str]]) -> "Problem":
        """A 400 naming each bad parameter: (field, detail, code)."""
        listed = [{"field": f, "detail": d, "code": c} for f, d, c in errors]
        if len(listed) == 1:
            detail = f"{listed[0]['field']}: {listed[0]['detail']}"
        else:
            detail = f"{len(listed)} problems with: {', '.join(sorted({f for f, _, _ in errors}))}."
        return cls(HTTPStatus.BAD_REQUEST, detail, listed)

    def body(self) -> bytes:
        body = {
            "type": "about:blank",
            "title": HTTPStatus(self.status).phrase,
            "status": self.status,
            "detail": self.detail,
        }
        if self.errors:
            body["errors"] = self.errors
        return orjson.dumps(body)


CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class Request:
    """What the baseline reads of a WSGI request, read as Django reads it."""

    def __init__(self, environ: dict):
        self.environ = environ
        raw = environ.get("QUERY_STRING", "")
        try:  # WSGI passes the bytes as latin-1; they are UTF-8 but for broken clients
            query = raw.encode("latin-1").decode()
        except UnicodeError:
            query = raw
        self.pairs = parse_qsl(query, keep_blank_values=True) if query else []
        # Django's QueryDict: the last value of a parameter given several times.
        self.params = dict(self.pairs)
        for name, value in self.pairs:
            if CONTROL_CHARACTERS.search(name) or CONTROL_CHARACTERS.search(value):
                raise Problem(
                    HTTPStatus.BAD_REQUEST,
                    f"{name!r}: control characters are not allowed in query parameters.",
                    [
                        {
                            "field": name,
                            "detail": "Control characters are not allowed in query parameters.",
                            "code": "invalid",
                        }
                    ],
                )
        host = environ.get("HTTP_HOST")
        if not host:
            host = environ["SERVER_NAME"]
            port = environ.get("SERVER_PORT", "")
            if port != ("443" if environ.get("wsgi.url_scheme") == "https" else "80"):
                host = f"{host}:{port}"
        self.origin = f"{environ.get('wsgi.url_scheme', 'http')}://{host}"

    def url(self) -> str:
        """The absolute URL asked for, as request.build_absolute_uri() gives it."""
        path = quote(self.environ.get("PATH_INFO", "/"), safe="/:@&+$,-_.!~*'()")
        query = self.environ.get("QUERY_STRING", "")
        if query:
            path += "?" + quote(query, safe="/#%[]=:;$&()+,!?*@'~")
        return self.origin + path

    def language(self) -> str | None:
        """The language of names other than English, or None (events.api.fields)."""
        lang = self.params.get("lang")
        if not lang:
            header = self.environ.get("HTTP_ACCEPT_LANGUAGE", "")
            lang = next(
                (part.split(";")[0].strip() for part in header.split(",") if part.strip()), None
            )
            lang = None if lang == "*" else lang
        if not lang or lang.split("-")[0].lower() == "en":
            return None
        return lang


def _replace_query_param(url: str, key: str, value) -> str:
    """rest_framework.utils.urls.replace_query_param."""
    scheme, netloc, path, query, fragment = urlsplit(url)
    params = parse_qs(query, keep_blank_values=True)
    params[key] = [str(value)]
    return urlunsplit(
        (scheme, netloc, path, urlencode(sorted(params.items()), doseq=True), fragment)
    )


def _remove_query_param(url: str, key: str) -> str:
    scheme, netloc, path, query, fragment = urlsplit(url)
    params = parse_qs(query, keep_blank_values=True)
    params.pop(key, None)
    return urlunsplit(
        (scheme, netloc, path, urlencode(sorted(params.items()), doseq=True), fragment)
    )


def _day_number(year: int, month: int, day: int) -> int:
    """The Julian Day Number of a proleptic Gregorian day (events.dates.iso_to_day)."""
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def _month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


PLAIN_DATE = re.compile(r"(-?)([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def date_bounds(text: str) -> tuple[int | None, int | None]:
    """The earliest and latest day of a `date_from` or `date_to`, as events.dates reads it.

    Years, months and days are read here; any other EDTF (and any mistake) by
    HistoricalDate itself, which raises InvalidDate.
    """
    text = text.strip()
    match = PLAIN_DATE.fullmatch(text)
    if match and not (match[1] and int(match[2]) == 0):
        year = -int(match[2]) if match[1] else int(match[2])
        if match[3] is None:
            return _day_number(year, 1, 1), _day_number(year, 12, 31)
        month = int(match[3])
        if 1 <= month <= 12:
            length = _month_length(year, month)
            if match[4] is None:
                return _day_number(year, month, 1), _day_number(year, month, length)
            if 1 <= int(match[4]) <= length:
                day = _day_number(year, month, int(match[4]))
                return day, day
    date = HistoricalDate.parse(text)
    return date.earliest, date.latest


def _date_range(request: Request) -> tuple[int | None, int | None] | None:
    """The days `date_from` and `date_to` keep (events.filtersets.DateBoundFilter), or None."""
    bounds, errors = {}, []
    for name in ("date_from", "date_to"):
        text = request.params.get(name, "").strip()
        if text:
            try:
                bounds[name] = date_bounds(text)
            except InvalidDate as error:
                errors.append((name, str(error), "invalid"))
    if errors:
        raise Problem.fields(errors)
    first = bounds["date_from"][0] if "date_from" in bounds else None
    last = bounds["date_to"][1] if "date_to" in bounds else None
    if first is None and last is None:
        return None
    return first, last


class Baseline:
    """The WSGI application. `connection()` gives the psycopg connection to use."""

    ROUTES = (
        (re.compile(r"/api/v1/treaties/"), "treaties"),
        (re.compile(r"/api/v1/events/"), "events"),
        (re.compile(r"/api/v1/treaties/(?P<slug>[-a-zA-Z0-9_]+)/"), "treaty"),
        (re.compile(r"/api/v1/search/"), "search"),
        (re.compile(r"/api/v1/timeline/"), "timeline"),
    )

    def __init__(self, connection: Callable[[], psycopg.Connection]):
        self.connection = connection

    def __call__(self, environ: dict, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "/")
        status, content_type, headers = HTTPStatus.OK, JSON, []
        try:
            view, kwargs = self._route(path)
            if method not in ("GET", "HEAD"):
                headers.append(("Allow", "GET, HEAD"))
                raise Problem(HTTPStatus.METHOD_NOT_ALLOWED, f'Method "{method}" not allowed.')
            body = view(Request(environ), **kwargs)
        except Problem as problem:
            status, content_type, body = problem.status, PROBLEM, problem.body()
        except psycopg.DataError as error:
            problem = Problem(
                HTTPStatus.BAD_REQUEST,
                f"The database cannot store this: {str(error).splitlines()[0]}.",
            )
            status, content_type, body = problem.status, PROBLEM, problem.body()
        except psycopg.OperationalError:
            self._discard_connection()
            problem = Problem(
                HTTPStatus.SERVICE_UNAVAILABLE, "The database is unavailable; try again shortly."
            )
            status, content_type, body = problem.status, PROBLEM, problem.body()
            headers.append(("Retry-After", RETRY_AFTER_SECONDS))
        start_response(
            f"{status.value} {status.phrase}",
            [("Content-Type", content_type), ("Content-Length", str(len(body))), *headers],
        )
        return [] if method == "HEAD" else [body]

    def _route(self, path: str):
        for pattern, name in self.ROUTES:
            match = pattern.fullmatch(path)
            if match:
                return getattr(self, name), match.groupdict()
        raise Problem(HTTPStatus.NOT_FOUND, f"Nothing is at {path}.")

    def _discard_connection(self) -> None:
        discard = getattr(self.connection, "discard", None)
        if discard is not None:
            discard()

    def _execute(self, sql: str, params: dict):
        cursor = psycopg.Cursor(self.connection())
        return cursor.execute(sql, params)

    # Lists paged by number, as config.pagination.PageNumberPagination pages them.

    def treaties(self, request: Request) -> bytes:
        return self._paged(request, "treaties_treaty", "TRUE", "treaties", {})

    def events(self, request: Request) -> bytes:
        days = _date_range(request)
        if days is None:
            return self._paged(request, "events_event", "TRUE", "events", {}, None)
        first, last = days
        bounds = (first is not None, last is not None)
        params = {"first": first, "last": last}
        return self._paged(request, "events_event", DATE_RANGE, "events", params, bounds)

    def _paged(self, request, table: str, where: str, name: str, params: dict, *variant) -> bytes:
        size = _page_size(request.params.get("page_size"))
        lang = request.language()
        page_text = request.params.get("page", "1")
        page = _page_number(page_text)
        if page is None or page < 1:
            count = self._count(table, where, params)
            raise _no_page(page_text, count, size)
        params = {**params, "origin": request.origin, "lang": lang and lang.lower()}
        params |= {"size": size, "offset": (page - 1) * size}
        count, read, results = self._execute(
            _sql(name, lang is not None, *variant), params
        ).fetchone()
        if count > EXACT_COUNT:
            count = self._estimate(table, where, params)
        if read == 0 and page > 1:
            raise _no_page(page_text, count, size)
        url = request.url()
        next_link = _replace_query_param(url, "page", page + 1) if read > size else None
        if page == 1:
            previous = None
        elif page == 2:
            previous = _remove_query_param(url, "page")
        else:
            previous = _replace_query_param(url, "page", page - 1)
        return _envelope(count, next_link, previous, results)

    def _count(self, table: str, where: str, params: dict) -> int:
        (count,) = self._execute(_count(table, where), params).fetchone()
        return self._estimate(table, where, params) if count > EXACT_COUNT else count

    def _estimate(self, table: str, where: str, params: dict) -> int:
        (plan,) = self._execute(_estimate(table, where), params).fetchone()
        if isinstance(plan, str | bytes):
            plan = orjson.loads(plan)
        return int(plan[0]["Plan"]["Plan Rows"])

    def treaty(self, request: Request, slug: str) -> bytes:
        lang = request.language()
        params = {"origin": request.origin, "lang": lang and lang.lower(), "slug": slug}
        row = self._execute(_sql("treaty", lang is not None), params).fetchone()
        if row is None:
            raise Problem(HTTPStatus.NOT_FOUND, "No Treaty matches the given query.")
        return row[0].encode()

    # The timeline, paged by cursor (events.api.pagination.KeysetPagination).

    def timeline(self, request: Request) -> bytes:
        size = _keyset_page_size(request.params.get("page_size"))
        position, forward = _decode_cursor(request.params.get("cursor"))
        days = _date_range(request)
        lang = request.language()
        params = {"origin": request.origin, "lang": lang and lang.lower(), "size": size}
        if days is not None:
            params["first"], params["last"] = days
        if position is not None:
            params["sort"], params["id"] = position
        bounds = None if days is None else (days[0] is not None, days[1] is not None)
        sql = _sql("timeline", lang is not None, bounds, position is not None, forward)
        read, results, first, last = self._execute(sql, params).fetchone()
        more = read > size
        next_position = last if read and (more or not forward) else None
        previous_position = first if read and position is not None and (more or forward) else None
        url = request.url()
        return (
            b'{"next":'
            + orjson.dumps(_cursor_link(url, next_position, True))
            + b',"previous":'
            + orjson.dumps(_cursor_link(url, previous_position, False))
            + b',"results":'
            + (results.encode() if results else b"[]")
            + b"}"
        )

    # Search, as treaties.api.search.SearchView answers it.

    def search(self, request: Request) -> bytes:
        q, kinds, page, size = _search_params(request)
        words = [word for word in q.split() if any(c.isalnum() for c in word)]
        hits, count = [], 0
        if words:
            folded = _fold(q)
            params = {f"w{index}": word for index, word in enumerate(words)}
            params |= {
                "folded": folded,
                "exact": rf"(^|\n){re.escape(folded)}(\n|$)",
                "contains": "%" + re.sub(r"([\\%_])", r"\\\1", folded) + "%",
                "limit": page * size,
            }
            sql = _search_sql(tuple(kinds), len(words), bool(folded), len(folded) >= 3)
            lang = request.language()
            totals = {}
            for kind, pk, slug, name, names, label, rank, snippet, total in self._execute(
                sql, params
            ):
                totals[kind] = total
                names = orjson.loads(names)
                collection = KINDS[kind][1]
                hits.append(
                    {
                        "kind": kind,
                        "id": pk,
                        "slug": slug,
                        "name": (
                            f"{display_name(name, names, lang)}, {label}"
                            if kind == "clause"
                            else display_name(name, names, lang)
                        ),
                        "url": f"{request.origin}/api/v1/{collection}/{slug or pk}/",
                        "matched": None
                        if kind == "clause"
                        else _matched_name(name, names, q, folded),
                        "snippet": snippet or "",
                        "rank": round(rank, 4),
                    }
                )
            count = sum(totals.values())
        hits.sort(key=lambda hit: (-hit["rank"], hit["kind"], hit["id"]))
        if page > 1 and (page - 1) * size >= count:
            raise Problem(
                HTTPStatus.NOT_FOUND,
                f"There is no page {page}: {count} hits make {-(-count // size)} pages.",
            )
        url = request.url()
        if page == 1:
            previous = None
        elif page == 2:
            previous = _remove_query_param(url, "page")
        else:
            previous = _replace_query_param(url, "page", page - 1)
        return orjson.dumps(
            {
                "count": count,
                "next": _replace_query_param(url, "page", page + 1)
                if page * size < count
                else None,
                "previous": previous,
                "results": hits[(page - 1) * size : page * size],
            }
        )


def _envelope(count: int, next_link: str | None, previous: str | None, results: str | None):
    return (
        b'{"count":'
        + str(count).encode()
        + b',"next":'
        + orjson.dumps(next_link)
        + b',"previous":'
        + orjson.dumps(previous)
        + b',"results":'
        + (results.encode() if results else b"[]")
        + b"}"
    )


def _page_size(text: str | None) -> int:
    """DRF's PageNumberPagination.get_page_size: anything but a positive whole number is 20."""
    try:
        size = int(text)
    except (TypeError, ValueError):
        return PAGE_SIZE
    return min(size, MAX_PAGE_SIZE) if size > 0 else PAGE_SIZE


def _page_number(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _no_page(page: str, count: int, size: int) -> Problem:
    pages = max(1, -(-count // size))
    return Problem(
        HTTPStatus.NOT_FOUND,
        f"There is no page {page}: pages run from 1 to {pages} at {size} records a page.",
    )


def _keyset_page_size(text: str | None) -> int:
    if text is None:
        return PAGE_SIZE
    try:
        size = int(text)
    except ValueError:
        raise Problem.fields([("page_size", "A whole number.", "invalid")]) from None
    if size < 1:
        raise Problem.fields([("page_size", "At least 1.", "invalid")])
    return min(size, MAX_PAGE_SIZE)


def _decode_cursor(cursor: str | None) -> tuple[list | None, bool]:
    if not cursor:
        return None, True
    try:
        token = orjson.loads(base64.urlsafe_b64decode(cursor.encode()))
        position, forward = token["p"], token["f"]
        valid = len(position) == 2 and all(
            isinstance(value, int) and not isinstance(value, bool) for value in position
        )
    except (ValueError, TypeError, KeyError, binascii.Error):
        valid = False
    if not valid or not isinstance(forward, bool):
        raise Problem.fields([("cursor", "Not a cursor this API gave out.", "invalid")])
    return position, forward


def _cursor_link(url: str, position: list | None, forward: bool) -> str | None:
    if position is None:
        return None
    token = orjson.dumps({"p": list(position), "f": forward})
    return _replace_query_param(url, "cursor", base64.urlsafe_b64encode(token).decode())


def _search_params(request: Request) -> tuple[str, list[str], int, int]:
    """q, kinds, page and page size, checked as SearchQuerySerializer checks them."""
    errors = []
    q = request.params.get("q")
    if q is None:
        errors.append(("q", "This field is required.", "required"))
    else:
        q = q.strip()
        if not q:
            errors.append(("q", "This field may not be blank.", "blank"))
        elif len(q) > MAX_QUERY_LENGTH:
            errors.append(
                ("q", f"The search query is longer than {MAX_QUERY_LENGTH} characters.", "invalid")
            )
        else:
            q = " ".join(q.split())
    kinds = [value for name, value in request.pairs if name == "kind"]
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        errors.append(("kind", f'"{unknown[0]}" is not a valid choice.', "invalid_choice"))
    numbers = {}
    for name, default in (("page", 1), ("page_size", PAGE_SIZE)):
        text = request.params.get(name)
        if text is None:
            numbers[name] = default
            continue
        try:
            numbers[name] = int(INTEGER.sub("", text))
        except ValueError:
            errors.append((name, "A valid integer is required.", "invalid"))
            continue
        if numbers[name] < 1:
            errors.append((name, "Ensure this value is greater than or equal to 1.", "min_value"))
    if errors:
        raise Problem.fields(errors)
    chosen = [kind for kind in KINDS if kind in kinds] or list(KINDS)
    return q, chosen, numbers["page"], min(numbers["page_size"], MAX_PAGE_SIZE)


# --- Serving -------------------------------------------------------------------------------


class ThreadConnections:
    """One connection per thread, opened on its first request and kept, like the API's
    connections with CONN_MAX_AGE; one found broken is replaced at the next request."""

    def __init__(self, **params):
        self.params = params
        self.local = threading.local()

    def __call__(self) -> psycopg.Connection:
        connection = getattr(self.local, "connection", None)
        if connection is None or connection.closed:
            connection = psycopg.connect(autocommit=True, **self.params)
            self.local.connection = connection
        return connection

    def discard(self) -> None:
        connection = getattr(self.local, "connection", None)
        self.local.connection = None
        if connection is not None:
            connection.close()


def connection_params(database: dict) -> dict:
    """psycopg's connection parameters for Django's `DATABASES["default"]`."""
    options = {
        key: value
        for key, value in database.get("OPTIONS", {}).items()
        if key not in DJANGO_ONLY_OPTIONS
    }
    params = {
        "dbname": database.get("NAME") or "postgres",
        "user": database.get("USER"),
        "password": database.get("PASSWORD"),
        "host": database.get("HOST"),
        "port": database.get("PORT"),
        "client_encoding": "UTF8",
        **options,
    }
    return {key: value for key, value in params.items() if value not in (None, "")}


def from_settings() -> Baseline:
    """The baseline on the API's database, as Django's settings name it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.conf import settings

    return Baseline(ThreadConnections(**connection_params(settings.DATABASES["default"])))


application = from_settings()
