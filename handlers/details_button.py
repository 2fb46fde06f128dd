"""The "Details" button: a modal with the evidence behind each claim (opened at once: trigger_id expires)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.slack.render import DETAILS_ACTION
from bot.slack.service import Services
from handlers.payload import MalformedPayload, text_field


async def on_details(
    body: dict[str, Any], action: dict[str, Any], ack: Callable[..., Awaitable[None]], services: Services
) -> None:
    trigger_id = text_field(body, "trigger_id")
    try:
        check_id = int(text_field(action, "value"))
    except ValueError:
        raise MalformedPayload("the Details button's value is not a check id") from None
    await ack()
    services.spawn(services.results.open_details(trigger_id, check_id), f"details-{check_id}")


def register(app: Any) -> None:
    app.action(DETAILS_ACTION)(on_details)
