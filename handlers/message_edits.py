"""Edited and deleted messages. An edit is checked again only when its set of links changed (the job decides,
knowing what the earlier reply covered); a deletion leaves our reply where it is."""

from __future__ import annotations

from typing import Any

from bot.slack.links import extract_links, is_from_bot, plain_text
from bot.slack.service import Services
from handlers.payload import mapping_field, text_field


async def on_edit(body: dict[str, Any], event: dict[str, Any], services: Services) -> None:
    channel = text_field(event, "channel")
    message = mapping_field(event, "message")
    if is_from_bot(message) or is_from_bot(event):
        return  # a bot's message (ours included) being edited or unfurled
    ts = text_field(message, "ts")
    previous = event.get("previous_message")
    links = extract_links(message)
    previous_links = extract_links(previous) if isinstance(previous, dict) else []
    if links == previous_links:
        return  # unfurls and wording fixes: the job would find nothing changed anyway
    edit_id = body.get("event_id") or event.get("event_ts") or ts
    text = message.get("text") if isinstance(message.get("text"), str) else ""
    services.accept(
        "edit",
        f"edit:{channel}:{ts}:{edit_id}",
        {
            "channel": channel,
            "user": message.get("user"),
            "ts": ts,
            "thread_ts": message.get("thread_ts") or ts,
            "links": links,
            "previous_links": previous_links,
            "text": "" if links else plain_text(text),
        },
        event_id=body.get("event_id"),
    )


async def on_delete() -> None:
    return  # the reply stays: it may still help whoever read it


def register(app: Any) -> None:
    app.event({"type": "message", "subtype": "message_changed"})(on_edit)
    app.event({"type": "message", "subtype": "message_deleted"})(on_delete)
