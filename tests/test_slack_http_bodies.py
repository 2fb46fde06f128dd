"""Request bodies that are not UTF-8 (issue 12): refused with 400 once signed, 401 when not; never a 500."""

from __future__ import annotations

import hashlib
import hmac
import time

from tests.conftest import SIGNING_SECRET, RunningBot

BODY = b'{"type": "event_callback", "event": {"text": "caf\xe9 \xff\xfe"}}'  # Latin-1, not UTF-8


def _signature(body: bytes, secret: str) -> dict[str, str]:
    timestamp = str(int(time.time()))
    digest = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest}"}


async def _post(bot: RunningBot, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    headers = {**headers, "Content-Type": "application/json; charset=utf-8"}
    async with bot.session.post(f"{bot.base_url}/slack/events", data=body, headers=headers) as response:
        return response.status, await response.text()


async def test_a_signed_body_that_is_not_utf8_gets_400(slack_bot: RunningBot) -> None:
    assert await _post(slack_bot, BODY, _signature(BODY, SIGNING_SECRET)) == (400, "the request body is not UTF-8")
    assert slack_bot.replies() == []


async def test_an_unsigned_body_that_is_not_utf8_gets_401(slack_bot: RunningBot) -> None:
    status, _ = await _post(slack_bot, BODY, _signature(BODY, "not-the-secret"))
    assert status == 401
    status, _ = await _post(slack_bot, BODY, {})
    assert status == 401
