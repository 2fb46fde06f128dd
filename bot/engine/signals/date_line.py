"""Date lines: the dates a line by the headline or in the byline area prints, each named by the words just before
it ("Published: Feb. 18, 2025", "Publié le 12/03/2025 à 14h05, mis à jour le …")."""

from __future__ import annotations

import dataclasses
import re

from bot.engine import hints
from bot.engine.dates import (
    NUMERIC_DATE,
    WORD_DATE,
    day_first_in,
    locale_in_url,
    match_to_iso,
    numeric_to_iso,
    short_year_dates,
)
from bot.engine.document import Block, Document
from bot.engine.facts import Fact, snippet
from bot.engine.names import starts_as_name
from bot.engine.regions import BESIDE_ARTICLE
from bot.engine.signals.bylines import is_dated_writer
from bot.engine.solar_dates import solar_dates
from bot.engine.vocabulary import one_of
from bot.engine.weights import WEIGHT

# a weekday, written out or short, just before the date ("Thursday, 12 March 2026", "Do, 12.03.2026")
_WEEKDAYS = one_of("weekdays", "english", "names", "short", "stems")
_WEEKDAY_BEFORE_DATE = re.compile(rf"\b(?:{_WEEKDAYS})\.?[,،]?\s*$", re.I)

_UPDATED = re.compile(rf"\b(?:{one_of('dates', 'updated')})\b")
_PUBLISHED = re.compile(rf"(?:{one_of('dates', 'published')})\b")
# "First published on March 3" alone before the date: the day this piece first appeared, whatever was updated
# since; "Originally published at x.com on …", "This report by CP was first published …" date another site's copy.
_FIRST_PUBLISHED = re.compile(rf"^(?:{one_of('dates', 'first_published')})$")
_PUBLISHED_VERB = re.compile(rf"\b(?:{one_of('dates', 'published_verbs')})\b")
# a <time>'s own words beside the day it means: "1 day ago", "3d ago", "vor 2 Stunden"
_RELATIVE = re.compile(
    rf"^(?:\d+\s*[^\W\d]+\s+(?:{one_of('dates', 'relative_after')})"
    rf"|(?:{one_of('dates', 'relative_before')})\s+\d+\s*\S+)$"
)
# "Pete Evans · CBC News · Posted:": the words right before the date are the last part of the line's label
_LABEL_PARTS = re.compile(r"\s[·•|]\s|\s[—–-]\s")
# words that say a numeric date is written day first ("Publié le 12/03/2025", "10:32 Uhr"); "05:07 AM" is no German "am"
_DAY_FIRST_WORDS = re.compile(rf"\b(?:{one_of('dates', 'day_first')})\b(?<!\d\sam)|\d{{1,2}}h\d\d", re.I)
# a time of day before the date: "10:17 GMT 10.02.2025", "14h05 —"
_CLOCK = re.compile(r"\b\d{1,2}[:h.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+(?-i:GMT|UTC|[A-Z]{2,4}))?\b", re.I)
_E_MAIL = re.compile(r"(?<!\S)[^\s@]+@[^\s@]+\.\w+")


# Text nodes between an article's own date line set over its headline and the headline
DATE_ABOVE_HEADLINE = 15
# ... and between the headline and the article's own date line under it (a meta column, a byline block)
DATE_BELOW_HEADLINE = 25


