"""New messages in channels, private channels and DMs: store a job when one shares an article link or pastes
article text (`bot.slack.triage` decides; chatter, memos, code and links to tools store nothing)."""

from __future__ import annotations

from typing import Any

from bot.slack import channels
from bot.slack.links import is_readable
from bot.slack.service import Services
from bot.slack.triage import automatic, mentions
from handlers.payload import message_job, text_field


async def on_message(body: dict[str, Any], event: dict[str, Any], context: dict[str, Any], services: Services) -> None:
    if not is_readable(event):
        return  # bots (ours included), joins, topic changes, deletions…
    channel, ts = text_field(event, "channel"), text_field(event, "ts")
    if mentions(event, services.bot_user_id or context.get("bot_user_id")):
        return  # asking the bot by name: the app_mention listener answers it
    if channels.is_muted(services.db, channel):
        return  # on-request mode: only the shortcut and @mentions get answers
    ask = automatic(event, services.not_articles)
    if not ask.wanted:
        return  # ordinary conversation: nothing to store
    services.accept(
        "message",
        f"msg:{channel}:{ts}",
        message_job(event, channel, ts, ask.links, ask.text),
        event_id=body.get("event_id"),
    )


def register(app: Any) -> None:
    app.event("message")(on_message)
