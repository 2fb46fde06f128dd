"""Block Kit for everything the bot says (pure functions, no I/O).

Everything that comes from a page or a person (titles, names, notices, links, reasons) goes through `escape()`,
so `Breaking <!channel>` is shown as text and can never ping anyone or break the layout. Block Kit limits are
respected here once: at most 50 blocks in a message, 100 in a view, 3000 characters in a section, 75 in a button.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from bot.model import Analysis
from bot.summary import summary_lines

DETAILS_ACTION = "provenance_details"
SHARE_ACTION = "provenance_share"
MAX_LINKS = 5
SECTION_LIMIT = 3000
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
TEXT_LIMIT = 3900  # Slack truncates `text` far later (40k); notifications and fallbacks need far less
MUTE_HINT = "Type `/provenance mute` to stop automatic replies in a channel, `/provenance unmute` to resume."

Block = dict[str, Any]


@dataclass
class Rendered:
    """A message: `text` is the plain fallback (notifications, screen readers), `blocks` the layout."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


@dataclass
class LinkOutcome:
    """What happened to one link of a message: analysed, failed, or pointed to an earlier reply."""

    link: str
    analysis: Analysis | None = None
    check_id: int | None = None
    error: str | None = None
    earlier_permalink: str | None = None
    earlier_minutes: int | None = None


# -- escaping -------------------------------------------------------------------------------------------------


def escape(text: object) -> str:
    """Make any text safe inside mrkdwn: the three characters Slack treats as markup become entities."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


def link(url: str, label: str | None = None) -> str:
    """A mrkdwn link whose address and label are both escaped (a `|` in the address would end it early)."""
    target = escape(url.replace("|", "%7C"))
    if not label:
        return f"<{target}>"
    return f"<{target}|{escape(label.replace('|', '¦'))}>"


def code(text: str) -> str:
    """An inline code span for copying; a backtick inside would close it, so it becomes a look-alike quote."""
    return "`" + escape(text.replace("`", "ʼ").replace("\n", " ")) + "`"


def host_of(url: str) -> str:
    try:
        host = urlsplit(url).hostname or url
    except ValueError:
        host = url
    return host.removeprefix("www.")


# -- the facts ------------------------------------------------------------------------------------------------


def fact_lines(a: Analysis) -> list[tuple[str, str]]:
    """(label, plain value) pairs in the engine's wording, shared with `provbot check` (outlet kind and the
    original's date are already in it)."""
    return [(label, " ".join(str(value).split())) for label, value in summary_lines(a) if str(value or "").strip()]


_ANGLE_URL = re.compile(r"<(https?://[^<>\s]+)>")


def mrkdwn_value(text: str, limit: int = 600) -> str:
    """A summary value for mrkdwn: escaped, except that the engine's `<https://…>` addresses become safe links."""
    text = clip(text, limit)
    out, last = [], 0
    for match in _ANGLE_URL.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(link(match.group(1)))
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _split(lines: list[tuple[str, str]]) -> tuple[str | None, list[tuple[str, str]], str | None, list[str]]:
    title, credit, warnings, rest = None, None, [], []
    for label, value in lines:
        lowered = label.lower()
        if lowered == "title":
            title = value
        elif lowered.startswith("credit"):
            credit = value
        elif lowered.startswith("warning"):
            warnings.append(value)
        else:
            rest.append((label, value))
    return title, rest, credit, warnings


def _section(text: str, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, SECTION_LIMIT)}}
    if accessory:
        block["accessory"] = accessory
    return block


def context_block(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(text, SECTION_LIMIT)}]}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(text, 75), "emoji": True},
        "action_id": action_id,
        "value": clip(value, 2000),
    }
    if style:
        button["style"] = style
    return button


def _details_button(check_id: int | None) -> Block | None:
    return button("Details", DETAILS_ACTION, str(check_id)) if check_id is not None else None


def _heading(a: Analysis, title: str | None, url: str | None) -> str:
    label = clip(title or a.title or (host_of(url) if url else "Pasted text"), 250)
    return f"*{link(url, label)}*" if url else f"*{escape(label)}*"


