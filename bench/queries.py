"""The baseline's SQL: each of bench.baseline's answers in one statement.

PostgreSQL finds the rows and gathers each record and its related records
into nested JSON arrays of plain values (`json_build_array`, `json_agg`), one
text for the whole page; bench.baseline reads it with orjson and shapes the
API's objects. Building the objects in SQL too (`json_build_object`, date
labels included) was measured at twice the time per page of events.
"""

import functools

# Up to this many rows a list counts exactly; past it, the planner's estimate is the count.
EXACT_COUNT = 1000
# A date's columns, in the order of events.dates.HistoricalDate's fields.
DATE_COLUMNS = (
    "edtf",
    "earliest",
    "latest",
    "precision",
    "approximate",
    "uncertain",
    "calendar",
    "as_recorded",
)
DATE_RANGE = "date_span && int8range(%(first)s::bigint, %(last)s::bigint + 1)"
# kind: (table, collection, the text a snippet is cut from), as treaties.api.search.KINDS.
KINDS = {
    "treaty": ("treaties_treaty", "treaties", "description"),
    "clause": ("treaties_clause", "clauses", "summary"),
    "event": ("events_event", "events", "description"),
    "person": ("events_person", "people", "description"),
    "place": ("events_place", "places", "description"),
    "polity": ("events_polity", "polities", "description"),
    "source": ("events_source", "sources", "citation"),
}
HEADLINE = "'StartSel=''<mark>'', StopSel=''</mark>'', MaxWords=25, MinWords=10'"


def _array(*values: str) -> str:
    return f"json_build_array({', '.join(values)})"


def _rows(item: str, order: str, source: str) -> str:
    """A JSON array of `item` for each row of `source`, in `order`; null when there is none."""
    return f"(SELECT json_agg({item} ORDER BY {order}) {source})"


def _brief(alias: str, localized: bool) -> str:
    """id, slug, name, and the names to show another language's from."""
    columns = [f"{alias}.id", f"{alias}.slug", f"{alias}.name"]
    return _array(*columns, f"{alias}.names") if localized else _array(*columns)


def _date(alias: str, prefix: str) -> str:
    return _array(*(f"{alias}.{prefix}_{column}" for column in DATE_COLUMNS))


def _event_brief(alias: str, localized: bool) -> str:
    return _array(_brief(alias, localized), f"{alias}.kind", _date(alias, "date"))


def _treaty_brief(alias: str, localized: bool) -> str:
    return _array(_brief(alias, localized), _date(alias, "signed"))


def _linked(link: str, own: str, record: str, table: str, localized: bool) -> str:
    """The records of `table` linked to `record` through the table `link`, by name."""
    key = table.removeprefix("events_")
    return _rows(
        _brief("x", localized),
        "x.name, x.id",
        f"FROM {link} l JOIN {table} x ON x.id = l.{key}_id WHERE l.{own} = {record}",
    )


def _citations(table: str, record: str, localized: bool) -> str:
    return _rows(
        _array(_brief("s", localized), "c.locator", "c.note"),
        "c.id",
        f"FROM {table} c JOIN events_source s ON s.id = c.source_id WHERE c.record_id = {record}",
    )


def _involved(event: str, localized: bool) -> list[str]:
    """An event's places, polities and people."""
    return [
        _linked(f"events_event_{link}", "event_id", f"{event}.id", table, localized)
        for link, table in (
            ("places", "events_place"),
            ("polities", "events_polity"),
            ("people", "events_person"),
        )
    ]


def _event(localized: bool) -> str:
    """[id, slug, name, names, wikidata_id, description, note, citations, kind, date, part_of,
    places, polities, people]"""
    return _array(
        "e.id",
        "e.slug",
        "e.name",
        "e.names",
        "e.wikidata_id",
        "e.description",
        "e.note",
        _citations("events_eventcitation", "e.id", localized),
        "e.kind",
        _date("e", "date"),
        f"(SELECT {_event_brief('pe', localized)} FROM events_event pe WHERE pe.id = e.part_of_id)",
        *_involved("e", localized),
    )


