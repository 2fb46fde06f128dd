"""@Provenance Bot in a thread checks the thread's first message; anywhere else, the mention's own message."""

from __future__ import annotations

from typing import Any

from bot.slack.service import Services
from bot.slack.triage import on_demand
from handlers.payload import message_job, text_field


async def on_mention(body: dict[str, Any], event: dict[str, Any], services: Services) -> None:
    channel, ts = text_field(event, "channel"), text_field(event, "ts")
    ask = on_demand(event)
    services.accept(
        "mention",
        f"mention:{channel}:{ts}",
        message_job(event, channel, ts, ask.links, ask.text),
        event_id=body.get("event_id"),
    )


def register(app: Any) -> None:
    app.event("app_mention")(on_mention)
