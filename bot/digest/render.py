"""The digest as Slack messages (Block Kit with a plain-text fallback) and as plain text for the terminal.

Slack allows 50 blocks per message and 3,000 characters per section text. A long digest is cut between items,
never inside one: every item is rendered as one atomic `Line`, lines are packed into section blocks, blocks into
messages. The first message goes to the channel; the sender posts the rest in its thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.digest.content import REUSE_LABELS, Digest, DigestItem, FailedItem
from bot.engine.reuse import short_license

MAX_BLOCKS = 50
MAX_TEXT = 3000
# Slack truncates a message's `text` (our full plain-text fallback) past 40,000 characters: stay well under.
MAX_MESSAGE_CHARS = 30_000
HEADER_MAX = 150  # Slack's limit for a header block's plain text

# Field caps keep any single item far below MAX_TEXT, so an item never needs to be cut.
TITLE_MAX = 160
CREDIT_MAX = 400
NOTE_MAX = 300
ERROR_MAX = 200
URL_MAX = 600


@dataclass
class Line:
    """One item, written twice: Slack mrkdwn (escaped, with links) and plain text (for the terminal)."""

    mrkdwn: str
    plain: str


@dataclass
class Section:
    title: str
    lines: list[Line]


@dataclass
class DigestMessage:
    blocks: list[dict]
    text: str  # the notification / fallback text, escaped for Slack
    plain: str  # the same content unescaped, for `provbot digest --dry-run`


def escape(text: str) -> str:
    """Slack's three control characters; everything taken from pages and messages goes through here."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())  # page titles can carry newlines that would break the one-line layout
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _link(url: str | None, label: str) -> str:
    """A mrkdwn link, or the escaped label when there is no usable address."""
    if not url or len(url) > URL_MAX or not url.startswith(("http://", "https://")):
        return escape(label)
    # '|' ends the address part of <url|label>; '%7C' is the same address.
    return f"<{escape(url).replace('|', '%7C')}|{escape(label).replace('|', '¦')}>"


def _when(created_at: str, zone: ZoneInfo) -> str:
    try:
        return datetime.fromisoformat(created_at).astimezone(zone).strftime("%a %H:%M")
    except ValueError:
        return "?"


def slack_date(moment: datetime, zone: ZoneInfo, token: str = "{date_short_pretty} {time}", fallback: str = "") -> str:
    """Slack's date token: each reader sees the moment in their own time zone; clients that cannot render it
    show the fallback, the time in the channel's zone."""
    shown = fallback or moment.astimezone(zone).strftime("%a %d %b %H:%M ") + zone.key
    return f"<!date^{int(moment.timestamp())}^{token}|{escape(shown)}>"


def _when_md(created_at: str, zone: ZoneInfo) -> str:
    try:
        moment = datetime.fromisoformat(created_at)
    except ValueError:
        return "?"
    return slack_date(moment, zone, fallback=_when(created_at, zone))


def _kind(kind: str | None) -> tuple[str, str]:
    return (f" _({kind})_", f" ({kind})") if kind else ("", "")


def _count(n: int) -> str:
    return f" ×{n}" if n > 1 else ""


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _summary(digest: Digest) -> Section:
    ok = digest.total - digest.failed
    head = f"{_plural(digest.total, 'check')}: {_plural(digest.links, 'link')}, {_plural(digest.pastes, 'paste')}"
    head += f"; {ok} analysed, {digest.failed} could not be checked." if digest.failed else "; all analysed."
    lines = [Line(head, head)]
    for group in digest.failures:
        reason = _clip(group.reason, ERROR_MAX)
        if group.count == 1 and group.example:
            text = f"• {_clip(group.example, ERROR_MAX)}"  # a group of one: its own message says it all
        else:
            example = f" (e.g. {_clip(group.example, ERROR_MAX)})" if group.example else ""
            text = f"• {reason}{_count(group.count)}{example}"
        lines.append(Line(escape(text), text))
    return Section("Summary", lines)


def _outlets(digest: Digest) -> Section:
    lines = []
    for name, kind, count in digest.outlets:
        k_md, k_plain = _kind(kind)
        name = _clip(name, TITLE_MAX)
        lines.append(Line(f"• {escape(name)}{k_md}{_count(count)}", f"• {name}{k_plain}{_count(count)}"))
    return Section("By outlet", lines)


