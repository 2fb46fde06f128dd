"""`provbot run` starts first time in both modes, as a real process given only the variables `.env.example` names:
Socket Mode with the two tokens (no signing secret) against the local stand-in of `apps.connections.open` and its
WebSocket, HTTP mode with the signing secret. Each answers an article link with a thread reply, and SIGTERM stops it
cleanly (exit 0, no traceback; in HTTP mode at DEBUG, no token or secret in the log)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path

import aiohttp
import pytest
from dotenv import dotenv_values

from tests.cli_process import run_cli
from tests.conftest import BOT_TOKEN, SIGNING_SECRET, ArticleServer
from tests.run_process import free_port, wait_until_healthy
from tests.slack_signing import SignedSlack, event_body, message_event
from tests.slack_standin import SlackStandIn

ROOT = Path(__file__).resolve().parent.parent
APP_TOKEN = "xapp-1-A000TEST-0000-first-start"
EXAMPLE_NAMES = set(dotenv_values(ROOT / ".env.example"))


def environment(settings: Mapping[str, str]) -> dict[str, str]:
    """The process environment: nothing of ours but the settings given, each one `.env.example` names."""
    assert set(settings) <= EXAMPLE_NAMES, set(settings) - EXAMPLE_NAMES
    keep = {k: v for k, v in os.environ.items() if k not in EXAMPLE_NAMES and not k.startswith(("SLACK_", "PROVBOT_"))}
    return {**keep, **settings}


async def start(tmp_path: Path, settings: Mapping[str, str]) -> asyncio.subprocess.Process:
    # An empty .env beside the process: the settings come from the environment alone.
    (tmp_path / ".env").write_text("", encoding="utf-8")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=environment(settings),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def connected(process: asyncio.subprocess.Process, slack: SlackStandIn) -> None:
    """Wait for the bot's WebSocket; a process that exits first fails the test with its own last line."""
    socket = asyncio.ensure_future(slack.wait_for_socket(timeout=30))
    exited = asyncio.ensure_future(process.wait())
    await asyncio.wait([socket, exited], return_when=asyncio.FIRST_COMPLETED)
    if not socket.done():
        socket.cancel()
        raise AssertionError(f"provbot run exited: {await stop(process)}")
    exited.cancel()
    socket.result()


async def stop(process: asyncio.subprocess.Process) -> str:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
    return stderr.decode()


@pytest.mark.real_processes
async def test_socket_mode_starts_with_the_two_tokens_only(
    tmp_path: Path, slack_standin: SlackStandIn, article_server: ArticleServer
) -> None:
    settings = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_API_URL": slack_standin.api_url,
        "PROVBOT_DB": str(tmp_path / "socket.db"),
        "PROVBOT_ALLOW_PRIVATE": "127.0.0.1/32",
        "PROVBOT_CHAIN_MAX_FETCHES": "0",  # the case page credits an original on the internet: never fetched here
    }
    process = await start(tmp_path, settings)
    try:
        await connected(process, slack_standin)
        event = message_event(f"<{article_server.case('afp-barrons.html')}>", channel="C310")
        envelope = await slack_standin.socket_send(json.loads(event_body(event, event_id="EvFirst1")))
        await slack_standin.socket_ack(envelope, timeout=20)
        reply = await slack_standin.wait_for("chat.postMessage", timeout=20)
        assert reply.params["thread_ts"] == event["ts"] and "Copy of an AFP wire story" in reply.params["text"]
    finally:
        log = await stop(process)
    assert process.returncode == 0, log
    assert "Traceback" not in log and "signing_secret" not in log
    [opened] = slack_standin.calls_to("apps.connections.open")
    assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"


@pytest.mark.real_processes
async def test_http_mode_starts_with_the_signing_secret(
    tmp_path: Path, slack_standin: SlackStandIn, article_server: ArticleServer
) -> None:
    port = free_port()
    settings = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack_standin.api_url,
        "PROVBOT_DB": str(tmp_path / "http.db"),
        "PROVBOT_HOST": "127.0.0.1",
        "PROVBOT_PORT": str(port),
        "PROVBOT_ALLOW_PRIVATE": "127.0.0.1/32",
        "PROVBOT_CHAIN_MAX_FETCHES": "0",  # the case page credits an original on the internet: never fetched here
        "PROVBOT_LOG_LEVEL": "DEBUG",  # the most the log ever says: still no secret in it
    }
    process = await start(tmp_path, settings)
    try:
        async with aiohttp.ClientSession() as session:
            await wait_until_healthy(session, port)
            signed = SignedSlack(f"http://127.0.0.1:{port}", SIGNING_SECRET, session)
            event = message_event(f"<{article_server.case('afp-barrons.html')}>", channel="C311")
            status, _ = await signed.event(event)
            assert status == 200
            reply = await slack_standin.wait_for("chat.postMessage", timeout=20)
            assert reply.params["thread_ts"] == event["ts"] and "Copy of an AFP wire story" in reply.params["text"]
    finally:
        log = await stop(process)
    assert process.returncode == 0, log  # SIGTERM stops it cleanly
    assert "Traceback" not in log
    assert BOT_TOKEN not in log and SIGNING_SECRET not in log


# The refusals below stop `provbot run` before it takes any event: it runs in-process (tests/cli_process.py), which
# tests/test_cli.py checks prints what the real process does. The first two come before the bot asks Slack anything
# (Slack's address is a closed port).
NO_SLACK = "http://127.0.0.1:9/api/"


def test_http_mode_without_the_secret_says_so_in_one_line(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("", encoding="utf-8")
    result = run_cli(["run"], environment({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": NO_SLACK}), tmp_path)
    assert result.returncode == 2  # bad usage: a setting is missing
    assert result.stderr.decode().strip() == "provbot: SLACK_SIGNING_SECRET is not set (see .env.example)"


def test_a_database_that_cannot_be_opened_is_named_in_one_line(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_bytes(b"these are notes, not an SQLite database" * 100)
    (tmp_path / ".env").write_text("", encoding="utf-8")
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": "s3cret", "SLACK_API_URL": NO_SLACK}
    result = run_cli(["run"], environment({**env, "PROVBOT_DB": str(not_a_database)}), tmp_path)
    log = result.stderr.decode()
    assert result.returncode == 1
    assert log.strip().startswith(f"provbot: PROVBOT_DB {not_a_database} cannot be opened: ")
    assert "Unclosed client session" not in log and "Traceback" not in log


async def test_a_slack_server_error_at_start_is_not_called_a_refused_token(
    tmp_path: Path, slack_standin: SlackStandIn
) -> None:
    # a 503 saying when to come back (Retry-After): the retries come at once instead of on the backoff schedule
    slack_standin.server_error("auth.test", status=503, times=20, retry_after=0)
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": "s3cret", "SLACK_API_URL": slack_standin.api_url}
    (tmp_path / ".env").write_text("", encoding="utf-8")
    settings = environment({**env, "PROVBOT_DB": str(tmp_path / "provbot.db")})
    # in a thread: the command runs its own event loop, while this one serves the stand-in it asks
    result = await asyncio.wait_for(asyncio.to_thread(run_cli, ["run"], settings, tmp_path), timeout=60)
    log = result.stderr.decode()
    assert result.returncode == 1
    assert log.strip().splitlines()[-1] == f"provbot: Slack at {slack_standin.api_url} answered auth.test with HTTP 503"
    assert "refused" not in log and "Traceback" not in log
    assert "Unclosed client session" not in log
