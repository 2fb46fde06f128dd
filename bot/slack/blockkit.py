"""Block Kit building blocks (pure functions, no I/O): escaping, links, sections, buttons, modals.

Everything that comes from a page or a person (titles, names, notices, links, reasons) goes through `escape()`,
so `Breaking <!channel>` is shown as text and can never ping anyone or break the layout, and every mrkdwn text
object is `verbatim`, so a bare address or an `@here` from a page stays plain text. Block Kit limits are
respected here once: at most 50 blocks in a message, 100 in a view, 3000 characters in a section, 75 in a button.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

SECTION_LIMIT = 3000
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
TEXT_LIMIT = 3900  # Slack truncates `text` far later (40k); notifications and fallbacks need far less

Block = dict[str, Any]


@dataclass
class Rendered:
    """A message: `text` is the plain fallback (notifications, screen readers), `blocks` the layout."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


# -- escaping -------------------------------------------------------------------------------------------------


# Control and invisible formatting characters from a page or a paste: bidi overrides and isolates (U+202A–202E,
# U+2066–2069) can make a reply read backwards, zero-width ones (U+200B–200F, U+2060, U+FEFF) hide text.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def visible(text: object) -> str:
    """The text with control, bidi and zero-width characters removed (new lines and tabs stay)."""
    return _INVISIBLE.sub("", str(text))


def escape(text: object) -> str:
    """Make any text safe inside mrkdwn: invisible characters go, and the three characters Slack treats as markup
    become entities."""
    return visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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


def mrkdwn(text: str) -> Block:
    """A mrkdwn text object. `verbatim`: Slack does not turn a bare address, a channel name or an @here written on
    a page into a live link or a mention; only the links and mentions we write out (`<url|label>`) are live."""
    return {"type": "mrkdwn", "text": clip(text, SECTION_LIMIT), "verbatim": True}


def section(text: str, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text)}
    if accessory:
        block["accessory"] = accessory
    return block


def context_block(text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(text)]}


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


def modal(title: str, blocks: list[Block]) -> dict[str, Any]:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": title},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": blocks,
    }
