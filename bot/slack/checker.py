"""Checking what a message shares: links and pasted text in, stored checks (analyses or one-line reasons) out.

`Analyser` is the engine behind one seam (the real one in production and in tests); `Checker` runs it and records
every outcome with `bot.checks`, so the history, the Home tab and the digest see every check, failed ones too.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass
from typing import Protocol

import sqlite_utils

from bot.agreements import agreement_wording
from bot.analysis_pool import FIRST_REPLY, AnalysisPool, AnalysisTimeout
from bot.chain.follow import ChainWork, InPool, unlinked_chain
from bot.checks import record_check
from bot.engine.pipeline import analyse_text, analyse_url
from bot.engine.registry import Registry, with_own_outlets
from bot.fetch.fetcher import FetchError, Page
from bot.fetch.urls import clean_url
from bot.metrics import CHECK_SECONDS
from bot.model import Analysis
from bot.slack import workspace_settings
from bot.slack.jobs import waiting_on_io
from bot.slack.render import LinkOutcome
from bot.slack.workspace_settings import WorkspaceSettings

log = logging.getLogger(__name__)
LONG_TEXT = 20_000  # characters of pasted text above which the analysis moves to a worker thread


def link_key(url: str) -> str:
    """The form two pastes of one article share (tracking tags and fragments removed)."""
    try:
        return clean_url(url)
    except Exception:  # a malformed address is still a key of its own
        return url.strip()


class PageSource(Protocol):
    """What the checker needs of a fetcher (`bot.fetch.fetcher.Fetcher` in production)."""

    async def fetch(self, url: str) -> Page: ...


class _IoFetcher:
    """The fetcher as `analyse_url` sees it: the job gives up its CPU slot while the page downloads."""

    def __init__(self, fetcher: PageSource) -> None:
        self._fetcher = fetcher

    async def fetch(self, url: str) -> Page:
        async with waiting_on_io():
            return await self._fetcher.fetch(url)


class Analyser:
    """The engine behind one seam: the real one in production, the same one in tests."""

    def __init__(self, fetcher: PageSource, registry: Registry | None, pool: AnalysisPool | None = None) -> None:
        self.fetcher = fetcher
        self.registry = registry
        # With a pool (production) the engine runs in its worker processes under the analysis deadline, never on
        # the event loop; without one (tests' own fakes) it runs here.
        self.pool = pool

    def _registry(self, own_outlets: str | None) -> Registry | None:
        if not own_outlets or self.registry is None:
            return self.registry
        return with_own_outlets(self.registry, own_outlets)

    async def url(self, url: str, own_outlets: str | None = None) -> Analysis:
        """`own_outlets`: the workspace's own outlet rows (PROVBOT_OUTLETS format), on top of the registry."""
        if self.pool is not None:
            page = await _IoFetcher(self.fetcher).fetch(url)
            async with waiting_on_io():  # the analysis runs in another process: the job's CPU slot is free meanwhile
                return await self.pool.run("analyse_page", page, priority=FIRST_REPLY, **_own(own_outlets))
        # analyse_url only calls fetch(): the wrapper stands in for the Fetcher it names.
        registry = self._registry(own_outlets)
        return await analyse_url(url, _IoFetcher(self.fetcher), registry=registry)  # type: ignore[arg-type]

    @property
    def chain_work(self) -> ChainWork | None:
        """Where a copy and its original are read and compared: the pool's workers (None: the chain's default)."""
        return InPool(self.pool) if self.pool is not None else None

    async def text(self, text: str, own_outlets: str | None = None) -> Analysis:
        if self.pool is not None:
            async with waiting_on_io():
                return await self.pool.run("analyse_text", text, priority=FIRST_REPLY, **_own(own_outlets))
        registry = self._registry(own_outlets)
        if len(text) >= LONG_TEXT:
            # A long paste takes tens of milliseconds; a worker thread keeps acknowledgements flowing meanwhile.
            return await asyncio.to_thread(analyse_text, text, registry=registry)
        # Under a millisecond: cheaper here than the hand-over to a thread (and its fight for the GIL).
        return analyse_text(text, registry=registry)


def _own(own_outlets: str | None) -> dict[str, str]:
    """The worker's argument for a workspace's own outlets (`bot.analysis_pool` puts them on its registry)."""
    return {"own_outlets": own_outlets} if own_outlets else {}


def failure_reason(error: BaseException) -> str:
    """What a person sees when a link cannot be checked: the fetcher's own one line, or a plain apology."""
    if isinstance(error, FetchError | AnalysisTimeout):
        return str(error)
    if isinstance(error, TimeoutError):
        return "it took too long to check"
    return "something went wrong while checking it (the details are in the bot's log)"


@dataclass(frozen=True)
class Where:
    """Where a check was asked for: stored with it for the history, the Home tab and the digest."""

    channel: str | None
    user: str | None
    message_ts: str | None
    source: str  # message | slash


class Checker:
    """Links and text → analyses, each stored as a check (or its one-line reason when it fails)."""

    def __init__(self, db: sqlite_utils.Database, analyser: Analyser, *, chains: bool = True) -> None:
        self.db = db
        self.analyser = analyser
        self.chains = chains  # False: PROVBOT_CHAIN_MAX_FETCHES=0, no chain at all

    @property
    def registry(self) -> Registry | None:
        return self.analyser.registry

    async def check_link(self, url: str, where: Where) -> LinkOutcome:
        # The workspace's own settings (App Home), read once per check: its outlets for the analysis to know them
        # too, its agreements for the answer.
        own = workspace_settings.load(self.db)
        return await self._check(url, self.analyser.url(url, own.outlets), where, own)

    async def check_text(self, text: str, where: Where) -> LinkOutcome:
        own = workspace_settings.load(self.db)
        return await self._check(None, self.analyser.text(text, own.outlets), where, own)

    async def check_links(self, links: Iterable[str], where: Where) -> list[LinkOutcome]:
        return list(await asyncio.gather(*(self.check_link(url, where) for url in links)))

    async def _check(
        self, link: str | None, analysing: Awaitable[Analysis], where: Where, own: WorkspaceSettings
    ) -> LinkOutcome:
        started, kind = time.perf_counter(), "link" if link else "text"
        try:
            analysis = await analysing
        except Exception as error:
            CHECK_SECONDS.observe(time.perf_counter() - started, kind=kind, result="failed")
            if not isinstance(error, FetchError):
                log.exception("checking %s failed unexpectedly", "a link" if link else "pasted text")
            reason = failure_reason(error)
            return LinkOutcome(link or "", check_id=self._record(link, where, error=reason), error=reason)
        CHECK_SECONDS.observe(time.perf_counter() - started, kind=kind, result="ok")
        # an original named but not linked: the reply says so, and what would confirm it, straight away
        if self.chains and not analysis.chain:
            analysis.chain = unlinked_chain(analysis)
        # The workspace's own agreements may answer "may we use it?" (`bot.agreements`, set in the App Home).
        covered = agreement_wording(analysis, own.agreements, self.registry)
        check_id = self._record(link, where, result=analysis)
        return LinkOutcome(link or "", analysis=analysis, check_id=check_id, covered=covered)

    def _record(
        self, link: str | None, where: Where, *, result: Analysis | None = None, error: str | None = None
    ) -> int:
        return record_check(
            self.db,
            channel=where.channel,
            user=where.user,
            message_ts=where.message_ts,
            link=link,
            source=where.source,
            result=result,
            error=error,
        )
