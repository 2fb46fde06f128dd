"""Dates as articles print them, turned into ISO 8601 without inventing precision.

Machine dates (JSON-LD, meta tags, <time>) keep their time and offset; dates written in words become YYYY-MM-DD.
Relative words ("on Thursday", "last year") are never dates.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.engine.vocabulary import literal_alternation, table, words
from bot.paths import DATA_DIR

# month names and abbreviations in the languages wire copy arrives in, with their number (bot/data/vocabulary.toml)
MONTHS: dict[str, int] = table("months")
# every month name and abbreviation, as one alternation for other patterns to build on
MONTH_NAMES = literal_alternation(sorted(MONTHS, key=lambda name: len(re.escape(name)), reverse=True))
# a month may be named twice, in two calendars' words, the way Arabic pages write it ("آب/اغسطس", "نيسان / أبريل")
_MONTH = r"(?P<month>" + MONTH_NAMES + r")\.?(?:\s?/\s?(?:" + MONTH_NAMES + r"))?"
# (a blog template may set the ordinal in an element of its own, read after a space: "Dec 21 st, 2018")
_DAY = r"(?P<day>[0-3]?\d)(?:\s?(?:st|nd|rd|th))?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Year first, in the scripts that write it with unit signs ("2016年10月14日", "2013년 10월 24일") or with dots
# and slashes ("2013.10.24", "2013/10/24"): no order to guess. CJK text runs words together ("站2016年10月14日07:17"),
# so digits, not word boundaries, end it.
_YEAR_FIRST = (
    r"(?<!\d)(?P<ymd_y>(?:19|20)\d\d)(?:\s*[年년]\s*(?P<ymd_m>[01]?\d)\s*[月월]\s*(?P<ymd_d>[0-3]?\d)\s*[日일]"
    r"|[./](?P<ymd_m2>[01]\d)[./](?P<ymd_d2>[0-3]\d)(?![\d./]))"
)
# an English weekday between the day and the year: "Dec 28 Sat 2013", as blog templates lay out their date boxes
_WEEKDAY_BEFORE_YEAR = literal_alternation(
    sorted(
        {*words("weekdays", "english"), *(w for w in words("weekdays", "short") if len(w) >= 3)}, key=len, reverse=True
    )
)
# The forms a written date takes: "September 30, 2016", "30 September 2016", "Feb. 18, 2025", "2016-09-30", and
# the year-first forms above.
# ("November 20 15:23 2019", "Wed Nov 20 15:23:45 2019": the clock between the day and the year, as C's ctime
# and some publishing systems print it)
WORD_DATE = re.compile(
    rf"(?:\b(?:{_MONTH}\s+{_DAY},?\s+(?:(?:{_WEEKDAY_BEFORE_YEAR})\.?,?\s+)?(?:[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s+)?{_YEAR}"
    rf"|{_DAY.replace('day', 'day2')}\.?\s+(?:de\s+)?"
    rf"{_MONTH.replace('month', 'month2')},?\s+(?:de\s+)?{_YEAR.replace('year', 'year2')}"
    rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))\b|{_YEAR_FIRST})",
    re.IGNORECASE,
)
_ISO_MACHINE = re.compile(
    r"^(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ](?P<time>[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)"
    r"(?P<tz>Z|[+-][0-2]\d:?[0-5]\d)?)?"
)
# ISO 8601's basic format, without separators: "20180619T055000+0900"
_BASIC_ISO = re.compile(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)T([0-2]\d)([0-5]\d)([0-5]\d)?(Z|[+-]\d{4})?$")
# a month and day left unpadded by the template that wrote them: "2022-5-3T23:57:00"
_UNPADDED_ISO = re.compile(r"^((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?=[T ]|$)")
# RSS's date form, which some JSON-LD and meta fields carry too: "Wed, 04 May 2022 00:25:56 GMT", "… +0200"
_RFC_2822 = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+(?:19|20)\d\d\s+\d\d:\d\d(?::\d\d)?\s*(?:GMT|UTC|UT|Z|[+-]\d{4})$"
)
_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# "/2025/02/10/", Sputnik's or RIA's compact "/20250210/", and the same closing a slug ("/tides-rise-20250210/");
# an ISO date opening a slug ("/news/2025-02-10-tides-rise")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$)"
    r"|[/-](?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)/"
    r"|/(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?:[-/.]|$)"
)


# "1970-01-01T01:00:00+01:00": a template that printed the Unix clock's zero for a date it did not have
_EPOCH_DAYS = frozenset({"1970-01-01", "1969-12-31"})


def calendar_day(year: int, month: int, day: int) -> str | None:
    """'YYYY-MM-DD' where the three are a calendar day ('2014-00-29', minutes printed for the month, is none)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# The Unix `date` and Java Date.toString() stamp some systems print into a tag: "Mon Aug 03 12:45:00 EDT 2015"
