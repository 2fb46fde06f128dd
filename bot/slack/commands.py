"""`/provenance` and its subcommands, as one table.

Adding a subcommand is one entry in `SUBCOMMANDS`: the handler (a function, or "module:function" imported on
first use so this module never imports yours at start), the usage line and one sentence for `/provenance help`,
and which arguments it accepts. Anything that matches no entry is a link or pasted text to check.

A handler receives a `CommandContext` and answers with `await ctx.reply(rendered)` (ephemeral by default).
It runs as a stored job after Slack has been acknowledged, so it may take its time; the answer goes through
Bolt's `respond()` to the response_url Slack gave.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.checks import recent_checks
from bot.slack import channels
from bot.slack import render as render_slack
from bot.slack.jobs import waiting_on_io
from bot.slack.render import Rendered

if TYPE_CHECKING:
    from slack_bolt.context.respond.async_respond import AsyncRespond

    from bot.slack.service import Services

log = logging.getLogger(__name__)

_DOMAIN = re.compile(r"^(?:https?://)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:/\S*)?$", re.IGNORECASE)


@dataclass
class CommandContext:
    services: Services
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
    return bool(_DOMAIN.match(args.strip()))


@dataclass(frozen=True)
class Subcommand:
    handler: Handler | str
    usage: str
    description: str
    # Which arguments make it this subcommand: by default none, so a paste that starts "History of…" is checked
    # as text rather than read as `/provenance history`.
    accepts: Callable[[str], bool] = no_args

    def resolve(self) -> Handler:
        if callable(self.handler):
            return self.handler
        module, _, name = self.handler.partition(":")
        return getattr(importlib.import_module(module), name)


# -- the built-in subcommands -----------------------------------------------------------------------------------


async def show_help(ctx: CommandContext) -> None:
    extra = [(s.usage, s.description) for name, s in SUBCOMMANDS.items() if name not in BUILT_IN]
    await ctx.reply(render_slack.help_text(extra))


async def show_outlet(ctx: CommandContext) -> None:
    match = _DOMAIN.match(ctx.args.strip())
    domain = match.group(1).lower().removeprefix("www.") if match else ctx.args.strip()
    found = ctx.services.registry.by_host(domain) if ctx.services.registry is not None else None
    entry, matched = found if found else (None, None)
    await ctx.reply(render_slack.outlet_message(domain, entry, matched))


async def show_history(ctx: CommandContext) -> None:
    if not ctx.channel:
        await ctx.reply(render_slack.render_note("Use this in a channel to see its recent checks."))
        return
    await ctx.reply(render_slack.history_message(recent_checks(ctx.services.db, channel=ctx.channel, limit=15)))


async def mute(ctx: CommandContext) -> None:
    if ctx.channel:
        channels.set_muted(ctx.services.db, ctx.channel, True, user=ctx.user)
    await ctx.reply(
        render_slack.render_note(
            ":no_bell: Muted: I won't reply to links in this channel any more. "
            "`/provenance <link>` still works, and `/provenance unmute` turns replies back on."
        )
    )


async def unmute(ctx: CommandContext) -> None:
    if ctx.channel:
        channels.set_muted(ctx.services.db, ctx.channel, False, user=ctx.user)
    await ctx.reply(render_slack.render_note(":bell: Unmuted: I'll reply to article links in this channel again."))


SUBCOMMANDS: dict[str, Subcommand] = {
    "help": Subcommand(show_help, "/provenance help", "this list"),
    "outlet": Subcommand(
        show_outlet, "/provenance outlet <domain>", "what the registry knows about an outlet", one_domain
    ),
    "history": Subcommand(show_history, "/provenance history", "this channel's recent checks"),
    "mute": Subcommand(mute, "/provenance mute", "stop automatic replies in this channel"),
    "unmute": Subcommand(unmute, "/provenance unmute", "turn automatic replies back on"),
}
BUILT_IN = frozenset(SUBCOMMANDS)

SUBCOMMANDS["digest"] = Subcommand(
    "bot.digest.slack_command:digest_subcommand",
    "/provenance digest [HH:MM [Area/City] | off | now]",
    "this channel's daily digest: set its time, switch it off, or post one now",
    lambda args: len(args.split()) <= 2,  # a time and a zone at most: a longer "Digest …" paste is article text
)


def route(text: str) -> tuple[str | None, str]:
    """(subcommand name or None for "check this", its arguments)."""
    stripped = text.strip()
    if not stripped:
        return "help", ""
    word, _, rest = stripped.partition(" ")
    name = word.lower()
    spec = SUBCOMMANDS.get(name)
    if spec is not None and spec.accepts(rest):
        return name, rest.strip()
    return None, stripped


async def run_command(services: Services, payload: dict[str, Any]) -> None:
    """Run one stored `/provenance` invocation and answer through its response_url."""
    text = payload.get("text") or ""
    respond = services.respond_to(payload["response_url"])
    name, args = route(text)
    ctx = CommandContext(
        services=services,
        text=text,
        args=args,
        channel=payload.get("channel_id"),
        user=payload.get("user_id"),
        respond=respond,
        payload=payload,
    )
    try:
        if name is None:
            await ctx.reply(await services.private_check(args, channel=ctx.channel, user=ctx.user))
        else:
            await SUBCOMMANDS[name].resolve()(ctx)
    except Exception:
        log.exception("/provenance %s failed", name or "check")
        await ctx.reply(render_slack.render_failure(None, "something went wrong; please try again in a minute"))