def date_line(
    block: Block,
    is_text: bool,
    language: str | None,
    page_url: str | None = None,
    by_headline: bool = False,
    page_years: frozenset[int] = frozenset(),
) -> list[Fact]:
    """'Published: Feb. 18, 2025', 'Publié le 12/03/2025 à 14h05, mis à jour le 12/03/2025 à 16h20', 'Global
    Research, September 30, 2016': each date on the line, named by the words just before it. `by_headline`: the
    block sits right by the headline, so even a sidebar-marked one (a meta column) is the article's own."""
    text = block.text
    labelled = "after_published_label" in block.hints  # a meta box's "Datum" | "31.01.2022", set beside the story
    if len(text) > hints.DATE_LINE_MAX * 2 or (block.region in BESIDE_ARTICLE and not by_headline and not labelled):
        return []
    found = _dates_on(text, language, page_url, page_years if by_headline else None)
    # a byline element also holds the section, tags and a comment count beside the writer and the day; a line by
    # the headline that opens with its day, its source and a read-aloud player's buttons ("28.04.2021 - 07:18 |
    # Quelle: … | Text vorlesen Stop Pause")
    opens_dated = by_headline and bool(found) and not text[: found[0][0]].strip()
    words_max = hints.DATE_LINE_MAX * (2 if "byline_markup" in block.hints or opens_dated else 1)
    if not found or len(text) - sum(end - start for start, end, _ in found) > words_max:
        return []
    facts: list[Fact] = []
    line, previous_end = snippet(text, 160), 0
    weight = WEIGHT.moderate if is_text else WEIGHT.slight
    updated_weight = WEIGHT.weak if is_text else WEIGHT.last_resort  # a last-updated date is the weaker claim
    for start, end, day in found:
        before = _E_MAIL.sub(" ", text[previous_end:start])  # "Jo Roe jo.roe@x.example | 22 abril": her address
        words = _CLOCK.sub("", _WEEKDAY_BEFORE_DATE.sub("", before)).strip(" ,،|/-—–:·•[(")
        label = words.lower()
        previous_end = end
        first = "first_published" if _FIRST_PUBLISHED.search(label) else None
        if _UPDATED.search(label) or (not words and not facts and "after_update_label" in block.hints):
            facts.append(Fact("modified", day, "text", line, updated_weight, block.region))
        elif (
            not words
            or first  # "First Posted : March 3, 2021": a record's label, no writer's name
            or _PUBLISHED.match(label)
            or _PUBLISHED.match(_LABEL_PARTS.split(label)[-1])
            or _PUBLISHED_VERB.search(label)  # "Este contenido fue publicado el 19 noviembre 2024"
            or label.startswith(("by ", "par ", "por ", "von ", "source:"))
            or (by_headline and _RELATIVE.match(label))
            or "byline_markup" in block.hints  # the byline's own element: the date beside the names is the piece's
            or facts
        ):
            if first or not any(f.field == "published" for f in facts):
                facts.append(Fact("published", day, "text", line, weight, block.region, phrase=first))
        elif not is_text and start == found[0][0] and block.tag != "figcaption" and is_dated_writer(words, page_url):
            # "Daisy Vance Dec 05, 2023" under a page's headline: the writer's name and the day, a byline without
            # "By" (in a caption, what the picture shows and when: "Harbour Bridge Topside 28.04.2014 © …")
            facts.append(Fact("author", words, "text", line, WEIGHT.slight, block.region))
            facts.append(Fact("published", day, "text", line, weight, block.region))
        elif len(words) <= 60 and starts_as_name(words) and start == found[0][0]:
            near = "by_headline" if by_headline else None  # a page's undated piece takes only this one's day
            facts.append(Fact("dated_name", (words, day), "text", line, weight, block.region, phrase=near))
    return facts


def _dates_on(
    text: str, language: str | None, page_url: str | None, page_years: frozenset[int] | None
) -> list[tuple[int, int, str | None]]:
    """Where each date on the line stands and the day it gives; a two-digit year ("Do 25.04.24 | 14:07 Uhr") only
    by the headline (`page_years` given)."""
    found = [(m.start(), m.end(), match_to_iso(m)) for m in WORD_DATE.finditer(text)] or solar_dates(text)
    if not found:
        day_first = True if _DAY_FIRST_WORDS.search(text) else day_first_in(language)
        found = [(m.start(), m.end(), numeric_to_iso(m, day_first)) for m in NUMERIC_DATE.finditer(text)]
        found = found or (short_year_dates(text, page_url, page_years) if page_years is not None else [])
    return [f for f in found if f[2]]


def placed_date_line(block: Block, doc: Document, is_text: bool, page_url: str | None) -> list[Fact]:
    """A date line's facts, placed by where it sits: by the headline it is the article's own (a meta column marked
    as an aside included); well above it, the site's top bar ("Thursday, March 12, 2026"), in the page's header."""
    offset = block.position - doc.headline_position
    by_headline = not is_text and -DATE_ABOVE_HEADLINE <= offset <= DATE_BELOW_HEADLINE
    language = doc.language or locale_in_url(page_url)
    dated = date_line(block, is_text, language, page_url, by_headline, doc.page_years)
    if (by_headline or "after_published_label" in block.hints) and block.region in BESIDE_ARTICLE:
        return [dataclasses.replace(fact, region="article") for fact in dated]
    if not is_text and offset < -DATE_ABOVE_HEADLINE:
        return [dataclasses.replace(fact, region="header") for fact in dated]
    return dated
