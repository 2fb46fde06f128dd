"""The bot's own messages and views: the introduction, `/provenance help`, history lists, outlet look-ups and the
App Home tab. The reply to an article is `bot.slack.render`'s."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from bot.model import Analysis
from bot.slack.blockkit import (
    MESSAGE_BLOCKS,
    SECTION_LIMIT,
    TEXT_LIMIT,
    VIEW_BLOCKS,
    Block,
    Rendered,
    clip,
    context_block,
    escape,
    host_of,
    link,
    section,
)
from bot.slack.render import render_note
from bot.summary import license_label

MODE_HINT = (
    "Type `/provenance mode on-request` to have me answer only when asked in a channel, "
    "`/provenance mode auto` to resume."
)


def introduction() -> Rendered:
    text = (
        ":wave: Hi! I'm Provenance Bot. When someone posts an article link (or pastes an article's text) here, "
        "I reply in its thread with who published it, where it first appeared, who holds the copyright, "
        "whether you may reuse it, and a credit line to copy. " + MODE_HINT
    )
    return render_note(text)


def help_text(extra: Iterable[tuple[str, str]] = ()) -> Rendered:
    rows = [
        ("/provenance <link or pasted text>", "check an article privately; a button shares the result"),
        ("/provenance outlet <domain>", "what I know about an outlet"),
        ("/provenance history", "this channel's recent checks"),
        ("/provenance mute", "stop automatic replies in this channel"),
        ("/provenance unmute", "turn automatic replies back on"),
        *extra,
        ("/provenance help", "this list"),
    ]
    lines = ["*Provenance Bot*: where an article really comes from and what you may do with it."]
    lines += [f"• `{escape(usage)}`: {escape(what)}" for usage, what in rows]
    lines.append("In channels I'm in, I also answer article links automatically, in the message's thread.")
    return render_note("\n".join(lines))


def _when(created_at: str) -> str:
    try:
        moment = datetime.fromisoformat(created_at)
    except ValueError:
        return created_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} {{time}}|{escape(created_at)}>"


def check_line(record: Any, *, show_channel: bool = False) -> str:
    """One line about a stored check (`bot.checks.CheckRecord`) for history lists and the App Home."""
    a: Analysis | None = record.result
    target = record.link
    if a is not None:
        label = a.title or (host_of(target) if target else "pasted text")
        head = link(target, clip(label, 120)) if target else escape(clip(label, 120))
        facts = [a.outlet.name if a.outlet else None]
        if a.republication.original:
            facts.append(f"from {a.republication.original.name}")
        facts.append(license_label(a.reuse.license) if a.reuse.license else a.reuse.category.replace("-", " "))
        detail = " · ".join(escape(f) for f in facts if f)
        if a.warnings:
            detail += f" · :warning: {len(a.warnings)}"
    else:
        head = link(target) if target else "pasted text"
        detail = f"couldn't check: {escape(clip(record.error or 'unknown reason', 200))}"
    where = f" in <#{record.channel}>" if show_channel and record.channel and record.channel[0] in "CG" else ""
    return f"• {head}: {detail} ({_when(record.created_at)}{where})"


def history_message(records: Sequence[Any]) -> Rendered:
    if not records:
        return render_note("No checks in this channel yet. Post an article link, or try `/provenance <link>`.")
    lines = [f"*Recent checks in this channel* (newest first, {len(records)}):"]
    lines += [check_line(r) for r in records]
    return _sections(lines, "Recent checks in this channel")


def _sections(lines: list[str], fallback: str, limit: int = MESSAGE_BLOCKS) -> Rendered:
    blocks: list[Block] = []
    chunk: list[str] = []
    for line in lines:
        if chunk and sum(len(x) + 1 for x in chunk) + len(line) > SECTION_LIMIT - 50:
            blocks.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    if chunk:
        blocks.append(section("\n".join(chunk)))
    text = clip("\n".join(lines), TEXT_LIMIT) if lines else fallback
    return Rendered(text, blocks[:limit])


def outlet_message(domain: str, entry: Any | None, matched: str | None = None) -> Rendered:
    """What the registry knows about a domain (`bot.engine.registry.OutletEntry`), or that it knows nothing."""
    if entry is None:
        return render_note(
            f"I have no registry entry for `{escape(domain)}`. I'll still read what its pages say about themselves."
        )
    lines = [f"*{escape(entry.name)}* ({escape(entry.kind.replace('-', ' '))})"]
    if matched and matched != domain:
        lines[0] += f", matched as `{escape(matched)}`"
    if entry.organization:
        lines.append(f"*Organization:* {escape(entry.organization)}")
    if entry.country:
        lines.append(f"*Country:* {escape(entry.country)}")
    if entry.domains:
        lines.append(f"*Domains:* {escape(', '.join(entry.domains[:20]))}")
    terms = entry.terms
    if terms:
        reuse = terms.summary or terms.category.replace("-", " ")
        if terms.license:
            reuse = f"{terms.license}: {reuse}"
        lines.append(f"*Reuse terms:* {escape(reuse)}")
        lines += [f"  • must: {escape(c)}" for c in terms.conditions[:10]]
        lines += [f"  • not without permission: {escape(r)}" for r in terms.restrictions[:10]]
        if terms.contact:
            lines.append(f"*Permissions contact:* {escape(terms.contact)}")
        if terms.url:
            lines.append(f"*Terms page:* {link(terms.url)}")
    lines += [f":information_source: {escape(n)}" for n in entry.notes[:10]]
    lines += [f"*Source:* {link(s) if s.startswith('http') else escape(s)}" for s in entry.sources[:5]]
    return _sections(lines, entry.name)


def home_view(records: Sequence[Any], channels: Sequence[Any]) -> dict[str, Any]:
    """The App Home tab: the person's recent checks, and the channels where the bot is active or muted."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Provenance Bot"}},
        context_block(
            "Post an article link in a channel I'm in, or use `/provenance <link>`. "
            "I reply with who published it, the original source, reuse terms and a credit line."
        ),
        section("*Your recent checks*"),
    ]
    if records:
        blocks += _sections([check_line(r, show_channel=True) for r in records], "", limit=20).blocks
    else:
        blocks.append(context_block("Nothing yet. Paste an article link in a channel I'm in."))
    blocks += [{"type": "divider"}, section("*Channels*")]
    if channels:
        lines = [
            f"• <#{c.channel}>: {':bell: on request' if c.muted else ':white_check_mark: auto'}" for c in channels[:60]
        ]
        blocks += _sections(lines, "", limit=20).blocks
        blocks.append(context_block(MODE_HINT))
    else:
        blocks.append(context_block("I'm not in any channel yet. Invite me with `/invite @Provenance Bot`."))
    return {"type": "home", "blocks": blocks[:VIEW_BLOCKS]}
