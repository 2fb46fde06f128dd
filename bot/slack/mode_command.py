"""`/provenance mode [auto | on-request]`: whether the bot answers article links and pastes in a channel on its
own (auto, the default) or only when asked, with the "Check provenance" shortcut or an @mention (on-request).
`/provenance mute` and `unmute` are the older names for on-request and auto."""

from __future__ import annotations

from bot.slack import channels
from bot.slack.command_context import CommandContext
from bot.slack.render import escape, render_note

ALIASES = {"auto": "auto", "on": "auto", "on-request": "on-request", "onrequest": "on-request", "request": "on-request"}
CHOICES = "use `/provenance mode auto` or `/provenance mode on-request`"
DESCRIPTIONS = {
    "auto": "I reply on my own to messages that share an article link or paste an article's text.",
    "on-request": "I reply only when asked: the *Check provenance* message shortcut, or @-mention me in a thread.",
}


def accepts(args: str) -> bool:
    return len(args.split()) <= 1


async def mode_subcommand(ctx: CommandContext) -> None:
    if not ctx.channel:
        await ctx.reply(render_note("Use `/provenance mode` in the channel whose mode you want to see or set."))
        return
    db, word = ctx.services.db, ctx.args.strip().lower()
    if not word:
        current = "on-request" if channels.is_muted(db, ctx.channel) else "auto"
        await ctx.reply(render_note(f"Mode here: *{current}*. {DESCRIPTIONS[current]} To change it, {CHOICES}."))
        return
    mode = ALIASES.get(word)
    if mode is None:
        await ctx.reply(render_note(f"`{escape(ctx.args.strip())}` isn't a mode: {CHOICES}."))
        return
    channels.set_muted(db, ctx.channel, mode == "on-request", user=ctx.user)
    await ctx.reply(render_note(f"Mode set to *{mode}*. {DESCRIPTIONS[mode]}"))
