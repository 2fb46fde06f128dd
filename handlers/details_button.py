"""The reply's "Details" and "Copy credit line" buttons: each opens a modal at once (a trigger_id expires)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.slack.render import CREDIT_ACTION, DETAILS_ACTION
from bot.slack.service import Services
from handlers.payload import MalformedPayload, text_field


def _check_id(action: dict[str, Any]) -> int:
    try:
        return int(text_field(action, "value"))
    except ValueError:
        raise MalformedPayload("the button's value is not a check id") from None


async def on_details(
    body: dict[str, Any], action: dict[str, Any], ack: Callable[..., Awaitable[None]], services: Services
) -> None:
    trigger_id, check_id = text_field(body, "trigger_id"), _check_id(action)
    await ack()
    services.spawn(services.results.open_details(trigger_id, check_id), f"details-{check_id}")


async def on_credit(
    body: dict[str, Any], action: dict[str, Any], ack: Callable[..., Awaitable[None]], services: Services
) -> None:
    trigger_id, check_id = text_field(body, "trigger_id"), _check_id(action)
    await ack()
    services.spawn(services.results.open_credit(trigger_id, check_id), f"credit-{check_id}")


def register(app: Any) -> None:
    app.action(DETAILS_ACTION)(on_details)
    app.action(CREDIT_ACTION)(on_credit)
