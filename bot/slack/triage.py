"""What a message asks of the bot: article links to check, pasted article text to read, or nothing (pure).

On its own the bot answers only a message that shares an article link or pastes article text: chatter, memos,
code, homepages and links to tools and documents (`bot.link_kinds`) get no reply. A paste is read as a
paste: the links in it (an auto-linked footer, a mailto address) are part of the text, not things to fetch.
Asked explicitly (the "Check provenance" shortcut, an @mention), the bot checks whatever the message holds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.link_kinds import NotArticles
from bot.slack.article_text import is_article_paste, worth_checking_on_request
from bot.slack.links import extract_links, plain_text

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
# Code blocks and inline code: an address there is part of a command or a snippet, not something shared to read.
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


@dataclass(frozen=True)
class Ask:
    links: list[str] = field(default_factory=list)  # article links to check
    text: str = ""  # pasted article text to read

    @property
    def wanted(self) -> bool:
        return bool(self.links or self.text)


def message_text(message: Mapping[str, Any]) -> str:
    text = message.get("text")
    return text if isinstance(text, str) else ""


def automatic(message: Mapping[str, Any], not_articles: NotArticles) -> Ask:
    """What to answer unasked: a pasted article, else the article links; nothing for anything else."""
    text = plain_text(message_text(message)).strip()
    if is_article_paste(text):
        return Ask(text=text)
    shared = {**message, "text": _CODE.sub(" ", message_text(message))}
    return Ask(links=[url for url in extract_links(shared) if not_articles.is_article(url)])


def on_demand(message: Mapping[str, Any]) -> Ask:
    """What to check when someone asks: a paste as a paste, else every link, else any text of a few sentences."""
    raw = _MENTION.sub(" ", message_text(message))
    text = plain_text(raw).strip()
    if is_article_paste(text):
        return Ask(text=text)
    links = extract_links({**message, "text": raw})
    if links:
        return Ask(links=links)
    return Ask(text=text) if worth_checking_on_request(text) else Ask()


def mentions(message: Mapping[str, Any], user_id: str | None) -> bool:
    """The message @mentions the bot (the app_mention listener answers it, not the automatic one)."""
    return bool(user_id) and f"<@{user_id}" in message_text(message)
