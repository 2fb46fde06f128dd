"""The bot joining a channel: one short introduction (how to mute included). Leaving: forget we introduced
ourselves, so being invited back gets the introduction again."""

from __future__ import annotations

from typing import Any

from bot.slack import channels
from bot.slack.service import Services
from handlers.payload import text_field


def register(app: Any, services: Services) -> None:
    @app.event("member_joined_channel")
    async def on_join(body: dict[str, Any], event: dict[str, Any], context: dict[str, Any]) -> None:
        user = text_field(event, "user")
        channel = text_field(event, "channel")
        if user not in {services.bot_user_id, context.get("bot_user_id")} - {None}:
            return  # someone else joined
        channels.mark_active(services.db, channel)
        services.accept(
            "introduce",
            f"intro:{channel}:{event.get('event_ts') or body.get('event_id')}",
            {"channel": channel},
            event_id=body.get("event_id"),
        )

    @app.event("member_left_channel")
    async def on_leave(event: dict[str, Any], context: dict[str, Any]) -> None:
        if event.get("user") in {services.bot_user_id, context.get("bot_user_id")} - {None}:
            channel = text_field(event, "channel")
            services.db.execute(f"update {channels.TABLE} set introduced = 0 where channel = ?", [channel])
