"""`/provenance` and its subcommands, as one table.

Adding a subcommand is one entry in `SUBCOMMANDS`: the handler (an async function taking a
`bot.slack.command_context.CommandContext`), the usage line and one sentence for `/provenance help`, and which
arguments it accepts. Anything that matches no entry is a link or pasted text to check.

A handler answers with `await ctx.reply(rendered)` (ephemeral by default). It runs as a stored job after Slack has
been acknowledged, so it may take its time; the answer goes through Bolt's `respond()` to the response_url Slack
gave.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.checks import recent_checks
from bot.digest.slack_command import digest_subcommand
from bot.slack import channels
from bot.slack import render as render_slack
from bot.slack.command_context import DOMAIN, CommandContext, CommandServices, Subcommand, one_domain
from bot.slack.mode_command import accepts as one_mode
from bot.slack.mode_command import mode_subcommand
from bot.slack.results import respond_to

log = logging.getLogger(__name__)


# -- the built-in subcommands -----------------------------------------------------------------------------------


async def show_help(ctx: CommandContext) -> None:
    extra = [(s.usage, s.description) for name, s in SUBCOMMANDS.items() if name not in BUILT_IN]
    await ctx.reply(render_slack.help_text(extra))


async def show_outlet(ctx: CommandContext) -> None:
    match = DOMAIN.match(ctx.args.strip())
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
    "mode": Subcommand(
        mode_subcommand,
        "/provenance mode [auto | on-request]",
        "reply on my own in this channel (auto), or only when asked with the shortcut or an @mention",
        one_mode,
    ),
    "digest": Subcommand(
        digest_subcommand,
        "/provenance digest [HH:MM [Area/City] | off | now]",
        "this channel's daily digest: set its time, switch it off, or post one now",
        lambda args: len(args.split()) <= 2,  # a time and a zone at most: a longer "Digest …" paste is article text
    ),
}
# The help text lists the subcommands defined here itself; the others (defined elsewhere) are added to it.
BUILT_IN = frozenset(name for name, spec in SUBCOMMANDS.items() if spec.handler.__module__ == __name__)


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


async def run_command(services: CommandServices, payload: dict[str, Any]) -> None:
    """Run one stored `/provenance` invocation and answer through its response_url."""
    text = payload.get("text") or ""
    respond = respond_to(payload["response_url"])
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
            await SUBCOMMANDS[name].handler(ctx)
    except Exception:
        log.exception("/provenance %s failed", name or "check")
        await ctx.reply(render_slack.render_failure(None, "something went wrong; please try again in a minute"))
