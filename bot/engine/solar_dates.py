"""Solar Hijri dates, the calendar Iranian and Afghan pages print ("۲ تیر ۱۳۹۹", "1399/04/02"), as the Gregorian
day they name: the page's date line is the article's own day in that calendar, so it is the day we give."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.engine.vocabulary import literal_alternation, table

# month names with their number (bot/data/vocabulary.toml), in the Persian letters: Arabic yeh and kaf are read as
# Persian ones before matching
_MONTHS: dict[str, int] = table("solar_months")
_LETTERS = str.maketrans("يكى٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "یکی01234567890123456789")  # one letter for one: places stay
_MONTH_NAMES = literal_alternation(sorted(_MONTHS, key=len, reverse=True))
# years 1300-1499 (1921-2121): no page prints a Gregorian year so early, so a number date in them is solar too
_YEAR = r"1[34]\d\d"
SOLAR_DATE = re.compile(
    rf"(?<!\d)(?P<day>[0-3]?\d)\s*(?P<month>{_MONTH_NAMES})(?!\w)\s*(?:ماه\s*)?(?P<year>{_YEAR})(?!\d)"
    rf"|(?<!\d)(?P<y>{_YEAR})(?P<mark>[/.-])(?P<m>0?[1-9]|1[0-2])(?P=mark)(?P<d>[0-3]?\d)(?![\d/.-]\d)"
)
# a quick test before the pattern: the century's two digits in either script
_CENTURIES = ("13", "14", "۱۳", "۱۴", "١٣", "١٤")

# Years (of the solar calendar) where its 33-year leap cycle restarts, as Borkowski's arithmetic of the
# astronomical calendar gives them (the jalaali-js table); exact for every year pages print
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178)


def _new_year(year: int) -> date:
    """The Gregorian day of 1 Farvardin (Nowruz) of solar `year`."""
    leap_solar, previous, jump = -14, _BREAKS[0], 0
    for brk in _BREAKS[1:]:
        jump = brk - previous
        if year < brk:
            break
        leap_solar += jump // 33 * 8 + jump % 33 // 4
        previous = brk
    since = year - previous
    leap_solar += since // 33 * 8 + (since % 33 + 3) // 4
    if jump % 33 == 4 and jump - since == 4:
        leap_solar += 1
    gregorian = year + 621
    leap_gregorian = gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150
    return date(gregorian, 3, 1) + timedelta(days=19 + leap_solar - leap_gregorian)


def solar_to_iso(year: int, month: int, day: int) -> str | None:
    """1399-04-02 (solar) -> '2020-06-22'; None for a day the month does not have."""
    length = 31 if month <= 6 else 30 if month <= 11 else (_new_year(year + 1) - _new_year(year)).days - 336
    if not (1 <= month <= 12 and 1 <= day <= length):
        return None
    before = (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30
    return (_new_year(year) + timedelta(days=before + day - 1)).isoformat()


def solar_dates(text: str) -> list[tuple[int, int, str | None]]:
    """Each solar Hijri date in `text` as (start, end, 'YYYY-MM-DD')."""
    if not any(century in text for century in _CENTURIES):
        return []
    found: list[tuple[int, int, str | None]] = []
    for match in SOLAR_DATE.finditer(text.translate(_LETTERS)):
        if match["month"]:
            iso = solar_to_iso(int(match["year"]), _MONTHS[match["month"]], int(match["day"]))
        else:
            iso = solar_to_iso(int(match["y"]), int(match["m"]), int(match["d"]))
        found.append((match.start(), match.end(), iso))
    return found
