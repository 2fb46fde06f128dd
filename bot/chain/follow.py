"""Follow the chain: fetch the original's page with the safe fetcher, read it with the same engine, compare the
two texts and check the copy against the original's terms. The one function the CLI and the Slack bot call is
`follow_chain`; it never raises for a page it cannot reach (that is an `unreachable` link with the reason)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING, Protocol

from bot.analysis_pool import CHAIN, AnalysisFailed, AnalysisPool, AnalysisTimeout
from bot.chain.finder import Candidate, find_candidates, own_address
from bot.chain.seen import SeenMatch, seen_link
from bot.chain.text import Body
from bot.chain.work import Copy, CopyParts, OriginalRead, copy_is_html, read_copy_parts, read_original
from bot.fetch.outcomes import FetchError
from bot.model import Analysis, ChainLink, Finding
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.chain.seen import SeenIndex
    from bot.engine.registry import Registry
    from bot.fetch.fetcher import Fetcher, Page

# A copy with less main text than this (a teaser, a page whose body could not be read) is not compared at all.
MIN_COPY_WORDS = 20


class ChainWork(Protocol):
    """Where the chain's CPU work runs: reading the copy, and reading and comparing each original."""

    async def read_copy(self, analysis: Analysis, html_or_text: str) -> CopyParts: ...

    async def read_original(self, copy: Copy, candidate: Candidate, page: Page) -> OriginalRead: ...

    async def seen_link(self, body: Body, candidates: list[SeenMatch]) -> ChainLink | None: ...


class InPool:
    """In the analysis pool's worker processes, under its deadline: the bot and `provbot check`. A chain waits
    for a free worker behind every first reply (`CHAIN` priority)."""

    def __init__(self, pool: AnalysisPool) -> None:
        self.pool = pool

    async def read_copy(self, analysis: Analysis, html_or_text: str) -> CopyParts:
        parts: CopyParts = await self.pool.call("read_copy_parts", analysis, html_or_text, priority=CHAIN)
        return parts

    async def read_original(self, copy: Copy, candidate: Candidate, page: Page) -> OriginalRead:
        read: OriginalRead = await self.pool.call("read_original", copy, candidate, page, priority=CHAIN)
        return read

    async def seen_link(self, body: Body, candidates: list[SeenMatch]) -> ChainLink | None:
        link: ChainLink | None = await self.pool.call("seen_link", body, candidates, priority=CHAIN)
        return link


class InThread:
    """In a thread of this process, with no deadline: callers without a pool (tests, tools)."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry

    async def read_copy(self, analysis: Analysis, html_or_text: str) -> CopyParts:
        return await asyncio.to_thread(read_copy_parts, analysis, html_or_text, registry=self.registry)

    async def read_original(self, copy: Copy, candidate: Candidate, page: Page) -> OriginalRead:
        return await asyncio.to_thread(read_original, copy, candidate, page, registry=self.registry)

    async def seen_link(self, body: Body, candidates: list[SeenMatch]) -> ChainLink | None:
        return await asyncio.to_thread(seen_link, body, candidates)


def _too_long(candidate: Candidate, error: AnalysisTimeout | AnalysisFailed) -> ChainLink:
    """An original not compared because the work passed the deadline (or its worker failed): one line."""
    if isinstance(error, AnalysisTimeout):
        why = f"the comparison took too long (gave up after {error.seconds:g} s)"
    else:
        why = "the comparison failed (the details are in the log)"
    finding = Finding(f"Not compared with the original: {why}.", candidate.how, ok=None)
    return ChainLink(url=candidate.url, relation="unreachable", findings=[finding])


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
    work: ChainWork | None = None,
) -> list[ChainLink]:
    """The chain for one checked page or paste: at most `settings.chain_max_fetches` pages fetched. A copy whose
    original names an earlier original is followed on while fetches remain. A page or paste with nothing compared
    (no address given, or none reachable) is looked up among the pages read before (`seen`), and the page in hand
    is remembered there (`team_id` the workspace, `place` where it was checked, e.g. "#desk"). `work` is where the
    reading and comparing run (`InPool` for a caller with a worker pool; default `InThread`); this coroutine only
    fetches and hands over. Work past the pool's deadline is an `unreachable` link saying so, never an error."""
    work = work or InThread(registry)
    try:
        parts = await work.read_copy(analysis, html_or_text)
    except (AnalysisTimeout, AnalysisFailed) as error:
        candidates, _ = find_candidates(analysis, [])
        return [_too_long(candidates[0], error)] if candidates else []
    copy = Copy(analysis, html_or_text, copy_is_html(analysis, html_or_text), parts.body, parts.links)
    if copy.body.words < MIN_COPY_WORDS:
        return []
    candidates, findings = find_candidates(analysis, copy.links)
    chain = await _follow(copy, candidates, fetcher, work, settings.chain_max_fetches, seen, team_id)
    if not chain and findings:
        chain.append(_unlinked(analysis, findings))
    if seen is not None:
        page_url = analysis.input.final_url or analysis.input.url
        # nothing compared (no address, or none reachable): a page read before may still be the source
        compared = any(link.relation != "unreachable" for link in chain)
        own = own_address(analysis)
        if not compared and (read_before := seen.candidates(copy.body, team_id=team_id, exclude=own)):
            with contextlib.suppress(AnalysisTimeout, AnalysisFailed):  # past the deadline: no match named
                if match := await work.seen_link(copy.body, read_before):
                    chain.insert(0, match)
        if page_url:
            seen.remember(page_url, analysis, copy.body, team_id=team_id, place=place)
    return chain


async def _follow(
    copy: Copy,
    candidates: list[Candidate],
    fetcher: Fetcher,
    work: ChainWork,
    budget: int,
    seen: SeenIndex | None,
    team_id: str | None,
) -> list[ChainLink]:
    """Fetch each candidate in turn (while `budget` fetches remain) and have `work` read and compare it."""
    chain: list[ChainLink] = []
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
        try:
            read = await work.read_original(copy, candidate, page)
        except (AnalysisTimeout, AnalysisFailed) as error:
            chain.append(_too_long(candidate, error))
            continue
        if seen is not None:
            seen.remember(page.final_url, read.analysis, read.body, team_id=team_id)
        chain.append(read.link)
        # the original is itself a copy: its own original, if it links one, is the next step of the chain
        queue = [c for c in read.next_candidates if all(c.url != followed.url for followed in chain)]
    return chain


def unlinked_chain(analysis: Analysis) -> list[ChainLink]:
    """For a copy that names its original but gives no address for it (in its credit, a canonical or isBasedOn):
    the one link saying so and what would confirm it, without reading anything; empty otherwise."""
    candidates, findings = find_candidates(analysis, [])
    return [_unlinked(analysis, findings)] if findings and not candidates else []


def _unlinked(analysis: Analysis, findings: list[Finding]) -> ChainLink:
    """The original is named but not linked: a link with no address, so the finding still reaches the reader."""
    source = analysis.republication.original
    outlet = source.outlet if source else None
    return ChainLink(url="", outlet=outlet, relation="unreachable", findings=findings)
