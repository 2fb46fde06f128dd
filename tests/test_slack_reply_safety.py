"""What a reply shows and how it gets through, as they were found: invisible characters from a page never reach
the thread, and a layout Slack refuses still leaves the thread an answer (its text alone)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.slack.blockkit import escape, visible
from tests.slack_signing import message_event

HIDDEN = "\u202e\u2066\u2069\u200b\u200f\ufeff\x07"
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Harbor gates reopen{hidden}</title><meta property="og:site_name" content="Harbor{hidden} Ledger">
<meta property="article:published_time" content="2026-03-05T08:30:00+00:00"></head>
<body><article><h1>Harbor gates reopen{hidden}</h1><p class="byline">By Ava{hidden} Stone</p>
<p>The gates opened at dawn.</p></article><footer><p>© 2026 Harbor Ledger</p></footer></body></html>"""


@pytest.mark.parametrize("character", list(HIDDEN))
def test_escape_drops_control_bidi_and_zero_width_characters(character: str) -> None:
    assert escape(f"a{character}b <c>") == "ab &lt;c&gt;"
    assert visible("line one\n\tline two") == "line one\n\tline two"


async def test_a_page_full_of_hidden_characters_gets_a_clean_reply(slack_bot: Any) -> None:
    url = slack_bot.articles.add("hidden.html", PAGE.format(hidden=HIDDEN))
    await slack_bot.signed.event(message_event(f"<{url}>", channel="C801"))
    await slack_bot.settle()
    [reply] = slack_bot.replies()
    shown = reply.params["text"] + json.dumps(reply.params["blocks"], ensure_ascii=False)
    assert "Harbor gates reopen" in shown and not any(ch in shown for ch in HIDDEN)


@pytest.mark.parametrize("refusal", ["invalid_blocks", "msg_too_long"])
async def test_a_refused_layout_is_sent_again_as_text_alone(slack_bot: Any, refusal: str) -> None:
    slack_bot.slack.fail("chat.postMessage", refusal)
    url = slack_bot.articles.case("afp-barrons.html")
    event = message_event(f"<{url}>", channel="C802")
    await slack_bot.signed.event(event)
    await slack_bot.settle()
    refused, answered = slack_bot.replies()
    assert refused.params.get("blocks") and not answered.params.get("blocks")
    assert answered.params["thread_ts"] == event["ts"] and "Copy of an AFP wire story" in answered.params["text"]
