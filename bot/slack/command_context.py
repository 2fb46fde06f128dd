"""What a `/provenance` subcommand is given and how it answers (types only, so subcommands defined elsewhere,
such as `bot.digest.slack_command`, and the table in `bot.slack.commands` depend on this module, not on each other).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import sqlite_utils
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.engine.registry import Registry
from bot.settings import Settings
from bot.slack.jobs import waiting_on_io
from bot.slack.render import Rendered

DOMAIN = re.compile(r"^(?:https?://)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:/\S*)?$", re.IGNORECASE)


class CommandServices(Protocol):
    """What subcommands use of the running bot (`bot.slack.service.Services`)."""

    settings: Settings
    db: sqlite_utils.Database
    client: AsyncWebClient

    @property
    def registry(self) -> Registry | None: ...

    async def private_check(self, text: str, *, channel: str | None, user: str | None) -> Rendered: ...


@dataclass
class CommandContext:
    services: CommandServices
    text: str  # everything after /provenance
    args: str  # everything after the subcommand's name
    channel: str | None
    user: str | None
    respond: AsyncRespond
    payload: dict[str, Any] = field(default_factory=dict)  # the stored slash-command fields (team_id, …)

    async def reply(self, rendered: Rendered, *, in_channel: bool = False, replace_original: bool = False) -> None:
        async with waiting_on_io():
            await self.respond(
                text=rendered.text,
                blocks=rendered.blocks,
                response_type="in_channel" if in_channel else "ephemeral",
                replace_original=replace_original or None,
            )


Handler = Callable[[CommandContext], Awaitable[None]]


def no_args(args: str) -> bool:
    return not args.strip()


def one_domain(args: str) -> bool:
    return bool(DOMAIN.match(args.strip()))


@dataclass(frozen=True)
class Subcommand:
    handler: Handler
    usage: str
    description: str
    # Which arguments make it this subcommand: by default none, so a paste that starts "History of…" is checked
    # as text rather than read as `/provenance history`.
    accepts: Callable[[str], bool] = no_args
