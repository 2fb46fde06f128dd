"""Where a page's provenance blocks sit, rebuilt small with invented words: a list of other stories, broken markup
around the story, a portal's provider line, a picture's credit, an agency in an element of its own."""

from __future__ import annotations

from bot.engine import analyse_html
from bot.model import Analysis
from tests.engine_helpers import page

URL = "https://www.harbor-ledger.example/news/2025/ferry-fares"
HEADLINE = "Ferry fares rise for the second time this year"
LEAD = "Ferry fares rise again on Monday, the operator of the harbour line said in a statement on Friday."
_BODY = "".join(f"<p>Paragraph {n} about the ferry line, its fares and its long repair.</p>" for n in range(20))


def _head(description: str = LEAD) -> str:
    return f'<meta property="og:title" content="{HEADLINE}"><meta name="description" content="{description}">'


def _original(result: Analysis) -> str | None:
    original = result.republication.original
    return original.name if result.republication.is_republication and original else None


def test_a_list_of_other_stories_bylines_in_bare_list_items_names_no_wire() -> None:
    items = "".join(
        f"<div class='ticker'><a href='/other-{n}'><span>Another story number {n}</span><ul>"
        f"<li>By <span class='reporter'>{who}</span></li><li>12/03/2025 10:0{n} AM</li></ul></a></div>"
        for n, who in enumerate(["HARBOR LEDGER STAFF", "REUTERS", "HARBOR LEDGER STAFF", "REUTERS"])
    )
    html = page(
        f"<p>Home</p><p>News</p><article><h1>{HEADLINE}</h1><div class='author'>By HARBOR LEDGER STAFF</div>"
        f"<p>{LEAD}</p>{_BODY}<h3>Latest news</h3><ul>{items}</ul></article>",
        _head(),
        title=HEADLINE,
    )
    result = analyse_html(html, URL)
    assert not result.republication.is_republication


def test_a_story_that_broken_markup_leaves_inside_a_sidebar_keeps_its_dateline() -> None:
    # the headline stands outside; an unclosed <aside> of teasers ends up holding the story itself
    teasers = "".join(
        f"<div class='teaser'><a href='/t{n}'>Teaser story {n}</a><span class='byline'>{who}</span></div>"
        for n, who in enumerate(["Rosa Pell", "Quentin Hale", "Ilse Marrow"])
    )
    html = page(
        f"<div class='title'><h1>{HEADLINE}</h1></div><aside class='secondary'>{teasers}"
        "<section><article><div class='meta'><span class='byline'>By Dana Pike - Associated Press</span></div>"
        f"<p>HARBOURTOWN (AP) — {LEAD}</p>{_BODY}</article></section></aside>",
        _head(),
        title=HEADLINE,
    )
    result = analyse_html(html, URL)
    assert _original(result) == "The Associated Press"
    assert result.authors == ["Dana Pike"]  # the teasers beside it stay the sidebar's


def test_the_description_repeated_in_a_sidebar_link_does_not_make_the_sidebar_the_story() -> None:
    teaser = f"<aside class='sidebar'><a href='/other'>{LEAD}</a><p>PORTSIDE (AP) — A teaser of another story.</p>"
    html = page(f"<h1>{HEADLINE}</h1>{teaser}</aside><article><p>{LEAD}</p>{_BODY}</article>", _head(), title=HEADLINE)
    assert not analyse_html(html, URL).republication.is_republication
