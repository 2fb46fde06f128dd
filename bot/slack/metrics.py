"""`GET /metrics` in HTTP mode, and the middleware that counts Slack's requests and how fast they are answered."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import sqlite_utils
from aiohttp import web
from aiohttp.typedefs import Middleware

from bot.metrics import ACK_SECONDS, CONTENT_TYPE, SLACK_ACKS, SLACK_REQUESTS, exposition
from bot.slack.jobs import count_by_status

METRICS_PATH = "/metrics"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def count_requests_to(path: str) -> Middleware:
    """An aiohttp middleware counting requests to `path`, their answers by status, and the time to answer."""

    @web.middleware
    async def counting(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path != path:
            return await handler(request)
        started = time.perf_counter()
        SLACK_REQUESTS.inc()
        status = 500
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as error:
            status = error.status
            raise
        finally:
            SLACK_ACKS.inc(status=str(status))
            ACK_SECONDS.observe(time.perf_counter() - started)

    return counting


def metrics_handler(db: Callable[[], sqlite_utils.Database]) -> Handler:
    async def metrics(request: web.Request) -> web.Response:
        body = exposition(count_by_status(db()))
        return web.Response(body=body.encode(), headers={"Content-Type": CONTENT_TYPE})

    return metrics
