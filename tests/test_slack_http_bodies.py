"""The HTTP server under hostile clients (issue 12): bodies that are not UTF-8 are refused with 400 once signed,
401 when not, never a 500; idle connections are closed; a crowd of idle sockets is capped."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
import time
from typing import Any

import pytest

import bot.slack.app as app_module
from bot.slack.connections import ConnectionLimit
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


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


async def test_a_crowd_of_idle_sockets_is_capped_and_health_and_events_still_answer(
    start_bot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Many idle sockets (issue 12 used 1,100): the server keeps at most PROVBOT_MAX_CONNECTIONS of them open,
    closing the oldest idle ones, so its file descriptors stay bounded and a health check or an event gets in."""
    bot = await start_bot(max_connections=20)
    before = _open_descriptors()
    crowd = [await asyncio.open_connection("127.0.0.1", bot.server.port) for _ in range(300)]
    try:
        async with bot.session.get(f"{bot.base_url}/healthz") as response:  # accepted after the whole crowd
            assert response.status == 200
        server_side = _open_descriptors() - before - len(crowd) - 1  # the health check's own client socket
        assert server_side <= 20 + 1
        status, _ = await bot.signed.event({"type": "reaction_added", "user": "U1", "reaction": "eyes"})
        assert status == 200
        assert len([r for r in caplog.records if r.name == "bot.slack.connections"]) == 1  # one line, not a flood
    finally:
        for _, writer in crowd:
            writer.close()


class _Handler:
    """A stand-in for aiohttp's request handler: idle while waiting for a request."""

    def __init__(self, idle: bool) -> None:
        self._waiter = asyncio.get_running_loop().create_future()
        if not idle:
            self._waiter.set_result(None)
        self.closed = False

    def force_close(self) -> None:
        self.closed = True


class _Server:
    def __init__(self, connections: list[_Handler]) -> None:
        self.connections = connections

    def __call__(self) -> asyncio.Protocol:
        return asyncio.Protocol()


async def test_at_the_limit_an_idle_connection_makes_room_and_with_none_idle_the_newcomer_is_refused() -> None:
    busy, idle = _Handler(idle=False), _Handler(idle=True)
    limit = ConnectionLimit(_Server([busy, idle]), 2)  # type: ignore[arg-type]
    assert type(limit.protocol()) is asyncio.Protocol and idle.closed and not busy.closed
    everyone_busy = ConnectionLimit(_Server([busy, _Handler(idle=False)]), 2)  # type: ignore[arg-type]
    assert type(everyone_busy.protocol()) is not asyncio.Protocol and everyone_busy.refused == 1
    assert type(ConnectionLimit(_Server([busy]), 2).protocol()) is asyncio.Protocol  # type: ignore[arg-type]
