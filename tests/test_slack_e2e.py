"""End to end through real HTTP: signed requests into `provbot run`'s server, Slack and articles stood in."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.slack_signing import message_event


async def test_link_gets_one_thread_reply(slack_bot: RunningBot) -> None:
    url = slack_bot.articles.case("afp-barrons.html")
    event = message_event(f"look <{url}|this>")
    status, _ = await slack_bot.signed.event(event)
    assert status == 200
    reply = await slack_bot.slack.wait_for("chat.postMessage")
    await slack_bot.settle()
    assert reply.params["thread_ts"] == event["ts"]
    assert reply.params["unfurl_links"] is False and reply.params["unfurl_media"] is False
    assert "AFP" in reply.params["text"]
    print(reply.params)
