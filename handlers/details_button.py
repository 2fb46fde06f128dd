"""The "Details" and "Copy credit line" buttons: modals with the evidence and terms, or the credit line alone
(opened at once: trigger_id expires)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.slack import render as render_slack
from bot.slack.render import CREDIT_ACTION, DETAILS_ACTION
from bot.slack.service import Services
from handlers.payload import MalformedPayload, text_field


def _check_id(action: dict[str, Any]) -> int:
    try:
        return int(text_field(action, "value"))
    except ValueError:
        raise MalformedPayload("the button's value is not a check id") from None


async def open_credit(services: Services, trigger_id: str, check_id: int) -> None:
    stored = services.stored_analysis(check_id)
    view = render_slack.credit_view(stored[0]) if stored else render_slack.details_view_missing()
    await services.client.views_open(trigger_id=trigger_id, view=view)


def register(app: Any, services: Services) -> None:
    @app.action(CREDIT_ACTION)
    async def on_credit(body: dict[str, Any], action: dict[str, Any], ack: Callable[..., Awaitable[None]]) -> None:
        trigger_id = text_field(body, "trigger_id")
        check_id = _check_id(action)
        await ack()
        services.spawn(open_credit(services, trigger_id, check_id), f"credit-{check_id}")

    @app.action(DETAILS_ACTION)
    async def on_details(body: dict[str, Any], action: dict[str, Any], ack: Callable[..., Awaitable[None]]) -> None:
        trigger_id = text_field(body, "trigger_id")
        try:
            check_id = int(text_field(action, "value"))
        except ValueError:
            raise MalformedPayload("the Details button's value is not a check id") from None
        await ack()
        services.spawn(services.open_details(trigger_id, check_id), f"details-{check_id}")
