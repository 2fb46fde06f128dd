"""Which of a page's bylines are the article's own: the first under its headline and those close after it.
Bylines further down, repeated in the same markup as the cards of a list, or dated another day than the article
name other stories' writers ("More stories", "Most read", "More from this author"). Also the writers a wire's
reporting line names ("(Reporting by …; Editing by …)")."""

from __future__ import annotations

import contextlib
import dataclasses
import re
from datetime import date, timedelta

from bot.engine.dates import WORD_DATE, match_to_iso, parse_machine_date
from bot.engine.document import Block, Document
from bot.engine.domains import host_of
from bot.engine.facts import Fact, snippet
from bot.engine.names import looks_like_person
from bot.engine.other_credits import credits_other_work
from bot.engine.regions import name_fragments
from bot.engine.registry import Registry, name_key
from bot.engine.vocabulary import one_of, words
from bot.engine.weights import WEIGHT

# "(Reporting by …; Editing by …)": the kinds of work a reporting line credits as writing
_REPORTING_WORK = rf"(?:(?:{one_of('bylines', 'additional')})\s+)?(?:{one_of('bylines', 'reporting')})\s+by\b"
_REPORTING = re.compile(rf"\(\s*({_REPORTING_WORK}[^)]*)\)", re.I)
_REPORTING_PART = re.compile(_REPORTING_WORK, re.I)

_CONTRIBUTORS = re.compile(name_fragments("contributors"), re.I)
# "Jo Roe and Al Poe contributed.": the people who helped the byline's writer, in a line of their own
_CONTRIBUTED = re.compile(rf"\s(?:{one_of('bylines', 'contributed')})\W*$", re.I)

# Text nodes between two bylines of the article's own header ("By A" ... "and B", each with its bio and links)
HEADER_BYLINE_GAP = 40
# Text nodes between a label of other work ("Fact checked by") and the name it labels
OTHER_WORK_GAP = 6
# Writers of other stories' cards that may stand for a page that names no one: more are a list of stories
OTHERS_MAX = 3
# How far below the headline the article's own byline may start (a lead image, its caption, a summary between)
HEADER_BYLINE_REACH = 120


def article_bylines(
    bylines: list[tuple[Block, list[Fact]]], doc: Document, opens_byline: re.Pattern[str]
) -> list[Fact]:
    """The facts of the article's own bylines (`bylines`: each byline block of the page, in order, with what it
    names). Other stories' people only count when the page names no one else; the outlets they credit are not this
    article's source. Author links above the headline are the site's menus; `opens_byline` tells a "By …" line."""
    headline, days = doc.headline_position, _article_days(doc)
    # a headline that opens with a byline's word ("Von Sprachregeln und Gender-Politik") is no byline
    titles = {name_key(title) for title in (*doc.headings[:1], doc.meta_first("og:title")) if title}
    markup_count: dict[str, int] = {}
    for block, _ in bylines:
        markup_count[_markup(block)] = markup_count.get(_markup(block), 0) + 1
    facts: list[Fact] = []
    others: list[Fact] = []  # other stories' writers, for a page whose own byline names no one
    header_markup: str | None = None
    cluster_end: int | None = None
    other_work_at = -OTHER_WORK_GAP - 1
    for block, found in bylines:
        if name_key(block.text) in titles:
            continue
        if credits_other_work(block.text):
            other_work_at = block.position
        elif block.position - other_work_at <= OTHER_WORK_GAP:
            # "Recipe tested by" in one element, "Jo Roe" in the next: she tested the recipe
            found = [fact for fact in found if fact.field != "author"]
        if not found and (cluster_end is not None or "byline_markup" not in block.hints):
            continue
        markup = _markup(block)
        repeated = bool(markup) and markup_count[markup] >= 3
        if cluster_end is None:
            # where the headline is not found (position 0), the first byline starts the article's own; one just
            # above the headline in markup the page repeats is the last card of a list of stories before it
            near = headline - HEADER_BYLINE_GAP <= block.position <= headline + HEADER_BYLINE_REACH
            in_header = headline == 0 or (near and not (repeated and block.position < headline))
        else:
            in_header = block.position - cluster_end <= HEADER_BYLINE_GAP
        if in_header and found and header_markup is None:
            header_markup = markup  # the markup of the article's own byline
        is_card = repeated and markup != header_markup
        shown = {match_to_iso(m) for m in WORD_DATE.finditer(block.text)} - {None}
        other_day = bool(days and shown and not shown & days)
        if in_header and not is_card and not other_day:
            cluster_end = block.position
            # the contributors listed beside the writer helped: they count only where nobody else is named
            helped = bool(_CONTRIBUTORS.search(block.css) or _CONTRIBUTED.search(block.text))
            facts += [dataclasses.replace(fact, weight=WEIGHT.poor) if helped else fact for fact in found]
        elif other_day:
            continue  # a story dated another day is never this one
        elif block.position >= headline or opens_byline.match(block.text):
            # a name from another story's byline: only when nothing else on the page names anyone
            others += [dataclasses.replace(fact, weight=WEIGHT.poor) for fact in found if fact.field == "author"]
    # an article's own byline that names its agency or desk ("Par AFP") leaves the cards' writers out
    if any(fact.field == "author" for fact in facts) or len({name_key(f.value) for f in others}) > OTHERS_MAX:
        return facts  # a list of many writers' cards says nothing about who wrote this one
    return facts + others


