"""One asyncio lock per key (a message, a link in a channel), so two jobs never answer the same thing at once."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterable

from bot.slack.jobs import waiting_on_io


class KeyedLocks:
    """One asyncio lock per key, forgotten when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, keys: Iterable[str]) -> AsyncIterator[None]:
        # Sorted, so two messages sharing two links can never wait on each other in a circle.
        ordered = sorted(set(keys))
        taken: list[str] = []
        try:
            for key in ordered:
                lock, users = self._locks.get(key, (asyncio.Lock(), 0))
                self._locks[key] = (lock, users + 1)
                taken.append(key)
                # Waiting for another job is not CPU work: give the slot up, or jobs holding every slot while
                # waiting for a lock whose holder waits for a slot would wait forever.
                async with waiting_on_io():
                    await lock.acquire()
            yield
        finally:
            for key in reversed(taken):
                lock, users = self._locks[key]
                if lock.locked():
                    lock.release()
                if users <= 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)
