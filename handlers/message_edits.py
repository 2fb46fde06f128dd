"""Edited and deleted messages. An edit is checked again only when what it asks of the bot changed (its
article links, or becoming a paste); the job decides, knowing what the earlier reply covered. A deletion leaves
our reply where it is."""

from __future__ import annotations

from typing import Any

from bot.slack import channels
from bot.slack.links import is_from_bot
from bot.slack.service import Services
from bot.slack.triage import automatic
from handlers.payload import mapping_field, text_field


async def on_edit(body: dict[str, Any], event: dict[str, Any], services: Services) -> None:
    channel = text_field(event, "channel")
    message = mapping_field(event, "message")
    if is_from_bot(message) or is_from_bot(event):
        return  # a bot's message (ours included) being edited or unfurled
    if channels.is_muted(services.db, channel):
        return
    ts = text_field(message, "ts")
    previous = event.get("previous_message")
    ask = automatic(message, services.not_articles)
    before = automatic(previous if isinstance(previous, dict) else {}, services.not_articles)
    if ask.links == before.links and bool(ask.text) == bool(before.text):
        return  # unfurls and wording fixes: the job would find nothing changed anyway
    edit_id = body.get("event_id") or event.get("event_ts") or ts
    services.accept(
        "edit",
        f"edit:{channel}:{ts}:{edit_id}",
        {
            "channel": channel,
            "user": message.get("user"),
            "ts": ts,
            "thread_ts": message.get("thread_ts") or ts,
            "links": ask.links,
            "previous_links": before.links,
            "text": ask.text,
        },
        event_id=body.get("event_id"),
    )


async def on_delete() -> None:
    return  # the reply stays: it may still help whoever read it


def register(app: Any) -> None:
    app.event({"type": "message", "subtype": "message_changed"})(on_edit)
    app.event({"type": "message", "subtype": "message_deleted"})(on_delete)
