"""Small checks shared by the listeners: a payload missing what Slack always sends is answered 400, not a crash."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class MalformedPayload(ValueError):
    """Raised by a listener; the app's error handler turns it into HTTP 400 (Slack does not retry 4xx)."""


def text_field(data: Any, key: str) -> str:
    if not isinstance(data, Mapping):
        raise MalformedPayload(f"expected an object holding {key!r}")
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise MalformedPayload(f"{key!r} is missing or not a string")
    return value


def mapping_field(data: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise MalformedPayload(f"expected an object holding {key!r}")
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise MalformedPayload(f"{key!r} is missing or not an object")
    return value


def message_job(event: Mapping[str, Any], channel: str, ts: str, links: list[str], text: str) -> dict[str, Any]:
    """What a job answering a message needs of its event (read back by `bot.slack.replier.Message`)."""
    return {
        "channel": channel,
        "channel_type": event.get("channel_type"),
        "user": event.get("user"),
        "ts": ts,
        "thread_ts": event.get("thread_ts") or ts,
        "links": links,
        "text": text,
    }