_UNIX_STAMP = re.compile(
    r"^[A-Z][a-z]{2} (?P<day>[A-Z][a-z]{2} [0-3]?\d) \d\d:\d\d:\d\d (?:[A-Z]{2,5} )?(?P<year>(?:19|20)\d\d)$"
)


# A page gives its dates more than once (JSON-LD's article and web page, its meta tags), and the readers and the
# decision read each: the last few hundred are kept, about a page's worth of pages, so a repeat costs a look-up
@lru_cache(maxsize=256)
def parse_machine_date(value: str | None) -> str | None:
    """'2025-09-04T10:00:00-0400' -> '2025-09-04T10:00:00-04:00'; '2025-04-10' stays; anything else -> None."""
    if not value:
        return None
    value = value.strip()
    if basic := _BASIC_ISO.match(value):
        year, month, day, hour, minute, second, tz = basic.groups()
        value = f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}{tz or ''}"
    elif unpadded := _UNPADDED_ISO.match(value):
        year, month, day = unpadded.groups()
        value = f"{year}-{int(month):02d}-{int(day):02d}{value[unpadded.end() :]}"
    if _RFC_2822.match(value):
        try:  # the clock and its zone are kept: "00:25 GMT" is still the 3rd where the page was written
            stamp = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            stamp = None
        if stamp is not None and stamp.tzinfo is not None:
            return stamp.isoformat().replace("+00:00", "Z")
    if unix := _UNIX_STAMP.match(value):
        return parse_written_date(f"{unix['day']} {unix['year']}")  # the day as written, where it was written
    match = _ISO_MACHINE.match(value)
    if not match:
        return parse_written_date(value) or _dotted_date(value)
    day = match.group("date")
    if calendar_day(*map(int, day.split("-"))) is None or day in _EPOCH_DAYS:
        return None
    if not match.group("time"):
        return day
    clock = match.group("time")
    if len(clock) == 5:
        clock += ":00"
    clock = clock.split(".")[0]
    tz = match.group("tz") or ""
    if tz and tz != "Z" and ":" not in tz:
        tz = f"{tz[:3]}:{tz[3:]}"
    return f"{day}T{clock}{tz}"


def parse_written_date(text: str | None) -> str | None:
    """The first written date in `text`, as YYYY-MM-DD."""
    if not text:
        return None
    for match in WORD_DATE.finditer(text):
        iso = match_to_iso(match)
        if iso:
            return iso
    return None


def match_to_iso(match: re.Match[str]) -> str | None:
    if match.group("iso"):
        return calendar_day(*map(int, match.group("iso").split("-")))
    if match.group("ymd_y"):
        month, day = match.group("ymd_m") or match.group("ymd_m2"), match.group("ymd_d") or match.group("ymd_d2")
        return calendar_day(int(match.group("ymd_y")), int(month), int(day))
    if match.group("month"):
        month, day, year = match.group("month"), match.group("day"), match.group("year")
    else:
        month, day, year = match.group("month2"), match.group("day2"), match.group("year2")
    return calendar_day(int(year), MONTHS[month.lower().rstrip(".")], int(day))


