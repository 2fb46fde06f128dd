"""The Slack bot's work, done after Slack has been answered: checking links and text, replying, updating.

Listeners in `handlers/` only validate a payload and store a job (`bot.slack.jobs`); the job handlers here do the
fetching, analysing, storing (`bot.checks`) and replying. Everything runs on the event loop's thread, so the one
SQLite connection is never shared between threads; only the CPU-bound analysis of pasted text runs in a worker
thread, and it does not touch the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
import sqlite_utils
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.checks import ensure_checks_table, get_check, recent_checks, record_check, set_reply_ts
from bot.model import Analysis
from bot.settings import Settings
from bot.slack import channels
from bot.slack import render as render_slack
from bot.slack.events import ensure_events_table, prune_events
from bot.slack.jobs import Job, JobRunner, enqueue, ensure_jobs_table, prune_finished, waiting_on_io
from bot.slack.links import extract_links
from bot.slack.render import MAX_LINKS, LinkOutcome, Rendered
from bot.slack.replies import (
    earlier_check,
    ensure_reply_tables,
    get_reply,
    prune_links,
    remember_link,
    save_reply,
)
from bot.slack.web import ChannelPacer, SlackPoster, error_code

log = logging.getLogger(__name__)
LONG_TEXT = 20_000  # characters of pasted text above which the analysis moves to a worker thread


def link_key(url: str) -> str:
    """The form two pastes of one article share (tracking tags and fragments removed)."""
    from bot.fetch.urls import clean_url

    try:
        return clean_url(url)
    except Exception:  # a malformed address is still a key of its own
        return url.strip()


class _IoFetcher:
    """The fetcher as `analyse_url` sees it: the job gives up its CPU slot while the page downloads."""

    def __init__(self, fetcher: Any) -> None:
        self._fetcher = fetcher

    async def fetch(self, url: str) -> Any:
        async with waiting_on_io():
            return await self._fetcher.fetch(url)


class Analyser:
    """The engine behind one seam: the real one in production, the same one in tests."""

    def __init__(self, fetcher: Any, registry: Any) -> None:
        self.fetcher = fetcher
        self.registry = registry

    async def url(self, url: str) -> Analysis:
        from bot.engine.pipeline import analyse_url

        return await analyse_url(url, _IoFetcher(self.fetcher), registry=self.registry)

    async def text(self, text: str) -> Analysis:
        from bot.engine.pipeline import analyse_text

        if len(text) >= LONG_TEXT:
            # A long paste takes tens of milliseconds; a worker thread keeps acknowledgements flowing meanwhile.
            return await asyncio.to_thread(analyse_text, text, registry=self.registry)
        # Under a millisecond: cheaper here than the hand-over to a thread (and its fight for the GIL).
        return analyse_text(text, registry=self.registry)

    def worth_reading(self, text: str) -> bool:
        from bot.engine.pipeline import looks_like_article_text

        return looks_like_article_text(text)


def failure_reason(error: BaseException) -> str:
    """What a person sees when a link cannot be checked: the fetcher's own one line, or a plain apology."""
    from bot.fetch.fetcher import FetchError

    if isinstance(error, FetchError):
        return str(error)
    if isinstance(error, TimeoutError):
        return "it took too long to check"
    return "something went wrong while checking it (the details are in the bot's log)"


