"""The App Home tab: refreshed whenever someone opens it (recent checks, active and muted channels)."""

from __future__ import annotations

from typing import Any

from bot.slack.service import Services
from handlers.payload import text_field


async def on_home_opened(event: dict[str, Any], services: Services) -> None:
    if event.get("tab", "home") != "home":
        return  # the Messages tab
    user = text_field(event, "user")
    services.spawn(services.results.publish_home(user), f"home-{user}")


def register(app: Any) -> None:
    app.event("app_home_opened")(on_home_opened)
