"""`/provenance` end to end: acknowledged at once, answered privately through response_url, Share button."""

from __future__ import annotations

import json
from typing import Any

from bot.checks import recent_checks
from bot.slack.commands import route
from tests.conftest import CASES, RunningBot
from tests.slack_signing import block_action, message_event


async def command(bot: RunningBot, text: str, *, channel: str = "C200", user: str = "U9") -> Any:
    """Run `/provenance text`; the HTTP answer must be an immediate empty ack, the real answer a response_url post."""
    before = len(bot.slack.responses)
    status, body = await bot.signed.command(text, response_url=bot.slack.response_url(), channel_id=channel,
                                            user_id=user)  # fmt: skip
    assert status == 200 and body == ""
    await bot.settle()
    [answer] = bot.slack.responses[before:]
    return answer


def test_routing_keeps_pastes_that_start_with_a_subcommand_word() -> None:
    assert route("") == ("help", "")
    assert route("HELP") == ("help", "")
    assert route("outlet rt.com") == ("outlet", "rt.com")
    assert route("outlet https://www.bbc.co.uk/news") == ("outlet", "https://www.bbc.co.uk/news")
    assert route("history") == ("history", "")
    assert route("History of the region, as told by AFP") == (None, "History of the region, as told by AFP")
    assert route("mute the noise please") == (None, "mute the noise please")
    assert route("<https://example.org/a>") == (None, "<https://example.org/a>")


async def test_link_is_answered_privately_with_a_share_button(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    answer = await command(slack_bot, f"<{url}>")
    assert answer.params["response_type"] == "ephemeral"
    assert "an AFP wire story" in answer.params["text"]
    actions = [b for b in answer.params["blocks"] if b["type"] == "actions"]
    *_, share = actions[0]["elements"]  # after Details and Copy credit line
    assert share["action_id"] == "provenance_share"
    assert slack_bot.replies() == []  # nothing in the channel yet
    [check] = recent_checks(slack_bot.services.db, user="U9")
    assert check.source == "slash" and check.channel == "C200" and check.link == url

    response_url = slack_bot.slack.response_url("share")
    status, _ = await slack_bot.signed.action(
        block_action("provenance_share", share["value"], channel="C200", user="U9", response_url=response_url)
    )
    await slack_bot.settle()
    [shared] = slack_bot.replies()
    assert status == 200 and shared.params["channel"] == "C200" and "thread_ts" not in shared.params
    assert "an AFP wire story" in shared.params["text"] and "Shared by <@U9>" in json.dumps(shared.params["blocks"])
    assert slack_bot.slack.responses[-1].params["text"] == "Shared in <#C200>."


async def test_share_where_the_bot_is_not_invited_says_so(slack_bot: RunningBot) -> None:
    answer = await command(slack_bot, f"<{slack_bot.articles.case('afp-barrons.html')}>", channel="C201")
    share = next(b for b in answer.params["blocks"] if b["type"] == "actions")["elements"][0]
    slack_bot.slack.fail("chat.postMessage", "not_in_channel")
    await slack_bot.signed.action(
        block_action("provenance_share", share["value"], channel="C201", response_url=slack_bot.slack.response_url())
    )
    await slack_bot.settle()
    assert "/invite @Provenance Bot" in slack_bot.slack.responses[-1].params["text"]


async def test_pasted_text_and_failures(slack_bot: RunningBot) -> None:
    paste = (CASES / "afp-paste.txt").read_text(encoding="utf-8")
    answer = await command(slack_bot, paste)
    assert "an AFP wire story" in answer.params["text"]
    answer = await command(slack_bot, "<http://10.0.0.1/x>")
    assert answer.params["text"].startswith(":warning: I couldn't check") and "private" in answer.params["text"]


async def test_help_outlet_and_history(slack_bot: RunningBot) -> None:
    answer = await command(slack_bot, "help")
    for usage in ("/provenance outlet", "/provenance history", "/provenance mute", "/provenance unmute"):
        assert usage in answer.params["text"]
    answer = await command(slack_bot, "outlet www.rt.com")
    assert "RT" in answer.params["text"] and "state controlled" in answer.params["text"]
    answer = await command(slack_bot, "outlet no-such-outlet.example")
    assert "no registry entry" in answer.params["text"]
    answer = await command(slack_bot, "history", channel="C202")
    assert "No checks in this channel yet" in answer.params["text"]
    rt = slack_bot.articles.case("rt-original.html")
    status, _ = await slack_bot.signed.event(message_event(f"<{rt}>", channel="C202"))
    assert status == 200
    await slack_bot.settle()
    answer = await command(slack_bot, "history", channel="C202")
    assert "Moscow metro" in answer.params["text"] and "RT" in answer.params["text"]


async def test_mute_and_unmute_automatic_replies(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    answer = await command(slack_bot, "mute", channel="C203")
    assert "Muted" in answer.params["text"]
    await slack_bot.signed.event(message_event(f"<{url}>", channel="C203"))
    await slack_bot.settle()
    assert slack_bot.replies() == [] and slack_bot.articles.hits == {}
    answer = await command(slack_bot, f"<{url}>", channel="C203")  # the command still works while muted
    assert "an AFP wire story" in answer.params["text"]
    await command(slack_bot, "unmute", channel="C203")
    await slack_bot.signed.event(message_event(f"<{url}>", channel="C203"))
    await slack_bot.settle()
    assert len(slack_bot.replies("C203")) == 1
