"""End to end through real HTTP: signed requests into the server `provbot run` starts, with Slack's Web API stood
in locally (tests/slack_standin.py) and articles served by a local server. No test touches the internet."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.checks import recent_checks
from bot.slack.jobs import count_by_status
from bot.slack.web import AsyncServerErrorBackoffHandler, retry_after
from bot.storage import open_database
from tests.conftest import CASES, RunningBot
from tests.slack_signing import block_action, event_body, message_event, new_ts

PASTE = (CASES / "afp-paste.txt").read_text(encoding="utf-8")
NASTY_PAGE = """<!doctype html><html><head><title>Breaking &lt;!channel&gt; news &amp; more</title>
<meta property="og:title" content="Breaking &lt;!channel&gt; news &amp; more">
<meta property="og:site_name" content="Example &lt;@U999&gt; Times"></head>
<body><article><h1>Breaking &lt;!channel&gt; news &amp; more</h1><p>By Jane Doe</p>
<p>Some article text that is long enough to be an article body of sorts.</p>
<p>&copy; 2024 Example &lt;!here&gt; Media. All rights reserved.</p></article></body></html>"""


def blocks_text(call: Any) -> str:
    return json.dumps(call.params.get("blocks"), ensure_ascii=False) + call.params.get("text", "")


async def say(bot: RunningBot, text: str, **extra: Any) -> dict[str, Any]:
    """Post a message as a person would, and wait until the bot has done everything it will do about it."""
    event = message_event(text, **extra)
    status, _ = await bot.signed.event(event)
    assert status == 200
    await bot.settle()
    return event


# -- watching channels --------------------------------------------------------------------------------------------


async def test_link_gets_one_thread_reply_and_the_check_is_stored(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    event = await say(slack_bot, f"look <{url}?utm_source=x&amp;id=3|this story>", channel="C100", user="U7")
    [reply] = slack_bot.replies()
    assert reply.params["channel"] == "C100" and reply.params["thread_ts"] == event["ts"]
    assert reply.params["unfurl_links"] is False and reply.params["unfurl_media"] is False
    assert "an AFP wire story" in reply.params["text"] and len(reply.params["text"]) < 150
    buttons = reply.params["blocks"][-1]["elements"]
    assert [b["action_id"] for b in buttons] == ["provenance_details", "provenance_credit"]
    assert slack_bot.articles.hits == {"cases/afp-barrons.html": 1}
    [check] = recent_checks(slack_bot.services.db, channel="C100")
    assert (check.user, check.message_ts, check.source) == ("U7", event["ts"], "message")
    assert check.link == f"{url}?utm_source=x&id=3"  # unescaped, as the person pasted it
    assert check.reply_ts is not None and check.result is not None and check.result.title.startswith("Mongolia")


async def test_bare_urls_and_rich_text_links(slack_bot: RunningBot) -> None:
    bare = slack_bot.articles.case("rt-original.html")
    await say(slack_bot, f"bare {bare}.", channel="C101")
    rich = slack_bot.articles.case("conversation-via-ap.html")
    block = {
        "type": "rich_text",
        "elements": [{"type": "rich_text_section", "elements": [{"type": "link", "url": rich}]}],
    }
    await say(slack_bot, "", channel="C102", blocks=[block])
    first, second = slack_bot.replies()
    assert "Russian state media" in first.params["text"]
    assert first.params["channel"] == "C101" and second.params["channel"] == "C102"
    assert "The Conversation" in second.params["text"] and "CC BY-ND 4.0" in second.params["text"]


async def test_reply_goes_to_the_messages_thread(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    parent = new_ts()
    await say(slack_bot, f"<{url}>", channel="C103", thread_ts=parent)
    [reply] = slack_bot.replies()
    assert reply.params["thread_ts"] == parent


async def test_pasted_article_text_is_analysed_and_chatter_is_not(slack_bot: RunningBot) -> None:
    await say(slack_bot, "lunch at noon? &lt;3", channel="C104")
    assert slack_bot.replies() == []
    event = await say(slack_bot, PASTE.replace("&", "&amp;").replace("<", "&lt;"), channel="C104")
    [reply] = slack_bot.replies()
    assert reply.params["thread_ts"] == event["ts"]
    assert "an AFP wire story" in reply.params["text"] and "Kenya" in json.dumps(reply.params["blocks"])
    [check] = recent_checks(slack_bot.services.db, channel="C104")
    assert check.link is None and check.result is not None and check.result.input.kind == "text"


async def test_several_links_one_compact_reply_up_to_five(slack_bot: RunningBot) -> None:
    cases = ["afp-barrons", "rt-original", "conversation-via-ap", "insideclimate-republished", "nyt-original"]
    urls = [slack_bot.articles.case(f"{c}.html") for c in cases]
    urls += [slack_bot.articles.url("missing-page"), slack_bot.articles.case("guardian-amp.html")]
    await say(slack_bot, " ".join(f"<{u}>" for u in urls), channel="C105")
    [reply] = slack_bot.replies()
    assert "Provenance for 5 links (2 more skipped" in reply.params["text"]
    assert "missing-page" not in blocks_text(reply)
    assert len(recent_checks(slack_bot.services.db, channel="C105")) == 5
    details = [b for b in reply.params["blocks"] if b.get("accessory", {}).get("action_id") == "provenance_details"]
    assert len(details) == 5


async def test_same_link_within_the_hour_gets_a_pointer(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    await say(slack_bot, f"<{url}>", channel="C106")
    await say(slack_bot, f"again <{url}?utm_campaign=news>", channel="C106")
    await say(slack_bot, f"<{url}>", channel="C107")  # another channel: a full reply
    first, pointer, other = slack_bot.replies()
    assert pointer.params["text"].startswith(":repeat:") and "was checked here" in pointer.params["text"]
    earlier_ts = await _ts_of(slack_bot, 1)
    assert f"https://test.slack.com/archives/C106/p{earlier_ts.replace('.', '')}" in pointer.params["text"]
    assert first.params["channel"] == "C106" and pointer.params["thread_ts"] != first.params["thread_ts"]
    assert "an AFP wire story" in other.params["text"]
    assert len(recent_checks(slack_bot.services.db, channel="C106")) == 1  # a pointer is not a new check


async def _ts_of(bot: RunningBot, nth: int) -> str:
    """The ts the stand-in gave the nth chat.postMessage (its ts sequence is deterministic)."""
    return f"{1_800_000_000 + nth}.000100"


async def test_links_that_cannot_be_read_get_a_friendly_reason(slack_bot: RunningBot) -> None:
    await say(slack_bot, f"<{slack_bot.articles.url('2026/05/gone-story')}>", channel="C108")
    await say(slack_bot, "<http://10.1.2.3/news/secret-report>", channel="C108")
    missing, refused = slack_bot.replies()
    assert missing.params["text"].startswith(":warning: I couldn't check")
    assert "404" in missing.params["text"]
    assert "private" in refused.params["text"] and "Traceback" not in refused.params["text"]
    assert [c.ok for c in recent_checks(slack_bot.services.db, channel="C108")] == [False, False]


async def test_page_text_is_escaped_so_it_cannot_ping(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.add("nasty.html", NASTY_PAGE)
    await say(slack_bot, f"<{url}>", channel="C109")
    [reply] = slack_bot.replies()
    dumped = blocks_text(reply)
    assert (
        "Breaking &lt;!channel&gt; news &amp;amp; more" in dumped
        or "Breaking &lt;!channel&gt; news &amp; more" in dumped
    )
    for dangerous in ("<!channel>", "<!here>", "<@U999>"):
        assert dangerous not in dumped


async def test_bots_and_our_own_messages_are_ignored(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    await say(slack_bot, f"<{url}>", channel="C110", bot_id="B999")
    await say(slack_bot, f"<{url}>", channel="C110", subtype="bot_message", user=None)
    await say(slack_bot, f"<{url}>", channel="C110", user="UBOT", bot_id="BBOT")
    edited = {
        "type": "message",
        "subtype": "message_changed",
        "channel": "C110",
        "ts": new_ts(),
        "message": {"type": "message", "bot_id": "B999", "text": f"<{url}>", "ts": new_ts()},
        "previous_message": {"type": "message", "bot_id": "B999", "text": "nothing", "ts": new_ts()},
    }
    status, _ = await slack_bot.signed.event(edited)
    await slack_bot.settle()
    assert status == 200 and slack_bot.replies() == [] and slack_bot.articles.hits == {}


def _edit(channel: str, ts: str, old: str, new: str) -> dict[str, Any]:
    return {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": channel,
        "ts": new_ts(),
        "message": {"type": "message", "user": "U1", "text": new, "ts": ts, "edited": {"user": "U1", "ts": new_ts()}},
        "previous_message": {"type": "message", "user": "U1", "text": old, "ts": ts},
    }


async def test_edits_update_the_reply_only_when_links_change(slack_bot: RunningBot) -> None:
    first = slack_bot.articles.case("afp-barrons.html")
    second = slack_bot.articles.case("rt-original.html")
    event = await say(slack_bot, f"<{first}>", channel="C111")
    [reply] = slack_bot.replies()
    # Same links, other words (or Slack adding an unfurl): nothing happens.
    await slack_bot.signed.event(_edit("C111", event["ts"], f"<{first}>", f"typo fixed <{first}|here>"))
    await slack_bot.settle()
    assert slack_bot.slack.calls_to("chat.update") == []
    # Other link: the earlier reply is updated in place, no second post.
    await slack_bot.signed.event(_edit("C111", event["ts"], f"<{first}>", f"oops, meant <{second}>"))
    await slack_bot.settle()
    [update] = slack_bot.slack.calls_to("chat.update")
    assert update.params["ts"] == await _ts_of(slack_bot, 1) and update.params["channel"] == "C111"
    assert "Russian state media" in update.params["text"]
    assert len(slack_bot.replies()) == 1 and reply.params["thread_ts"] == event["ts"]


async def test_a_message_edited_to_add_a_link_gets_its_first_reply(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    event = await say(slack_bot, "hold on, finding the link", channel="C112")
    await slack_bot.signed.event(_edit("C112", event["ts"], "hold on, finding the link", f"here: <{url}>"))
    await slack_bot.settle()
    [reply] = slack_bot.replies()
    assert reply.params["thread_ts"] == event["ts"] and slack_bot.slack.calls_to("chat.update") == []


async def test_deleted_messages_leave_the_reply_and_do_not_crash(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    event = await say(slack_bot, f"<{url}>", channel="C113")
    deleted = {"type": "message", "subtype": "message_deleted", "channel": "C113", "ts": new_ts(),
               "deleted_ts": event["ts"], "hidden": True}  # fmt: skip
    status, _ = await slack_bot.signed.event(deleted)
    await slack_bot.settle()
    assert status == 200 and len(slack_bot.replies()) == 1
    assert slack_bot.slack.calls_to("chat.delete") == [] and slack_bot.slack.calls_to("chat.update") == []


async def test_joining_a_channel_introduces_the_bot_once(slack_bot: RunningBot) -> None:
    join = {"type": "member_joined_channel", "user": "UBOT", "channel": "C114", "channel_type": "C", "event_ts": "1.1"}
    status, _ = await slack_bot.signed.event(join, event_id="EvJoin1")
    await slack_bot.signed.event(join, event_id="EvJoin1", headers={"X-Slack-Retry-Num": "1"})
    await slack_bot.signed.event({**join, "user": "U5", "event_ts": "1.2"})  # someone else joining
    await slack_bot.settle()
    [intro] = slack_bot.replies()
    assert status == 200 and intro.params["channel"] == "C114" and "thread_ts" not in intro.params
    assert "/provenance mode on-request" in intro.params["text"]


async def test_direct_messages_are_read(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    event = await say(slack_bot, f"<{url}>", channel="D0001", channel_type="im")
    [reply] = slack_bot.replies()
    assert reply.params["channel"] == "D0001" and reply.params["thread_ts"] == event["ts"]


# -- nothing lost, nothing twice ----------------------------------------------------------------------------------


async def test_redelivered_events_never_reply_twice(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    event = message_event(f"<{url}>", channel="C120")
    for retry in (None, "1", "2"):
        headers = {"X-Slack-Retry-Num": retry, "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        status, _ = await slack_bot.signed.event(event, event_id="EvSame", headers=headers)
        assert status == 200
    status, _ = await slack_bot.signed.event(event, event_id="EvOther")  # same message, another event id
    await slack_bot.settle()
    assert status == 200 and len(slack_bot.replies()) == 1
    assert slack_bot.articles.hits == {"cases/afp-barrons.html": 1}


async def test_rate_limited_then_success(slack_bot: RunningBot) -> None:
    slack_bot.slack.rate_limit("chat.postMessage", retry_after=0)
    url = slack_bot.articles.case("afp-barrons.html")
    await say(slack_bot, f"<{url}>", channel="C121")
    attempts = [c for c in slack_bot.slack.attempts if c.method == "chat.postMessage"]
    assert len(attempts) == 2 and len(slack_bot.replies()) == 1


async def test_server_errors_are_retried_with_backoff(slack_bot: RunningBot) -> None:
    slack_bot.slack.server_error("chat.postMessage", status=502)
    url = slack_bot.articles.case("afp-barrons.html")
    await say(slack_bot, f"<{url}>", channel="C122")
    assert len([c for c in slack_bot.slack.attempts if c.method == "chat.postMessage"]) == 2
    assert len(slack_bot.replies()) == 1


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"retry-after": ["0"]}, 0.0),
        ({"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"}, None),  # a date: the backoff schedule
        ({"Retry-After": "-1"}, None),
        ({"Retry-After": "3600"}, None),  # longer than we would ever hold a reply back
        ({"Retry-After": "nan"}, None),
        ({}, None),
    ],
)
def test_the_seconds_a_server_error_asks_to_wait(headers: dict[str, Any], seconds: float | None) -> None:
    assert retry_after(HttpResponse(status_code=503, headers=headers)) == seconds


async def test_a_server_error_with_retry_after_is_retried_then_else_on_the_backoff(monkeypatch: Any) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    handler, state = AsyncServerErrorBackoffHandler(max_retry_count=3), RetryState()
    request = HttpRequest(method="POST", url="http://127.0.0.1/api/auth.test", headers={})
    for headers in ({"Retry-After": "2"}, {}):
        response = HttpResponse(status_code=503, headers=headers)
        await handler.prepare_for_next_attempt_async(state=state, request=request, response=response)
    assert waits[0] == 2.0 and waits[1] > 0 and state.current_attempt == 2


async def test_channel_errors_are_logged_and_the_bot_goes_on(slack_bot: RunningBot, caplog: Any) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    for error in ("not_in_channel", "channel_not_found", "is_archived"):
        slack_bot.slack.fail("chat.postMessage", error)
        await say(slack_bot, f"<{url}>", channel=f"C{error[:3].upper()}")
        assert f"failed with {error}" in caplog.text
    assert "invite the bot" in caplog.text
    await say(slack_bot, f"<{url}>", channel="C123")
    assert [c.params["channel"] for c in slack_bot.replies() if "error" not in c.params] == [
        "CNOT", "CCHA", "CIS_", "C123"
    ]  # fmt: skip
    assert count_by_status(slack_bot.services.db).get("failed", 0) == 0


async def test_a_crash_before_the_reply_resumes_after_restart(start_bot: Any) -> None:
    bot = await start_bot()
    url = bot.articles.add("slow.html", (CASES / "afp-barrons.html").read_text(encoding="utf-8"), delay=30)
    status, _ = await bot.signed.event(message_event(f"<{url}>", channel="C124"))
    assert status == 200  # acknowledged: the job is in SQLite although the work has barely started
    await bot.server.stop(grace=0.05)
    assert count_by_status(open_database(bot.server.settings.db_path)) == {"pending": 1}
    assert bot.replies() == []
    bot.articles.pages["slow.html"] = (*bot.articles.pages["slow.html"][:3], 0.0)
    again = await start_bot()
    await again.settle()
    [reply] = again.replies()
    assert reply.params["channel"] == "C124" and "an AFP wire story" in reply.params["text"]


# -- HTTP edges ---------------------------------------------------------------------------------------------------


async def test_bad_signature_and_stale_timestamp_are_401(slack_bot: RunningBot) -> None:
    body = event_body(message_event("<https://example.org/a>"))
    status, _ = await slack_bot.signed.post(body, secret="not-the-secret")
    assert status == 401
    status, _ = await slack_bot.signed.post(body, timestamp=1_500_000_000)
    assert status == 401
    async with slack_bot.session.post(f"{slack_bot.base_url}/slack/events", data=body) as response:
        assert response.status == 401  # no signature at all
    assert slack_bot.replies() == [] and count_by_status(slack_bot.services.db) == {}


async def test_malformed_payloads_are_400(slack_bot: RunningBot) -> None:
    for body in ("{not json", "[1, 2]", json.dumps({"type": "event_callback", "event_id": "Ev1"})):
        status, _ = await slack_bot.signed.post(body)
        assert status == 400, body
    no_channel = {"type": "message", "user": "U1", "text": "<https://example.org/a>", "ts": new_ts()}
    status, _ = await slack_bot.signed.event(no_channel)
    assert status == 400
    status, _ = await slack_bot.signed.post("payload=%7Bbroken", content_type="application/x-www-form-urlencoded")
    assert status == 400
    # …and the bot still works.
    await say(slack_bot, f"<{slack_bot.articles.case('afp-barrons.html')}>", channel="C125")
    assert len(slack_bot.replies()) == 1


async def test_url_verification_and_healthz(slack_bot: RunningBot) -> None:
    status, text = await slack_bot.signed.post(json.dumps({"type": "url_verification", "challenge": "abc123"}))
    assert status == 200 and "abc123" in text
    async with slack_bot.session.get(f"{slack_bot.base_url}/healthz") as response:
        assert response.status == 200 and (await response.json())["ok"] is True


async def test_unknown_events_are_acknowledged(slack_bot: RunningBot) -> None:
    status, _ = await slack_bot.signed.event({"type": "reaction_added", "user": "U1", "reaction": "eyes"})
    assert status == 200


# -- buttons and the Home tab -------------------------------------------------------------------------------------


async def test_details_button_opens_the_evidence(slack_bot: RunningBot) -> None:
    await say(slack_bot, f"<{slack_bot.articles.case('afp-barrons.html')}>", channel="C130")
    [reply] = slack_bot.replies()
    value = reply.params["blocks"][-1]["elements"][0]["value"]
    status, _ = await slack_bot.signed.action(block_action("provenance_details", value, channel="C130"))
    await slack_bot.settle()
    [opened] = slack_bot.slack.calls_to("views.open")
    assert status == 200 and opened.params["trigger_id"].startswith("trigger.")
    view = opened.params["view"]
    assert view["type"] == "modal" and "republication.original" in json.dumps(view)


async def test_copy_credit_line_button_opens_the_credit_line(slack_bot: RunningBot) -> None:
    await say(slack_bot, f"<{slack_bot.articles.case('afp-barrons.html')}>", channel="C133")
    [reply] = slack_bot.replies()
    credit = reply.params["blocks"][-1]["elements"][1]
    assert credit["text"]["text"] == "Copy credit line"
    status, _ = await slack_bot.signed.action(block_action("provenance_credit", credit["value"], channel="C133"))
    await slack_bot.settle()
    [opened] = slack_bot.slack.calls_to("views.open")
    view = opened.params["view"]
    assert status == 200 and view["title"]["text"] == "Credit line"
    [check] = recent_checks(slack_bot.services.db, channel="C133")
    assert check.result is not None and view["blocks"][0]["text"]["text"] == f"```{check.result.attribution}```"


async def test_home_tab_lists_recent_checks_and_channels(slack_bot: RunningBot) -> None:
    await say(slack_bot, f"<{slack_bot.articles.case('afp-barrons.html')}>", channel="C131", user="U42")
    await slack_bot.signed.command("mute", response_url=slack_bot.slack.response_url(), channel_id="C132")
    await slack_bot.settle()
    status, _ = await slack_bot.signed.event({"type": "app_home_opened", "user": "U42", "channel": "D1", "tab": "home"})
    await slack_bot.settle()
    [published] = slack_bot.slack.calls_to("views.publish")
    dumped = json.dumps(published.params["view"], ensure_ascii=False)
    assert status == 200 and published.params["user_id"] == "U42"
    assert "Mongolia Herders" in dumped and "<#C131>" in dumped and "<#C132>: :bell: on request" in dumped


async def test_many_messages_with_one_link_at_once(slack_bot: RunningBot) -> None:
    """More same-link messages at once than there are CPU slots: one full reply, pointers for the rest."""
    url = slack_bot.articles.case("afp-barrons.html")
    events = [message_event(f"<{url}>", channel="C126") for _ in range(20)]
    statuses = await asyncio.gather(*(slack_bot.signed.event(e) for e in events))
    await asyncio.wait_for(slack_bot.settle(), 20)
    assert {status for status, _ in statuses} == {200}
    replies = slack_bot.replies("C126")
    assert len(replies) == 20
    assert sum("an AFP wire story" in r.params["text"] for r in replies) == 1
    assert slack_bot.articles.hits == {"cases/afp-barrons.html": 1}
