"""Historical dates: EDTF text, calendars, and the day bounds that make them comparable.

A date is stored as its canonical EDTF string in the proleptic Gregorian
calendar, the calendar and text the source used, and its earliest and latest
possible day as Julian Day Numbers (integers, so BCE years work where Python's
`date` cannot go). The `edtf` package parses; `convertdate` converts calendars
and knows which days exist in which calendar.
"""

import math
import re
from dataclasses import dataclass

from convertdate import gregorian, julian
from django.db import models
from edtf import parse_edtf


class Calendar(models.TextChoices):
    GREGORIAN = "gregorian", "Gregorian"
    JULIAN = "julian", "Julian (Old Style)"


class Precision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    SEASON = "season", "season"
    YEAR = "year", "year"
    DECADE = "decade", "decade"
    CENTURY = "century", "century"


# From finest to coarsest: an interval or a set is as precise as its coarsest part.
_PRECISION_ORDER = [p.value for p in Precision]
_DAY_TOKEN = re.compile(r"(?<![\dX])(-?\d{4})-(\d{2})-(\d{2})(?![\dX])")
_DATE_TOKEN = re.compile(r"(?<![\dX])-?[\dX]{4}(-[\dX]{2}){0,2}(?![\dX])")
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]  # fmt: skip


class InvalidDate(ValueError):
    """The text is not a date we can store: bad EDTF, a day that does not exist, a reversed span."""


@dataclass(frozen=True)
class HistoricalDate:
    """A possibly fuzzy date, its bounds as Julian Day Numbers, and how the source wrote it."""

    edtf: str
    earliest: int | None
    latest: int | None
    precision: str
    approximate: bool = False
    uncertain: bool = False
    calendar: str = Calendar.GREGORIAN
    as_recorded: str = ""

    @classmethod
    def parse(cls, text: str, calendar: str = Calendar.GREGORIAN) -> "HistoricalDate":
        """Read EDTF written in `calendar`; the result is canonical Gregorian EDTF."""
        text = text.strip()
        if calendar not in Calendar.values:
            raise InvalidDate(f"Unknown calendar {calendar!r}: use one of {Calendar.values}.")
        if not text:
            raise InvalidDate("A date needs an EDTF value.")
        if calendar == Calendar.JULIAN:
            canonical = _julian_to_gregorian(text)
        else:
            _check_days_exist(text, gregorian)
            canonical = text
        parsed = _parse(canonical)
        earliest = _day_number(parsed.lower_fuzzy())
        latest = _day_number(parsed.upper_fuzzy())
        if earliest is not None and latest is not None and latest < earliest:
            raise InvalidDate(f"{text!r} ends before it starts.")
        return cls(
            edtf=str(parsed).replace(", ", ","),
            earliest=earliest,
            latest=latest,
            precision=_precision(parsed),
            approximate=bool(parsed.is_approximate or parsed.is_uncertain_and_approximate),
            uncertain=bool(parsed.is_uncertain or parsed.is_uncertain_and_approximate),
            calendar=calendar,
            as_recorded=text if calendar != Calendar.GREGORIAN else "",
        )

    @property
    def day(self) -> int | None:
        """The one day this date names, as a day number, if it names exactly one."""
        if self.precision == Precision.DAY and self.earliest is not None:
            if self.earliest == self.latest:
                return self.earliest
        return None

    def month_day(self, calendar: str = Calendar.GREGORIAN) -> int | None:
        """Month and day of the one day this date names, in `calendar`, as MMDD; else None."""
        if self.day is None:
            return None
        module = julian if calendar == Calendar.JULIAN else gregorian
        _, month, day = module.from_jd(self.day)
        return month * 100 + day

    @property
    def label(self) -> str:
        """A reading for people: '28 May 1858 (16 May 1858 O.S.)', 'c. 1850', '1850s'."""
        text = _label(self.edtf, self.precision)
        if self.approximate:
            text = f"c. {text}"
        if self.uncertain:
            text = f"{text}?"
        if self.calendar == Calendar.JULIAN and self.as_recorded:
            text = f"{text} ({_label(self.as_recorded, self.precision)} O.S.)"
        return text


def day_to_iso(day_number: int | None) -> str | None:
    """A Julian Day Number as an ISO 8601 day in the proleptic Gregorian calendar."""
    if day_number is None:
        return None
    year, month, day = gregorian.from_jd(day_number)
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def iso_to_day(year: int, month: int = 1, day: int = 1) -> int:
    """The Julian Day Number of a proleptic Gregorian day."""
    return int(gregorian.to_jd(year, month, day) + 0.5)


