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
anything else. Each answer is one statement (bench.queries), whose rows come
as one JSON text of nested arrays, made into the API's objects by
bench.shapes; parameters are read and checked as the API reads them
(bench.parameters).

Lists count as the API is to count big tables: exactly up to 1,000 rows, past
that the planner's estimate; whether there is a next page is known by reading
one row more than the page holds.

Serve it as the API is served:

    gunicorn bench.baseline:application --config python:config.gunicorn
"""

import os
import re
import threading
from collections.abc import Callable
from http import HTTPStatus

import orjson
import psycopg

from bench import queries
from bench.parameters import (
    Problem,
    Request,
    cursor_link,
    date_range,
    decode_cursor,
    keyset_page_size,
    no_page,
    page_number,
    page_size,
    previous_page,
    replace_query_param,
    search_params,
)
from bench.shapes import Shape, fold

JSON = "application/json"
PROBLEM = "application/problem+json"
RETRY_AFTER_SECONDS = "5"
# What Django's database settings hold that is not a connection parameter.
DJANGO_ONLY_OPTIONS = {"isolation_level", "server_side_binding", "assume_role", "pool"}


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

    def _row(self, sql: str, params: dict, prepare: bool | None = None) -> tuple | None:
        # psycopg's own cursor class, whatever the connection's factory: parameters bound
        # by the server, and statements prepared once they are run often.
        cursor = psycopg.Cursor(self.connection())
        return cursor.execute(sql, params, prepare=prepare).fetchone()

    # Lists paged by number, as config.pagination.PageNumberPagination pages them.

    def treaties(self, request: Request) -> bytes:
        shape = Shape(request)
        sql = queries.treaties(shape.lang is not None)
        return self._paged(request, sql, "treaties_treaty", "TRUE", {}, shape.treaty)

    def events(self, request: Request) -> bytes:
        shape = Shape(request)
        days = date_range(request)
        if days is None:
            sql = queries.events(shape.lang is not None, None)
            return self._paged(request, sql, "events_event", "TRUE", {}, shape.event)
        first, last = days
        sql = queries.events(shape.lang is not None, (first is not None, last is not None))
        params = {"first": first, "last": last}
        return self._paged(request, sql, "events_event", queries.DATE_RANGE, params, shape.event)

    def _paged(self, request: Request, sql: str, table: str, where: str, params: dict, shape):
        size = page_size(request.params.get("page_size"))
        page_text = request.params.get("page", "1")
        page = page_number(page_text)
        if page is None or page < 1:
            raise Problem(
                HTTPStatus.NOT_FOUND, f"There is no page {page_text}: pages are numbered from 1."
            )
        count, read, rows = self._row(sql, {**params, "size": size, "offset": (page - 1) * size})
        if count > queries.EXACT_COUNT:
            count = self._estimate(table, where, params)
        if read == 0 and page > 1:
            raise no_page(page_text, count, size)
        url = request.url()
        return orjson.dumps(
            {
                "count": count,
                "next": replace_query_param(url, "page", page + 1) if read > size else None,
                "previous": previous_page(url, page),
                "results": [shape(row) for row in orjson.loads(rows)] if rows else [],
            }
        )

    def _count(self, table: str, where: str, params: dict) -> int:
        (count,) = self._row(queries.count(table, where), params)
        return self._estimate(table, where, params) if count > queries.EXACT_COUNT else count

    def _estimate(self, table: str, where: str, params: dict) -> int:
        # Never prepared: a prepared statement's plan may come to ignore the parameters,
        # and estimate any range alike.
        (plan,) = self._row(queries.estimate(table, where), params, prepare=False)
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
        size = keyset_page_size(request.params.get("page_size"))
        position, forward = decode_cursor(request.params.get("cursor"))
        days = date_range(request)
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
                "next": cursor_link(url, next_position, forward=True),
                "previous": cursor_link(url, previous_position, forward=False),
                "results": [shape.timeline_entry(row) for row in orjson.loads(rows)]
                if rows
                else [],
            }
        )

    # Search, as treaties.api.search.SearchView answers it.

    def search(self, request: Request) -> bytes:
        q, kinds, page, size = search_params(request)
        words = [word for word in q.split() if any(c.isalnum() for c in word)]
        hits, count = [], 0
        if words:
            folded = fold(q)
            params = {f"w{index}": word for index, word in enumerate(words)}
            params |= {
                "folded": folded,
                "exact": rf"(^|\n){re.escape(folded)}(\n|$)",
                "contains": "%" + re.sub(r"([\\%_])", r"\\\1", folded) + "%",
                "limit": page * size,
            }
            sql = queries.search(tuple(kinds), len(words), bool(folded), len(folded) >= 3)
            cursor = psycopg.Cursor(self.connection()).execute(sql, params)
            hits, count = Shape(request).search_hits(cursor, q, folded)
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
                "next": replace_query_param(url, "page", page + 1) if page * size < count else None,
                "previous": previous_page(url, page),
                "results": hits[(page - 1) * size : page * size],
            }
        )


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
