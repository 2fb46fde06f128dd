"""Which Slack workspace a piece of work is for: a context variable, so storage and Slack calls need not be handed it.

A request sets it (`bot.slack.app`, from the payload's team and enterprise ids), a job sets it from its stored
payload, the digest scheduler for each installation it serves; asyncio tasks inherit it, so what a listener or a
job starts stays in its workspace. Rows the bot writes carry its team (`bot.storage.row_team`), and reads are
scoped to it; with no workspace (the command line) nothing is scoped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Workspace:
    """Which installation a request or a job belongs to (an org-wide install is found by its enterprise id)."""

    team_id: str | None
    enterprise_id: str | None = None
    is_enterprise_install: bool = False


current_workspace: ContextVar[Workspace | None] = ContextVar("provbot_workspace", default=None)


@contextlib.contextmanager
def in_workspace(workspace: Workspace | None) -> Iterator[None]:
    token = current_workspace.set(workspace)
    try:
        yield
    finally:
        current_workspace.reset(token)


def current_team_id() -> str | None:
    workspace = current_workspace.get()
    return workspace.team_id if workspace else None


def workspace_of(payload: Mapping[str, Any]) -> Workspace | None:
    """The workspace a stored payload (a job's, a Bolt context's fields) belongs to; None when it names none."""
    team_id, enterprise_id = payload.get("team_id"), payload.get("enterprise_id")
    if not team_id and not enterprise_id:
        return None
    return Workspace(team_id or None, enterprise_id or None, bool(payload.get("is_enterprise_install")))


def workspace_fields() -> dict[str, Any]:
    """The current workspace as payload fields, stored with a job so it runs in the same workspace later."""
    workspace = current_workspace.get()
    if workspace is None:
        return {}
    return {
        "team_id": workspace.team_id,
        "enterprise_id": workspace.enterprise_id,
        "is_enterprise_install": workspace.is_enterprise_install,
    }