# "12/03/2025", "14.02.2025", "03.14.2025": day and month order told by the numbers or by the language around them;
# "4. 2. 2022" (German, Czech, Slovak pages space their dots); "2023.11.02.", "2019/04/20" (Korean, Japanese,
# Chinese pages): the year first, then always the month
NUMERIC_DATE = re.compile(
    r"\b([0-3]?\d)(\.[ \u00a0]|[./-])([0-3]?\d)\2((?:19|20)\d\d)\b"
    r"|\b(?P<year>(?:19|20)\d\d)(?P<mark>[./])(?P<month>0?[1-9]|1[0-2])(?P=mark)(?P<day>[0-3]?\d)\b"
)


def numeric_to_iso(match: re.Match[str], day_first: bool | None) -> str | None:
    """A numeric date as YYYY-MM-DD; None when it could be either order and nothing says which."""
    if match["year"]:
        return calendar_day(int(match["year"]), int(match["month"]), int(match["day"]))
    first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    elif day_first is None and match.group(2).startswith("."):
        day, month = first, second  # dotted dates (German, Russian, Polish …) put the day first
    elif day_first is None:
        return None
    else:
        day, month = (first, second) if day_first else (second, first)
    return calendar_day(year, month, day)


def _dotted_date(value: str) -> str | None:
    """A machine field written '18.03.2020 13:15': dotted dates put the day first; '12-15-2016' (a US system's
    tag) only where one of the numbers cannot be a month."""
    match = NUMERIC_DATE.match(value)
    return numeric_to_iso(match, None) if match else None


# English-speaking places that write the month first; elsewhere, and in every other language, the day comes first
_MONTH_FIRST_REGIONS = frozenset(["us", "ph"])
_EITHER_ORDER_REGIONS = frozenset(["ca"])


def day_first_in(language: str | None) -> bool | None:
    """Whether a page in `language` ('en-GB', 'fr_FR', 'en') writes 03/04/2025 day first; None when unknown."""
    if not language:
        return None
    code, _, region = language.strip().lower().replace("_", "-").partition("-")
    region = region.partition("-")[0]
    if not code.isalpha() or len(code) not in (2, 3):
        return None
    if code != "en":
        return True
    if not region or region in _EITHER_ORDER_REGIONS:
        return None
    return region not in _MONTH_FIRST_REGIONS


# a locale as the first segment of a page's path: "https://www.msn.com/en-gb/news/…"
_URL_LOCALE = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]+/(?P<locale>[a-z]{2}[-_][a-z]{2})(?:/|$)", re.I)


def locale_in_url(url: str | None) -> str | None:
    """The locale a portal files a page under in its address ('en-gb'), where the page itself declares none."""
    match = _URL_LOCALE.match(url or "")
    return match["locale"] if match else None


def date_from_url(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    form = next(form for form in ("", "2", "3") if match[f"y{form}"])  # which of the forms above matched
    return calendar_day(int(match[f"y{form}"]), int(match[f"m{form}"]), int(match[f"d{form}"]))


# "Do 25.04.24 | 14:07 Uhr", "14 Gennaio 20": a day whose year is written in two digits, read only where the page's
# address files it under the same year and month in four digits ("/2024/04/"): alone, "25.04.24" could as well be
# 2025-04-24 written year first, and a two-digit year is of any century
_SHORT_YEAR = re.compile(
    rf"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d\d)(?![\d.])|\b{_DAY}\.?\s+{_MONTH}\s+(?P<y2>\d\d)\b(?![.:]?\d)",
    re.I,
)
# how many years a page's newest four-digit year may be past a two-digit one it dates the article with
SHORT_YEAR_LAG = 3
_URL_YEAR_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d)(?:[/-]|$)")


