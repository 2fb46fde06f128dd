"""The workspace's own settings, from the App Home: the Edit button opens the modal, Save stores what it says
(`bot.slack.home_settings` reads and checks it; errors go back under the fields) and refreshes the Home tab.
Only the workspace's admins and owners may do either (`bot.slack.admins`); the Home tab shows others no Edit
button, and a click or a save that comes anyway changes nothing and says why."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.slack import channels, workspace_settings
from bot.slack.admins import why_not_editor
from bot.slack.home_settings import EDIT_ACTION, MODAL_CALLBACK, parse_submission, settings_modal
from bot.slack.service import Services
from bot.storage import row_team
from handlers.payload import mapping_field, text_field


async def on_edit(body: dict[str, Any], ack: Callable[..., Awaitable[None]], services: Services) -> None:
    trigger_id = text_field(body, "trigger_id")  # good for three seconds: the modal opens at once
    user = text_field(mapping_field(body, "user"), "id")
    await ack()
    if await why_not_editor(services.client, user):  # an old Home tab's button: redraw it, read-only with why
        services.spawn(services.results.publish_home(user), f"home-{user}")
        return
    view = settings_modal(workspace_settings.load(services.db), services.registry)
    services.spawn(services.client.views_open(trigger_id=trigger_id, view=view), "workspace-settings")


async def on_save(
    body: dict[str, Any], view: dict[str, Any], ack: Callable[..., Awaitable[None]], services: Services
) -> None:
    user = text_field(mapping_field(body, "user"), "id")
    values = mapping_field(mapping_field(view, "state"), "values")
    if refused := await why_not_editor(services.client, user):  # checked again: someone's admin role can go
        await ack(response_action="errors", errors={next(iter(values), "digest_clock"): refused})
        return
    chosen, errors = parse_submission(dict(values), services.registry)
    if chosen is None:
        await ack(response_action="errors", errors=errors)
        return
    await ack()
    workspace_settings.save(services.db, chosen, user=user)
    channels.forget_team(services.db, row_team(services.db) or "")  # channel modes follow the new default
    services.spawn(services.results.publish_home(user), f"home-{user}")


def register(app: Any) -> None:
    app.action(EDIT_ACTION)(on_edit)
    app.view(MODAL_CALLBACK)(on_save)
