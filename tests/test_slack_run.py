"""`provbot run` as a real process: serves /healthz and signed events, and SIGTERM stops it cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp

from tests.conftest import BOT_TOKEN, SIGNING_SECRET, ArticleServer
from tests.slack_signing import SignedSlack, message_event
from tests.slack_standin import SlackStandIn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def wait_until_healthy(session: aiohttp.ClientSession, port: int, tries: int = 400) -> None:
    """Poll /healthz of a starting `provbot run` until it answers 200 (or the tries run out)."""
    for _ in range(tries):
        try:
            async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.05)


async def test_provbot_run_serves_and_stops_on_sigterm(
    tmp_path: Path, slack_standin: SlackStandIn, article_server: ArticleServer
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack_standin.api_url,
        "PROVBOT_DB": str(tmp_path / "run.db"),
        "PROVBOT_HOST": "127.0.0.1",
        "PROVBOT_PORT": str(port),
        "PROVBOT_ALLOW_PRIVATE": "127.0.0.1/32",
        "PROVBOT_LOG_LEVEL": "DEBUG",
        "PROVBOT_CHAIN_MAX_FETCHES": "0",  # the case page credits an original on the internet: never fetched here
    }
    env.pop("SLACK_APP_TOKEN", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        async with aiohttp.ClientSession() as session:
            await wait_until_healthy(session, port)
            signed = SignedSlack(f"http://127.0.0.1:{port}", SIGNING_SECRET, session)
            status, _ = await signed.event(message_event(f"<{article_server.case('afp-barrons.html')}>"))
            assert status == 200
            reply = await slack_standin.wait_for("chat.postMessage", timeout=20)
            assert "an AFP wire story" in reply.params["text"]
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0
    log = stderr.decode()
    assert "Traceback" not in log
    assert BOT_TOKEN not in log and SIGNING_SECRET not in log
