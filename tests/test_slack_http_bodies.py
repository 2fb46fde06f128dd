"""Request bodies that are not UTF-8 (issue 12): refused with 400 once signed, 401 when not; never a 500."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from typing import Any

import pytest

import bot.slack.app as app_module
from tests.conftest import SIGNING_SECRET, RunningBot

BODY = b'{"type": "event_callback", "event": {"text": "caf\xe9 \xff\xfe"}}'  # Latin-1, not UTF-8


def _signature(body: bytes, secret: str) -> dict[str, str]:
    timestamp = str(int(time.time()))
    digest = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest}"}


async def _post(bot: RunningBot, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    headers = {**headers, "Content-Type": "application/json; charset=utf-8"}
    async with bot.session.post(f"{bot.base_url}/slack/events", data=body, headers=headers) as response:
        return response.status, await response.text()


async def test_a_signed_body_that_is_not_utf8_gets_400(slack_bot: RunningBot) -> None:
    assert await _post(slack_bot, BODY, _signature(BODY, SIGNING_SECRET)) == (400, "the request body is not UTF-8")
    assert slack_bot.replies() == []


async def test_an_unsigned_body_that_is_not_utf8_gets_401(slack_bot: RunningBot) -> None:
    status, _ = await _post(slack_bot, BODY, _signature(BODY, "not-the-secret"))
    assert status == 401
    status, _ = await _post(slack_bot, BODY, {})
    assert status == 401


async def test_an_idle_connection_is_closed(start_bot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client that keeps its connection open and says nothing more is let go (no pile of idle sockets)."""
    monkeypatch.setattr(app_module, "IDLE_TIMEOUT", 0.3)
    bot = await start_bot()
    reader, writer = await asyncio.open_connection("127.0.0.1", bot.server.port)
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n")
    await writer.drain()
    assert (await reader.readuntil(b"\r\n\r\n")).startswith(b"HTTP/1.1 200")
    rest = await asyncio.wait_for(reader.read(), timeout=5)  # returns once the server closes the connection
    writer.close()
    assert b"HTTP/1.1" not in rest[rest.find(b"}") + 1 :]  # nothing more came, the connection just ended
