"""What a Slack message carries: its article links and its plain text (pure functions, no I/O).

Slack delivers links three ways: `<https://…|label>` (or `<https://…>`) in `text`, with `&`, `<`, `>` escaped as
entities; bare addresses in messages posted by other tools; and `link` elements inside `rich_text` blocks. We take
all of them, unescape them, keep the first occurrence of each, and drop Slack's own addresses (files, profiles,
message permalinks), which are never articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from bot.fetch.urls import clean_url

# <target> or <target|label>: the target never contains '|' or '>' (Slack escapes them).
_ANGLE = re.compile(r"<([^<>|]+)(?:\|([^<>]*))?>")
_BARE = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\"*_~"
_SLACK_HOST_SUFFIXES = ("slack.com", "slack-edge.com", "slack-files.com", "slack-redir.net", "slack-imgs.com")
# Message subtypes that are a person's own new message; everything else (joins, topics, bots…) is not read.
READABLE_SUBTYPES = frozenset({None, "thread_broadcast", "file_share", "me_message"})


def unescape(text: str) -> str:
    """Undo Slack's three entities; `&amp;` last so `&amp;lt;` stays a literal `&lt;`."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _trim(url: str) -> str:
    """Drop punctuation that ends the sentence rather than the address, keeping balanced closing brackets."""
    # One count and one cut: re-counting and re-slicing per character made "http://a.b/))))…" quadratic.
    unmatched = {close: url.count(close) - url.count(opening) for opening, close in ("()", "[]", "{}")}
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last in unmatched and unmatched[last] > 0:
            unmatched[last] -= 1
            end -= 1
        else:
            break
    return url[:end]


def is_article_candidate(url: str) -> bool:
    """An http(s) address with a host that is not Slack's own."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme.lower() not in ("http", "https") or not host or "." not in host:
        return False
    return not any(host == s or host.endswith("." + s) for s in _SLACK_HOST_SUFFIXES)


def _from_text(text: str) -> Iterator[str]:
    rest: list[str] = []
    last = 0
    for match in _ANGLE.finditer(text):
        rest.append(text[last : match.start()])
        last = match.end()
        target = unescape(match.group(1).strip())
        if target.lower().startswith(("http://", "https://")):
            yield target
    rest.append(text[last:])
    # Bare addresses outside the angle-bracket forms (messages posted by scripts and other tools).
    for chunk in rest:
        for match in _BARE.finditer(unescape(chunk)):
            yield _trim(match.group(0))


def _from_blocks(blocks: Iterable[Any]) -> Iterator[str]:
    for block in blocks or ():
        if not isinstance(block, Mapping):
            continue
        if block.get("type") == "link" and isinstance(block.get("url"), str):
            # Block URLs are already plain, but some clients send them entity-escaped.
            yield unescape(block["url"].strip())
        for key in ("elements", "blocks"):
            children = block.get(key)
            if isinstance(children, list):
                yield from _from_blocks(children)


def _key(url: str) -> str:
    try:
        return clean_url(url)
    except Exception:  # the cleaner is best effort here: an odd address still counts once
        return url


def extract_links(message: Mapping[str, Any]) -> list[str]:
    """Every article link in a message, in order of appearance, each once (compared after tracking is removed)."""
    found: list[str] = []
    seen: set[str] = set()
    text = message.get("text")
    candidates = list(_from_text(text)) if isinstance(text, str) else []
    candidates += list(_from_blocks(message.get("blocks") or []))
    for url in candidates:
        if not is_article_candidate(url):
            continue
        key = _key(url)
        if key not in seen:
            seen.add(key)
            found.append(url)
    return found


def plain_text(text: str | None) -> str:
    """Message text as a person reads it: `<url|label>` becomes the label, mentions become @names, entities undone."""
    if not text:
        return ""

    def replace(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        if label:
            return label
        if target.startswith(("@", "#")):
            return target
        if target.startswith("!"):
            return "@" + target[1:].split("^")[0]
        return target

    return unescape(_ANGLE.sub(replace, text))


def is_from_bot(message: Mapping[str, Any]) -> bool:
    """Messages from any bot or app (ours included) are never analysed, to avoid loops between bots."""
    return bool(message.get("bot_id") or message.get("subtype") == "bot_message" or message.get("bot_profile"))


def is_readable(message: Mapping[str, Any]) -> bool:
    """A person's own new message (not a join notice, topic change, deletion or bot post)."""
    return message.get("subtype") in READABLE_SUBTYPES and not is_from_bot(message)
