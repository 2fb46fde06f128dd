"""The "Check provenance" message shortcut: checks any message on request, whatever the channel's mode, and
answers in its thread (privately when the bot is not in the channel)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.slack.service import Services
from bot.slack.triage import on_demand
from handlers.payload import mapping_field, text_field

CALLBACK_ID = "check_provenance"  # manifest.yml: features.shortcuts


async def on_check_provenance(body: dict[str, Any], ack: Callable[..., Awaitable[None]], services: Services) -> None:
    channel = text_field(mapping_field(body, "channel"), "id")
    message = mapping_field(body, "message")
    ts = text_field(message, "ts")
    ask = on_demand(message)
    services.accept(
        "ask",
        f"ask:{channel}:{ts}:{body.get('trigger_id') or body.get('action_ts')}",
        {
            "channel": channel,
            "user": text_field(mapping_field(body, "user"), "id"),
            "ts": ts,
            "thread_ts": message.get("thread_ts") or ts,
            "links": ask.links,
            "text": ask.text,
            "response_url": body.get("response_url"),
        },
    )
    await ack()


def register(app: Any) -> None:
    app.shortcut(CALLBACK_ID)(on_check_provenance)
