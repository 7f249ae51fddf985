import pytest

from events.dates import HistoricalDate, InvalidDate, day_to_iso, iso_to_day


@pytest.mark.parametrize(
    ("text", "calendar", "edtf", "earliest", "latest", "precision"),
    [
        ("1858-05-28", "gregorian", "1858-05-28", "1858-05-28", "1858-05-28", "day"),
        ("1858-05-16", "julian", "1858-05-28", "1858-05-28", "1858-05-28", "day"),
        ("1689-08-27", "julian", "1689-09-06", "1689-09-06", "1689-09-06", "day"),
        ("1727-10-21", "julian", "1727-11-01", "1727-11-01", "1727-11-01", "day"),
        ("1858-05", "gregorian", "1858-05", "1858-05-01", "1858-05-31", "month"),
        ("185X", "gregorian", "185X", "1850-01-01", "1859-12-31", "decade"),
        ("18XX", "gregorian", "18XX", "1800-01-01", "1899-12-31", "century"),
        ("1850/1864", "gregorian", "1850/1864", "1850-01-01", "1864-12-31", "year"),
        ("1850-12/1864-07", "gregorian", "1850-12/1864-07", "1850-12-01", "1864-07-31", "month"),
        ("1854-21", "gregorian", "1854-21", "1854-03-01", "1854-05-31", "season"),
        ("-1259", "gregorian", "-1259", "-1259-01-01", "-1259-12-31", "year"),
        ("1850/..", "gregorian", "1850/..", "1850-01-01", None, "year"),
        ("../1860", "gregorian", "../1860", None, "1860-12-31", "year"),
    ],
)
def test_edtf_is_read_into_gregorian_bounds(text, calendar, edtf, earliest, latest, precision):
    date = HistoricalDate.parse(text, calendar)

    assert date.edtf == edtf
    assert day_to_iso(date.earliest) == earliest
    assert day_to_iso(date.latest) == latest
    assert date.precision == precision


def test_julian_date_keeps_the_date_as_recorded_and_says_so_in_its_label():
    date = HistoricalDate.parse("1858-05-16", "julian")

    assert date.as_recorded == "1858-05-16"
    assert date.label == "28 May 1858 (16 May 1858 O.S.)"


def test_a_set_of_julian_days_is_converted_day_by_day():
    date = HistoricalDate.parse("[1689-08-27,1689-08-28]", "julian")

    assert (day_to_iso(date.earliest), day_to_iso(date.latest)) == ("1689-09-06", "1689-09-07")


def test_a_julian_month_becomes_its_exact_gregorian_span():
    date = HistoricalDate.parse("1858-05", "julian")

    assert date.edtf == "1858-05-13/1858-06-12"


def test_qualifiers_widen_the_bounds_and_are_flagged():
    approximate = HistoricalDate.parse("1850~")
    uncertain = HistoricalDate.parse("1850?")
    both = HistoricalDate.parse("1850%")

    assert (approximate.approximate, approximate.uncertain) == (True, False)
    assert (uncertain.approximate, uncertain.uncertain) == (False, True)
    assert (both.approximate, both.uncertain) == (True, True)
    assert day_to_iso(approximate.earliest) == "1849-01-01"
    assert approximate.label == "c. 1850"


@pytest.mark.parametrize(
    ("text", "calendar"),
    [
        ("1858-02-30", "gregorian"),
        ("1700-02-29", "gregorian"),
        ("1858-13", "gregorian"),
        ("1860/1850", "gregorian"),
        ("the spring of 1858", "gregorian"),
        ("1727-XX/1728", "gregorian"),
        ("", "gregorian"),
        ("1858-05-16", "chinese"),
        ("1858-02-30", "julian"),
    ],
)
def test_impossible_dates_are_refused(text, calendar):
    with pytest.raises(InvalidDate):
        HistoricalDate.parse(text, calendar)


def test_february_29th_1700_is_a_julian_day():
    assert HistoricalDate.parse("1700-02-29", "julian").edtf == "1700-03-11"


def test_day_numbers_round_trip_across_the_era():
    for year in (-1259, -1, 0, 1, 1582, 1858, 2025):
        assert day_to_iso(iso_to_day(year, 3, 1)).endswith("-03-01")
    assert iso_to_day(-1259, 12, 31) < iso_to_day(1, 1, 1)
