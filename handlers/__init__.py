"""Slack listeners, one concern per module, all registered here (order matters: Bolt runs the first match).

Listeners stay thin: check the payload, store a job (`Services.accept`) or start a small task, return. Like the
Bolt starter template's `listeners/`, each is a plain module-level function Bolt calls with the arguments it names;
`services` is one of them (put in every request's context by `provide_services`), so a test calls a listener
directly with plain fakes. The app runs with process_before_response, so Slack is answered only after the job is
safely in SQLite.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.slack.service import Services
from handlers import (
    app_home,
    channel_membership,
    dedupe,
    details_button,
    mentions,
    message_edits,
    message_shortcut,
    messages,
    other_events,
    provenance_command,
    share_button,
    uninstall,
    workspace_settings,
)

MODULES = (
    dedupe,  # global middleware first: drop re-delivered events
    message_edits,  # before `messages`: the subtype-specific message listeners
    messages,
    mentions,
    channel_membership,
    app_home,
    provenance_command,
    message_shortcut,
    details_button,
    share_button,
    uninstall,
    workspace_settings,
    other_events,  # last: quietly acknowledge anything else
)


def register(app: Any, services: Services) -> None:
    async def provide_services(context: dict[str, Any], next: Callable[[], Awaitable[None]]) -> None:
        context["services"] = services
        await next()

    app.middleware(provide_services)
    for module in MODULES:
        module.register(app)
