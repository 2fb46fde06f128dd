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
