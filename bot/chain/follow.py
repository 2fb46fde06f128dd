"""Follow the chain: fetch the original's page with the safe fetcher, read it with the same engine, compare the
two texts and check the copy against the original's terms. The one function the CLI and the Slack bot call is
`follow_chain`; it never raises for a page it cannot reach (that is an `unreachable` link with the reason)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.chain.compare import Comparison, compare
from bot.chain.finder import Candidate, find_candidates, links_in
from bot.chain.rules import load_rules
from bot.chain.terms import Pair, check_terms, links_of
from bot.chain.text import Body, body_from_html, body_from_text, style_key, without
from bot.engine.pipeline import analyse_page
from bot.fetch.outcomes import FetchError
from bot.model import Analysis, ChainLink, Finding
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.chain.seen import SeenIndex
    from bot.engine.registry import Registry
    from bot.fetch.fetcher import Fetcher, Page

# Reads a fetched original: the engine's analyse_page, in a thread or a worker process.
Analyse = Callable[["Page"], Awaitable[Analysis]]
# An original page with less text than this was not read (a paywall, a page built by script): nothing to compare.
MIN_ORIGINAL_WORDS = 40
# A copy with less main text than this (a teaser, a page whose body could not be read) is not compared at all.
MIN_COPY_WORDS = 20
# A credit box (an author's bio, "produced by …") is at most this long.
CREDIT_BOX_WORDS = 60
# Evidence rows whose lines are the page's words about itself, left out of both bodies before comparing.
PROVENANCE_FIELDS = ("republication", "reuse", "copyright", "authors")


@dataclass(frozen=True)
class Copy:
    """The page in hand: its analysis, what it was made from, its main text and its links."""

    analysis: Analysis
    text: str
    is_html: bool
    body: Body
    links: list[str]


def read_copy(analysis: Analysis, html_or_text: str) -> Copy:
    is_html = analysis.input.kind != "text" and "<" in html_or_text[:4096]
    base = analysis.input.final_url or analysis.input.url
    if is_html:
        body = body_from_html(html_or_text, base, analysis.title)
    else:
        body = body_from_text(html_or_text, analysis.title)
    return Copy(analysis, html_or_text, is_html, without(body, _provenance_lines(analysis)),
                links_in(html_or_text, is_html, base))  # fmt: skip


def _provenance_lines(analysis: Analysis) -> list[str]:
    """The lines each page adds about itself (credit, byline, notice, licence), which are not the story's text."""
    return [e.snippet for e in analysis.evidence if e.field.startswith(PROVENANCE_FIELDS)]


def _body_of(page: Page, original: Analysis) -> Body:
    if page.is_html:
        body = body_from_html(page.text, page.final_url, original.title)
    else:
        body = body_from_text(page.text, original.title)
    return without(body, _provenance_lines(original))


def _compare_with(copy: Copy, candidate: Candidate, page: Page, original: Analysis) -> tuple[Body, ChainLink]:
    body = _body_of(page, original)
    return body, _link_for(copy, candidate, page, original, body)


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


async def follow_chain(
    analysis: Analysis,
    html_or_text: str,
    fetcher: Fetcher,
    *,
    settings: Settings,
    registry: Registry | None = None,
    seen: SeenIndex | None = None,
    team_id: str | None = None,
    place: str | None = None,
    analyse: Analyse | None = None,
) -> list[ChainLink]:
    """The chain for one checked page or paste: at most `settings.chain_max_fetches` pages fetched. A copy whose
    original names an earlier original is followed on while fetches remain. A page or paste with nothing compared
    (no address given, or none reachable) is looked up among the pages read before (`seen`), and the page in hand
    is remembered there
    (`team_id` the workspace, `place` where it was checked, e.g. "#desk"). `analyse` reads a fetched original
    (default: the engine's `analyse_page` in a thread; a caller with a worker pool passes its own)."""

    async def in_thread(page: Page) -> Analysis:
        return await asyncio.to_thread(analyse_page, page, registry=registry)

    analyse = analyse or in_thread
    copy = await asyncio.to_thread(read_copy, analysis, html_or_text)
    if copy.body.words < MIN_COPY_WORDS:
        return []
    candidates, findings = find_candidates(analysis, copy.links)
    chain: list[ChainLink] = []
    budget = settings.chain_max_fetches
    queue = list(candidates)
    while queue and budget > 0:
        candidate = queue.pop(0)
        budget -= 1
        try:
            page = await fetcher.fetch(candidate.url)
        except FetchError as error:
            reason = Finding(f"The original's page could not be fetched: {error}.", f"{candidate.how}", ok=None)
            chain.append(ChainLink(url=candidate.url, relation="unreachable", findings=[reason]))
            continue
        # reading and comparing are CPU work: off the event loop, so a bot keeps answering meanwhile
        original = await analyse(page)
        body, link = await asyncio.to_thread(_compare_with, copy, candidate, page, original)
        if seen is not None:
            seen.remember(page.final_url, original, body, team_id=team_id)
        chain.append(link)
        # the original is itself a copy: its own original, if it links one, is the next step of the chain
        deeper, _ = find_candidates(original, links_in(page.text, page.is_html, page.final_url))
        queue = [c for c in deeper if all(c.url != followed.url for followed in chain)]
    if not chain and findings:
        chain.append(_unlinked(analysis, findings))
    if seen is not None:
        page_url = analysis.input.final_url or analysis.input.url
        # nothing compared (no address, or none reachable): a page read before may still be the source
        compared = any(link.relation != "unreachable" for link in chain)
        if not compared and (match := seen.best_match(copy.body, team_id=team_id, exclude=page_url)):
            chain.insert(0, match.to_link(copy.body))
        if page_url:
            seen.remember(page_url, analysis, copy.body, team_id=team_id, place=place)
    return chain


def _unlinked(analysis: Analysis, findings: list[Finding]) -> ChainLink:
    """The original is named but not linked: a link with no address, so the finding still reaches the reader."""
    source = analysis.republication.original
    outlet = source.outlet if source else None
    return ChainLink(url="", outlet=outlet, relation="unreachable", findings=findings)
