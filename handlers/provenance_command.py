"""`/provenance …`: acknowledged at once; the invocation is stored as a job and answered through respond()
(see `bot.slack.commands` for the subcommand table)."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Any

from bot.slack.service import Services
from handlers.payload import text_field


async def on_provenance(command: dict[str, Any], ack: Callable[..., Awaitable[None]], services: Services) -> None:
    response_url = text_field(command, "response_url")
    # trigger_id is unique per invocation; without one, the response_url is.
    unique = command.get("trigger_id") or hashlib.sha256(response_url.encode()).hexdigest()[:32]
    services.accept(
        "slash",
        f"slash:{unique}",
        {
            "text": command.get("text") or "",
            "channel_id": command.get("channel_id"),
            "user_id": command.get("user_id"),
            "team_id": command.get("team_id"),
            "response_url": response_url,
        },
    )
    await ack()


def register(app: Any) -> None:
    app.command("/provenance")(on_provenance)
