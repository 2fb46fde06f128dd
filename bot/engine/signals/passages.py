"""Where a passage stands: the sentence around a match (cited as evidence) and the top of an article."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.engine.document import Block, Document
from bot.engine.facts import snippet
from bot.engine.regions import name_fragments
from bot.engine.vocabulary import one_of

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


_MEDIA_CREDIT = re.compile(
    rf"^\s*[\[(]?(?:{one_of('pictures', 'caption_openings')})s?\b|\b(?:{one_of('pictures', 'agencies')})\b",
    re.I,
)
# A caption's or picture credit's element by its class ("text-caption", "img_cptn", "media__title", "credits")
_MEDIA_CLASS = re.compile(
    rf"{name_fragments('media')}|\b(?:{name_fragments('media_word_starts')})"
    rf"|(?<![a-z])(?<!drop[-_])(?:{name_fragments('media_words')})(?![a-z])",
    re.I,
)


# ... but a "republish-credit" or "license-credit" element gives the piece's own terms
_TERMS_CLASS = re.compile(f"{name_fragments('terms')}|{name_fragments('own_credit')}", re.I)


def in_media_element(block: Block) -> bool:
    """The block is a caption or picture credit by its element: a <figcaption> or a caption-classed element."""
    if block.tag == "figcaption":
        return True
    return bool(_MEDIA_CLASS.search(block.css)) and not _TERMS_CLASS.search(block.css)


# Class names of a picture's caption or credit ("image-credit", "photo__caption"); "credit" alone
# also names an article's own credit line
_PICTURE_CLASS = re.compile(rf"(?<![a-z])(?:{name_fragments('picture')})(?![a-z])", re.I)


def is_media_credit(block: Block) -> bool:
    """A caption or picture credit: its licence, © or agency covers the picture, not the article."""
    return _is_media_credit(block.tag, block.css, block.text)


@lru_cache(maxsize=1024)  # most readers ask it of the same blocks
def _is_media_credit(tag: str, css: str, text: str) -> bool:
    if tag == "figcaption" or (css and _PICTURE_CLASS.search(css)):
        return True
    return bool(_MEDIA_CREDIT.search(text[:300]))
