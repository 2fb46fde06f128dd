"""Global middleware: an event already taken in (Slack re-delivers with X-Slack-Retry-Num) is acknowledged and
dropped before any listener sees it. Jobs mark their event seen when they are stored (`bot.slack.jobs.enqueue`)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.response import BoltResponse

from bot.slack.events import is_seen
from bot.slack.service import Services

log = logging.getLogger(__name__)


async def skip_redelivered_events(body: dict[str, Any], next: Callable[[], Awaitable[None]], services: Services) -> Any:
    event_id = body.get("event_id") if isinstance(body, dict) else None
    if isinstance(event_id, str) and is_seen(services.db, event_id):
        log.debug("event %s was delivered again; already taken in", event_id)
        return BoltResponse(status=200, body="")
    return await next()


def register(app: Any) -> None:
    app.middleware(skip_redelivered_events)