def _treaty(localized: bool, detail: bool) -> str:
    """[id, slug, name, names, wikidata_id, description, note, citations, kind, status, signed,
    signed_at, authentic_languages, parties], and for the detail [clauses, negotiators,
    milestones, relations, related_by, related_events]."""
    party = [_brief("po", localized), "tp.role"]
    if detail:
        party.append(_citations("treaties_treatypartycitation", "tp.id", localized))
    columns = [
        "t.id",
        "t.slug",
        "t.name",
        "t.names",
        "t.wikidata_id",
        "t.description",
        "t.note",
        _citations("treaties_treatycitation", "t.id", localized),
        "t.kind",
        "t.status",
        _date("t", "signed"),
        f"(SELECT {_brief('sp', localized)} FROM events_place sp WHERE sp.id = t.signed_at_id)",
        "t.authentic_languages",
        _rows(
            _array(*party),
            "tp.id",
            "FROM treaties_treatyparty tp JOIN events_polity po ON po.id = tp.polity_id"
            " WHERE tp.treaty_id = t.id",
        ),
    ]
    if detail:
        columns += _treaty_detail(localized)
    return _array(*columns)


def _treaty_detail(localized: bool) -> list[str]:
    clause = _array(
        "cl.id",
        "cl.number",
        "cl.label",
        "cl.text",
        "cl.text_lang",
        "cl.summary",
        "cl.summaries",
        "cl.topics",
        "cl.third_parties",
        _linked("treaties_clause_places", "clause_id", "cl.id", "events_place", localized),
        _rows(
            _array(_brief("cpo", localized), "cp.effect"),
            "cp.id",
            "FROM treaties_clausepolity cp JOIN events_polity cpo ON cpo.id = cp.polity_id"
            " WHERE cp.clause_id = cl.id",
        ),
        _citations("treaties_clausecitation", "cl.id", localized),
    )
    negotiator = _array(
        "ng.id",
        _brief("np", localized),
        _brief("npo", localized),
        "ng.role",
        "ng.signed",
        "ng.title",
        _citations("treaties_negotiatorcitation", "ng.id", localized),
    )
    milestone = _array(
        "ms.kind",
        _event_brief("me", localized),
        f"(SELECT {_brief('mp', localized)} FROM events_polity mp WHERE mp.id = ms.party_id)",
        "ms.contested",
        _citations("treaties_treatymilestonecitation", "ms.id", localized),
    )

    def relations(own: str, other: str) -> str:
        relation = _array(
            "rl.kind",
            _treaty_brief("rt", localized),
            "rl.note",
            _citations("treaties_treatyrelationcitation", "rl.id", localized),
        )
        return _rows(
            relation,
            "rt.signed_sort, rt.name, rt.id, rl.kind",
            f"FROM treaties_treatyrelation rl JOIN treaties_treaty rt ON rt.id = rl.{other}_id"
            f" WHERE rl.{own}_id = t.id",
        )

    return [
        _rows(clause, "cl.number", "FROM treaties_clause cl WHERE cl.treaty_id = t.id"),
        _rows(
            negotiator,
            "npo.name, npo.id, ng.id",
            "FROM treaties_negotiator ng JOIN events_person np ON np.id = ng.person_id"
            " JOIN events_polity npo ON npo.id = ng.polity_id WHERE ng.treaty_id = t.id",
        ),
        _rows(
            milestone,
            "me.date_sort, ms.id",
            "FROM treaties_treatymilestone ms JOIN events_event me ON me.id = ms.event_id"
            " WHERE ms.treaty_id = t.id",
        ),
        relations("source", "target"),
        relations("target", "source"),
        _rows(
            _event_brief("re", localized),
            "re.date_sort, re.name, re.id",
            "FROM treaties_treaty_related_events tre JOIN events_event re ON re.id = tre.event_id"
            " WHERE tre.treaty_id = t.id",
        ),
    ]


