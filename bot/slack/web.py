"""Talking to Slack's Web API: one client with retries, pacing per channel, and errors that never stop the bot.

Every Web API call goes to `SLACK_API_URL` (tests point it at a local stand-in). 429 answers are retried after
their `Retry-After` (slack_sdk's rate-limit handler), 5xx answers after theirs or else with exponential backoff,
dropped connections once. Channel errors a workspace admin can fix (`not_in_channel`, `channel_not_found`,
`is_archived`…) are logged with a hint and swallowed: one bad channel must not stop the replies to every other channel.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

from bot.metrics import SLACK_POSTS
from bot.slack.jobs import running_job, waiting_on_io
from bot.slack.reply_once import find_earlier_post, finish_in_flight, reply_metadata

log = logging.getLogger(__name__)

# Errors that mean "this channel cannot take our message"; the hint tells an admin what to do.
CHANNEL_HINTS = {
    "not_in_channel": "invite the bot to the channel (/invite @Provenance Bot)",
    "channel_not_found": "the channel was deleted, or the bot cannot see it (private channels need an invite)",
    "is_archived": "the channel is archived; unarchive it or ignore this",
    "restricted_action": "a workspace setting stops the bot from posting there",
    "cant_update_message": "the earlier reply cannot be edited any more",
    "message_not_found": "the earlier reply was deleted",
    "msg_too_long": "the reply was too long (this is a bug; please report it)",
    "invalid_blocks": "Slack refused the layout (this is a bug; please report it)",
}


class AsyncServerErrorBackoffHandler(AsyncRetryHandler):
    """Retries any 5xx answer with exponential backoff (slack_sdk's built-in one covers only 500 and 503)."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code < 600

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        # A 5xx that says when to come back (RFC 9110 Retry-After, as a 503 from a proxy or load balancer does) is
        # retried then; without one, on the backoff schedule.
        wait = retry_after(response) if response is not None else None
        if wait is None:
            await super().prepare_for_next_attempt_async(state=state, request=request, response=response, error=error)
            return
        state.next_attempt_requested = True
        await asyncio.sleep(wait)
        state.increment_current_attempt()


MAX_RETRY_AFTER = 60.0  # seconds; a server asking for a longer wait gets the backoff schedule instead


def retry_after(response: HttpResponse) -> float | None:
    """The seconds an answer's Retry-After header asks for, when it is a number of seconds within MAX_RETRY_AFTER."""
    for name, value in response.headers.items():
        if name.lower() == "retry-after":
            text = value[0] if isinstance(value, list) and value else value
            try:
                seconds = float(str(text))
            except ValueError:
                return None  # an HTTP date, or nonsense
            return seconds if 0 <= seconds <= MAX_RETRY_AFTER else None
    return None


def retry_handlers(*, rate_limit_retries: int = 3, server_error_retries: int = 3) -> list[AsyncRetryHandler]:
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=rate_limit_retries),
        AsyncServerErrorBackoffHandler(
            max_retry_count=server_error_retries,
            interval_calculator=BackoffRetryIntervalCalculator(backoff_factor=0.5),
        ),
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
    ]


WEB_API_TIMEOUT = 30  # seconds for one Web API call; the session the client is given must carry it too


def make_client(token: str | None, base_url: str, session: aiohttp.ClientSession | None = None) -> AsyncWebClient:
    """The one Web API client: our base address, our retry handlers, a shared connection pool."""
    return AsyncWebClient(
        token=token, base_url=base_url, session=session, timeout=WEB_API_TIMEOUT, retry_handlers=retry_handlers()
    )


def error_code(error: SlackApiError) -> str:
    data = getattr(error.response, "data", None)
    if isinstance(data, dict):
        return str(data.get("error") or "unknown_error")
    return "unknown_error"


class ChannelPacer:
    """Keeps replies to one channel to a steady pace (Slack allows about one message per second per channel).

    A token bucket per channel: a short burst goes out at once, then one message per `interval` seconds.
    """

    def __init__(
        self,
        interval: float = 1.0,
        burst: int = 5,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.interval = interval
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._state: dict[str, tuple[float, float]] = {}  # channel -> (tokens, last refill time)
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, channel: str) -> None:
        if self.interval <= 0:
            return
        lock = self._locks.setdefault(channel, asyncio.Lock())
        async with lock:
            now = self._clock()
            tokens, last = self._state.get(channel, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) / self.interval)
            if tokens < 1.0:
                await self._sleep((1.0 - tokens) * self.interval)
                now = self._clock()
                tokens = 1.0
            self._state[channel] = (tokens - 1.0, now)
            if len(self._state) > 10_000:  # forget idle channels so a huge workspace cannot grow this forever
                self._state = {c: s for c, s in self._state.items() if now - s[1] < 60}
                self._locks = {c: lk for c, lk in self._locks.items() if c in self._state}


