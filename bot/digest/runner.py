"""Building, posting and scheduling digests: the I/O around `bot.digest.content`, `bot.digest.render` and
`bot.digest.schedule`.

`DigestService` is what the Slack bot's background task, `/provenance digest now` and `provbot digest` share;
`run_scheduler` is the background loop. The clock is injected everywhere so tests never wait on real time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlite_utils
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.checks import checks_between
from bot.digest.content import Digest, build_digest
from bot.digest.render import DigestMessage, render_messages, slack_date
from bot.digest.schedule import DueDigest, claim, due, finish, get_schedule, next_digest
from bot.settings import Settings
from bot.slack.installations import installed_teams
from bot.workspace import Workspace, in_workspace

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


# The clock the running bot's digests use (scheduler and `/provenance digest`); end-to-end tests replace it.
clock: Clock = utc_now


def bot_clock() -> datetime:
    """Reads `clock` at call time, so replacing the module attribute takes effect in running tasks too."""
    return clock()


class DigestPostError(Exception):
    """Slack refused or could not be reached; the message is one line such as 'slack: not_in_channel'."""

    def __init__(self, message: str, *, first_ts: str | None = None) -> None:
        super().__init__(message)
        self.first_ts = first_ts  # set when the first part went out before the failure


@dataclass
class Outcome:
    channel: str
    status: str  # sent | empty | failed | skipped (someone else had the day)
    digest: Digest | None = None
    message_ts: str | None = None
    detail: str | None = None


def build_for_window(db: sqlite_utils.Database, channel: str, start: datetime, end: datetime, zone: str) -> Digest:
    return build_digest(channel, checks_between(db, channel, start, end), start, end, zone)


def build_recent(db: sqlite_utils.Database, settings: Settings, channel: str, now: datetime) -> Digest:
    """The on-demand digest (`now`, the command line): the 24 hours up to `now`, in the channel's zone."""
    schedule = get_schedule(db, channel, settings.digest_time, settings.tz)
    # Checks are stamped to the second and the window's end is exclusive: a check made this very second counts.
    end = now + timedelta(seconds=1)
    return build_for_window(db, channel, end - timedelta(hours=24), end, schedule.zone)


