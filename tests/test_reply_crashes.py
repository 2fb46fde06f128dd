"""Exactly one reply per message with real `provbot run` processes (HTTP mode, the Slack stand-in, loopback pages),
as the faults were found: a SIGKILL while Slack is still answering the posts, then a restart; a rolling deploy
(a second process on the same database) whose old process gets SIGTERM while its posts are in flight and two of
its jobs are still fetching: the posts are finished and recorded, the two handed over, nothing lost or doubled."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.slack.jobs import count_by_status
from bot.slack.replies import get_reply
from bot.storage import open_database
from tests.conftest import BOT_TOKEN, SIGNING_SECRET, ArticleServer
from tests.run_process import free_port, wait_until_healthy
from tests.slack_signing import SignedSlack, message_event
from tests.slack_standin import SlackStandIn

pytestmark = pytest.mark.real_processes

MESSAGES = 4


async def provbot_run(
    tmp_path: Path, slack: SlackStandIn, name: str, lease: float, **settings: str
) -> tuple[Any, int, Path]:
    """A `provbot run` process on the test's database (more settings as keyword arguments); its log goes to a file
    named after it."""
    port, log = free_port(), tmp_path / f"{name}.log"
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.api_url,
        "PROVBOT_DB": str(tmp_path / "run.db"),
        "PROVBOT_HOST": "127.0.0.1",
        "PROVBOT_PORT": str(port),
        "PROVBOT_ALLOW_PRIVATE": "127.0.0.1/32",
        "PROVBOT_CHAIN_MAX_FETCHES": "0",
        "PROVBOT_JOB_LEASE": str(lease),
        **settings,
    }
    env.pop("SLACK_APP_TOKEN", None)
    with log.open("wb") as out:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env, stdout=out, stderr=out
        )
    return process, port, log


async def _until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.05)


def _job_states(tmp_path: Path) -> dict[str, int]:
    """How many jobs are in each state, read without writing to the database the processes share."""
    with contextlib.closing(sqlite3.connect(f"file:{tmp_path / 'run.db'}?mode=ro", uri=True)) as db:
        return dict(db.execute("select status, count(*) from slack_jobs group by status").fetchall())


async def _send(session: aiohttp.ClientSession, port: int, article: str, channels: list[str]) -> list[str]:
    """A message sharing the article in each channel; their ts."""
    signed = SignedSlack(f"http://127.0.0.1:{port}", SIGNING_SECRET, session)
    sent = []
    for channel in channels:
        event = message_event(f"<{article}>", channel=channel)
        assert (await signed.event(event))[0] == 200
        sent.append(event["ts"])
    return sent


def _assert_one_reply_each(tmp_path: Path, slack: SlackStandIn, sent: dict[str, str]) -> None:
    """Each message (ts → channel) has exactly one reply in its thread, and the database records that one."""
    assert Counter(m["thread_ts"] for m in slack.posted) == {ts: 1 for ts in sent}
    db = open_database(tmp_path / "run.db")
    assert count_by_status(db) == {"done": len(sent)}
    for message in slack.posted:
        record = get_reply(db, sent[message["thread_ts"]], message["thread_ts"])
        assert record is not None and record.reply_ts == message["ts"]


async def _stop(process: Any) -> int:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    return int(await asyncio.wait_for(process.wait(), 60))


async def test_sigkill_while_slack_answers_slowly_then_a_restart_posts_each_reply_once(
    tmp_path: Path, slack_standin: SlackStandIn, article_server: ArticleServer
) -> None:
    slack = slack_standin
    slack.slow("chat.postMessage", seconds=600, times=MESSAGES)  # Slack takes each post in, and never answers
    channels = [f"CK{n}" for n in range(MESSAGES)]
    killed, port, _ = await provbot_run(tmp_path, slack, "killed", lease=1.0)
    restarted = None
    try:
        async with aiohttp.ClientSession() as session:
            await wait_until_healthy(session, port)
            sent = await _send(session, port, article_server.case("afp-barrons.html"), channels)
            await _until(lambda: len(slack.posted) >= MESSAGES)
            killed.kill()
            await killed.wait()
            restarted, port, log = await provbot_run(tmp_path, slack, "restarted", lease=1.0)
            await wait_until_healthy(session, port)
            await _until(lambda: _job_states(tmp_path) == {"done": MESSAGES})
        assert await _stop(restarted) == 0
    finally:
        for process in (killed, restarted):
            if process is not None and process.returncode is None:
                process.kill()
                await process.wait()
    _assert_one_reply_each(tmp_path, slack, dict(zip(sent, channels, strict=True)))
    assert len(slack.calls_to("conversations.replies")) == MESSAGES  # each resumed job looked before posting
    assert "Traceback" not in log.read_text()


async def test_a_rolling_deploy_stopping_the_old_process_mid_post_posts_each_reply_once(
    tmp_path: Path, slack_standin: SlackStandIn, article_server: ArticleServer
) -> None:
    slack, article = slack_standin, article_server.case("afp-barrons.html")
    slack.slow("chat.postMessage", seconds=600, times=MESSAGES)  # the old process's posts: answered when released
    # a short grace on SIGTERM: what is checked is what happens when it runs out (the default 5 s only adds waiting)
    old, old_port, old_log = await provbot_run(tmp_path, slack, "old", lease=10.0, PROVBOT_STOP_GRACE="0.2")
    new = None
    try:
        async with aiohttp.ClientSession() as session:
            await wait_until_healthy(session, old_port)
            old_channels = [f"CO{n}" for n in range(MESSAGES)]
            sent = dict(zip(await _send(session, old_port, article, old_channels), old_channels, strict=True))
            await _until(lambda: len(slack.posted) >= MESSAGES)
            new, new_port, new_log = await provbot_run(
                tmp_path, slack, "new", lease=10.0, PROVBOT_FETCH_TIMEOUT="1"
            )  # the deploy starts
            await wait_until_healthy(session, new_port)
            sent |= dict(zip(await _send(session, new_port, article, ["CN0", "CN1"]), ["CN0", "CN1"], strict=True))
            await _until(lambda: len(slack.posted) >= len(sent))
            # two more for the old process, on a site that never answers: still fetching when its grace ends
            for channel in ("CS0", "CS1"):
                slow = article_server.add(f"{channel}.html", "<html></html>", delay=600)
                sent |= dict(zip(await _send(session, old_port, slow, [channel]), [channel], strict=True))
            await _until(lambda: article_server.hits.get("CS0.html", 0) + article_server.hits.get("CS1.html", 0) >= 2)
            old.send_signal(signal.SIGTERM)  # its grace ends with its posts still in flight and the two fetching
            await _until(lambda: old_log.read_text().count("waiting for a post Slack is still answering") >= MESSAGES)
            slack.answer_held()
            assert await _stop(old) == 0
            await _until(lambda: _job_states(tmp_path) == {"done": len(sent)})
        assert await _stop(new) == 0
    finally:
        for process in (old, new):
            if process is not None and process.returncode is None:
                process.kill()
                await process.wait()
    _assert_one_reply_each(tmp_path, slack, sent)
    # The old process finished its own posts; only the two it handed back changed hands, and looked before posting.
    assert sorted(c.params["channel"] for c in slack.calls_to("conversations.replies")) == ["CS0", "CS1"]
    assert "Traceback" not in old_log.read_text() + new_log.read_text()
