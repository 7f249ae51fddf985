"""What the baseline reads of a request: its parameters, checked as the API checks them,
and the links to other pages it answers with."""

import base64
import binascii
import re
from http import HTTPStatus
from urllib.parse import parse_qs, parse_qsl, quote, urlencode, urlsplit, urlunsplit

import orjson

from bench.queries import EXACT_COUNT, KINDS
from events.dates import HistoricalDate, InvalidDate

MAX_PAGE_SIZE = 100
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
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


def date_range(request: Request) -> tuple[int | None, int | None] | None:
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


def page_size(text: str | None) -> int:
    """DRF's PageNumberPagination.get_page_size: anything but a positive whole number is 20."""
    try:
        size = int(text)
    except (TypeError, ValueError):
        return PAGE_SIZE
    return min(size, MAX_PAGE_SIZE) if size > 0 else PAGE_SIZE


def page_number(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def no_page(page: str, count: int, size: int) -> Problem:
    if count > EXACT_COUNT:
        return Problem(HTTPStatus.NOT_FOUND, f"There is no page {page} at {size} records a page.")
    pages = max(1, -(-count // size))
    return Problem(
        HTTPStatus.NOT_FOUND,
        f"There is no page {page}: pages run from 1 to {pages} at {size} records a page.",
    )


def replace_query_param(url: str, key: str, value) -> str:
    """rest_framework.utils.urls.replace_query_param: the parameters sorted, `key` set."""
    scheme, netloc, path, query, fragment = urlsplit(url)
    params = parse_qs(query, keep_blank_values=True)
    params[key] = [str(value)]
    query = urlencode(sorted(params.items()), doseq=True)
    return urlunsplit((scheme, netloc, path, query, fragment))


def remove_query_param(url: str, key: str) -> str:
    scheme, netloc, path, query, fragment = urlsplit(url)
    params = parse_qs(query, keep_blank_values=True)
    params.pop(key, None)
    query = urlencode(sorted(params.items()), doseq=True)
    return urlunsplit((scheme, netloc, path, query, fragment))


def previous_page(url: str, page: int) -> str | None:
    if page == 1:
        return None
    if page == 2:
        return remove_query_param(url, "page")
    return replace_query_param(url, "page", page - 1)


def keyset_page_size(text: str | None) -> int:
    if text is None:
        return PAGE_SIZE
    try:
        size = int(text)
    except ValueError:
        raise Problem.fields([("page_size", "A whole number.", "invalid")]) from None
    if size < 1:
        raise Problem.fields([("page_size", "At least 1.", "invalid")])
    return min(size, MAX_PAGE_SIZE)


def decode_cursor(cursor: str | None) -> tuple[list | None, bool]:
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


def cursor_link(url: str, position: list | None, forward: bool) -> str | None:
    if position is None:
        return None
    token = orjson.dumps({"p": position, "f": forward})
    return replace_query_param(url, "cursor", base64.urlsafe_b64encode(token).decode())


def search_params(request: Request) -> tuple[str, list[str], int, int]:
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
