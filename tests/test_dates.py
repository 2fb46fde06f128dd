"""Dates as pages print them, turned into ISO 8601 without inventing precision."""

from __future__ import annotations

import pytest

from bot.engine.dates import (
    NUMERIC_DATE,
    date_from_url,
    day_first_in,
    human_date,
    numeric_to_iso,
    parse_machine_date,
    parse_written_date,
    shown_local_day,
)
from bot.engine.solar_dates import solar_dates, solar_to_iso


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-04-10", "2025-04-10"),
        ("2025-09-04T10:00:00-0400", "2025-09-04T10:00:00-04:00"),
        ("2025-09-04T10:00:00-04:00", "2025-09-04T10:00:00-04:00"),
        ("2025-09-04T10:00:00Z", "2025-09-04T10:00:00Z"),
        ("2025-09-04T10:00", "2025-09-04T10:00:00"),
        ("2025-09-04T10:00:00.123456+02:00", "2025-09-04T10:00:00+02:00"),
        ("2025-09-04 10:00:00", "2025-09-04T10:00:00"),
        ("  2016-09-30  ", "2016-09-30"),
    ],
)
def test_machine_dates_keep_their_time_and_offset(raw: str, expected: str) -> None:
    assert parse_machine_date(raw) == expected


@pytest.mark.parametrize("raw", ["", None, "yesterday", "2025-02-30", "2025-13-01", "not a date", "12345"])
def test_machine_date_rejects_what_is_not_a_real_date(raw: str | None) -> None:
    assert parse_machine_date(raw) is None


def test_machine_date_falls_back_to_words() -> None:
    assert parse_machine_date("Tue, September 30, 2016") == "2016-09-30"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 21, 2025", "2025-05-21"),
        ("September 30, 2016", "2016-09-30"),
        ("Feb. 18, 2025", "2025-02-18"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("30 September 2016", "2016-09-30"),
        ("1st March 2020", "2020-03-01"),
        ("March 3rd, 2020", "2020-03-03"),
        ("Global Research, September 30, 2016", "2016-09-30"),
        ("Published 2016-09-30 by the desk", "2016-09-30"),
        ("12 de marzo de 2024", "2024-03-12"),
        ("3 février 2023", "2023-02-03"),
        ("5. März 2021", "2021-03-05"),
        ("November 20 15:23 2019", "2019-11-20"),  # the clock between the day and the year
        ("Wed Nov 20 15:23:45 2019", "2019-11-20"),  # C's ctime
        ("Dec 28 Sat 2013 00:28", "2013-12-28"),  # a blog template's date box: the weekday before the year
    ],
)
def test_written_dates_become_year_month_day(text: str, expected: str) -> None:
    assert parse_written_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "on Thursday",
        "The minister spoke on Thursday about the budget.",
        "last year",
        "two days ago",
        "in May",
        "May 2025",
        "in 2016",
        "February 30, 2024",
        "",
    ],
)
def test_relative_or_incomplete_dates_are_never_dates(text: str) -> None:
    assert parse_written_date(text) is None


