"""Which blocks are worth reading, found in one pass over the page.

The words each kind of reader cannot do without live in `bot/data/phrases.toml` ([hints]); an Aho–Corasick
automaton finds every one of them in a single scan of the lower-cased text, so the cost of a page grows with its
length once, not once per phrase. The document keeps the blocks that hold a hint, and the text reader runs only
the readers whose kind each block holds.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ahocorasick_rs import AhoCorasick, Implementation

from bot.engine import vocabulary
from bot.engine.dates import NUMERIC_DATE, WORD_DATE, opening_date
from bot.engine.name_forms import is_bare_lead, opens_with_verb_after
from bot.engine.phrases import DATA_FILE
from bot.engine.solar_dates import solar_dates

# a date line is short and holds a year; longer text with a year in it is prose
YEAR = re.compile(r"(?:19|20)\d\d")
DATE_LINE_MAX = 90
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


@dataclass(frozen=True)
class _Hints:
    searcher: AhoCorasick
    kinds: tuple[frozenset[str], ...]  # by needle number, as the searcher reports matches


@lru_cache(maxsize=1)
def _hints() -> _Hints:
    needles: dict[str, set[str]] = defaultdict(set)
    for kind, words in tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))["hints"].items():
        for word in words:
            needles[word.lower()].add(kind)
    # A DFA costs a little memory once and scans several times faster than the default automaton.
    searcher = AhoCorasick(list(needles), implementation=Implementation.DFA)
    return _Hints(searcher, tuple(frozenset(kinds) for kinds in needles.values()))


def scan(texts: list[str]) -> dict[int, set[str]]:
    """For each text (by index) that holds a hint, the kinds of hint it holds ("date" for a short text with a
    year, where a date line can be). Texts are read as separate lines."""
    hints = _hints()
    page = "\n" + "\n".join(texts).lower() + "\n"  # the closing break lets a needle end with a text's last word
    before = list(accumulate(map(len, texts), initial=0))  # the letters of the texts before each
    if len(page) != 2 + before[-1] + max(len(texts) - 1, 0):
        # a letter whose lower case is longer ("İ" -> "i̇") shifts every later text: count them lower-cased
        before = list(accumulate((len(text.lower()) for text in texts), initial=0))
    found: dict[int, set[str]] = defaultdict(set)
    # overlapping, so "may republish" still counts as "republish" too; a needle belongs to the text holding its
    # last character (byline needles begin with the line break before their text); text i starts at
    # 1 + before[i] + i, found by bisection over the few needles found rather than listed for every text
    numbers = range(len(before))
    for needle, _, end in hints.searcher.find_matches_as_indexes(page, overlapping=True):
        found[bisect_right(numbers, end - 1, key=lambda i: 1 + before[i] + i) - 1].update(hints.kinds[needle])
    # the substring tests are C-fast and rule out nearly every text before the regex runs
    for index in [i for i, text in enumerate(texts) if len(text) <= DATE_LINE_MAX and ("20" in text or "19" in text)]:
        if YEAR.search(texts[index]):
            found[index].add("date")
    if _ARABIC_SCRIPT.search(page):  # "۲ تیر ۱۳۹۹": a day of the solar Hijri calendar, on Persian and Dari pages
        for index in [i for i, text in enumerate(texts) if len(text) <= DATE_LINE_MAX and i not in found]:
            if solar_dates(texts[index]):
                found[index].add("date")
    return found


# Short texts this close under the headline are read whatever their words: "AFP, MANILA" in an element of its own
BY_HEADLINE_TEXTS = 12
BY_HEADLINE_CHARS = 40
# ... and the texts under it among which the story's first paragraph is looked for
LEAD_TEXTS = 40
# ... and the texts over and under it where a day with a two-digit year is the article's own
SHORT_DATE_ABOVE = 15
SHORT_DATE_BELOW = 25


def mark_by_headline(found: dict[int, set[str]], texts: list[str], headline: int) -> None:
    """Adds the "by_headline" kind to the short texts just under the headline (at `headline`)."""
    if headline <= 0:
        return
    for index in range(headline + 1, min(headline + 1 + BY_HEADLINE_TEXTS, len(texts))):
        if 1 < len(texts[index]) <= BY_HEADLINE_CHARS:
            found.setdefault(index, set()).add("by_headline")
    window = range(headline + 1, min(headline + LEAD_TEXTS, len(texts)))  # the lead's texts under the headline
    # the first date line under the headline, and the short text after it, which may be the writer's name alone
    # ("19. Oktober 2019 | Boris T. Kaiser" as items of a meta row; bot.engine.signals.date_writer)
    dated = next((i for i in window if "date" in found.get(i, ())), 0)
    after = next((i for i in range(dated + 1, min(dated + 8, len(texts))) if texts[i]), None) if dated else None
    if after is not None and len(texts[after]) <= BY_HEADLINE_CHARS:
        found.setdefault(after, set()).add("after_date")
    # the story's first paragraph (the first text longer than a date line) may open with its day: "Feb. 23, 2015 --"
    first = next((i for i in window if len(texts[i]) > DATE_LINE_MAX), None)
    if first is not None and opening_date(texts[first]):
        found.setdefault(first, set()).add("lead_date")


# "31.10.23", "14 Gennaio 20": a day with a two-digit year (bot.engine.dates.short_year_dates reads it)
_SHORT_DATE = re.compile(
    r"(?<![\d.])[0-3]?\d\.[01]?\d\.\d\d(?![\d.])|\b[0-3]?\d\.?\s+[^\W\d]{3,}\.?\s+\d\d\b(?![.:]?\d)"
)
_PAGE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def mark_short_dates(found: dict[int, set[str]], texts: list[str], headline: int) -> frozenset[int]:
    """Marks as "short_date" the short texts right by the headline (over it as under it) that hold a day with a
    two-digit year; returns the four-digit years the page prints, which tell such a year's century."""
    window = range(max(headline - SHORT_DATE_ABOVE, 0), min(headline + SHORT_DATE_BELOW, len(texts)))
    # a date line with a four-digit year by the headline is the article's: a short one then dates an event, a teaser
    full = any("date" in found.get(i, ()) and _full_date(texts[i]) for i in window if i != headline)
    marked = [
        i
        for i in window
        if headline > 0 and not full and len(texts[i]) <= DATE_LINE_MAX and _SHORT_DATE.search(texts[i])
    ]
    for index in marked:
        found.setdefault(index, set()).add("short_date")
    # (only then: the whole page's text is searched once more)
    return frozenset(int(year) for year in _PAGE_YEAR.findall("\n".join(texts))) if marked else frozenset()


