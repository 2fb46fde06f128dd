"""Helpers for tests that start `provbot run` as a real process in HTTP mode: a free port, and waiting for /healthz."""

from __future__ import annotations

import asyncio
import socket
import time

import aiohttp


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def wait_until_healthy(session: aiohttp.ClientSession, port: int, seconds: float = 90.0) -> None:
    """Poll /healthz of a starting `provbot run` until it answers 200. The wait is by the clock, not a count of
    tries: on a loaded two-core CI machine the process's imports alone can take tens of seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.05)
    raise AssertionError(f"provbot run did not answer /healthz on port {port} within {seconds:.0f} s")
