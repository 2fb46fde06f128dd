"""Socket Mode against a local WebSocket stand-in: events and slash commands arrive over the socket, are
acknowledged through it, and the replies go to the stand-in Web API."""

from __future__ import annotations

import json
from typing import Any

from tests.slack_signing import TEAM_ID, event_body, message_event


async def test_events_and_commands_over_socket_mode(start_bot: Any) -> None:
    bot = await start_bot(slack_app_token="xapp-1-A000TEST-0000-test")
    slack = bot.slack
    assert bot.server.port is None  # no HTTP server in Socket Mode
    [opened] = slack.calls_to("apps.connections.open")
    assert opened.headers["Authorization"] == "Bearer xapp-1-A000TEST-0000-test"

    url = bot.articles.case("afp-barrons.html")
    event = message_event(f"<{url}>", channel="C300")
    payload = json.loads(event_body(event, event_id="EvSock1"))
    envelope = await slack.socket_send(payload)
    assert (await slack.socket_ack(envelope))["envelope_id"] == envelope
    await slack.socket_send(payload, retry_attempt=1)  # a re-delivery over the socket
    await bot.settle()
    reply = await slack.wait_for("chat.postMessage")
    assert reply.params["thread_ts"] == event["ts"] and "an AFP wire story" in reply.params["text"]

    command = {"team_id": TEAM_ID, "channel_id": "C300", "user_id": "U1", "command": "/provenance", "text": "help",
               "response_url": slack.response_url(), "trigger_id": "trigger.sock"}  # fmt: skip
    envelope = await slack.socket_send(command, "slash_commands")
    await slack.socket_ack(envelope)
    answer = await slack.wait_for_response()
    await bot.settle()
    assert "/provenance mute" in answer.params["text"]
    assert len(slack.calls_to("chat.postMessage")) == 1
