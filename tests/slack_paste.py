"""Pasted text as Slack delivers it in a message event's `text`: a copied page's links become `<url|label>` (a
`mailto:` address too), links without a real address are plain labels, and &, <, > are escaped as entities."""

from __future__ import annotations

import re

# [label](target) as copied pages (and tests/cases/*.txt) write their links
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_BOLD = re.compile(r"\*\*([^*]+)\*\*")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_delivery(pasted: str) -> str:
    """`pasted` (Markdown-style links) as the `text` Slack's client sends for it."""
    out: list[str] = []
    last = 0
    for match in _MARKDOWN_LINK.finditer(pasted):
        out.append(_escape(pasted[last : match.start()]))
        label, target = match.group(1), match.group(2)
        if target.startswith(("http://", "https://", "mailto:")):
            out.append(f"<{target}|{_escape(label)}>")
        else:
            out.append(_escape(label))  # "#" and other non-addresses: Slack keeps the words only
        last = match.end()
    out.append(_escape(pasted[last:]))
    text = "".join(out)
    return _BOLD.sub(r"*\1*", _HEADING.sub("", text))