def render_analysis(
    a: Analysis, *, check_id: int | None = None, url: str | None = None, share: bool = False
) -> Rendered:
    """The full reply for one article: facts, the credit line to copy, warnings, Details (and Share) buttons."""
    url = url or a.input.final_url or a.input.url
    title, rest, credit, warnings = _split(fact_lines(a))
    body = [_heading(a, title, url)]
    body += [f"*{escape(label)}:* {mrkdwn_value(text)}" for label, text in rest]
    blocks: list[Block] = [_section("\n".join(body), _details_button(check_id))]
    if credit:
        blocks.append(_section(f"*Credit line to copy:*\n{code(clip(credit, 1000))}"))
    if warnings:
        blocks.append(context_block("\n".join(f":warning: {escape(clip(w, 600))}" for w in warnings[:10])))
    if share and check_id is not None:
        blocks.append(
            {
                "type": "actions",
                "elements": [button("Share in channel", SHARE_ACTION, str(check_id), "primary")],
            }
        )
    text_lines = [f"Provenance: {escape(title or a.title or url or 'pasted text')}"]
    text_lines += [f"{escape(label)}: {escape(text)}" for label, text in rest]
    if credit:
        text_lines.append(f"Credit line: {escape(credit)}")
    text_lines += [f"Warning: {escape(w)}" for w in warnings]
    return Rendered(clip("\n".join(text_lines), TEXT_LIMIT), blocks[:MESSAGE_BLOCKS])


def render_failure(target: str | None, reason: str) -> Rendered:
    """A short, friendly reason in the thread (the fetcher's one line), never silence and never a traceback."""
    what = link(target) if target else "that text"
    reason = clip(" ".join(str(reason).split()), 500) or "something went wrong"
    text = f":warning: I couldn't check {what}: {escape(reason)}"
    return Rendered(text, [_section(text)])


def _compact(outcome: LinkOutcome) -> tuple[list[Block], str]:
    if outcome.earlier_permalink or outcome.earlier_minutes is not None:
        pointer = _pointer_text(outcome.link, outcome.earlier_permalink, outcome.earlier_minutes)
        return [_section(pointer)], pointer
    if outcome.analysis is None:
        reason = escape(clip(" ".join((outcome.error or "something went wrong").split()), 300))
        text = f"{link(outcome.link, host_of(outcome.link))}\n:warning: couldn't check it: {reason}"
        return [_section(text)], f"{escape(outcome.link)}: couldn't check it: {reason}"
    a = outcome.analysis
    title, rest, credit, warnings = _split(fact_lines(a))
    facts = " · ".join(f"*{escape(label)}:* {mrkdwn_value(text, 200)}" for label, text in rest)
    lines = [_heading(a, title, outcome.link), facts]
    if credit:
        lines.append(f"*Credit:* {code(clip(credit, 400))}")
    blocks = [_section("\n".join(line for line in lines if line), _details_button(outcome.check_id))]
    if warnings:
        blocks.append(context_block("\n".join(f":warning: {escape(clip(w, 300))}" for w in warnings[:5])))
    plain = f"{escape(title or outcome.link)}: " + "; ".join(f"{escape(k)}: {escape(v)}" for k, v in rest)
    if warnings:
        plain += "; warnings: " + "; ".join(escape(w) for w in warnings)
    return blocks, plain


def render_many(outcomes: Sequence[LinkOutcome], skipped: int = 0) -> Rendered:
    """One compact reply covering several links (at most MAX_LINKS), saying how many more were left out."""
    intro = f"Provenance for {len(outcomes)} links"
    if skipped:
        intro += f" ({skipped} more skipped: I check up to {MAX_LINKS} links per message)"
    blocks: list[Block] = [context_block(intro)]
    texts = [intro]
    for i, outcome in enumerate(outcomes):
        if i:
            blocks.append({"type": "divider"})
        part, plain = _compact(outcome)
        blocks += part
        texts.append(f"• {plain}")
    return Rendered(clip("\n".join(texts), TEXT_LIMIT), blocks[:MESSAGE_BLOCKS])


def _ago(minutes: int | None) -> str:
    if minutes is None:
        return "recently"
    if minutes < 1:
        return "just now"
    return f"{minutes} min ago"


def _pointer_text(url: str, permalink: str | None, minutes: int | None) -> str:
    where = link(permalink, "see the earlier reply") if permalink else "see the earlier reply in this channel"
    return f":repeat: {link(url, host_of(url))} was checked here {_ago(minutes)}: {where}"


