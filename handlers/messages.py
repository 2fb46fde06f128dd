"""New messages in channels, private channels and DMs: store a job to check their links or pasted text."""

from __future__ import annotations

from typing import Any

from bot.slack import channels
from bot.slack.links import extract_links, is_readable, plain_text
from bot.slack.service import Services
from handlers.payload import text_field


async def on_message(body: dict[str, Any], event: dict[str, Any], services: Services) -> None:
    if not is_readable(event):
        return  # bots (ours included), joins, topic changes, deletions…
    channel, ts = text_field(event, "channel"), text_field(event, "ts")
    links = extract_links(event)
    text = plain_text(event.get("text") if isinstance(event.get("text"), str) else "")
    if not links and not services.checker.worth_reading(text):
        return  # ordinary conversation: nothing to store
    if channels.is_muted(services.db, channel):
        return
    services.accept(
        "message",
        f"msg:{channel}:{ts}",
        {
            "channel": channel,
            "channel_type": event.get("channel_type"),
            "user": event.get("user"),
            "ts": ts,
            "thread_ts": event.get("thread_ts") or ts,
            "links": links,
            "text": "" if links else text,
        },
        event_id=body.get("event_id"),
    )


def register(app: Any) -> None:
    app.event("message")(on_message)
