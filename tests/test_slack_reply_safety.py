"""What a reply shows and how it gets through, as they were found: invisible characters from a page never reach
the thread; addresses, mentions and Slack link syntax from a page stay plain text (nothing in a reply links or
pings but our own links); and a layout Slack refuses still leaves the thread an answer (its text alone)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from bot.slack.blockkit import escape, visible
from tests.slack_signing import block_action, message_event

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


LOUD = "&lt;!channel&gt; &lt;!here&gt; @here @everyone &lt;@U0BOSS&gt; &lt;#C0SECRET&gt; https://evil.example/bare"
LOUD_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Tide tables {loud} &lt;https://evil.example/x|click me&gt;</title>
<meta property="og:site_name" content="Coast {loud}"><meta name="author" content="Ava Stone {loud}">
<meta property="article:published_time" content="2026-03-05T08:30:00+00:00"></head>
<body><article><h1>Tide tables {loud}</h1><p>The tide turned at noon.</p></article>
<footer><p>© 2026 Coast Gazette {loud}</p></footer></body></html>"""
INERT = ("<!channel>", "<!here>", "<@U0BOSS>", "<#C0SECRET>", "<https://evil", "<mailto")


def _mrkdwn(tree: Any) -> list[dict[str, Any]]:
    """Every mrkdwn text object in a message or view."""
    if isinstance(tree, list):
        return [found for item in tree for found in _mrkdwn(item)]
    if not isinstance(tree, dict):
        return []
    here = [tree] if tree.get("type") == "mrkdwn" else []
    return here + [found for value in tree.values() for found in _mrkdwn(value)]


def _assert_inert(blocks: Any, own_link: str) -> None:
    texts = _mrkdwn(blocks)
    assert texts and all(t.get("verbatim") is True for t in texts)  # Slack links nothing by itself
    shown = "\n".join(t["text"] for t in texts)
    assert not any(token in shown for token in INERT), shown
    assert "&lt;!channel&gt;" in shown and "https://evil.example/bare" in shown  # shown as text
    assert {token.split("|")[0] for token in re.findall(r"<([^<>]*)>", shown)} <= {own_link}  # our links alone


async def test_addresses_mentions_and_link_syntax_from_a_page_stay_plain_text(slack_bot: Any) -> None:
    url = slack_bot.articles.add("loud.html", LOUD_PAGE.format(loud=LOUD))
    await slack_bot.signed.event(message_event(f"<{url}>", channel="C803"))
    await slack_bot.settle()
    [reply] = slack_bot.replies()
    assert reply.params["parse"] == "none" and not any(token in reply.params["text"] for token in INERT)
    _assert_inert(reply.params["blocks"], url)
    details = reply.params["blocks"][-1]["elements"][0]["value"]
    await slack_bot.signed.action(block_action("provenance_details", details, channel="C803"))
    await slack_bot.settle()
    [opened] = slack_bot.slack.calls_to("views.open")
    _assert_inert(opened.params["view"]["blocks"], url)
    assert "Coast Gazette" in json.dumps(opened.params["view"])  # the copyright evidence row is there, inert


async def test_json_ld_nested_a_thousand_deep_gets_an_answer_not_an_error(slack_bot: Any) -> None:
    """Issue 12, fault 6 as found: RecursionError, and the thread read "something went wrong"."""
    nested = '{"@type": "NewsArticle", "headline": "Tide tables", "about": ' * 1000 + "{}" + "}" * 1000
    page = PAGE.format(hidden="").replace("</head>", f'<script type="application/ld+json">{nested}</script></head>')
    url = slack_bot.articles.add("nested.html", page)
    await slack_bot.signed.event(message_event(f"<{url}>", channel="C804"))
    await slack_bot.settle()
    [reply] = slack_bot.replies()
    assert "Harbor gates reopen" in json.dumps(reply.params["blocks"]) and "went wrong" not in reply.params["text"]
