"""The app uninstalled from a workspace, or its bot token revoked: that workspace's installation and everything
the bot stored for it are deleted (`bot.retention.erase_workspace`); the other workspaces' are not touched.
Bolt runs these without looking up an installation, since there may be none left to find."""

from __future__ import annotations

import logging
from typing import Any

from bot.retention import erase_workspace
from bot.slack.service import Services
from bot.workspace import workspace_of

log = logging.getLogger(__name__)


def _erase(context: dict[str, Any], services: Services, why: str) -> None:
    workspace = workspace_of(context)
    if workspace is None:
        log.warning("%s without a team or an enterprise: nothing to erase", why)
        return
    erased = erase_workspace(services.db, workspace)
    where = workspace.team_id or workspace.enterprise_id
    log.info("%s in %s: erased %s", why, where, ", ".join(f"{t} {n}" for t, n in sorted(erased.items())) or "nothing")


async def on_app_uninstalled(context: dict[str, Any], services: Services) -> None:
    _erase(context, services, "app uninstalled")


async def on_tokens_revoked(event: dict[str, Any], context: dict[str, Any], services: Services) -> None:
    tokens = event.get("tokens")
    if isinstance(tokens, dict) and tokens.get("bot"):  # the bot's token: the installation can do nothing more
        _erase(context, services, "bot token revoked")


def register(app: Any) -> None:
    app.event("app_uninstalled")(on_app_uninstalled)
    app.event("tokens_revoked")(on_tokens_revoked)