class KeyedLocks:
    """One asyncio lock per key, forgotten when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, keys: Iterable[str]) -> AsyncIterator[None]:
        # Sorted, so two messages sharing two links can never wait on each other in a circle.
        ordered = sorted(set(keys))
        taken: list[str] = []
        try:
            for key in ordered:
                lock, users = self._locks.get(key, (asyncio.Lock(), 0))
                self._locks[key] = (lock, users + 1)
                taken.append(key)
                # Waiting for another job is not CPU work: give the slot up, or jobs holding every slot while
                # waiting for a lock whose holder waits for a slot would wait forever.
                async with waiting_on_io():
                    await lock.acquire()
            yield
        finally:
            for key in reversed(taken):
                lock, users = self._locks[key]
                if lock.locked():
                    lock.release()
                if users <= 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)


@dataclass
class Services:
    """Everything the listeners and jobs share; built once by `bot.slack.app.serve`."""

    settings: Settings
    db: sqlite_utils.Database
    client: AsyncWebClient
    analyser: Analyser
    http: aiohttp.ClientSession | None = None
    bot_user_id: str | None = None
    bot_id: str | None = None
    pacer: ChannelPacer = field(default_factory=ChannelPacer)
    runner: JobRunner = field(init=False)
    poster: SlackPoster = field(init=False)
    _tasks: set[asyncio.Task[Any]] = field(default_factory=set)
    _locks: KeyedLocks = field(default_factory=KeyedLocks)

    def __post_init__(self) -> None:
        for ensure in (ensure_jobs_table, ensure_events_table, channels.ensure_channels_table, ensure_reply_tables):
            ensure(self.db)
        ensure_checks_table(self.db)
        self.poster = SlackPoster(self.client, self.pacer)
        self.runner = JobRunner(
            self.db,
            {
                "message": self.do_message,
                "edit": self.do_edit,
                "slash": self.do_slash,
                "introduce": self.do_introduce,
            },
        )

    @property
    def registry(self) -> Any:
        return self.analyser.registry

    # -- taking work in (called by listeners, before Slack is answered) ---------------------------------------

    def accept(self, kind: str, key: str, payload: dict[str, Any], *, event_id: str | None = None) -> bool:
        """Store a job durably and start it; False when the event or the work was already taken in."""
        job_id = enqueue(self.db, kind, key, payload, event_id=event_id)
        if job_id is None:
            log.debug("ignored a repeat of %s (%s)", key, event_id)
            return False
        # Pasted text is the quickest to answer: it goes ahead of link checks waiting for a CPU slot.
        self.runner.submit(job_id, priority=1 if payload.get("links") else 0)
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
        prune_events(self.db)
        prune_links(self.db)
        prune_finished(self.db)

    # -- checking -------------------------------------------------------------------------------------------

    async def check_link(
        self, url: str, *, channel: str | None, user: str | None, message_ts: str | None, source: str
    ) -> LinkOutcome:
        return await self._check(url, self.analyser.url(url), channel, user, message_ts, source)

    async def check_text(
        self, text: str, *, channel: str | None, user: str | None, message_ts: str | None, source: str
    ) -> LinkOutcome:
        return await self._check(None, self.analyser.text(text), channel, user, message_ts, source)

    async def _check(
        self,
        link: str | None,
        analysing: Awaitable[Analysis],
        channel: str | None,
        user: str | None,
        message_ts: str | None,
        source: str,
    ) -> LinkOutcome:
        """Run one analysis and store it as a check, or store its one-line reason when it fails."""
        where = {"channel": channel, "user": user, "message_ts": message_ts, "link": link, "source": source}
        try:
            analysis = await analysing
        except Exception as error:
            if type(error).__name__ != "FetchError":
                log.exception("checking %s failed unexpectedly", "a link" if link else "pasted text")
            reason = failure_reason(error)
            return LinkOutcome(link or "", check_id=record_check(self.db, error=reason, **where), error=reason)
        return LinkOutcome(link or "", analysis=analysis, check_id=record_check(self.db, result=analysis, **where))

    async def _earlier(self, channel: str, url: str) -> LinkOutcome | None:
        earlier = earlier_check(self.db, channel, link_key(url))
        if earlier is None or earlier.reply_ts is None:
            return None
        minutes = int((datetime.now(UTC) - earlier.created_at).total_seconds() // 60)
        permalink = await self.poster.permalink(channel, earlier.reply_ts)
        return LinkOutcome(url, earlier_permalink=permalink, earlier_minutes=max(0, minutes))

    async def check_message_links(
        self,
        links: list[str],
        *,
        channel: str,
        user: str | None,
        message_ts: str,
        source: str,
        point_to_earlier: bool,
    ) -> list[LinkOutcome]:
        async def one(url: str) -> LinkOutcome:
            if point_to_earlier and (pointer := await self._earlier(channel, url)) is not None:
                return pointer
            return await self.check_link(url, channel=channel, user=user, message_ts=message_ts, source=source)

        return list(await asyncio.gather(*(one(url) for url in links)))

    @staticmethod
    def render(outcomes: list[LinkOutcome], skipped: int = 0, *, share: bool = False) -> Rendered:
        if len(outcomes) == 1 and not skipped:
            only = outcomes[0]
            if only.analysis is not None:
                return render_slack.render_analysis(
                    only.analysis, check_id=only.check_id, url=only.link or None, share=share
                )
            if only.error is not None:
                return render_slack.render_failure(only.link or None, only.error)
            return render_slack.render_pointer(only.link, only.earlier_permalink, only.earlier_minutes)
        rendered = render_slack.render_many(outcomes, skipped)
        ids = [o.check_id for o in outcomes if o.analysis is not None and o.check_id is not None]
        if share and ids:
            rendered.blocks.append(
                {
                    "type": "actions",
                    "elements": [
                        render_slack.button("Share in channel", render_slack.SHARE_ACTION, ",".join(map(str, ids)))
                    ],
                }
            )
        return rendered

    # -- jobs -----------------------------------------------------------------------------------------------

    async def do_message(self, job: Job) -> None:
        """A new message: reply once in its thread about its links (up to MAX_LINKS) or its pasted text."""
        p = job.payload
        channel, ts, thread_ts = p["channel"], p["ts"], p.get("thread_ts") or p["ts"]
        if p.get("channel_type") != "im":
            channels.mark_active(self.db, channel)
        if channels.is_muted(self.db, channel):
            return
        links: list[str] = p.get("links") or []
        # The message lock makes an edit that arrives while this job runs wait, so there is one reply to update.
        async with self._locks.hold([f"msg:{channel}:{ts}", *(f"link:{channel}:{link_key(u)}" for u in links)]):
            earlier = get_reply(self.db, channel, ts)
            if earlier is not None and earlier.reply_ts:
                return  # answered before a restart; never twice
            if links:
                chosen, skipped = links[:MAX_LINKS], max(0, len(links) - MAX_LINKS)
                outcomes = await self.check_message_links(
                    chosen, channel=channel, user=p.get("user"), message_ts=ts, source="message", point_to_earlier=True
                )
            else:
                text = p.get("text") or ""
                if not self.analyser.worth_reading(text):
                    return
                chosen, skipped = [], 0
                outcomes = [
                    await self.check_text(text, channel=channel, user=p.get("user"), message_ts=ts, source="message")
                ]
            rendered = self.render(outcomes, skipped)
            reply_ts = await self.poster.post(channel, thread_ts=thread_ts, **rendered.as_kwargs())
            self._remember(channel, ts, thread_ts, chosen, outcomes, reply_ts)

    def _remember(
        self,
        channel: str,
        ts: str,
        thread_ts: str,
        links: list[str],
        outcomes: list[LinkOutcome],
        reply_ts: str | None,
    ) -> None:
        check_ids = [o.check_id for o in outcomes if o.check_id is not None]
        with self.db.atomic():  # one commit for the whole bookkeeping of a reply
            save_reply(
                self.db,
                channel=channel,
                message_ts=ts,
                thread_ts=thread_ts,
                links=links,
                reply_ts=reply_ts,
                check_ids=check_ids,
            )
            if reply_ts is None:
                return
            for outcome in outcomes:
                if outcome.check_id is not None:
                    set_reply_ts(self.db, outcome.check_id, reply_ts, thread_ts)
                if outcome.analysis is not None and outcome.link:
                    remember_link(
                        self.db,
                        channel=channel,
                        link_key=link_key(outcome.link),
                        check_id=outcome.check_id,
                        message_ts=ts,
                        thread_ts=thread_ts,
                        reply_ts=reply_ts,
                    )

    async def do_edit(self, job: Job) -> None:
        """An edited message: when its set of links changed, check again and update the earlier reply in place."""
        p = job.payload
        channel, ts, thread_ts = p["channel"], p["ts"], p.get("thread_ts") or p["ts"]
        if channels.is_muted(self.db, channel):
            return
        links: list[str] = p.get("links") or []
        async with self._locks.hold([f"msg:{channel}:{ts}"]):
            earlier = get_reply(self.db, channel, ts)
            before = earlier.links if earlier is not None else p.get("previous_links") or []
            if {link_key(u) for u in links} == {link_key(u) for u in before}:
                return  # unfurls, typo fixes and reactions-only edits: nothing to do
            if links:
                chosen, skipped = links[:MAX_LINKS], max(0, len(links) - MAX_LINKS)
                outcomes = await self.check_message_links(
                    chosen, channel=channel, user=p.get("user"), message_ts=ts, source="message", point_to_earlier=False
                )
                rendered = self.render(outcomes, skipped)
            else:
                chosen, outcomes = [], []
                text = p.get("text") or ""
                if self.analyser.worth_reading(text):
                    outcomes = [
                        await self.check_text(
                            text, channel=channel, user=p.get("user"), message_ts=ts, source="message"
                        )
                    ]
                    rendered = self.render(outcomes)
                elif earlier is not None and earlier.reply_ts:
                    rendered = render_slack.render_note("_The links were removed from this message._")
                else:
                    return
            if earlier is not None and earlier.reply_ts:
                updated = await self.poster.update(channel, earlier.reply_ts, **rendered.as_kwargs())
                reply_ts = earlier.reply_ts if updated else None
            else:
                reply_ts = await self.poster.post(channel, thread_ts=thread_ts, **rendered.as_kwargs())
            self._remember(channel, ts, thread_ts, chosen, outcomes, reply_ts)

    async def do_introduce(self, job: Job) -> None:
        channel = job.payload["channel"]
        if not channels.mark_introduced(self.db, channel):
            return
        await self.poster.post(channel, **render_slack.introduction().as_kwargs())

    async def do_slash(self, job: Job) -> None:
        from bot.slack.commands import run_command

        await run_command(self, job.payload)

    # -- the slash command's analysis ----------------------------------------------------------------------

    async def private_check(self, text: str, *, channel: str | None, user: str | None) -> Rendered:
        """`/provenance <link or text>`: the same checks, answered privately with a Share button."""
        links = extract_links({"text": text})
        if links:
            chosen, skipped = links[:MAX_LINKS], max(0, len(links) - MAX_LINKS)
            outcomes = list(
                await asyncio.gather(
                    *(self.check_link(u, channel=channel, user=user, message_ts=None, source="slash") for u in chosen)
                )
            )
            return self.render(outcomes, skipped, share=True)
        from bot.slack.links import plain_text

        outcome = await self.check_text(plain_text(text), channel=channel, user=user, message_ts=None, source="slash")
        return self.render([outcome], share=True)

    def respond_to(self, response_url: str) -> AsyncRespond:
        """Bolt's respond() for a stored response_url (jobs may run after the listener, even after a restart)."""
        return AsyncRespond(response_url=response_url)

    # -- buttons and the Home tab ----------------------------------------------------------------------------

    def stored_analysis(self, check_id: int) -> tuple[Analysis, str | None, dict[str, Any]] | None:
        record = get_check(self.db, check_id)
        if record is None or record.result is None:
            return None
        return record.result, record.link, {"channel": record.channel, "user": record.user}

    async def open_details(self, trigger_id: str, check_id: int) -> None:
        stored = self.stored_analysis(check_id)
        if stored is None:
            view = render_slack.details_view_missing()
        else:
            analysis, url, _ = stored
            view = render_slack.details_view(analysis, url=url)
        await self.client.views_open(trigger_id=trigger_id, view=view)

    async def share(self, *, channel: str, user: str, check_ids: list[int], response_url: str | None) -> None:
        outcomes = []
        for check_id in check_ids[:MAX_LINKS]:
            stored = self.stored_analysis(check_id)
            if stored is not None:
                analysis, url, _ = stored
                outcomes.append(LinkOutcome(url or "", analysis=analysis, check_id=check_id))
        respond = self.respond_to(response_url) if response_url else None
        if not outcomes:
            if respond:
                await respond(text="That result is no longer stored; run `/provenance` again.", replace_original=False)
            return
        rendered = self.render(outcomes)
        rendered.blocks.append(render_slack.context_block(f"Shared by <@{user}> with `/provenance`"))
        ts = await self.poster.post(channel, **rendered.as_kwargs())
        if ts is None:
            if respond:
                await respond(
                    text="I can't post in this channel. Invite me with `/invite @Provenance Bot`, then try again.",
                    replace_original=False,
                )
            return
        for outcome in outcomes:
            if outcome.check_id is not None:
                set_reply_ts(self.db, outcome.check_id, ts)
        if respond:
            await respond(text=f"Shared in <#{channel}>.", replace_original=True)

    async def publish_home(self, user: str) -> None:
        records = recent_checks(self.db, user=user, limit=10)
        known = [c for c in channels.list_channels(self.db) if c.channel[:1] in ("C", "G")]
        await self.client.views_publish(user_id=user, view=render_slack.home_view(records, known))


BackgroundTask = Callable[[Services, asyncio.Event], Awaitable[None]]
