"""The benchmarks' baseline: the API's busiest reads, answered straight from PostgreSQL.

What a client could build instead of the API, as fast as it can be built: a
plain WSGI application on psycopg 3 and orjson, without Django's request
handling or DRF. It answers

    /api/v1/treaties/?page_size=N[&page=P]
    /api/v1/events/?date_from=D1&date_to=D2&page_size=N[&page=P]
    /api/v1/treaties/{slug}/
    /api/v1/search/?q=TEXT[&kind=K...][&page=P][&page_size=N]
    /api/v1/timeline/?page_size=N[&cursor=C][&date_from=D1][&date_to=D2]

with the API's JSON (`lang` and Accept-Language included), and 404 to
anything else. Each answer is one statement (see bench.queries), whose rows
come as one JSON text of nested arrays; here they become the API's objects.
Dates are shaped by events.dates, once per distinct date, and names are
folded and matched by events.names, as the API does.

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

from bench import queries
from events.dates import HistoricalDate, InvalidDate, day_to_iso
from events.names import display_name, fold

MAX_PAGE_SIZE = 100
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
JSON = "application/json"
PROBLEM = "application/problem+json"
RETRY_AFTER_SECONDS = "5"
# What Django's database settings hold that is not a connection parameter.
DJANGO_ONLY_OPTIONS = {"isolation_level", "server_side_binding", "assume_role", "pool"}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
PLAIN_DATE = re.compile(r"(-?)([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
INTEGER = re.compile(r"\.0*\s*$")  # DRF's IntegerField reads "3.0" as 3


class Problem(Exception):
    """An answer other than 200, as an RFC 9457 problem like the API's."""

    def __init__(self, status: HTTPStatus, detail: str, errors: list[dict] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors

    @classmethod
    def fields(cls, errors: list[tuple[str, str, str]]) -> "Problem":
        """A 400 naming each bad parameter: (name, detail, code)."""
        listed = [{"field": name, "detail": detail, "code": code} for name, detail, code in errors]
        if len(listed) == 1:
            detail = f"{listed[0]['field']}: {listed[0]['detail']}"
        else:
            names = ", ".join(sorted({error["field"] for error in listed}))
            detail = f"{len(listed)} problems with: {names}."
        return cls(HTTPStatus.BAD_REQUEST, detail, listed)

    def body(self) -> bytes:
        body = {
            "type": "about:blank",
            "title": self.status.phrase,
            "status": self.status.value,
            "detail": self.detail,
        }
        if self.errors:
            body["errors"] = self.errors
        return orjson.dumps(body)


class Request:
    """What the baseline reads of a WSGI request, read as Django reads it."""

    def __init__(self, environ: dict):
        self.environ = environ
        raw = environ.get("QUERY_STRING", "")
        try:  # WSGI hands the bytes over as latin-1; they are UTF-8 but from broken clients
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
        """The absolute URL asked for, as Django's request.build_absolute_uri() gives it."""
        path = quote(self.environ.get("PATH_INFO", "/"), safe="/:@&+$,-_.!~*'()")
        query = self.environ.get("QUERY_STRING", "")
        if query:
            path += "?" + quote(query, safe="/#%[]=:;$&()+,!?*@'~")
        return self.origin + path

    def language(self) -> str | None:
        """The language names are shown in, None for English (events.api.fields)."""
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


# --- The API's objects, from the rows of bench.queries ---------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def _date(edtf, earliest, latest, precision, approximate, uncertain, calendar, as_recorded):
    """The API's date object (events.api.fields.HistoricalDateField), or None."""
    if not edtf:
        return None
    date = HistoricalDate(
        edtf, earliest, latest, precision, approximate, uncertain, calendar, as_recorded
    )
    return {
        "edtf": edtf,
        "earliest": day_to_iso(earliest),
        "latest": day_to_iso(latest),
        "precision": precision,
        "approximate": approximate,
        "uncertain": uncertain,
        "calendar": calendar,
        "as_recorded": as_recorded or edtf,
        "label": date.label,
    }


def _names(names: list[dict]) -> list[dict]:
    """A record's names as NameSerializer writes them: text, lang and kind, in that order."""
    return [
        {"text": entry["text"], "lang": entry["lang"], "kind": entry["kind"]}
        if "kind" in entry
        else {"text": entry["text"], "lang": entry["lang"]}
        for entry in names
    ]


class Shape:
    """The API's objects for one request: its origin for the URLs, its language for names."""

    def __init__(self, request: Request):
        self.origin, self.lang = request.origin, request.language()

    def url(self, collection: str, key) -> str:
        return f"{self.origin}/api/v1/{collection}/{key}/"

    def name(self, name: str, names: list) -> str:
        return name if self.lang is None else display_name(name, names, self.lang)

    def brief(self, collection: str, item: list) -> dict:
        return {
            "id": item[0],
            "url": self.url(collection, item[1]),
            "slug": item[1],
            "name": item[2] if self.lang is None else display_name(item[2], item[3], self.lang),
        }

    def briefs(self, collection: str, items: list | None) -> list[dict]:
        return [self.brief(collection, item) for item in items or ()]

    def citations(self, items: list | None) -> list[dict]:
        return [
            {"source": self.brief("sources", source), "locator": locator, "note": note}
            for source, locator, note in items or ()
        ]

    def event_brief(self, item: list) -> dict:
        brief, kind, date = item
        return {**self.brief("events", brief), "kind": kind, "date": _date(*date)}

    def treaty_brief(self, item: list) -> dict:
        brief, signed = item
        return {**self.brief("treaties", brief), "signed": _date(*signed)}

    def event(self, row: list) -> dict:
        (pk, slug, name, names, wikidata_id, description, note, citations, kind, date, part_of,
         places, polities, people) = row  # fmt: skip
        return {
            "id": pk,
            "url": self.url("events", slug),
            "slug": slug,
            "name": self.name(name, names),
            "names": _names(names),
            "wikidata_id": wikidata_id,
            "description": description,
            "note": note,
            "citations": self.citations(citations),
            "kind": kind,
            "date": _date(*date),
            "part_of": None if part_of is None else self.event_brief(part_of),
            "places": self.briefs("places", places),
            "polities": self.briefs("polities", polities),
            "people": self.briefs("people", people),
        }

    def treaty(self, row: list) -> dict:
        (pk, slug, name, names, wikidata_id, description, note, citations, kind, status, signed,
         signed_at, languages, parties, *detail) = row  # fmt: skip
        treaty = {
            "id": pk,
            "url": self.url("treaties", slug),
            "slug": slug,
            "name": self.name(name, names),
            "names": _names(names),
            "wikidata_id": wikidata_id,
            "description": description,
            "note": note,
            "citations": self.citations(citations),
            "kind": kind,
            "status": status,
            "signed": _date(*signed),
            "signed_at": None if signed_at is None else self.brief("places", signed_at),
            "authentic_languages": languages,
            "parties": [
                {
                    "polity": self.brief("polities", polity),
                    "role": role,
                    **({"citations": self.citations(more[0])} if more else {}),
                }
                for polity, role, *more in parties or ()
            ],
        }
        if detail:
            treaty.update(self._treaty_detail(*detail))
        return treaty

    def _treaty_detail(self, clauses, negotiators, milestones, relations, related_by, events):
        def related(items):
            return [
                {
                    "kind": kind,
                    "treaty": self.treaty_brief(treaty),
                    "note": note,
                    "citations": self.citations(citations),
                }
                for kind, treaty, note, citations in items or ()
            ]

        return {
            "clauses": [self._clause(clause) for clause in clauses or ()],
            "negotiators": [
                {
                    "id": pk,
                    "url": self.url("negotiators", pk),
                    "person": self.brief("people", person),
                    "polity": self.brief("polities", polity),
                    "role": role,
                    "signed": signed,
                    "title": title,
                    "citations": self.citations(citations),
                }
                for pk, person, polity, role, signed, title, citations in negotiators or ()
            ],
            "milestones": [
                {
                    "kind": kind,
                    "event": self.event_brief(event),
                    "party": None if party is None else self.brief("polities", party),
                    "contested": contested,
                    "citations": self.citations(citations),
                }
                for kind, event, party, contested, citations in milestones or ()
            ],
            "relations": related(relations),
            "related_by": related(related_by),
            "related_events": [self.event_brief(event) for event in events or ()],
        }

    def _clause(self, row: list) -> dict:
        (pk, number, label, text, text_lang, summary, summaries, topics, third_parties, places,
         polities, citations) = row  # fmt: skip
        return {
            "id": pk,
            "url": self.url("clauses", pk),
            "number": number,
            "label": label,
            "text": text,
            "text_lang": text_lang,
            "summary": summary,
            "summaries": [{"text": item["text"], "lang": item["lang"]} for item in summaries],
            "topics": topics,
            "third_parties": third_parties,
            "places": self.briefs("places", places),
            "polities": [
                {"polity": self.brief("polities", polity), "effect": effect}
                for polity, effect in polities or ()
            ],
            "citations": self.citations(citations),
        }

    def timeline_entry(self, row: list) -> dict:
        pk, slug, name, kind, date, milestone, treaties, places, polities, people = row
        if milestone is not None:
            milestone_kind, treaty, contested = milestone
            milestone = {
                "kind": milestone_kind,
                "treaty": self.treaty_brief(treaty),
                "contested": contested,
            }
        return {
            "id": pk,
            "url": self.url("events", slug),
            "slug": slug,
            "name": name,  # the model's own field here, not a display name
            "kind": kind,
            "date": _date(*date),
            "milestone": milestone,
            "treaties": [self.treaty_brief(treaty) for treaty in treaties or ()],
            "places": self.briefs("places", places),
            "polities": self.briefs("polities", polities),
            "people": self.briefs("people", people),
        }


# --- The application ---------------------------------------------------------------------


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
        status, content_type, headers = HTTPStatus.OK, JSON, []
        try:
            view, kwargs = self._route(environ.get("PATH_INFO", "/"))
            if method not in ("GET", "HEAD"):
                headers.append(("Allow", "GET, HEAD"))
                raise Problem(HTTPStatus.METHOD_NOT_ALLOWED, f'Method "{method}" not allowed.')
            body = view(Request(environ), **kwargs)
        except psycopg.DataError as error:  # a date range that ends before it starts
            status, content_type = HTTPStatus.BAD_REQUEST, PROBLEM
            detail = f"The database cannot store this: {str(error).splitlines()[0]}."
            body = Problem(status, detail).body()
        except psycopg.OperationalError:
            self._discard_connection()
            status, content_type = HTTPStatus.SERVICE_UNAVAILABLE, PROBLEM
            body = Problem(status, "The database is unavailable; try again shortly.").body()
            headers.append(("Retry-After", RETRY_AFTER_SECONDS))
        except Problem as problem:
            status, content_type, body = problem.status, PROBLEM, problem.body()
        headers[:0] = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        start_response(f"{status.value} {status.phrase}", headers)
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

    def _row(self, sql: str, params: dict) -> tuple | None:
        # psycopg's own cursor class, whatever the connection's factory: parameters bound
        # by the server, and statements prepared once they are run often.
        return psycopg.Cursor(self.connection()).execute(sql, params).fetchone()

    # Lists paged by number, as config.pagination.PageNumberPagination pages them.

    def treaties(self, request: Request) -> bytes:
        shape = Shape(request)
        sql = queries.treaties(shape.lang is not None)
        return self._paged(request, sql, "treaties_treaty", "TRUE", {}, shape.treaty)

    def events(self, request: Request) -> bytes:
        shape = Shape(request)
        days = _date_range(request)
        if days is None:
            sql = queries.events(shape.lang is not None, None)
            return self._paged(request, sql, "events_event", "TRUE", {}, shape.event)
        first, last = days
        sql = queries.events(shape.lang is not None, (first is not None, last is not None))
        params = {"first": first, "last": last}
        return self._paged(request, sql, "events_event", queries.DATE_RANGE, params, shape.event)

    def _paged(self, request: Request, sql: str, table: str, where: str, params: dict, shape):
        size = _page_size(request.params.get("page_size"))
        page_text = request.params.get("page", "1")
        page = _page_number(page_text)
        if page is None or page < 1:
            raise _no_page(page_text, self._count(table, where, params), size)
        count, read, rows = self._row(sql, {**params, "size": size, "offset": (page - 1) * size})
        if count > queries.EXACT_COUNT:
            count = self._estimate(table, where, params)
        if read == 0 and page > 1:
            raise _no_page(page_text, count, size)
        url = request.url()
        return orjson.dumps(
            {
                "count": count,
                "next": _replace_query_param(url, "page", page + 1) if read > size else None,
                "previous": _previous_page(url, page),
                "results": [shape(row) for row in orjson.loads(rows)] if rows else [],
            }
        )

    def _count(self, table: str, where: str, params: dict) -> int:
        (count,) = self._row(queries.count(table, where), params)
        return self._estimate(table, where, params) if count > queries.EXACT_COUNT else count

    def _estimate(self, table: str, where: str, params: dict) -> int:
        (plan,) = self._row(queries.estimate(table, where), params)
        if isinstance(plan, str | bytes):
            plan = orjson.loads(plan)
        return int(plan[0]["Plan"]["Plan Rows"])

    def treaty(self, request: Request, slug: str) -> bytes:
        shape = Shape(request)
        row = self._row(queries.treaty(shape.lang is not None), {"slug": slug})
        if row is None:
            raise Problem(HTTPStatus.NOT_FOUND, "No Treaty matches the given query.")
        return orjson.dumps(shape.treaty(orjson.loads(row[0])))

    # The timeline, paged by cursor (events.api.pagination.KeysetPagination).

    def timeline(self, request: Request) -> bytes:
        shape = Shape(request)
        size = _keyset_page_size(request.params.get("page_size"))
        position, forward = _decode_cursor(request.params.get("cursor"))
        days = _date_range(request)
        params = {"size": size}
        bounds = None
        if days is not None:
            params["first"], params["last"] = days
            bounds = (days[0] is not None, days[1] is not None)
        if position is not None:
            params["sort"], params["id"] = position
        sql = queries.timeline(shape.lang is not None, bounds, position is not None, forward)
        read, rows, first, last = self._row(sql, params)
        more = read > size
        url = request.url()
        next_position = last if read and (more or not forward) else None
        previous_position = first if read and position is not None and (more or forward) else None
        return orjson.dumps(
            {
                "next": _cursor_link(url, next_position, forward=True),
                "previous": _cursor_link(url, previous_position, forward=False),
                "results": [shape.timeline_entry(row) for row in orjson.loads(rows)]
                if rows
                else [],
            }
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
            sql = queries.search(tuple(kinds), len(words), bool(folded), len(folded) >= 3)
            cursor = psycopg.Cursor(self.connection()).execute(sql, params)
            hits, count = _hits(cursor, request, q, folded)
        hits.sort(key=lambda hit: (-hit["rank"], hit["kind"], hit["id"]))
        if page > 1 and (page - 1) * size >= count:
            pages = -(-count // size)
            raise Problem(
                HTTPStatus.NOT_FOUND, f"There is no page {page}: {count} hits make {pages} pages."
            )
        url = request.url()
        return orjson.dumps(
            {
                "count": count,
                "next": _replace_query_param(url, "page", page + 1)
                if page * size < count
                else None,
                "previous": _previous_page(url, page),
                "results": hits[(page - 1) * size : page * size],
            }
        )


# --- Parameters, links and cursors --------------------------------------------------------


def _day_number(year: int, month: int, day: int) -> int:
    """The Julian Day Number of a proleptic Gregorian day (events.dates.iso_to_day)."""
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def _month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


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


def _replace_query_param(url: str, key: str, value) -> str:
    """rest_framework.utils.urls.replace_query_param: the parameters sorted, `key` set."""
    scheme, netloc, path, query, fragment = urlsplit(url)
    params = parse_qs(query, keep_blank_values=True)
    params[key] = [str(value)]
    query = urlencode(sorted(params.items()), doseq=True)
    return urlunsplit((scheme, netloc, path, query, fragment))


def _remove_query_param(url: str, key: str) -> str:
    scheme, netloc, path, query, fragment = urlsplit(url)
    params = parse_qs(query, keep_blank_values=True)
    params.pop(key, None)
    query = urlencode(sorted(params.items()), doseq=True)
    return urlunsplit((scheme, netloc, path, query, fragment))


def _previous_page(url: str, page: int) -> str | None:
    if page == 1:
        return None
    if page == 2:
        return _remove_query_param(url, "page")
    return _replace_query_param(url, "page", page - 1)


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
    token = orjson.dumps({"p": position, "f": forward})
    return _replace_query_param(url, "cursor", base64.urlsafe_b64encode(token).decode())


# --- Search -------------------------------------------------------------------------------


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
            detail = f"The search query is longer than {MAX_QUERY_LENGTH} characters."
            errors.append(("q", detail, "invalid"))
        else:
            q = " ".join(q.split())
    kinds = [value for name, value in request.pairs if name == "kind"]
    unknown = [kind for kind in kinds if kind not in queries.KINDS]
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
    chosen = [kind for kind in queries.KINDS if kind in kinds] or list(queries.KINDS)
    return q, chosen, numbers["page"], min(numbers["page_size"], MAX_PAGE_SIZE)


@functools.lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    return fold(text)


def _hits(rows, request: Request, q: str, folded: str) -> tuple[list[dict], int]:
    """The hits of each kind, and how many records of all kinds match."""
    hits, totals = [], {}
    lang = request.language()
    for kind, pk, slug, name, names, label, rank, snippet, total in rows:
        totals[kind] = total
        names = orjson.loads(names)
        collection = queries.KINDS[kind][1]
        shown = display_name(name, names, lang)
        hits.append(
            {
                "kind": kind,
                "id": pk,
                "slug": slug,
                "name": f"{shown}, {label}" if kind == "clause" else shown,
                "url": f"{request.origin}/api/v1/{collection}/{slug or pk}/",
                "matched": None
                if kind == "clause"
                else _matched_name(name, tuple(entry["text"] for entry in names), q, folded),
                "snippet": snippet or "",
                "rank": round(rank, 4),
            }
        )
    return hits, sum(totals.values())


@functools.lru_cache(maxsize=1 << 16)
def _matched_name(name: str, others: tuple[str, ...], q: str, folded: str) -> str | None:
    """The name the query matched: as typed, else as folded, else the closest (as
    treaties.api.search._matched_name), worked out once for a record's names and a query."""
    candidates = [name, *others]
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


# --- Serving ------------------------------------------------------------------------------


class ThreadConnections:
    """A connection per thread, opened at its first request and kept, as the API keeps its
    connections (CONN_MAX_AGE); one found broken is replaced at the next request."""

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
    """The baseline on the API's database, as Django's settings name it (read once)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.conf import settings

    return Baseline(ThreadConnections(**connection_params(settings.DATABASES["default"])))


application = from_settings()
