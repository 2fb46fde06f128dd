"""The running bot's parts, put together once by `bot.slack.app.BotServer`, and the jobs they run.

Listeners in `handlers/` only validate a payload, ask `bot.slack.triage` what it wants checked, and store a job
(`accept`); the jobs run after Slack has been answered: `bot.slack.replier` answers messages, edits and requests
(the shortcut, @mentions), checking with `bot.slack.checker`; `bot.slack.commands` runs `/provenance`;
`bot.slack.results` serves stored checks (Details, Share, Home). Everything runs on the event loop's thread, so the
one SQLite connection is never shared between threads; only the CPU-bound analysis of long pasted text runs in a
worker thread, and it does not touch the database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import sqlite_utils
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.checks import ensure_checks_table
from bot.engine.registry import Registry
from bot.fetch.fetcher import Fetcher
from bot.link_kinds import NotArticles, load_not_articles
from bot.retention import prune_all
from bot.settings import Settings
from bot.slack import channels
from bot.slack.chain_followup import ChainFollowUp, FollowUp
from bot.slack.checker import Analyser, Checker
from bot.slack.commands import run_command
from bot.slack.events import ensure_events_table
from bot.slack.jobs import Job, JobRunner, enqueue, ensure_jobs_table
from bot.slack.render import LinkOutcome, Rendered
from bot.slack.replier import Message, Replier
from bot.slack.replies import ensure_reply_tables
from bot.slack.results import StoredResults
from bot.slack.web import ChannelPacer, SlackPoster, error_code
from bot.slack.workspaces import in_job_workspace
from bot.storage import checkpoint_in_background
from bot.workspace import workspace_fields

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything the listeners and jobs share."""

    settings: Settings
    db: sqlite_utils.Database
    client: AsyncWebClient
    analyser: Analyser
    http: aiohttp.ClientSession | None = None
    bot_user_id: str | None = None
    bot_id: str | None = None
    pacer: ChannelPacer = field(default_factory=ChannelPacer)
    not_articles: NotArticles = field(default_factory=load_not_articles)
    checker: Checker = field(init=False)
    replier: Replier = field(init=False)
    results: StoredResults = field(init=False)
    runner: JobRunner = field(init=False)
    poster: SlackPoster = field(init=False)
    _tasks: set[asyncio.Task[Any]] = field(default_factory=set)

    def __post_init__(self) -> None:
        for ensure in (ensure_jobs_table, ensure_events_table, channels.ensure_channels_table, ensure_reply_tables):
            ensure(self.db)
        ensure_checks_table(self.db)
        self.poster = SlackPoster(self.client, self.pacer)
        self.checker = Checker(self.db, self.analyser, chains=self.settings.chain_max_fetches > 0)
        self.replier = Replier(self.db, self.checker, self.poster, self._chain_follow_up())
        self.results = StoredResults(self.db, self.client, self.poster)
        self.runner = JobRunner(
            self.db,
            in_job_workspace({
                "message": self.do_message,
                "edit": self.do_edit,
                "slash": self.do_slash,
                "introduce": self.do_introduce,
                "ask": self.do_ask,
                "mention": self.do_mention,
            }),
            lease=self.settings.job_lease,
        )  # fmt: skip

    def _chain_follow_up(self) -> FollowUp | None:
        """Copies are compared with their originals through the same safe fetcher the checks use."""
        fetcher = self.analyser.fetcher
        if not isinstance(fetcher, Fetcher):
            return None
        follow_up = ChainFollowUp(
            self.db, self.settings, fetcher, self.poster, lambda: self.analyser.registry, self.analyser.chain_work,
            turn=lambda due: self.runner.background_turn(due),
        )  # fmt: skip

        def start(channel: str, reply_ts: str, outcome: LinkOutcome, pasted: str | None) -> None:
            self.spawn(follow_up.after_reply(channel, reply_ts, outcome, pasted), f"chain-{channel}-{reply_ts}")

        return start

    @property
    def registry(self) -> Registry | None:
        return self.analyser.registry

    # -- taking work in (called by listeners, before Slack is answered) ---------------------------------------

    def accept(self, kind: str, key: str, payload: dict[str, Any], *, event_id: str | None = None) -> bool:
        """Store a job durably and start it; False when the event or the work was already taken in."""
        payload = {**workspace_fields(), **payload}  # the job runs later in the workspace it came from
        job_id = enqueue(self.db, kind, key, payload, event_id=event_id)
        if job_id is None:
            log.debug("ignored a repeat of %s (%s)", key, event_id)
            return False
        self.runner.submit(job_id)  # pasted text and links wait for a CPU slot in order of arrival
        return True

    def spawn(self, coro: Awaitable[Any], name: str) -> None:
        """Work that needs no durability (opening a modal, refreshing the Home tab): run it, log failures."""

        async def guarded() -> None:
            try:
                await coro
            except SlackApiError as error:
                log.warning("%s failed: %s", name, error_code(error))
            except Exception:
                log.exception("%s failed", name)

        task = asyncio.create_task(guarded(), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def stop(self, grace: float = 5.0) -> None:
        await self.runner.stop(grace)
        if self._tasks:
            _, still = await asyncio.wait(list(self._tasks), timeout=grace)
            for task in still:
                task.cancel()

    async def drain(self) -> None:
        """Wait until all started work is finished (tests and the benchmark)."""
        while self.runner.busy or self._tasks:
            await self.runner.drain()
            if self._tasks:
                await asyncio.wait(list(self._tasks))

    def housekeeping(self) -> None:
        pruned = {table: n for table, n in prune_all(self.db, self.settings).items() if n}
        if pruned:
            log.info("pruned old rows: %s", ", ".join(f"{table} {n}" for table, n in sorted(pruned.items())))

    # -- jobs -----------------------------------------------------------------------------------------------

    async def do_message(self, job: Job) -> None:
        await self.replier.answer_new(Message.from_payload(job.payload))

    async def do_edit(self, job: Job) -> None:
        await self.replier.answer_edit(Message.from_payload(job.payload), job.payload.get("previous_links") or [])

    async def do_ask(self, job: Job) -> None:
        """The "Check provenance" shortcut on a message."""
        await self.replier.answer_on_demand(Message.from_payload(job.payload), job.payload.get("response_url"))

    async def do_mention(self, job: Job) -> None:
        """An @mention: in a thread it asks about the thread's first message, else about its own message."""
        p = job.payload
        asked = Message.from_payload(p)
        if p.get("thread_ts") and p["thread_ts"] != p["ts"]:
            parent = await self.replier.parent_message(p["channel"], p["thread_ts"])
            if parent is not None and (parent.links or parent.text):
                asked = parent
        await self.replier.answer_on_demand(asked, None)

    async def do_introduce(self, job: Job) -> None:
        await self.replier.introduce(job.payload["channel"])

    async def do_slash(self, job: Job) -> None:
        await run_command(self, job.payload)

    async def private_check(self, text: str, *, channel: str | None, user: str | None) -> Rendered:
        return await self.replier.private_check(text, channel=channel, user=user)


BackgroundTask = Callable[[Services, asyncio.Event], Awaitable[None]]


async def wal_checkpoints(services: Services, stop: asyncio.Event) -> None:
    """The database's log checkpointed off the event loop (`bot.storage.checkpoint_in_background`)."""
    await checkpoint_in_background(services.db, stop)
