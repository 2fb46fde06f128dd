"""Every other event the app is subscribed to is acknowledged quietly (no 404, so Slack does not retry it)."""

from __future__ import annotations

import re
from typing import Any


async def on_other_event() -> None:
    return


def register(app: Any) -> None:
    app.event(re.compile(".*"))(on_other_event)
