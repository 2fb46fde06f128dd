"""The CPU part of following the chain: reading the two main texts, comparing them and checking the copy against
the original's terms. Plain functions, each given everything it needs and returning a compact result, so the
analysis pool's worker processes run them under the analysis deadline (`bot.analysis_pool`) and the bot's event
loop only fetches and hands over. A caller without a pool runs them in a thread (`bot.chain.follow`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.chain.compare import Comparison, compare
from bot.chain.finder import Candidate, find_candidates, links_in
from bot.chain.rules import load_rules
from bot.chain.terms import Pair, check_terms, links_of
from bot.chain.text import Body, body_from_html, body_from_text, style_key, without
from bot.engine.pipeline import analyse_page
from bot.model import Analysis, ChainLink, Finding

if TYPE_CHECKING:
    from bot.engine.registry import Registry
    from bot.fetch.fetcher import Page

# An original page with less text than this was not read (a paywall, a page built by script): nothing to compare.
MIN_ORIGINAL_WORDS = 40
# A credit box (an author's bio, "produced by …") is at most this long.
CREDIT_BOX_WORDS = 60
# Evidence rows whose lines are the page's words about itself, left out of both bodies before comparing.
PROVENANCE_FIELDS = ("republication", "reuse", "copyright", "authors")


@dataclass(frozen=True)
class CopyParts:
    """What the page in hand yields for the chain: its main text (less its own credit lines) and its links."""

    body: Body
    links: list[str]


@dataclass(frozen=True)
class Copy:
    """The page in hand: its analysis, what it was made from, its main text and its links."""

    analysis: Analysis
    text: str
    is_html: bool
    body: Body
    links: list[str]


@dataclass(frozen=True)
class OriginalRead:
    """One fetched original, read and compared: its analysis, its main text, the chain link (relation, changes,
    findings) and the addresses of its own original, if it is itself a copy."""

    analysis: Analysis
    body: Body
    link: ChainLink
    next_candidates: list[Candidate]


def copy_is_html(analysis: Analysis, html_or_text: str) -> bool:
    return analysis.input.kind != "text" and "<" in html_or_text[:4096]


def read_copy_parts(analysis: Analysis, html_or_text: str, *, registry: Registry | None = None) -> CopyParts:
    """The copy's main text and links (`registry` unused: every worker entry point is given it)."""
    is_html = copy_is_html(analysis, html_or_text)
    base = analysis.input.final_url or analysis.input.url
    if is_html:
        body = body_from_html(html_or_text, base, analysis.title)
    else:
        body = body_from_text(html_or_text, analysis.title)
    return CopyParts(without(body, _provenance_lines(analysis)), links_in(html_or_text, is_html, base))


def read_original(copy: Copy, candidate: Candidate, page: Page, *, registry: Registry | None = None) -> OriginalRead:
    """Read a fetched original with the engine, compare the copy with it and check the copy against its terms."""
    original = analyse_page(page, registry=registry)
    body = _body_of(page, original)
    link = _link_for(copy, candidate, page, original, body)
    deeper, _ = find_candidates(original, links_in(page.text, page.is_html, page.final_url))
    return OriginalRead(original, body, link, deeper)


def _provenance_lines(analysis: Analysis) -> list[str]:
    """The lines each page adds about itself (credit, byline, notice, licence), which are not the story's text."""
    return [e.snippet for e in analysis.evidence if e.field.startswith(PROVENANCE_FIELDS)]


def _body_of(page: Page, original: Analysis) -> Body:
    if page.is_html:
        body = body_from_html(page.text, page.final_url, original.title)
    else:
        body = body_from_text(page.text, original.title)
    return without(body, _provenance_lines(original))


def _without_credit_boxes(copy: Body, original_body: Body, original: Analysis) -> Body:
    """The copy less the credit boxes a republisher puts before or after the story ("Mara Lindqvist is a lecturer
    at …", "This story was produced by The Conversation"): short paragraphs at either end that name the original's
    authors or outlet and are not in the original. Credits are what the rules ask for, not additions."""
    names = [style_key(n) for n in (*original.authors, original.outlet.name if original.outlet else "") if n]
    in_original = {style_key(p) for p in original_body.paragraphs}

    def is_box(paragraph: str) -> bool:
        key = f" {style_key(paragraph)} "
        return (len(paragraph.split()) <= CREDIT_BOX_WORDS and key.strip() not in in_original
                and any(f" {name} " in key for name in names))  # fmt: skip

    paragraphs = list(copy.paragraphs)
    while paragraphs and is_box(paragraphs[0]):
        paragraphs.pop(0)
    while paragraphs and is_box(paragraphs[-1]):
        paragraphs.pop()
    return Body(copy.headline, tuple(paragraphs))


def _link_for(copy: Copy, candidate: Candidate, page: Page, original: Analysis, body: Body) -> ChainLink:
    link = ChainLink(url=candidate.url, outlet=original.outlet)
    link.license_id = original.reuse.license.id if original.reuse.license else None
    found = Finding(f"Original found at {candidate.url}.", candidate.how, ok=True)
    if page.final_url != page.url:
        found.evidence += f"; it redirected to {page.final_url}"
    if body.words < MIN_ORIGINAL_WORDS:
        link.findings = [found, Finding(
            "The original's page holds too little text to compare (a paywall or a page built by script?).",
            f"{body.words} words read at {page.final_url}", ok=None)]  # fmt: skip
        return link
    comparison: Comparison = compare(body, _without_credit_boxes(copy.body, body, original))
    link.relation = comparison.relation  # type: ignore[assignment]
    link.similarity = comparison.similarity
    link.changes = list(comparison.changes)
    urls = {candidate.url, page.url, page.final_url, *(u for u in [original.canonical_url] if u)}
    pair = Pair(
        copy.analysis, copy.text, copy.is_html, links_of(copy.links), original, links_of(list(urls)), comparison
    )
    link.findings = [found, *check_terms(pair, load_rules())]
    return link