def render_pointer(url: str, permalink: str | None, minutes: int | None) -> Rendered:
    """The one line sent instead of a repeat when the same link was checked in the channel within the hour."""
    text = _pointer_text(url, permalink, minutes)
    return Rendered(text, [_section(text)])


def render_note(text: str) -> Rendered:
    """A short message the bot writes itself (already mrkdwn)."""
    return Rendered(text, [_section(text)])


# -- the Details modal ----------------------------------------------------------------------------------------


def details_view(a: Analysis, *, url: str | None = None) -> dict[str, Any]:
    """A modal listing where each claim came from: the field, the kind of signal, and the tag or line itself."""
    url = url or a.input.final_url or a.input.url
    blocks: list[Block] = [_section(_heading(a, None, url))]
    chunk: list[str] = []
    size = 0
    for row in a.evidence:
        entry = f"*{escape(row.field)}* · _{escape(row.signal)}_\n>{escape(clip(' '.join(row.snippet.split()), 600))}"
        if chunk and size + len(entry) + 2 > SECTION_LIMIT - 100:
            blocks.append(_section("\n\n".join(chunk)))
            chunk, size = [], 0
        chunk.append(entry)
        size += len(entry) + 2
    if chunk:
        blocks.append(_section("\n\n".join(chunk)))
    if not a.evidence:
        blocks.append(_section("_No evidence rows: nothing on the page said who published it or on what terms._"))
    if len(blocks) > VIEW_BLOCKS:
        blocks = [
            *blocks[: VIEW_BLOCKS - 1],
            context_block("…more evidence than fits here; `provbot check --json` shows all."),
        ]
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Provenance details"},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": blocks,
    }


# -- fixed texts ----------------------------------------------------------------------------------------------


def introduction() -> Rendered:
    text = (
        ":wave: Hi! I'm Provenance Bot. When someone posts an article link (or pastes an article's text) here, "
        "I reply in its thread with who published it, where it first appeared, who holds the copyright, "
        "whether you may reuse it, and a credit line to copy. " + MUTE_HINT
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
        facts.append(a.reuse.license.id if a.reuse.license else a.reuse.category.replace("-", " "))
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
            blocks.append(_section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    if chunk:
        blocks.append(_section("\n".join(chunk)))
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
        _section("*Your recent checks*"),
    ]
    if records:
        blocks += _sections([check_line(r, show_channel=True) for r in records], "", limit=20).blocks
    else:
        blocks.append(context_block("Nothing yet. Paste an article link in a channel I'm in."))
    blocks += [{"type": "divider"}, _section("*Channels*")]
    if channels:
        lines = [
            f"• <#{c.channel}>: {':no_bell: muted' if c.muted else ':white_check_mark: active'}" for c in channels[:60]
        ]
        blocks += _sections(lines, "", limit=20).blocks
        blocks.append(context_block(MUTE_HINT))
    else:
        blocks.append(context_block("I'm not in any channel yet. Invite me with `/invite @Provenance Bot`."))
    return {"type": "home", "blocks": blocks[:VIEW_BLOCKS]}


def details_view_missing() -> dict[str, Any]:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Provenance details"},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": [_section("That check is no longer stored. Post the link again to check it anew.")],
    }


# -- choosing a rendering -------------------------------------------------------------------------------------


def render_outcomes(outcomes: Sequence[LinkOutcome], skipped: int = 0, *, share: bool = False) -> Rendered:
    """The reply for a message's outcomes: one full answer for one result, compact blocks for several.

    `share` adds the "Share in channel" button under a private `/provenance` answer.
    """
    if len(outcomes) == 1 and not skipped:
        only = outcomes[0]
        if only.analysis is not None:
            return render_analysis(only.analysis, check_id=only.check_id, url=only.link or None, share=share)
        if only.error is not None:
            return render_failure(only.link or None, only.error)
        return render_pointer(only.link, only.earlier_permalink, only.earlier_minutes)
    rendered = render_many(outcomes, skipped)
    ids = [o.check_id for o in outcomes if o.analysis is not None and o.check_id is not None]
    if share and ids:
        rendered.blocks.append(
            {"type": "actions", "elements": [button("Share in channel", SHARE_ACTION, ",".join(map(str, ids)))]}
        )
    return rendered