def test_first_valid_date_in_the_text_wins() -> None:
    assert parse_written_date("Updated June 2, 2024; first published May 1, 2024") == "2024-06-02"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2024/03/05/tides-rise/", "2024-03-05"),
        ("https://example.com/news/2016/9/30/story", "2016-09-30"),
        ("https://example.com/2024/03/05", "2024-03-05"),
        ("https://example.com/2024/02/30/not-a-day/", None),
        ("https://example.com/2024/03/story", None),
        ("https://example.com/story-20240305", None),
        ("https://sputnikglobe.com/20250210/new-grain-terminal-1121.html", "2025-02-10"),
        ("https://example.com/20251340/not-a-day/", None),
        ("https://example.com/id/202502101/", None),  # nine digits: an id, not a date
        (None, None),
    ],
)
def test_dates_in_url_paths(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


def test_human_date_for_summaries() -> None:
    assert human_date("2016-09-30") == "30 Sep 2016"
    assert human_date("2025-09-04T10:00:00-04:00") == "4 Sep 2025"
    assert human_date(None) is None
    assert human_date("someday") == "someday"


@pytest.mark.parametrize(
    ("written", "day_first", "iso"),
    [
        ("14/02/2025", None, "2025-02-14"),  # the numbers tell
        ("02/14/2025", None, "2025-02-14"),
        ("03/04/2025", None, None),  # either order, and nothing says which
        ("03/04/2025", True, "2025-04-03"),
        ("03/04/2025", False, "2025-03-04"),
        ("03.04.2025", True, "2025-04-03"),
        ("10.02.2025", None, "2025-02-10"),  # dots: day first wherever they are written
        ("31/02/2025", True, None),  # no such day
        ("입력 2023.11.02. 오후 8:06", None, "2023-11-02"),  # the year first: then always the month
        ("2019/04/20 10:00", True, "2019-04-20"),
    ],
)
def test_numeric_dates(written: str, day_first: bool | None, iso: str | None) -> None:
    match = NUMERIC_DATE.search(written)
    assert match is not None
    assert numeric_to_iso(match, day_first) == iso


@pytest.mark.parametrize(
    ("language", "day_first"),
    [
        ("en-US", False),
        ("en_PH", False),
        ("en-GB", True),
        ("en-AU", True),
        ("en-IN", True),
        ("fr-FR", True),
        ("de", True),
        ("pt_BR", True),
        ("en", None),  # English alone says nothing about the reader's habit
        ("en-CA", None),  # Canada writes both orders
        ("", None),
        (None, None),
        ("x-klingon-style", None),
    ],
)
def test_date_order_by_page_language(language: str | None, day_first: bool | None) -> None:
    assert day_first_in(language) is day_first


def test_the_day_a_page_prints_for_a_late_utc_timestamp() -> None:
    assert shown_local_day("2025-03-11T02:30:00Z", "2025-03-10") == "2025-03-10"
    assert shown_local_day("2025-03-10T22:30:00+00:00", "2025-03-11") == "2025-03-11"
    assert shown_local_day("2025-03-11T02:30:00Z", "2025-03-11") is None  # they agree
    assert shown_local_day("2025-03-11T02:30:00Z", "2025-03-08") is None  # no time zone is three days off
    assert shown_local_day("2025-03-11", "2025-03-10") is None  # a day alone is the publisher's own
    assert shown_local_day("2025-03-11T02:30:00-05:00", "2025-03-10") is None  # its own offset says the day
    # no clock is far enough ahead of a morning's UTC stamp, nor far enough behind an afternoon's, for the day
    # shown beside it: the page prints another moment (its last update's)
    assert shown_local_day("2025-03-10T08:36:00Z", "2025-03-11") is None
    assert shown_local_day("2025-03-10T10:00:00Z", "2025-03-11") == "2025-03-11"
    assert shown_local_day("2025-03-11T13:05:00Z", "2025-03-10") is None


def test_solar_hijri_days_are_the_gregorian_days_they_name() -> None:
    # new year's days either side of a leap year's end, the last day of a leap Esfand, one a common year lacks
    assert solar_to_iso(1399, 1, 1) == "2020-03-20"
    assert solar_to_iso(1404, 1, 1) == "2025-03-21"
    assert solar_to_iso(1399, 4, 2) == "2020-06-22"
    assert solar_to_iso(1403, 12, 30) == "2025-03-20"
    assert solar_to_iso(1400, 12, 30) is None
    assert solar_to_iso(1402, 7, 31) is None


def test_solar_hijri_dates_in_words_and_numbers_in_either_script() -> None:
    assert [iso for _, _, iso in solar_dates("دوشنبه ۲ تير ۱۳۹۹")] == ["2020-06-22"]
    assert [iso for _, _, iso in solar_dates("تاریخ انتشار: ۲۱ اردیبهشت ۱۳۹۹ - ۱۸:۵۹")] == ["2020-05-10"]
    assert [iso for _, _, iso in solar_dates("۱۵ اسد ۱۳۹۹")] == ["2020-08-05"]  # the Afghan month name
    assert [iso for _, _, iso in solar_dates("1399/04/02 12:09")] == ["2020-06-22"]
    assert solar_dates("Room 1399, 2 tir") == [] and solar_dates("13 items") == []
