"""The Web API client that speaks with the current workspace's token (`bot.workspace`), and jobs that run in theirs.

Installed to many workspaces (OAuth), the bot holds one token per installation. Rather than hand a client through
every layer, `WorkspaceClient` reads the current workspace at each call and takes that installation's bot token;
with one SLACK_BOT_TOKEN the bot uses a plain client and the workspace only scopes the rows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any

import aiohttp
import sqlite_utils
from slack_sdk.web.async_client import AsyncWebClient

from bot.settings import Settings
from bot.slack.installations import bot_token
from bot.slack.jobs import Job, JobHandler
from bot.slack.web import WEB_API_TIMEOUT, make_client, retry_handlers
from bot.workspace import Workspace, current_workspace, in_workspace, workspace_of


def in_request_workspace(context: Mapping[str, Any]) -> contextlib.AbstractContextManager[None]:
    """The workspace a Bolt request comes from (its context's team and enterprise ids), for everything its
    listeners store or start."""
    return in_workspace(workspace_of(context))


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