def _full_date(text: str) -> bool:
    return bool(NUMERIC_DATE.search(text) or WORD_DATE.search(text))


def mark_after_bare_leads(found: dict[int, set[str]], texts: list[str]) -> None:
    """A byline's opening alone in its element ("<p>Автор:</p> <p><a>Jo Roe</a></p>") marks the next text as the
    byline's names, unless that text is the next label's ("作者：</span><span>责任编辑：…")."""
    for index in [i for i, kinds in found.items() if "byline" in kinds and is_bare_lead(texts[i])]:
        after = next((i for i in range(index + 1, min(index + 5, len(texts))) if texts[i]), None)
        if after is not None and not any(mark in texts[after] for mark in ":："):
            found.setdefault(after, set()).update(("byline", "byline_markup"))
    # "<p>Jo Roe</p> <p>skrifar frá Ósló</p>": the verb after the names, in an element of its own, marks the text before
    for index in [i for i, kinds in found.items() if "byline" in kinds and i > 0 and opens_with_verb_after(texts[i])]:
        before = next((i for i in range(index - 1, max(index - 4, -1), -1) if texts[i]), None)
        if before is not None:
            found.setdefault(before, set()).update(("byline", "byline_markup"))


# "Zuletzt geändert am:", "Last updated", "Mise en ligne" alone in their element: the label of the date in the next
_UPDATED_LABELS = frozenset(vocabulary.words("dates", "updated"))
_PUBLISHED_LABELS = frozenset(word for word in vocabulary.words("dates", "published") if len(word) >= 4)
_LABEL_END = " :：\u00a0"


def mark_after_date_labels(found: dict[int, set[str]], texts: list[str]) -> None:
    """A date alone in its element right after a date label alone in its own ("<h4>Zuletzt geändert am:</h4>
    <li>15.10.2021</li>", "<p>Mise en ligne</p><p>23 mai 2019</p>") is the date the label names: its text gets the
    "after_update_label" or "after_published_label" kind (a date's label is read from the words before it on its
    own line, and here there are none)."""
    for index in [i for i, kinds in found.items() if "date" in kinds]:
        before = next((i for i in range(index - 1, max(index - 4, -1), -1) if texts[i]), None)
        label = texts[before].lower().strip(_LABEL_END) if before is not None else ""
        if label in _UPDATED_LABELS:
            found[index].add("after_update_label")
        elif label in _PUBLISHED_LABELS:
            found[index].add("after_published_label")