def _parse(text: str):
    try:
        return parse_edtf(text)
    except Exception as error:  # the parser raises AttributeError and others on some inputs
        raise InvalidDate(f"{text!r} is not a valid EDTF date.") from error


def _check_days_exist(text: str, calendar_module) -> None:
    for year, month, day in _DAY_TOKEN.findall(text):
        if not _legal(calendar_module, int(year), int(month), int(day)):
            name = "Julian" if calendar_module is julian else "Gregorian"
            raise InvalidDate(f"{year}-{month}-{day} is not a day in the {name} calendar.")


def _legal(calendar_module, year: int, month: int, day: int) -> bool:
    try:
        return bool(calendar_module.legal_date(year, month, day))
    except ValueError:
        return False


def _julian_to_gregorian(text: str) -> str:
    """Convert every day of a Julian EDTF string; coarser dates become their Gregorian bounds."""
    day_tokens = _DAY_TOKEN.findall(text)
    all_tokens = [match.group(0) for match in _DATE_TOKEN.finditer(text)]
    if day_tokens and len(day_tokens) == len(all_tokens):

        def convert(match: re.Match) -> str:
            year, month, day = (int(part) for part in match.groups())
            if not _legal(julian, year, month, day):
                raise InvalidDate(f"{match.group(0)} is not a day in the Julian calendar.")
            g_year, g_month, g_day = julian.to_gregorian(year, month, day)
            sign = "-" if g_year < 0 else ""
            return f"{sign}{abs(g_year):04d}-{g_month:02d}-{g_day:02d}"

        return _DAY_TOKEN.sub(convert, text)
    if day_tokens:
        raise InvalidDate(
            f"{text!r} mixes days with coarser dates; give Julian dates as whole days "
            "or as a year or month alone."
        )
    # A Julian month or year does not line up with a Gregorian one: keep its exact span.
    parsed = _parse(text)
    bounds = []
    for bound in (parsed.lower_strict(), parsed.upper_strict()):
        if isinstance(bound, float):
            bounds.append("..")
            continue
        year, month, day = bound.tm_year, bound.tm_mon, bound.tm_mday
        day = min(day, julian.month_length(year, month))
        g_year, g_month, g_day = julian.to_gregorian(year, month, day)
        bounds.append(f"{'-' if g_year < 0 else ''}{abs(g_year):04d}-{g_month:02d}-{g_day:02d}")
    return "/".join(bounds)


def _day_number(bound) -> int | None:
    if isinstance(bound, float):
        if math.isinf(bound):
            return None
        raise InvalidDate("Unexpected date bound.")
    return iso_to_day(bound.tm_year, bound.tm_mon, bound.tm_mday)


def _precision(parsed) -> str:
    own = getattr(parsed, "precision", None)
    if own in _PRECISION_ORDER:
        return own
    if type(parsed).__name__.endswith("Season"):
        return Precision.SEASON
    parts = [getattr(parsed, name, None) for name in ("date", "lower", "upper")]
    parts += list(getattr(parsed, "objects", ()) or ())
    found = [_precision(part) for part in parts if part is not None and str(part) not in ("", "..")]
    if not found:
        return Precision.YEAR
    return max(found, key=_PRECISION_ORDER.index)


def _label(edtf: str, precision: str) -> str:
    if "/" in edtf:
        start, end = edtf.split("/", 1)
        return f"{_label(start, precision) if start not in ('', '..') else '…'}–" + (  # noqa: RUF001
            _label(end, precision) if end not in ("", "..") else "…"
        )
    if edtf.startswith("[") or edtf.startswith("{"):
        return " or ".join(_label(part.strip(), precision) for part in edtf[1:-1].split(","))
    core = edtf.rstrip("?~%").replace("~", "").replace("?", "").replace("%", "")
    match = re.fullmatch(r"(-?)(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2}))?(?:-(\d{2}))?", core)
    if not match:
        return edtf
    minus, year_text, month, day = match.groups()
    if year_text.endswith("XX"):
        year = f"{year_text[:2]}00s"
    elif year_text.endswith("X"):
        year = f"{year_text[:3]}0s"
    else:
        year = str(int(year_text))
    if minus:
        year = f"{int(year_text) + 1} BCE" if year_text.isdigit() else f"{year} BCE"
    if month and int(month) > 12:
        return f"{['Spring', 'Summer', 'Autumn', 'Winter'][(int(month) - 21) % 4]} {year}"
    if day:
        return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
    if month:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year
