"""Small in-process fakes shared by unit tests (end-to-end tests use the real stand-ins over HTTP instead)."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from slack_sdk.errors import SlackApiError


class FakeSlack:
    """Records chat.postMessage calls; `fail` makes it answer like Slack refusing the post."""

    def __init__(self, fail: str | None = None) -> None:
        self.posts: list[dict[str, Any]] = []
        self.fail = fail

    async def chat_postMessage(self, **kwargs: Any) -> dict[str, Any]:
        if self.fail:
            raise SlackApiError(self.fail, {"ok": False, "error": self.fail})
        self.posts.append(kwargs)
        return {"ok": True, "ts": f"1800000000.{len(self.posts):06d}"}

    def top_level(self, channel: str | None = None) -> list[dict[str, Any]]:
        """The posts made in a channel itself, not in a thread."""
        return [p for p in self.posts if p.get("thread_ts") is None and channel in (None, p["channel"])]


async def start_local_site(app: web.Application, **runner_options: Any) -> tuple[web.AppRunner, int]:
    """Serve `app` on 127.0.0.1 at a free port; returns the runner (to clean up) and the port."""
    runner = web.AppRunner(app, access_log=None, **runner_options)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