def _markup(block: Block) -> str:
    """What a list's cards repeat: their class names, or, for a bare list item ("<li>By REUTERS</li>" in a list of
    stories), the tag."""
    return block.css or ("<li>" if block.tag == "li" else "")


def _article_days(doc: Document) -> set[str]:
    """The days the page's metadata gives for the article (published or modified)."""
    raw = [doc.meta_first(name) for name in ("article:published_time", "article:modified_time")]
    raw += [obj.get(key) for obj in doc.jsonld for key in ("datePublished", "dateModified") if obj.get("headline")]
    days = set()
    for value in raw:
        parsed = parse_machine_date(value) if isinstance(value, str) else None
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(parsed[:10]) if parsed else None
            # the page may show the day where it stands, a day either side of the metadata's UTC day
            days |= {str(day + timedelta(days=shift)) for shift in (-1, 0, 1)} if day else set()
    return days


def reporting_line(block: Block) -> list[Fact]:
    """The writers a reporting line names: "(Reporting by Jo Roe and Al Poe in Paris; Editing by …)"."""
    facts = []
    additional, rewriting = words("bylines", "additional"), words("bylines", "rewriting")
    reporters = tuple(work for work in words("bylines", "reporting") if work not in rewriting)
    for match in _REPORTING.finditer(block.text):
        parts = [part.strip() for part in match.group(1).split(";")]
        parts = [part for part in parts if _REPORTING_PART.match(part)]
        # a line that names no reporters of its own ("Additional reporting by …; Writing by …") adds helpers to a
        # byline: the desk that wrote the copy up is then one of them, an author only when nothing else names one
        adds_to_byline = not any(part.lower().startswith(reporters) for part in parts)
        for part in parts:
            low = part.lower()
            helper = low.startswith(additional) or (adds_to_byline and low.startswith(rewriting))
            weight = WEIGHT.modest if helper else WEIGHT.firm
            names = re.sub(r"^.*?\bby\s+", "", part, flags=re.I)
            for name in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", names):
                name = re.sub(r"\s+in\s+[A-Z].*$", "", name).strip(" .")
                if name and len(name.split()) <= 4 and name[0].isupper():
                    facts.append(Fact("author", name, "text", snippet(match.group(0), 160), weight, block.region))
    return facts


def is_dated_writer(words: str, page_url: str | None) -> bool:
    """'Daisy Vance' before the date under a headline names the writer; 'Christmas Specials' is the section the
    page's address files it under."""
    # "Hamburg, den 02. Dezember 2022": a place and the particle of a letter's date line, not a first and last name
    if sum(not word[:1].islower() for word in words.split()) < 2 or ":" in words or not looks_like_person(words):
        return False
    slug = "-".join(words.lower().split())
    return not (page_url and f"/{slug}/" in page_url.lower())


# "Le Monde with AFP", "FRANCE 24 avec AFP": the site's own newsroom writing with an agency's copy, not a copy of it
_OWN_WITH = re.compile(rf"^(?P<own>[^,;|]{{2,40}}?)\s+(?:{one_of('bylines', 'with_words')})\s", re.I)


def is_own_newsroom_with(text: str, registry: Registry, page_url: str | None, site_names: set[str]) -> bool:
    """A byline that names the page's own outlet (by its address, or among `site_names`, the name keys of its
    og:site_name), then an agency it wrote with."""
    match = _OWN_WITH.match(text.strip())
    if match is None:
        return False
    own = match["own"].strip()
    found = registry.by_host(host_of(page_url)) if page_url else None
    if found is not None and registry.by_name(own) is found[0]:
        return True
    return name_key(own) in site_names
