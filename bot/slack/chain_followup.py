"""After the reply: follow a copy to its original, compare the two, and update the reply in place.

The thread gets its answer first (within the reply's latency); fetching and comparing the original can take
seconds, so it runs after the post, and the same reply is then updated with one line on how the copy keeps the
original's terms ("Checked against the original on theconversation.com: verbatim copy, credit and link present ✓").
A paste that names no address is looked up among the pages read before in this workspace.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import sqlite_utils

from bot.chain.check import chain_for_check
from bot.chain.follow import Analyse
from bot.checks import set_result
from bot.engine.registry import Registry
from bot.fetch.fetcher import Fetcher
from bot.model import Analysis
from bot.settings import Settings
from bot.slack.render import LinkOutcome, render_outcomes
from bot.slack.web import SlackPoster
from bot.workspace import current_team_id

log = logging.getLogger(__name__)


def worth_following(analysis: Analysis) -> bool:
    """A copy that links its original has a page to compare with. Reading a page's main text costs the bot's own
    process tens of milliseconds, which fifty messages in flight would all wait on, so in Slack an unlinked copy
    or a paste is not looked up among pages read before (`provbot check` does that)."""
    original = analysis.republication.original
    return original is not None and bool(original.url)


class ChainFollowUp:
    def __init__(
        self,
        db: sqlite_utils.Database,
        settings: Settings,
        fetcher: Fetcher,
        poster: SlackPoster,
        registry: Callable[[], Registry | None],
        analyse: Analyse | None = None,
    ) -> None:
        self.db, self.settings, self.fetcher, self.poster, self.registry = db, settings, fetcher, poster, registry
        self.analyse = analyse  # how a fetched original is read: the bot's worker pool, under its deadline
        # One comparison at a time: they run beside the jobs, never in their slots, and must not crowd out replies.
        self._one_at_a_time = asyncio.Semaphore(1)

    async def after_reply(self, channel: str, reply_ts: str, outcome: LinkOutcome, pasted: str | None) -> None:
        """Compare `outcome`'s piece with its original and, when there is a chain to show, update the reply."""
        analysis = outcome.analysis
        if analysis is None or self.settings.chain_max_fetches == 0 or not worth_following(analysis):
            return
        async with self._one_at_a_time:
            chain = await chain_for_check(
                analysis, self.settings, html_or_text=pasted, fetcher=self.fetcher, db=self.db,
                registry=self.registry(), place=f"<#{channel}>", analyse=self.analyse, team_id=current_team_id(),
            )  # fmt: skip
        if not chain:
            return
        analysis.chain = chain
        if outcome.check_id is not None:
            set_result(self.db, outcome.check_id, analysis)
        rendered = render_outcomes([outcome])
        if not await self.poster.update(channel, reply_ts, **rendered.as_kwargs()):
            log.info("the reply %s in %s could not be updated with its chain", reply_ts, channel)


# Started after a reply is posted, and not awaited by the job that posted it.
FollowUp = Callable[[str, str, LinkOutcome, str | None], None]
