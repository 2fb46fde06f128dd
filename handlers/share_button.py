"""The "Share in channel" button under a private `/provenance` answer: post the stored result for everyone."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.slack.render import SHARE_ACTION
from bot.slack.service import Services
from handlers.payload import MalformedPayload, mapping_field, text_field


async def on_share(
    body: dict[str, Any], action: dict[str, Any], ack: Callable[..., Awaitable[None]], services: Services
) -> None:
    channel = text_field(mapping_field(body, "channel"), "id")
    user = text_field(mapping_field(body, "user"), "id")
    try:
        check_ids = [int(part) for part in text_field(action, "value").split(",")]
    except ValueError:
        raise MalformedPayload("the Share button's value is not a list of check ids") from None
    await ack()
    services.spawn(
        services.results.share(channel=channel, user=user, check_ids=check_ids, response_url=body.get("response_url")),
        f"share-{channel}",
    )


def register(app: Any) -> None:
    app.action(SHARE_ACTION)(on_share)