def short_year_dates(
    text: str, url: str | None, page_years: frozenset[int] = frozenset()
) -> list[tuple[int, int, str | None]]:
    """'Do 25.04.24 | 14:07 Uhr' on a page filed under '/2024/04/' -> [(3, 11, '2024-04-25')]: each day with a
    two-digit year that agrees with the address's year and month. Where the address gives neither, the four-digit
    years the page prints (`page_years`: its copyright line's, its other stories') set the century, day first: one
    of them in the same or the next few years; never a day after the newest."""
    filed = _URL_YEAR_MONTH.search(url or "")
    found: list[tuple[int, int, str | None]] = []
    for match in _SHORT_YEAR.finditer(text):
        month = int(match["m"]) if match["m"] else MONTHS[match["month"].lower().rstrip(".")]
        day, short = int(match["d"] or match["day"]), match["y"] or match["y2"]
        if filed is not None and filed["y"][2:] == short and int(filed["m"]) == month:
            found.append((match.start(), match.end(), calendar_day(int(filed["y"]), month, day)))
        elif filed is None and (year := _page_century(int(short), page_years)):
            found.append((match.start(), match.end(), calendar_day(year, month, day)))
    return found


def _page_century(short: int, page_years: frozenset[int]) -> int | None:
    near = [year for year in page_years if 0 <= year % 100 - short <= SHORT_YEAR_LAG]
    return min(near) // 100 * 100 + short if near else None


def human_date(value: str | None) -> str | None:
    """'2016-09-30…' -> '30 Sep 2016' for summaries."""
    if not value:
        return None
    match = re.match(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)", value)
    if not match or not 1 <= int(match[2]) <= 12:
        return value
    return f"{int(match[3])} {_SHORT_MONTHS[int(match[2]) - 1]} {match[1]}"


def shown_local_day(machine: str, shown: str) -> str | None:
    """The day a page shows for a machine timestamp that another time zone puts on the next or previous day: a
    story stamped '2025-03-11T02:30:00Z' and printed 'March 10, 2025, 10:30 PM EDT' was published on the 10th
    where it was published. `shown` is the printed day (YYYY-MM-DD); None when the two agree or are further apart
    than a time zone can take them."""
    match = _ISO_MACHINE.match(machine)
    if not match or not match.group("time") or match.group("tz") not in ("Z", "+00:00", "+0000", None):
        return None  # a date alone, or a time with the publisher's own offset, is already the publisher's day
    try:
        apart = (date.fromisoformat(shown[:10]) - date.fromisoformat(match.group("date"))).days
    except ValueError:
        return None
    # the clocks run from 12 hours behind UTC to 14 ahead: a stamp at 08:36 UTC is the next day nowhere, so a page
    # showing that next day ("November 28, 2013 -- Updated 0203 GMT") prints another moment, its last update's
    minutes = int(match.group("time")[:2]) * 60 + int(match.group("time")[3:5])
    reachable = minutes >= _EARLIEST_NEXT_DAY if apart == 1 else minutes < _LATEST_PREVIOUS_DAY
    return shown[:10] if abs(apart) == 1 and reachable else None


_EARLIEST_NEXT_DAY = 10 * 60  # UTC+14's midnight, in minutes of the UTC day
_LATEST_PREVIOUS_DAY = 12 * 60  # UTC-12's


# A month and day shown without a year: "Nov 18, 8:19 PM", "18. November"
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day', 'day2')}\.?\s+{_MONTH.replace('month', 'month2')})\b", re.I
)


def shown_month_day(machine: str, shown: str) -> str:
    """The day a <time> element shows ("Posted Nov 18, 8:19 PM") for its UTC datetime ("2019-11-19T01:19Z"):
    the page's own day, when the text shows one a time zone away from the machine day; else the machine day."""
    match = _MONTH_DAY.search(shown)
    if not match:
        return machine
    month, day = (match["month"], match["day"]) if match["month"] else (match["month2"], match["day2"])
    year = int(machine[:4])
    for candidate in (year, year - 1, year + 1):  # "Dec 31" shown for a "January 1" stamp
        local = calendar_day(candidate, MONTHS[month.lower().rstrip(".")], int(day))
        if local and abs((date.fromisoformat(local) - date.fromisoformat(machine[:10])).days) == 1:
            return local
    return machine