def _timeline_entry(localized: bool) -> str:
    """[id, slug, name, kind, date, milestone, treaties, places, polities, people]"""
    milestone = _array("tm.kind", _treaty_brief("tmt", localized), "tm.contested")
    return _array(
        "e.id",
        "e.slug",
        "e.name",
        "e.kind",
        _date("e", "date"),
        f"(SELECT {milestone} FROM treaties_treatymilestone tm JOIN treaties_treaty tmt"
        " ON tmt.id = tm.treaty_id WHERE tm.event_id = e.id)",
        _rows(
            _treaty_brief("rt", localized),
            "rt.signed_sort, rt.name, rt.id",
            "FROM treaties_treaty_related_events tre JOIN treaties_treaty rt"
            " ON rt.id = tre.treaty_id WHERE tre.event_id = e.id",
        ),
        *_involved("e", localized),
    )


def count(table: str, where: str) -> str:
    return f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT {EXACT_COUNT + 1}) c"


def estimate(table: str, where: str) -> str:
    """The planner's estimate of a count, for lists longer than EXACT_COUNT."""
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
    is a next page), and the page's rows.

    The page's ids are found first, reading only the sort keys of the rows skipped
    (a deferred join); only the page's own rows are read whole.
    """
    return f"""
WITH k AS MATERIALIZED (
    SELECT id, {keys} FROM ({source}) AS m ORDER BY {keys}, id LIMIT %(size)s + 1 OFFSET %(offset)s
), r AS (SELECT id, row_number() OVER (ORDER BY {keys}, id) AS rn FROM k)
SELECT ({count(table, where)}), (SELECT count(*) FROM k),
    (SELECT json_agg({row} ORDER BY r.rn) FROM r JOIN {table} {alias} ON {alias}.id = r.id
     WHERE r.rn <= %(size)s)::text
"""


@functools.cache
def treaties(localized: bool) -> str:
    source = "SELECT id, signed_sort FROM treaties_treaty"
    row = _treaty(localized, detail=False)
    return _page("treaties_treaty", "t", "signed_sort", source, "TRUE", row)


@functools.cache
def events(localized: bool, bounds: tuple[bool, bool] | None) -> str:
    """Events, those of a date range when `bounds` says which of `first` and `last` there are."""
    order = "date_sort, id"
    source = _events("id, date_sort", order, "%(size)s + 1 + %(offset)s", bounds, "TRUE")
    where = "TRUE" if bounds is None else DATE_RANGE
    return _page("events_event", "e", "date_sort", source, where, _event(localized))


@functools.cache
def treaty(localized: bool) -> str:
    row = _treaty(localized, detail=True)
    return f"SELECT {row}::text FROM treaties_treaty t WHERE t.slug = %(slug)s"


@functools.cache
def timeline(localized: bool, bounds: tuple[bool, bool] | None, position: bool, forward: bool):
    """A page of the timeline from a position (or the start): how many entries were read (one
    more than the page holds when there are more), the entries, and the first and last keys."""
    direction = "" if forward else " DESC"
    order = f"date_sort{direction}, id{direction}"
    keys = "(%(sort)s::bigint, %(id)s::bigint)"
    where = f"(date_sort, id) {'>' if forward else '<'} {keys}" if position else "TRUE"
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


def _text_query(words: int) -> str:
    """Any of the words `w0`, `w1`... in English or French, as events.search.text_query, but
    leaving out words that are a stop word in either language (events.search.meaningful_words)
    in the same statement: an empty query joined to another is that other one."""
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
def search(kinds: tuple[str, ...], words: int, names: bool, substring: bool) -> str:
    """Each kind's best `limit` hits, ranked as events.search.search ranks them, with the
    count of all: kind, id, slug, name, names, clause label, rank, snippet, count.

    `names`: match the folded query against names too; `substring`: also as a part of
    a name (a query of three letters or more)."""
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
            columns, joins = "r.slug, r.name, r.names::text, NULL", ""
        # The snippet is cut for the hits only, after the ranking.
        branches.append(
            f"(SELECT '{kind}', r.id, {columns}, f.rank,"
            f" ts_headline(r.{text}, {query}, {HEADLINE}), f.total"
            f" FROM ({found}) f JOIN {table} r ON r.id = f.id {joins})"
        )
    union = "\nUNION ALL\n".join(branches)
    return f"WITH q AS MATERIALIZED (SELECT {_text_query(words)} AS query)\n{union}"
