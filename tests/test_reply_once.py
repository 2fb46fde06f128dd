"""Exactly one reply per message across crashes and stops, in one process: the reply carries its job in Slack
message metadata; a job that ran before finds it in the thread and records it instead of posting again; a post
Slack is still answering when the bot stops is finished and recorded, not cut off.
(Real processes, SIGKILL and a rolling deploy: test_reply_crashes.py.)"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import pytest

import bot.slack.app as app_module
import bot.slack.reply_once as reply_once_module
import bot.slack.web as web_module
from bot.slack.jobs import JobPosts, count_by_status, enqueue
from bot.slack.replies import get_reply
from bot.slack.reply_once import REPLY_EVENT, find_earlier_post
from bot.slack.web import make_client
from bot.storage import open_database, utc_text
from handlers.payload import message_job
from tests.conftest import BOT_TOKEN
from tests.slack_signing import message_event


async def test_every_reply_carries_its_job_in_message_metadata(slack_bot: Any) -> None:
    event = message_event(f"<{slack_bot.articles.case('afp-barrons.html')}>", channel="C901")
    await slack_bot.signed.event(event)
    await slack_bot.settle()
    [reply] = slack_bot.replies()
    assert reply.params["metadata"] == {
        "event_type": REPLY_EVENT,
        "event_payload": {"job_key": f"msg:C901:{event['ts']}", "post": 1},
    }


def _left_by_a_crash(bot: Any, channel: str, posted_for: str | None) -> tuple[dict[str, Any], int]:
    """A message job as a crash leaves it: run once, nothing recorded; Slack's thread holds a post carrying the
    metadata of job `posted_for` (this job's key when "self")."""
    services, slack = bot.services, bot.slack
    event = message_event(f"<{bot.articles.case('afp-barrons.html')}>", channel=channel)
    key = f"msg:{channel}:{event['ts']}"
    payload = message_job(event, channel, event["ts"], [event["text"][1:-1]], "")
    job_id = enqueue(services.db, "message", key, payload)
    assert job_id is not None
    services.db.execute("update slack_jobs set attempts = 1 where id = ?", [job_id])
    metadata = {"event_type": REPLY_EVENT, "event_payload": {"job_key": key if posted_for == "self" else posted_for}}
    metadata["event_payload"]["post"] = 1
    message = {"type": "message", "channel": channel, "thread_ts": event["ts"], "ts": "1799999999.000100"}
    slack.posted.append({**message, "bot_id": slack.bot_id, "metadata": metadata})
    return event, job_id


async def test_a_job_that_ran_before_records_the_reply_slack_already_has(slack_bot: Any) -> None:
    event, job_id = _left_by_a_crash(slack_bot, "C902", "self")
    slack_bot.services.runner.submit(job_id)
    await slack_bot.settle()
    assert slack_bot.slack.calls_to("chat.postMessage") == []
    assert slack_bot.slack.calls_to("conversations.replies")[0].params["include_all_metadata"] in ("1", "true", True)
    record = get_reply(slack_bot.services.db, "C902", event["ts"])
    assert record is not None and record.reply_ts == "1799999999.000100"
    assert count_by_status(slack_bot.services.db) == {"done": 1}


async def test_a_job_that_ran_before_posts_when_slack_has_no_reply_from_it(slack_bot: Any) -> None:
    event, job_id = _left_by_a_crash(slack_bot, "C903", "msg:C903:1.000001")  # another message's reply
    slack_bot.services.runner.submit(job_id)
    await slack_bot.settle()
    [reply] = slack_bot.slack.calls_to("chat.postMessage")
    assert reply.params["thread_ts"] == event["ts"]
    record = get_reply(slack_bot.services.db, "C903", event["ts"])
    assert record is not None and record.reply_ts == slack_bot.slack.posted[-1]["ts"] != "1799999999.000100"


async def test_a_post_slack_is_answering_at_stop_is_finished_and_recorded(
    start_bot: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=reply_once_module.__name__)
    bot = await start_bot()
    bot.slack.slow("chat.postMessage", seconds=600)  # Slack takes the post in, and answers only when told below
    event = message_event(f"<{bot.articles.case('afp-barrons.html')}>", channel="C904")
    await bot.signed.event(event)
    await bot.slack.wait_for("chat.postMessage", timeout=20)
    stopping = asyncio.ensure_future(bot.server.stop(grace=0.1))
    async with asyncio.timeout(20):  # the grace has run out, and the stop waits for the post under way
        while "waiting for a post Slack is still answering" not in caplog.text:
            await asyncio.sleep(0.01)
    bot.slack.answer_held()
    await asyncio.wait_for(stopping, timeout=20)
    db = open_database(tmp_path / "provbot.db")
    assert count_by_status(db) == {"done": 1}
    record = get_reply(db, "C904", event["ts"])
    assert record is not None and record.reply_ts == bot.slack.posted[0]["ts"]


async def test_a_post_slack_answers_too_late_times_out_and_is_recorded_not_posted_twice(
    start_bot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, fault 4: the Web API timeout reaches every call (the bot's own session too), and the post Slack had
    taken in before the answer was lost is found on the next attempt, not posted again."""
    monkeypatch.setattr(app_module, "WEB_API_TIMEOUT", 0.5)  # the session's timeout
    monkeypatch.setattr(web_module, "WEB_API_TIMEOUT", 0.5)  # the client's
    bot = await start_bot()
    bot.services.runner.retry_delay = 0.0  # the second attempt at once: what it finds is checked, not when it runs
    bot.slack.slow("chat.postMessage", seconds=600)  # Slack takes the post in and never answers
    event = message_event(f"<{bot.articles.case('afp-barrons.html')}>", channel="C905")
    await bot.signed.event(event)
    await asyncio.wait_for(bot.settle(), timeout=30)  # without the timeout, the job would wait 300 s on Slack
    [posted] = bot.slack.posted
    assert posted["thread_ts"] == event["ts"]
    record = get_reply(bot.services.db, "C905", event["ts"])
    assert record is not None and record.reply_ts == posted["ts"]
    assert count_by_status(bot.services.db) == {"done": 1}


async def test_an_earlier_post_is_found_in_its_thread_or_among_the_channels_top_level_messages(
    slack_standin: Any,
) -> None:
    job = JobPosts("introduce:C906", utc_text(), resumed=True)
    client = make_client(BOT_TOKEN, slack_standin.api_url)
    metadata = {"event_type": REPLY_EVENT, "event_payload": {"job_key": job.key, "post": 2}}
    slack_standin.posted += [
        {"type": "message", "channel": "C906", "ts": f"{time.time() - 5:.6f}", "metadata": metadata},
        {"type": "message", "channel": "C906", "ts": "1.000100", "thread_ts": "1.000000", "metadata": metadata},
    ]
    assert await find_earlier_post(client, "C906", None, job, 2) == slack_standin.posted[0]["ts"]
    assert await find_earlier_post(client, "C906", "1.000000", job, 2) == "1.000100"
    assert await find_earlier_post(client, "C906", None, job, 1) is None  # its first post never reached Slack
    assert await find_earlier_post(client, "C906", "9.000000", job, 2) is None
    slack_standin.fail("conversations.history", "missing_scope")
    assert await find_earlier_post(client, "C906", None, job, 2) is None  # cannot look: post rather than be silent
