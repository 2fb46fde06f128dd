"""A cap on the HTTP server's open connections (HTTP mode), so a pile of sockets cannot exhaust the process's
file descriptors and `/healthz` stays answerable.

At most `limit` connections are open. When another one arrives at the limit, the oldest connection that is idle
(no request under way: a kept-alive socket, or one that never finished sending a request) is closed to make room;
when every open connection is in the middle of a request, the newcomer is closed at once (a refusal, which costs no
lasting file descriptor). So a crowd of idle or half-open sockets only ever pushes out its own kind, and a real
request (Slack's, a health check) always gets in. The idle timeout (`IDLE_TIMEOUT`) empties the
crowd on its own a little later; a reverse proxy in front is still the first line (README).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from aiohttp import web

log = logging.getLogger(__name__)
# An idle keep-alive connection is closed after this many seconds: a thousand idle sockets would otherwise hold a
# file descriptor each. Slack opens a new connection when it needs one; a reverse proxy in front pools its own.
IDLE_TIMEOUT = 15.0
WARN_EVERY = 60.0  # seconds between two "limit reached" log lines: a flood of sockets must not flood the log


class _Refused(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        transport.abort()  # closed before a byte is read: the descriptor is given back at once


def _idle(handler: Any) -> bool:
    """aiohttp's own test for an idle connection (its keep-alive timer uses it): waiting for a request to start."""
    waiter = getattr(handler, "_waiter", None)
    return waiter is not None and not waiter.done()


class ConnectionLimit:
    """Decides, for each new connection, whether it is served, and which idle connection makes room for it."""

    def __init__(self, server: web.Server, limit: int) -> None:
        self.server = server
        self.limit = limit
        self.refused = 0
        self.evicted = 0
        self._closing: set[Any] = set()
        self._warned = 0.0

    def protocol(self) -> asyncio.Protocol:
        """The protocol for a connection just accepted (the server's protocol factory)."""
        self._closing &= set(self.server.connections)  # forget the ones whose socket is gone
        open_now = [h for h in self.server.connections if h not in self._closing]
        if len(open_now) >= self.limit:
            idle = next((h for h in open_now if _idle(h)), None)
            if idle is None:
                self.refused += 1
                self._warn()
                return _Refused()
            self._closing.add(idle)
            idle.force_close()
            self.evicted += 1
            self._warn()
        handler: asyncio.Protocol = self.server()
        return handler

    def _warn(self) -> None:
        now = time.monotonic()
        if now - self._warned >= WARN_EVERY:
            self._warned = now
            log.warning(
                "%d open connections (the limit, PROVBOT_MAX_CONNECTIONS): closing idle ones (%d so far) and "
                "refusing new ones while all are busy (%d so far)",
                self.limit,
                self.evicted,
                self.refused,
            )


class LimitedSite(web.TCPSite):
    """aiohttp's TCP site with a ConnectionLimit in front of its protocol factory."""

    def __init__(self, runner: web.AppRunner, host: str, port: int, *, max_connections: int) -> None:
        super().__init__(runner, host, port)
        self.max_connections = max_connections
        self.limit: ConnectionLimit | None = None
        self.bound_port = port

    async def start(self) -> None:
        await web.BaseSite.start(self)  # registers the site with its runner, which stops it on cleanup
        server = self._runner.server
        assert server is not None
        self.limit = ConnectionLimit(server, self.max_connections)
        self._server = await asyncio.get_running_loop().create_server(
            self.limit.protocol, self._host, self._port, backlog=self._backlog, reuse_address=self._reuse_address
        )
        sockets = self._server.sockets
        self.bound_port = int(sockets[0].getsockname()[1]) if sockets else self._port
