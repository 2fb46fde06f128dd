"""Exactly one reply per job, across crashes, stops and deploys.

Every message a job posts carries Slack message metadata naming the job (its key) and the post's number within
it. A job that ran before (it was running when its process died, or its post was in flight when the answer got
lost) first looks for that message in the thread (or, for a top-level post, in the channel since the job was
stored): when Slack has it, the job records it instead of posting a second one.

A post under way is never abandoned half-way by a shutdown: `finish_in_flight` lets the call complete (up to the
Web API timeout) so the job can record what it posted, and the stop waits for it (`jobs.IN_FLIGHT_WAIT`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from datetime import datetime
from typing import Any, TypeVar

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.jobs import JobPosts

log = logging.getLogger(__name__)

REPLY_EVENT = "provbot_reply"
LOOKUP_PAGES = 5  # pages of 200 messages read when looking for an earlier post: a thread rarely has more
SINCE_MARGIN = 60.0  # seconds before the job was stored that a top-level post may carry (clocks differ)
T = TypeVar("T")


def reply_metadata(job: JobPosts, post: int) -> dict[str, Any]:
    """The metadata a job's post-th message carries (Slack keeps it with the message, invisible to people)."""
    return {"event_type": REPLY_EVENT, "event_payload": {"job_key": job.key, "post": post}}


def _is_post(message: Any, job: JobPosts, post: int) -> bool:
    if not isinstance(message, dict):
        return False
    metadata = message.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("event_type") != REPLY_EVENT:
        return False
    payload = metadata.get("event_payload")
    return isinstance(payload, dict) and payload.get("job_key") == job.key and payload.get("post") == post


def _since(job: JobPosts) -> str:
    stored = datetime.fromisoformat(job.created_at.replace("Z", "+00:00"))
    return f"{stored.timestamp() - SINCE_MARGIN:.6f}"


async def find_earlier_post(
    client: AsyncWebClient, channel: str, thread_ts: str | None, job: JobPosts, post: int
) -> str | None:
    """The ts of the message this job already posted as its post-th, if Slack has it; None when it has not, or
    when the thread cannot be read (then posting again is better than staying silent)."""
    cursor: str | None = None
    try:
        for _ in range(LOOKUP_PAGES):
            if thread_ts:
                page = await client.conversations_replies(
                    channel=channel, ts=thread_ts, include_all_metadata=True, limit=200, cursor=cursor
                )
            else:
                page = await client.conversations_history(
                    channel=channel, oldest=_since(job), include_all_metadata=True, limit=200, cursor=cursor
                )
            for message in page.get("messages") or []:
                if _is_post(message, job, post):
                    return str(message.get("ts"))
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not page.get("has_more") or not cursor:
                return None
    except SlackApiError as error:
        code = getattr(error.response, "data", {}).get("error", "unknown_error")
        log.warning("could not look for job %s's earlier reply in %s (%s); posting it", job.key, channel, code)
    return None


async def finish_in_flight(call: Awaitable[T], limit: float) -> T:
    """Await a Web API call that must not be cut off half-way: when the task is cancelled meanwhile (a shutdown),
    the call still completes (for up to `limit` seconds) and its answer is returned, so the job records it."""
    inner = asyncio.ensure_future(call)
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        if inner.cancelled():
            raise
        log.info("stopping: waiting for a post Slack is still answering")
        try:
            done, _ = await asyncio.wait({inner}, timeout=limit)  # a wait that is cancelled leaves `inner` alone
        except asyncio.CancelledError:
            inner.cancel()
            raise
        if not done:
            inner.cancel()
            raise asyncio.CancelledError() from None
        if (task := asyncio.current_task()) is not None:
            task.uncancel()  # the job goes on to record what it posted, then ends
        return inner.result()
