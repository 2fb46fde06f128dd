"""Where a page's headline stands among its text nodes: the article starts there, and its own byline and date are
looked for just below it."""

from __future__ import annotations

import re
from typing import Any

from bot.engine.regions import IN_LINK, IN_TRAIL, named_beside_article

_SITE_AFTER_TITLE = re.compile(r"\s+[|·•–—-]\s+[^|·•–—-]{2,40}$")


def headline_position(
    texts: list[str], nodes: list[Any], social: str | None, html_title: str | None, headings: list[str]
) -> int:
    """The text node that holds the headline, however long the site's header and menus before it are. A title
    that stands only as a link is a card in a list of stories (the sidebar's feed lists this one too), and one in a
    part named as beside the article is that part's ("3 Responses to <em>Headline</em>" over the comments): a later
    candidate that stands as text (the page's <h1>) is the headline. So is a later <h1> of the same words after a
    plain line: a sticky bar's "now reading" title repeats the headline above the article."""
    # "Headline - Digg": the social title with the site's name after it
    candidates = [social, _SITE_AFTER_TITLE.sub("", social or "")]
    if html_title:
        candidates.append(max(re.split(r"\s+[|·•–—-]\s+|:\s+", html_title), key=len))
    candidates += headings[:1]  # last: a page's first <h1> is sometimes the site's name
    first_linked: int | None = None
    for candidate in candidates:
        wanted = (candidate or "").strip()
        if len(wanted) <= 10 or wanted not in texts:  # list membership and index run in C
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
    return first_linked if first_linked is not None else _title_part_heading(texts, nodes, html_title)


def _heading_after(texts: list[str], nodes: list[Any], wanted: str, at: int) -> int:
    """The first later text node of the same words that stands as the <h1>; `at` where none does."""
    later = at
    while True:
        try:
            later = texts.index(wanted, later + 1)
        except ValueError:
            return at
        if nodes[later].getparent().tag == "h1":
            return later


def _title_part_heading(texts: list[str], nodes: list[Any], title: str | None) -> int:
    """'Headline - Chapter 1 - Writer - Fandom | Site' over a page whose <h1> is the site's: another part of the
    title, standing as a heading of its own (the work's <h2>), is the headline."""
    parts = {part.strip() for part in sorted(re.split(r"\s+[|·•–—-]\s+|:\s+", title or ""), key=len)[:-1]}
    for at, text in enumerate(texts):
        if text in parts and len(text) > 10 and nodes[at].getparent().tag in ("h1", "h2"):
            return at
    return 0
