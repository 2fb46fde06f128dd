"""Every other event the app is subscribed to is acknowledged quietly (no 404, so Slack does not retry it)."""

from __future__ import annotations

import re
from typing import Any

from bot.slack.service import Services


def register(app: Any, services: Services) -> None:
    @app.event(re.compile(".*"))
    async def on_other_event() -> None:
        return
