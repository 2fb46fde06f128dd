"""`/provenance digest …`: a channel's daily digest time and zone, switching it off, or posting one now.

Registered as the `digest` entry of `bot.slack.commands.SUBCOMMANDS`. Answers are
ephemeral: only the person who typed the command sees them; `now` posts the digest itself in the channel.
"""

from __future__ import annotations

import functools
import zoneinfo

from bot.digest.render import escape
from bot.digest.runner import DigestService, bot_clock, describe_schedule
from bot.digest.schedule import get_schedule, next_run, set_schedule, switch_off
from bot.settings import SettingsError, parse_clock, parse_zone
from bot.slack.command_context import CommandContext
from bot.slack.render import render_note


@functools.cache
def _zones_by_lower() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def resolve_zone(raw: str) -> str:
    """'europe/berlin' → 'Europe/Berlin': people type zones in any case; the zone database has one spelling."""
    try:
        return parse_zone(raw, "zone")
    except SettingsError:
        canonical = _zones_by_lower().get(raw.strip().lower())
        if canonical is None:
            raise
        return canonical


def parse_setting(args: str) -> tuple[str, str | None]:
    """'9:30 Europe/Berlin' → ('09:30', 'Europe/Berlin'); a one-line SettingsError a person can act on otherwise."""
    words = args.split()
    try:
        clock_text = parse_clock(words[0], "time")
    except SettingsError:
        raise SettingsError(
            f"`{escape(words[0])}` isn't a time of day: use 24-hour HH:MM,"
            " e.g. `/provenance digest 09:00 Europe/Berlin` (or `off`, `now`)."
        ) from None
    if len(words) < 2:
        return clock_text, None
    try:
        return clock_text, resolve_zone(words[1])
    except SettingsError:
        raise SettingsError(
            f"`{escape(words[1])}` isn't a time zone I know: use an Area/City name such as Europe/Berlin,"
            " America/New_York or Asia/Tokyo."
        ) from None


async def digest_subcommand(ctx: CommandContext) -> None:
    services = ctx.services
    if not ctx.channel:
        await ctx.reply(render_note("Use `/provenance digest` in the channel whose digest you want to set."))
        return
    now = bot_clock()
    words = ctx.args.split()
    action = words[0].lower() if words else ""
    if not words:
        await ctx.reply(render_note(describe_schedule(services.settings, services.db, ctx.channel, now)))
    elif action == "off" and len(words) == 1:
        switch_off(services.db, ctx.channel, user=ctx.user, now=now)
        await ctx.reply(
            render_note(
                ":no_bell: The daily digest is off in this channel. `/provenance digest HH:MM` turns it back on."
            )
        )
    elif action == "now" and len(words) == 1:
        await ctx.reply(render_note(await _send_now(ctx)))
    else:
        try:
            clock_text, zone = parse_setting(ctx.args)
        except SettingsError as error:
            await ctx.reply(render_note(str(error)))
            return
        settings = services.settings
        set_schedule(services.db, ctx.channel, clock_text, zone, user=ctx.user, now=now)
        schedule = get_schedule(services.db, ctx.channel, settings.digest_time, settings.tz)
        at = next_run(schedule, now).astimezone(zoneinfo.ZoneInfo(schedule.zone))
        await ctx.reply(
            render_note(
                f":calendar: Daily digest for this channel at {schedule.clock} {schedule.zone}."
                f" Next: {at:%a %d %b %H:%M}, if anything was checked in the 24 hours before."
            )
        )


async def _send_now(ctx: CommandContext) -> str:
    services = ctx.services
    channel = ctx.channel
    assert channel is not None
    outcome = await DigestService(services.settings, services.db, services.client, bot_clock).send_now(channel)
    if outcome.status == "empty":
        return "Nothing was checked in this channel in the last 24 hours, so there is no digest to post."
    if outcome.status == "failed":
        if outcome.detail == "slack: not_in_channel":
            return "I can't post in this channel. Invite me with `/invite @Provenance Bot`, then try again."
        return f"I couldn't post the digest ({escape(outcome.detail or 'unknown error')}). Please try again later."
    total = outcome.digest.total if outcome.digest else 0
    return f"Posted the digest of the last 24 hours ({total} check{'s' if total != 1 else ''}) in this channel."
