"""Which workspace the bot is working for, and the Web API client that speaks with that workspace's token.

Installed to many workspaces (OAuth), the bot holds one token per installation. Rather than hand a client through
every layer, the workspace a piece of work belongs to is a context variable: a Bolt middleware sets it from each
request (`handlers/__init__.py`), a job sets it from its stored payload (`bot.slack.service`), the digest
scheduler for each installation it serves. asyncio tasks inherit it, so work a listener or a job starts stays in
its workspace. `WorkspaceClient` reads it at each call and takes that installation's bot token; with one
SLACK_BOT_TOKEN the bot uses a plain client and none of this is consulted for tokens.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from typing import Any

import aiohttp
import sqlite_utils
from slack_sdk.web.async_client import AsyncWebClient

from bot.settings import Settings
from bot.slack.installations import Workspace, bot_token
from bot.slack.jobs import Job, JobHandler
from bot.slack.web import WEB_API_TIMEOUT, make_client, retry_handlers

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


def in_job_workspace(handlers: Mapping[str, JobHandler]) -> dict[str, JobHandler]:
    """Job handlers that run in the workspace their job was stored for (a resumed job too)."""

    def bound(handler: JobHandler) -> JobHandler:
        async def run(job: Job) -> None:
            with in_workspace(workspace_of(job.payload)):
                await handler(job)

        return run

    return {kind: bound(handler) for kind, handler in handlers.items()}


class WorkspaceClient(AsyncWebClient):
    """An AsyncWebClient whose token is the current workspace's installation's, looked up at each call (so an
    uninstall or a reinstall takes effect at once). Outside any workspace it has no token, and Slack refuses."""

    def __init__(
        self,
        tokens: Callable[[Workspace], str | None],
        *,
        base_url: str,
        session: aiohttp.ClientSession | None,
        **options: Any,
    ) -> None:
        self._tokens = tokens
        super().__init__(token=None, base_url=base_url, session=session, **options)

    @property
    def token(self) -> str | None:
        workspace = current_workspace.get()
        return None if workspace is None else self._tokens(workspace)

    @token.setter
    def token(self, value: str | None) -> None:
        """The base class sets a token at construction; this client's token is always the workspace's."""


def workspace_client(
    tokens: Callable[[Workspace], str | None], base_url: str, session: aiohttp.ClientSession | None
) -> WorkspaceClient:
    """The installed bot's client: the same address, retries and connection pool as `bot.slack.web.make_client`."""
    return WorkspaceClient(
        tokens, base_url=base_url, session=session, timeout=WEB_API_TIMEOUT, retry_handlers=retry_handlers()
    )


def bot_client(settings: Settings, db: sqlite_utils.Database, session: aiohttp.ClientSession | None) -> AsyncWebClient:
    """SLACK_BOT_TOKEN's client for one workspace; installed by OAuth, the client of whichever workspace the
    work at hand is for (its installation's token, from the database)."""
    if settings.oauth:
        return workspace_client(lambda workspace: bot_token(db, workspace), settings.slack_api_url, session)
    return make_client(settings.slack_bot_token, settings.slack_api_url, session)