# The parts of a <title> between its separators: "Headline - 07.12.2017 - Outlet"
_TITLE_PARTS = re.compile(r"\s+[|·•–—-]\s+")


def date_in_title(title: str | None) -> str | None:
    """The day a page's <title> gives as one of its parts ("A solution - 07.12.2017 - Outlet"), YYYY-MM-DD; a date
    inside the headline's words ("Storm of 7 December 2017 remembered") is what the piece is about, not its day."""
    for part in _TITLE_PARTS.split(title or "")[1:]:
        part = part.strip(" ()[]")
        numeric = NUMERIC_DATE.fullmatch(part)
        if numeric and (day := numeric_to_iso(numeric, None)):
            return day
        written = WORD_DATE.fullmatch(part)
        if written and (day := match_to_iso(written)):
            return day
    return None


@lru_cache(maxsize=1)
def _country_clocks() -> dict[str, str]:
    data = tomllib.loads((DATA_DIR / "country_domains.toml").read_text(encoding="utf-8"))
    return dict(data.get("time_zone", {}))


def in_country_time(machine: str, country: str | None) -> str | None:
    """A UTC stamp ('2024-08-26T23:27:57Z') on the clock of the publisher's country, when that clock has already
    turned to another day ('2024-08-27T01:27:57+02:00' in Germany); None when the day is the same, the stamp
    carries the publisher's own offset, or the country's clock is not one."""
    zone = _country_clocks().get(country or "")
    match = _ISO_MACHINE.match(machine)
    if not zone or not match or not match.group("time") or match.group("tz") not in ("Z", "+00:00", "+0000"):
        return None
    try:
        stamp = datetime.fromisoformat(f"{match.group('date')}T{match.group('time')}+00:00")
    except ValueError:
        return None
    local = stamp.astimezone(ZoneInfo(zone))
    return local.isoformat() if local.date() != stamp.date() else None


def day_on_country_clock(machine: str, country: str | None) -> str | None:
    """The day (YYYY-MM-DD) a UTC stamp falls on by the clock of the publisher's country; None when the stamp is
    not in UTC or the country has no one clock."""
    local = in_country_time(machine, country)
    if local:
        return local[:10]
    match = _ISO_MACHINE.match(machine)
    utc = match and match.group("time") and match.group("tz") in ("Z", "+00:00", "+0000")
    return machine[:10] if utc and _country_clocks().get(country or "") else None


# The dash that ends a date opening a story and starts its text: "--", "—", "–", or a hyphen between spaces
_DASH_AFTER_DATE = re.compile(r"\s*(?:--|[—–]|\s-\s)\s*\w")


# "27.1.2022 - …", "Bern, 17.08.2007 - …": a day written with dots is day first; a release may set its place before
_DOTTED_OPENING = re.compile(
    r"(?:(?-i:[A-ZÄÖÜ])[^\W\d_]+(?:[ -](?-i:[A-ZÄÖÜ])[^\W\d_]+)?,\s*)?([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)\b"
)


# "(18.01.2018) Farmers fear …": a science-news site sets the day in brackets before its lead; a church's release
# its place too ("Karlsruhe, (12.11.2021). Traditionell …")
_BRACKETED_OPENING = re.compile(
    r"(?:(?-i:[A-ZÄÖÜ])[^\W\d_]+,\s*)?\(\s*([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)\s*\)\.?\s*\w"
)


def opening_date(text: str) -> str | None:
    """The day a paragraph opens with, set off from the story by a dash ("Feb. 23, 2015 -- The study …") or in
    brackets ("(18.01.2018) The study …"), YYYY-MM-DD; None for a paragraph that does not open so."""
    if bracketed := _BRACKETED_OPENING.match(text):
        day, month, year = (int(part) for part in bracketed.groups())
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    if match := WORD_DATE.match(text):
        return match_to_iso(match) if _DASH_AFTER_DATE.match(text, match.end()) else None
    if (dotted := _DOTTED_OPENING.match(text)) is None or not _DASH_AFTER_DATE.match(text, dotted.end()):
        return None
    day, month, year = (int(part) for part in dotted.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
