"""The bot joining a channel: one short introduction (how to mute included). Leaving: forget we introduced
ourselves, so being invited back gets the introduction again."""

from __future__ import annotations

from typing import Any

from bot.slack import channels
from bot.slack.service import Services
from handlers.payload import text_field


def _is_us(user: object, services: Services, context: dict[str, Any]) -> bool:
    return user in {services.bot_user_id, context.get("bot_user_id")} - {None}


async def on_join(body: dict[str, Any], event: dict[str, Any], context: dict[str, Any], services: Services) -> None:
    user = text_field(event, "user")
    channel = text_field(event, "channel")
    if not _is_us(user, services, context):
        return  # someone else joined
    channels.mark_active(services.db, channel)
    services.accept(
        "introduce",
        f"intro:{channel}:{event.get('event_ts') or body.get('event_id')}",
        {"channel": channel},
        event_id=body.get("event_id"),
    )


async def on_leave(event: dict[str, Any], context: dict[str, Any], services: Services) -> None:
    if _is_us(event.get("user"), services, context):
        channels.forget_introduction(services.db, text_field(event, "channel"))


def register(app: Any) -> None:
    app.event("member_joined_channel")(on_join)
    app.event("member_left_channel")(on_leave)
