"""After the reply: follow a copy to its original, compare the two, and update the reply in place.

The thread gets its answer first (within the reply's latency); fetching and comparing the original can take
seconds, so it runs after the post, and the same reply is then updated with one line on how the copy keeps the
original's terms ("Checked against the original on theconversation.com: verbatim copy, credit and link present ✓").
A paste that names no address is looked up among the pages read before in this workspace.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import sqlite_utils

from bot.chain.check import chain_for_check
from bot.chain.finder import links_in
from bot.chain.follow import ChainWork
from bot.checks import set_result
from bot.engine.domains import registered_domain
from bot.engine.registry import Registry
from bot.fetch.fetcher import Fetcher
from bot.model import Analysis
from bot.settings import Settings
from bot.slack.render import LinkOutcome, render_outcomes
from bot.slack.web import SlackPoster
from bot.workspace import current_team_id

log = logging.getLogger(__name__)


def worth_following(analysis: Analysis, pasted: str | None) -> bool:
    """A copy whose original has an address, or may have one: a page's own links (read in a worker) or the links
    a paste carries to the original's site. A paste that links nowhere there has nothing to compare with: its
    reply already says the original is named but not linked (`bot.chain.follow.unlinked_chain`). Pages read
    before are looked up only for copies followed (the lookup is a full-text query on the bot's database)."""
    original = analysis.republication.original
    if original is None or original.url:
        return original is not None
    if not analysis.republication.is_republication:
        return False
    if pasted is None:
        return True
    site = registered_domain(original.outlet.domain) if original.outlet and original.outlet.domain else None
    return site is not None and any(registered_domain(u) == site for u in links_in(pasted, False, None))


class ChainFollowUp:
    def __init__(
        self,
        db: sqlite_utils.Database,
        settings: Settings,
        fetcher: Fetcher,
        poster: SlackPoster,
        registry: Callable[[], Registry | None],
        work: ChainWork | None = None,
        turn: Callable[[float], AbstractAsyncContextManager[None]] | None = None,
    ) -> None:
        self.db, self.settings, self.fetcher, self.poster, self.registry = db, settings, fetcher, poster, registry
        self.work = work  # where originals are read and compared: the bot's worker pool, under its deadline
        # One comparison at a time, each in its turn once no first reply is under way (`JobRunner.background_turn`):
        # they must not crowd out replies.
        self._one_at_a_time = asyncio.Semaphore(1)
        self._turn = turn or (lambda _due: contextlib.nullcontext())
        # The public-suffix list the candidates' domains are read with loads now, not in the middle of traffic
        # (a first follow-up held the event loop 100-150 ms loading it).
        registered_domain("https://www.example.com/")

    async def after_reply(self, channel: str, reply_ts: str, outcome: LinkOutcome, pasted: str | None) -> None:
        """Compare `outcome`'s piece with its original and, when there is a chain to show, update the reply."""
        analysis = outcome.analysis
        if analysis is None or self.settings.chain_max_fetches == 0 or not worth_following(analysis, pasted):
            return
        shown = list(analysis.chain)
        due = asyncio.get_running_loop().time()  # queued behind other comparisons, its patience runs from now
        async with self._one_at_a_time, self._turn(due):
            chain = await chain_for_check(
                analysis, self.settings, html_or_text=pasted, fetcher=self.fetcher, db=self.db,
                registry=self.registry(), place=f"<#{channel}>", work=self.work, team_id=current_team_id(),
            )  # fmt: skip
        if not chain or chain == shown:
            return
        analysis.chain = chain
        if outcome.check_id is not None:
            set_result(self.db, outcome.check_id, analysis)
        rendered = render_outcomes([outcome])
        if not await self.poster.update(channel, reply_ts, **rendered.as_kwargs()):
            log.info("the reply %s in %s could not be updated with its chain", reply_ts, channel)


# Started after a reply is posted, and not awaited by the job that posted it.
FollowUp = Callable[[str, str, LinkOutcome, str | None], None]