# How a reply's `text` is posted: no previews of the pages it links, and no automatic links or mentions (an address
# or an @here quoted from a page stays text; the blocks' text objects are `verbatim` for the same reason).
PLAIN_AS_WRITTEN: dict[str, Any] = {"unfurl_links": False, "unfurl_media": False, "parse": "none", "link_names": False}
LAYOUT_REFUSALS = frozenset({"invalid_blocks", "msg_too_long", "invalid_blocks_format"})
PLAIN_TEXT_LIMIT = 3000


def _text_only(message: dict[str, Any], error: SlackApiError) -> dict[str, Any] | None:
    """The message as plain text when Slack refused its blocks or its length; None when that would not help."""
    if error_code(error) not in LAYOUT_REFUSALS or (
        not message.get("blocks") and len(message.get("text") or "") <= PLAIN_TEXT_LIMIT
    ):
        return None
    log.warning("Slack refused a reply's layout (%s); sending its text alone", error_code(error))
    text = str(message.get("text") or "")
    return {"text": text if len(text) <= PLAIN_TEXT_LIMIT else text[: PLAIN_TEXT_LIMIT - 1] + "…", "blocks": []}


class SlackPoster:
    """chat.postMessage / chat.update with pacing and the channel errors turned into log lines."""

    def __init__(self, client: AsyncWebClient, pacer: ChannelPacer | None = None) -> None:
        self.client = client
        self.pacer = pacer or ChannelPacer()

    async def post(self, channel: str, *, thread_ts: str | None = None, **message: Any) -> str | None:
        """Post (in a thread when thread_ts is given); the new message's ts, or None when the channel refused.

        Inside a job, the message carries the job's key (`bot.slack.reply_once`), and a job that ran before posts
        only when Slack does not have that message yet: it gets the earlier one's ts instead."""
        job = running_job()
        if job is None:
            return await self._post(channel, thread_ts, message)
        number = job.next_post()
        if job.resumed:
            async with waiting_on_io():
                earlier = await find_earlier_post(self.client, channel, thread_ts, job, number)
            if earlier is not None:
                log.info("job %s had posted in %s before it stopped: recording that reply", job.key, channel)
                return earlier
        return await self._post(channel, thread_ts, {**message, "metadata": reply_metadata(job, number)})

    async def _post(self, channel: str, thread_ts: str | None, message: dict[str, Any]) -> str | None:
        """When Slack refuses the layout (`invalid_blocks`, `msg_too_long`), the plain text goes instead: the
        thread gets its answer, shorter, rather than nothing."""
        try:
            async with waiting_on_io():
                await self.pacer.wait(channel)
                response = await finish_in_flight(
                    self.client.chat_postMessage(channel=channel, thread_ts=thread_ts, **PLAIN_AS_WRITTEN, **message),
                    WEB_API_TIMEOUT,
                )
        except SlackApiError as error:
            if (plain := _text_only(message, error)) is not None:
                kept = {"metadata": message["metadata"]} if "metadata" in message else {}
                return await self._post(channel, thread_ts, {**plain, **kept})
            if self._channel_problem("chat.postMessage", channel, error):
                return None
            raise
        SLACK_POSTS.inc(method="chat.postMessage")
        return response.get("ts")

    async def update(self, channel: str, ts: str, **message: Any) -> bool:
        try:
            async with waiting_on_io():
                await self.pacer.wait(channel)
                await self.client.chat_update(channel=channel, ts=ts, parse="none", link_names=False, **message)
        except SlackApiError as error:
            if (plain := _text_only(message, error)) is not None:
                return await self.update(channel, ts, **plain)
            if self._channel_problem("chat.update", channel, error):
                return False
            raise
        SLACK_POSTS.inc(method="chat.update")
        return True

    async def permalink(self, channel: str, ts: str) -> str | None:
        try:
            async with waiting_on_io():
                response = await self.client.chat_getPermalink(channel=channel, message_ts=ts)
        except SlackApiError as error:
            log.info("chat.getPermalink failed in %s: %s", channel, error_code(error))
            return None
        return response.get("permalink")

    @staticmethod
    def _channel_problem(method: str, channel: str, error: SlackApiError) -> bool:
        code = error_code(error)
        hint = CHANNEL_HINTS.get(code)
        if hint is None:
            return False
        log.warning("%s to %s failed with %s: %s", method, channel, code, hint)
        return True