def _republications(digest: Digest) -> Section:
    lines = []
    for rep in digest.republications:
        text = f"{_clip(rep.original, TITLE_MAX)} → {_clip(rep.republisher, TITLE_MAX)}{_count(rep.count)}"
        flag_md, flag_plain = (
            (" :warning: state-controlled media", " [state-controlled media]") if rep.state_controlled else ("", "")
        )
        lines.append(Line(f"• {escape(text)}{flag_md}", f"• {text}{flag_plain}"))
    return Section("Republications", lines)


def _item_line(item: DigestItem, zone: ZoneInfo, *, extra_md: str = "", extra_plain: str = "") -> Line:
    title = _clip(item.title, TITLE_MAX)
    outlet = _clip(item.outlet, TITLE_MAX) if item.outlet else "unidentified outlet"
    via = f" (from {_clip(item.original, TITLE_MAX)})" if item.original else ""
    thread_md = f" · <{item.thread_url}|thread>" if item.thread_url else ""
    thread_plain = f" · thread: {item.thread_url}" if item.thread_url else ""
    when = _when(item.created_at, zone)
    md = f"• {_when_md(item.created_at, zone)} {_link(item.link, title)} — {escape(outlet + via)}{extra_md}{thread_md}"
    link_plain = f" <{item.link}>" if item.link and item.link != item.title else ""
    plain = f"• {when} {title}{link_plain} — {outlet}{via}{extra_plain}{thread_plain}"
    return Line(md, plain)


def _state(digest: Digest, zone: ZoneInfo) -> Section:
    return Section("From state-controlled media", [_item_line(i, zone) for i in digest.state_items])


def _reuse(digest: Digest) -> Section:
    parts = []
    for category, count in digest.reuse.items():
        if not count:
            continue
        label = REUSE_LABELS[category]
        if category == "open-license" and digest.licences:
            label += " (" + ", ".join(f"{short_license(lic)}{_count(n)}" for lic, n in digest.licences) + ")"
        parts.append(f"{label}: {count}")
    text = " · ".join(parts) or "nothing analysed"
    return Section("Reuse at a glance", [Line(escape(text), text)])


def _reusable(digest: Digest) -> Section:
    lines = []
    for item in digest.reusable:
        title = _clip(item.title, TITLE_MAX)
        outlet = _clip(item.outlet or "unidentified outlet", TITLE_MAX)
        note = _clip(item.reuse_note, NOTE_MAX)
        credit = _clip(item.credit, CREDIT_MAX) if item.credit else "(no credit line found: name the author and outlet)"
        md = f"• {_link(item.link, title)} — {escape(outlet)}: {escape(note)}\n      Credit: {escape(credit)}"
        plain = f"• {title}" + (f" <{item.link}>" if item.link else "") + f" — {outlet}: {note}\n      Credit: {credit}"
        lines.append(Line(md, plain))
    return Section("You may republish as-is", lines)


def _checked(digest: Digest, zone: ZoneInfo) -> Section:
    entries: list[tuple[str, int, Line]] = []
    for item in digest.items:
        entries.append((item.created_at, item.check_id, _item_line(item, zone)))
    for failed in digest.failed_items:
        entries.append((failed.created_at, failed.check_id, _failed_line(failed, zone)))
    entries.sort(key=lambda e: (e[0], e[1]))
    return Section("Checked, with links to the threads", [line for _, _, line in entries])


def _failed_line(failed: FailedItem, zone: ZoneInfo) -> Line:
    what = _clip(failed.link or "pasted text", TITLE_MAX)
    error = _clip(failed.error, ERROR_MAX)
    when = _when(failed.created_at, zone)
    thread_md = f" · <{failed.thread_url}|thread>" if failed.thread_url else ""
    thread_plain = f" · thread: {failed.thread_url}" if failed.thread_url else ""
    return Line(
        f"• {_when_md(failed.created_at, zone)} {_link(failed.link, what)} — could not be checked: {escape(error)}"
        f"{thread_md}",
        f"• {when} {what} — could not be checked: {error}{thread_plain}",
    )


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def title_of(digest: Digest) -> str:
    zone = _zone(digest.zone)
    start = digest.start.astimezone(zone).strftime("%a %d %b %H:%M")
    end = digest.end.astimezone(zone).strftime("%a %d %b %H:%M")
    return f"Provenance digest: {_plural(digest.total, 'check')}, {start} to {end} ({digest.zone})"[:HEADER_MAX]


