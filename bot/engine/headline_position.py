"""Where a page's headline stands among its body's text nodes: the date and byline rules start from there."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from bot.engine.regions import IN_LINK, IN_TRAIL, named_beside_article

_SITE_AFTER_TITLE = re.compile(r"\s+[|·•–—-]\s+[^|·•–—-]{2,40}$")
_TITLE_PARTS = re.compile(r"\s+[|·•–—-]\s+|:\s+")
# Typed and typeset forms of one title differ in their dashes and quotes ("Kolumne: A – B" in <title>, "A - B" in the
# heading); folded alike, they compare equal.
_FOLDED = str.maketrans({"–": "-", "—": "-", "‐": "-", "−": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'})
_FIRST_WORD = re.compile(r"\w+")
_SHORTEST_TITLE = 10  # characters; a shorter heading is a section's or the site's name


def headline_position(
    texts: list[str], nodes: list[Any], social: str | None, title: str | None, headings: Sequence[str]
) -> int | None:
    """The text node that holds the headline, however long the site's header and menus before it are; None when
    no text node is the page's title or first heading. A title that stands only as a link is a card in a list of
    stories (the sidebar's feed lists this one too), and one in a part named as beside the article is that part's
    ("3 Responses to <em>Headline</em>" over the comments): a later candidate that stands as text (the page's <h1>)
    is the headline. So is a later <h1> of the same words after a plain line."""
    # "Headline - Digg": the social title with the site's name after it; a <title> whole ("Topic: Headline" set
    # the same way in an <h2>) before its longest part
    candidates = [social, _SITE_AFTER_TITLE.sub("", social or ""), title]
    if title:
        candidates.append(max(_TITLE_PARTS.split(title), key=len))
    candidates += headings[:1]  # last: a page's first <h1> is sometimes the site's name
    found = _standing(texts, nodes, candidates)
    if found is None:
        found = _standing(
            [text.translate(_FOLDED) for text in texts], nodes, [c and c.translate(_FOLDED) for c in candidates]
        )
    if found is None:
        found = _title_part_heading(texts, nodes, title)
    return found if found is not None else _split_heading(texts, nodes, headings, social or title)


def _standing(texts: list[str], nodes: list[Any], candidates: Sequence[str | None]) -> int | None:
    first_linked: int | None = None
    for candidate in candidates:
        wanted = (candidate or "").strip()
        if len(wanted) <= _SHORTEST_TITLE or wanted not in texts:  # list membership and index run in C
            continue
        at = texts.index(wanted)
        while True:
            holder = nodes[at].getparent()
            if not IN_LINK(holder) and not IN_TRAIL(holder) and not named_beside_article(holder):
                return at if holder.tag == "h1" else _heading_after(texts, nodes, wanted, at)
            first_linked = at if first_linked is None else first_linked
            try:
                at = texts.index(wanted, at + 1)
            except ValueError:
                break
    return first_linked


def _heading_after(texts: list[str], nodes: list[Any], wanted: str, at: int) -> int:
    """The first later text node of the same words that stands as the <h1>; `at` where none does (a sticky bar's
    "now reading" title repeats the headline above the article)."""
    later = at
    while True:
        try:
            later = texts.index(wanted, later + 1)
        except ValueError:
            return at
        if nodes[later].getparent().tag == "h1":
            return later


def _split_heading(texts: list[str], nodes: list[Any], headings: Sequence[str], title: str | None) -> int | None:
    """An <h1> whose words stand in several elements ("<h1><span>Topic – Subject</span>: rest</h1>") and that the
    page's title starts as: its first text node. (A logo's <h1>, "Site <sup>beta</sup>", opens no story's title.)"""
    if not headings or len(headings[0]) <= _SHORTEST_TITLE or not title:
        return None
    if _first_word(title) != _first_word(headings[0]):
        return None
    for at, text in enumerate(texts):
        if text and headings[0].startswith(text) and _inside_h1(nodes[at].getparent()):
            return at
    return None


def _first_word(text: str) -> str:
    word = _FIRST_WORD.search(text)
    return word.group().casefold() if word else ""


def _inside_h1(element: etree._Element | None) -> bool:
    while element is not None:
        if element.tag == "h1":
            return True
        element = element.getparent()
    return False


def _title_part_heading(texts: list[str], nodes: list[Any], title: str | None) -> int | None:
    """'Headline - Chapter 1 - Writer - Fandom | Site' over a page whose <h1> is the site's: another part of the
    title, standing as a heading of its own (the work's <h2>), is the headline."""
    parts = {part.strip() for part in sorted(_TITLE_PARTS.split(title or ""), key=len)[:-1]}
    for at, text in enumerate(texts):
        if text in parts and len(text) > _SHORTEST_TITLE and nodes[at].getparent().tag in ("h1", "h2"):
            return at
    return None
