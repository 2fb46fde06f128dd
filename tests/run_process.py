"""Helpers for tests that start `provbot run` as a real process in HTTP mode: a free port, and waiting for /healthz."""

from __future__ import annotations

import asyncio
import socket

import aiohttp


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
