"""Where a passage stands: the sentence around a match (cited as evidence) and the top of an article."""

from __future__ import annotations

import re

from bot.engine.document import Block, Document
from bot.engine.facts import snippet

_STOP = re.compile(r"\.(?:\s|$)")
_SENTENCE_END = re.compile(r"\.(?:\s+[A-Z]|\s*$)")


# How far from a match a sentence's ends are looked for: evidence is cut to a few hundred characters anyway, and
# looking back to the start of a block for every match made a block of many matches quadratic.
_SENTENCE_REACH = 2000


def sentence(text: str, start: int, end: int | None = None) -> str:
    """The sentence holding text[start:end], as evidence: long footers are cited by their relevant sentence."""
    end = start if end is None else end
    floor = max(0, start - _SENTENCE_REACH)
    before = max(text.rfind(". ", floor, start), text.rfind("\n", floor, start), floor - 1)
    after = _STOP.search(text, end, end + _SENTENCE_REACH)
    stop = after.end() if after else min(len(text), end + _SENTENCE_REACH)
    return snippet(text[before + 1 if before >= 0 else 0 : stop], 300)


def rest_of_sentence(text: str, start: int) -> str:
    end = _SENTENCE_END.search(text, start)
    return text[start : end.start()] if end else text[start:]


def near_top(block: Block, doc: Document) -> bool:
    """Datelines, bylines and date lines sit at an article's start: in its body anywhere, elsewhere within a
    stretch after the headline (however long the site's header before it)."""
    if doc.kind == "text":
        return block.position <= 25
    return block.region == "article" or block.position <= doc.headline_position + 120


def readable(block: Block) -> bool:
    """Navigation and site chrome (menus, cookie banners, privacy notices) never carry an article's provenance."""
    return block.region != "nav"
