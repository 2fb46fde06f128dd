"""Requests as Slack sends them: bodies for events, slash commands and button clicks, signed with the secret.

    bot = SignedSlack(base_url="http://127.0.0.1:PORT", secret="…", session=aiohttp_session)
    response = await bot.event({"type": "message", "channel": "C1", "ts": "…", "text": "<https://…>"})
    response = await bot.command("/provenance", "help", response_url=slack.response_url())
    response = await bot.action({"type": "block_actions", …})

`sign()` alone gives the headers for any body (pass `timestamp=` to make a stale one).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

import aiohttp

TEAM_ID = "T000TEST"
_counter = itertools.count(1)


def sign(body: str, secret: str, *, timestamp: int | None = None) -> dict[str, str]:
    """Slack's v0 signature: HMAC-SHA256 over "v0:{timestamp}:{body}" with the signing secret."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def new_ts() -> str:
    """A fresh, unique message ts."""
    return f"{1_700_000_000 + next(_counter)}.{next(_counter):06d}"


def event_body(event: dict[str, Any], *, event_id: str | None = None, team_id: str = TEAM_ID) -> str:
    return json.dumps(
        {
            "token": "unused",
            "team_id": team_id,
            "api_app_id": "A000TEST",
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(_counter):010d}",
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": team_id, "user_id": "UBOT", "is_bot": True}],
        }
    )


def message_event(text: str, *, channel: str = "C0001", user: str = "U0001", **extra: Any) -> dict[str, Any]:
    ts = extra.pop("ts", None) or new_ts()
    return {"type": "message", "channel": channel, "user": user, "text": text, "ts": ts, "event_ts": ts,
            "channel_type": "channel", **extra}  # fmt: skip


def command_body(
    text: str,
    *,
    response_url: str,
    command: str = "/provenance",
    channel_id: str = "C0001",
    user_id: str = "U0001",
    team_id: str = TEAM_ID,
) -> str:
    return urlencode(
        {
            "token": "unused",
            "team_id": team_id,
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": "someone",
            "command": command,
            "text": text,
            "response_url": response_url,
            "trigger_id": f"trigger.{next(_counter)}",
            "api_app_id": "A000TEST",
        }
    )


def action_body(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload)})


def block_action(
    action_id: str,
    value: str,
    *,
    channel: str = "C0001",
    user: str = "U0001",
    response_url: str | None = None,
    team_id: str = TEAM_ID,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": team_id},
        "user": {"id": user, "team_id": team_id},
        "api_app_id": "A000TEST",
        "trigger_id": f"trigger.{next(_counter)}",
        "channel": {"id": channel},
        "container": {"type": "message", "channel_id": channel},
        "actions": [{"type": "button", "action_id": action_id, "value": value, "block_id": "b1"}],
    }
    if response_url:
        payload["response_url"] = response_url
    return payload


class SignedSlack:
    """Sends signed requests to the bot's `POST /slack/events`, as Slack would."""

    def __init__(self, base_url: str, secret: str, session: aiohttp.ClientSession) -> None:
        self.url = base_url.rstrip("/") + "/slack/events"
        self.secret = secret
        self.session = session

    async def post(
        self,
        body: str,
        *,
        content_type: str = "application/json",
        timestamp: int | None = None,
        secret: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        all_headers = {"Content-Type": content_type, **sign(body, secret or self.secret, timestamp=timestamp)}
        all_headers.update(headers or {})
        async with self.session.post(self.url, data=body.encode(), headers=all_headers) as response:
            return response.status, await response.text()

    async def event(
        self, event: dict[str, Any], *, event_id: str | None = None, team_id: str = TEAM_ID, **kwargs: Any
    ) -> tuple[int, str]:
        return await self.post(event_body(event, event_id=event_id, team_id=team_id), **kwargs)

    async def command(self, text: str, *, response_url: str, **kwargs: Any) -> tuple[int, str]:
        body = command_body(text, response_url=response_url, **kwargs)
        return await self.post(body, content_type="application/x-www-form-urlencoded")

    async def action(self, payload: dict[str, Any]) -> tuple[int, str]:
        return await self.post(action_body(payload), content_type="application/x-www-form-urlencoded")
