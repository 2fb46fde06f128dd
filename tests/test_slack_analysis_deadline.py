"""The real bot analyses in worker processes under PROVBOT_ANALYSIS_TIMEOUT (issue 12): a page past the deadline
gets one clear line in the thread, /healthz answers meanwhile, and the next page is read by a fresh worker."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import aiohttp
import pytest

from bot.checks import recent_checks
from bot.slack.jobs import enqueue, ensure_jobs_table
from bot.storage import open_database
from handlers.payload import message_job
from tests.conftest import SIGNING_SECRET, RunningBot
from tests.run_process import wait_until_healthy
from tests.slack_signing import SignedSlack, message_event
from tests.slack_standin import SlackStandIn
from tests.test_reply_crashes import provbot_run
from tests.test_slack_e2e import say

# Half a megabyte of article: far past a deadline of one millisecond, as a hostile page was past five seconds.
LONG_PAGE = "<html><body><article>" + "<p>The water came in at dawn, and by noon it was knee deep.</p>" * 9000


async def test_a_page_past_the_deadline_gets_one_line_and_the_bot_keeps_answering(start_bot) -> None:  # type: ignore[no-untyped-def]
    bot: RunningBot = await start_bot(analysis_timeout=0.001)
    pool = bot.server._pool
    assert pool is not None
    url = bot.articles.add("long.html", LONG_PAGE)
    event = await say(bot, f"look {url}", channel="C300")
    [reply] = bot.replies()
    assert reply.params["thread_ts"] == event["ts"]
    assert "this page took too long to read (gave up after 0.001 s)" in reply.params["text"]
    [check] = recent_checks(bot.services.db, channel="C300")
    assert not check.ok and check.error == "this page took too long to read (gave up after 0.001 s)"
    assert pool.replaced == 1
    async with bot.session.get(f"{bot.base_url}/healthz") as response:
        assert response.status == 200
    pool.timeout = 30
    other = bot.articles.case("afp-barrons.html")
    await say(bot, f"and {other}", channel="C301")
    assert "Copy of an AFP wire story" in bot.replies("C301")[0].params["text"]


@pytest.mark.real_processes
async def test_a_saved_hostile_paste_does_not_keep_a_restarted_bot_unreachable(
    tmp_path: Path, slack_standin: SlackStandIn
) -> None:
    """Issue 12, fault 1 as found: 280 KB of "© " (minutes of two quadratic patterns on the event loop) saved as a
    job by a bot that crashed; `provbot run` restarts, answers /healthz and acks events, and the paste is answered."""
    db = open_database(tmp_path / "run.db")
    ensure_jobs_table(db)
    paste = "© " * 140_000
    enqueue(db, "message", "msg:CF1:1700000000.000100", message_job({}, "CF1", "1700000000.000100", [], paste))
    db.close()
    process, port, log = await provbot_run(tmp_path, slack_standin, "restarted", lease=1.0)
    try:
        async with aiohttp.ClientSession() as session:
            await wait_until_healthy(session, port)
            async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                assert response.status == 200
            signed = SignedSlack(f"http://127.0.0.1:{port}", SIGNING_SECRET, session)
            assert (await signed.event(message_event("lunch at noon?", channel="CF2")))[0] == 200
            reply = await slack_standin.wait_for("chat.postMessage", timeout=60)
        assert reply.params["thread_ts"] == "1700000000.000100"
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 60) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert "Traceback" not in log.read_text()