def sections(digest: Digest) -> list[Section]:
    """The digest's sections in reading order, empty ones left out."""
    zone = _zone(digest.zone)
    candidates = [
        _summary(digest),
        _outlets(digest),
        _republications(digest),
        _state(digest, zone),
        _reuse(digest) if digest.items else Section("Reuse at a glance", []),
        _reusable(digest),
        _checked(digest, zone),
    ]
    return [s for s in candidates if s.lines]


def _fit(line: Line, room: int) -> Line:
    """Last resort for a line longer than a block allows: the field caps make this unreachable in practice."""
    if len(line.mrkdwn) <= room:
        return line
    return Line(escape(_clip(line.plain, room // 5)), line.plain)  # escaping can grow text up to 5×


def _chunks(section: Section, max_text: int) -> list[tuple[str, str]]:
    """Split a section into (mrkdwn, plain) block texts of at most `max_text` characters, between lines."""
    chunks: list[tuple[str, str]] = []
    title_md, title_plain = f"*{escape(section.title)}*", section.title
    md, plain = [title_md], [title_plain]
    size = len(title_md)
    for raw in section.lines:
        line = _fit(raw, max_text - len(title_md) - 20)
        if size + 1 + len(line.mrkdwn) > max_text and len(md) > 1:
            chunks.append(("\n".join(md), "\n".join(plain)))
            title_md, title_plain = f"*{escape(section.title)} (continued)*", f"{section.title} (continued)"
            md, plain, size = [title_md], [title_plain], len(title_md)
        md.append(line.mrkdwn)
        plain.append(line.plain)
        size += 1 + len(line.mrkdwn)
    chunks.append(("\n".join(md), "\n".join(plain)))
    return chunks


def render_messages(
    digest: Digest,
    *,
    max_blocks: int = MAX_BLOCKS,
    max_text: int = MAX_TEXT,
    max_message_chars: int = MAX_MESSAGE_CHARS,
) -> list[DigestMessage]:
    """The digest as one or more Slack messages, each within Slack's limits."""
    title = title_of(digest)
    header = {"type": "header", "text": {"type": "plain_text", "text": title, "emoji": True}}
    # A header is plain text, so the window is repeated under it in date tokens: in each reader's own zone.
    zone = _zone(digest.zone)
    span = f"{slack_date(digest.start, zone)} to {slack_date(digest.end, zone)}, in your time zone"
    window = {"type": "context", "elements": [{"type": "mrkdwn", "text": span}]}
    # One block per message stays free for the "part k of n" note added once the count is known.
    room = max_blocks - 1
    pages: list[tuple[list[dict], list[str]]] = [([header, window], [title])]
    chars = len(title)
    for section in sections(digest):
        for md, plain in _chunks(section, max_text):
            blocks, plains = pages[-1]
            size = max(len(md), len(escape(plain)))
            if blocks and (len(blocks) + 1 > room or chars + size > max_message_chars):
                pages.append(([], []))
                blocks, plains, chars = pages[-1][0], pages[-1][1], 0
            # verbatim: titles and names from pages never become live links or mentions
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": md, "verbatim": True}})
            plains.append(plain)
            chars += size
    messages = []
    for number, (blocks, plains) in enumerate(pages, start=1):
        if len(pages) > 1:
            note = f"Provenance digest, part {number} of {len(pages)}"
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
            plains.append(note)
        plain = "\n\n".join(plains)
        messages.append(DigestMessage(blocks=blocks, text=escape(plain), plain=plain))
    return messages


def render_plain(digest: Digest) -> str:
    """The whole digest as terminal text, one block of lines per section."""
    parts = [title_of(digest)]
    for section in sections(digest):
        parts.append("\n".join([section.title, *(line.plain for line in section.lines)]))
    return "\n\n".join(parts) + "\n"