def _slack_reason(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        error = exc.response.get("error") if exc.response is not None else None
        return f"slack: {error or 'request failed'}"
    return f"slack: cannot reach the Web API ({type(exc).__name__})"


async def post_messages(client: AsyncWebClient, channel: str, messages: list[DigestMessage]) -> str:
    """Post the first part in the channel and the rest in its thread, so a long digest is one post in the channel.

    Returns the first part's ts. Raises DigestPostError with a one-line reason.
    """
    first_ts: str | None = None
    try:
        for message in messages:
            response = await client.chat_postMessage(
                channel=channel,
                text=message.text,
                blocks=message.blocks,
                thread_ts=first_ts,
                # Unfurling every article link would bury the digest under previews.
                unfurl_links=False,
                unfurl_media=False,
            )
            if first_ts is None:
                first_ts = response["ts"]
    except (TimeoutError, SlackApiError, OSError) as exc:
        raise DigestPostError(_slack_reason(exc), first_ts=first_ts) from exc
    except Exception as exc:  # aiohttp's errors do not all derive from OSError
        if type(exc).__module__.startswith("aiohttp"):
            raise DigestPostError(_slack_reason(exc), first_ts=first_ts) from exc
        raise
    assert first_ts is not None  # messages is never empty: render_messages always returns the header
    return first_ts


class DigestService:
    def __init__(
        self,
        settings: Settings,
        db: sqlite_utils.Database,
        client: AsyncWebClient,
        clock: Clock = utc_now,
        workspaces: Callable[[], list[Workspace | None]] = lambda: [None],
    ) -> None:
        self.settings = settings
        self.db = db
        self.client = client
        self.clock = clock
        # The scheduler's rounds: each installation in turn when installed to many workspaces; otherwise one
        # round over every channel (None: no workspace to keep to).
        self.workspaces = workspaces

    async def send_now(self, channel: str) -> Outcome:
        """Post the last 24 hours' digest now, outside the daily schedule (it does not use up the day's slot)."""
        digest = build_recent(self.db, self.settings, channel, self.clock())
        if digest.empty:
            return Outcome(channel, "empty", digest)
        try:
            ts = await post_messages(self.client, channel, render_messages(digest))
        except DigestPostError as exc:
            return Outcome(channel, "failed", digest, exc.first_ts, str(exc))
        return Outcome(channel, "sent", digest, ts)

    async def run_scheduled(self, item: DueDigest) -> Outcome:
        now = self.clock()
        if not claim(self.db, item.channel, item.local_date, now):
            return Outcome(item.channel, "skipped")
        digest = build_for_window(self.db, item.channel, item.start, item.end, item.zone)
        if digest.empty:
            finish(self.db, item.channel, item.local_date, "empty", self.clock())
            return Outcome(item.channel, "empty", digest)
        try:
            ts = await post_messages(self.client, item.channel, render_messages(digest))
        except DigestPostError as exc:
            # Once the first part is in the channel the day counts as sent: retrying would post it twice.
            status = "sent" if exc.first_ts else "failed"
            finish(
                self.db, item.channel, item.local_date, status, self.clock(), message_ts=exc.first_ts, detail=str(exc)
            )
            log.warning("digest for %s on %s: %s", item.channel, item.local_date, exc)
            return Outcome(item.channel, status, digest, exc.first_ts, str(exc))
        finish(self.db, item.channel, item.local_date, "sent", self.clock(), message_ts=ts)
        log.info("digest for %s on %s posted (%d checks)", item.channel, item.local_date, digest.total)
        return Outcome(item.channel, "sent", digest, ts)

    async def tick(self) -> list[Outcome]:
        """Send every digest that is due now, in each workspace the bot serves. Safe to call as often as you like."""
        outcomes = []
        for workspace in self.workspaces():
            with in_workspace(workspace):  # its channels, its checks, its token
                for item in due(self.db, self.clock(), self.settings.digest_time, self.settings.tz):
                    try:
                        outcomes.append(await self.run_scheduled(item))
                    except Exception:
                        # One channel's bad data must not stop the others' digests or the loop.
                        log.exception("digest for %s failed", item.channel)
                        outcomes.append(Outcome(item.channel, "failed", detail="internal error"))
        return outcomes


def seconds_to_next_minute(now: datetime) -> float:
    """Wake just after each minute boundary, when schedule times (HH:MM) can become due."""
    return 60.0 - now.second - now.microsecond / 1_000_000 + 0.5


async def run_scheduler(
    service: DigestService,
    stop: asyncio.Event,
    *,
    wait: Callable[[datetime], float] = seconds_to_next_minute,
) -> None:
    """The background task: a tick at once, then one a minute until `stop` is set.

    The first tick always runs, even when `stop` comes early: it is what sends a digest missed while the bot was
    down, and it is short (one post per due channel).
    """
    while True:
        try:
            await service.tick()
        except Exception:
            log.exception("digest tick failed")
        if stop.is_set():
            return
        with contextlib.suppress(TimeoutError):  # the normal way a wait ends: time for the next tick
            await asyncio.wait_for(stop.wait(), timeout=wait(service.clock()))


async def digest_task(services: Any, stop: asyncio.Event) -> None:
    """The Slack bot's background task (listed in `bot.slack.app.background_tasks`): digests until `stop` is set.

    `services` is the bot's `bot.slack.service.Services`: its settings, its database connection (used only on
    the event loop's thread, like everything else there) and its Web API client.
    """
    db = services.db

    def rounds() -> list[Workspace | None]:
        return list(installed_teams(db)) if services.settings.oauth else [None]

    service = DigestService(services.settings, db, services.client, bot_clock, rounds)
    await run_scheduler(service, stop)


def describe_schedule(settings: Settings, db: sqlite_utils.Database, channel: str, now: datetime) -> str:
    """One line for `/provenance digest` without arguments: the channel's setting and the next run."""
    schedule = get_schedule(db, channel, settings.digest_time, settings.tz)
    if schedule.off:
        return "The daily digest is off in this channel. `/provenance digest HH:MM [Area/City]` turns it on."
    zone = ZoneInfo(schedule.zone)
    at = next_digest(db, schedule, now)
    source = "" if schedule.custom else " (the default)"
    # the setting is a wall time in the channel's zone; the next run is a moment, shown in each reader's zone
    when = slack_date(at, zone, "{date_short_pretty} at {time}", f"{at.astimezone(zone):%a %d %b %H:%M} {zone.key}")
    return (
        f"Daily digest at {schedule.clock} {schedule.zone}{source}; next: {when}."
        " Change it with `/provenance digest HH:MM [Area/City]`, `/provenance digest off` or post one now with"
        " `/provenance digest now`."
    )
