"""Shared fixtures: a Slack stand-in, a local article server, and the real bot served over real HTTP.

    async def test_something(slack_bot):
        status, _ = await slack_bot.signed.event(message_event("<http://127.0.0.1:…/a.html>"))
        reply = await slack_bot.slack.wait_for("chat.postMessage")

`slack_bot.slack` is the `tests.slack_standin.SlackStandIn`, `slack_bot.signed` a `tests.slack_signing.SignedSlack`
aimed at the bot, `slack_bot.articles` the article server, `slack_bot.services` the bot's `Services`, and
`await slack_bot.settle()` waits until every job and task the bot started has finished.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.settings import Settings
from bot.slack.app import BotServer
from bot.slack.service import Services
from tests.fakes import start_local_site
from tests.kept_pool import KeptPools
from tests.slack_signing import SignedSlack
from tests.slack_standin import SlackStandIn

# Every test's temporary folder (its SQLite database, pages, .env) on a RAM file system where the machine has one:
# a new database there is created and migrated without waiting on disk flushes (~60 ms each on disk, and the suite
# creates hundreds: one per bot started and per command run). Only a failed test's folder is kept (pyproject.toml).
if "PYTEST_DEBUG_TEMPROOT" not in os.environ and os.access("/dev/shm", os.W_OK):
    os.environ["PYTEST_DEBUG_TEMPROOT"] = "/dev/shm"


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (pyproject's addopts) starts half as many workers again as there are cores: much of the suite's
    time is spent waiting (on real `provbot run` processes, the Slack stand-in's delays, job leases), and a waiting
    worker leaves its core idle (on two quiet cores the suite used 75 s of CPU in 68 s: 45 % idle); the extra worker
    takes that time. PYTEST_XDIST_AUTO_NUM_WORKERS, xdist's own setting, still wins."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores + max(1, cores // 2)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `real_processes` (each starts `provbot run` or another real process: seconds of start-up and
    waiting) are spread over the first half of the run, one every so many others, rather than left where their
    file sorts: xdist hands tests out in order, so a few of them together at the end made a tail of 20 s on one
    worker while the others stood idle, and together at the start would all land on the same worker."""
    slow = [item for item in items if item.get_closest_marker("real_processes")]
    if not slow:
        return
    rest = [item for item in items if not item.get_closest_marker("real_processes")]
    stride = max(1, len(rest) // (2 * len(slow)))
    ordered: list[pytest.Item] = []
    for number, item in enumerate(slow):
        ordered += [item, *rest[number * stride : (number + 1) * stride]]
    items[:] = ordered + rest[len(slow) * stride :]


CASES = Path(__file__).parent / "cases"
SIGNING_SECRET = "test-signing-secret-0123456789"
BOT_TOKEN = "xoxb-0000-test-token"


@dataclass
class ArticleServer:
    """Serves tests/cases/* at /cases/<name>, and any page added with add(); counts hits per path."""

    pages: dict[str, tuple[bytes, str, int, float]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    port: int = 0
    _runner: web.AppRunner | None = None

    def add(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        delay: float = 0.0,
    ) -> str:
        """Serve `body` at /path (after `delay` seconds); returns its address."""
        self.pages[path] = (body.encode() if isinstance(body, str) else body, content_type, status, delay)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def case(self, name: str) -> str:
        return self.url(f"cases/{name}")

    async def _handle(self, request: web.Request) -> web.Response:
        path = request.path.lstrip("/")
        self.hits[path] = self.hits.get(path, 0) + 1
        if path in self.pages:
            body, content_type, status, delay = self.pages[path]
            if delay:
                await asyncio.sleep(delay)
            return web.Response(body=body, status=status, headers={"Content-Type": content_type})
        if path.startswith("cases/") and (CASES / path[6:]).is_file():
            kind = "text/html; charset=utf-8" if path.endswith(".html") else "text/plain; charset=utf-8"
            return web.Response(body=(CASES / path[6:]).read_bytes(), headers={"Content-Type": kind})
        return web.Response(status=404, text="not found")

    async def start(self) -> ArticleServer:
        app = web.Application()
        app.router.add_get("/{tail:.*}", self._handle)
        self._runner, self.port = await start_local_site(app, shutdown_timeout=0.1)
        return self

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def bot_settings(db_path: Path, slack: SlackStandIn, **overrides: Any) -> Settings:
    """Settings for a bot talking to the stand-in, allowed to fetch from 127.0.0.1 (the article server)."""
    base = Settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack.api_url,
        db_path=str(db_path),
        host="127.0.0.1",
        port=0,
        allow_private=(ipaddress.ip_network("127.0.0.1/32"),),
        fetch_timeout=5.0,
        chain_max_fetches=0,  # case pages credit originals on the internet; a test that follows one turns it on
    )
    return replace(base, **overrides)


@dataclass
class RunningBot:
    server: BotServer
    slack: SlackStandIn
    articles: ArticleServer
    signed: SignedSlack
    session: aiohttp.ClientSession

    @property
    def services(self) -> Services:
        assert self.server.services is not None
        return self.server.services

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    async def settle(self) -> None:
        await self.services.drain()

    def replies(self, channel: str | None = None) -> list[Any]:
        return [c for c in self.slack.calls_to("chat.postMessage") if channel is None or c.params["channel"] == channel]


@pytest.fixture
async def slack_standin() -> AsyncIterator[SlackStandIn]:
    async with SlackStandIn() as standin:
        yield standin


@pytest.fixture
async def article_server() -> AsyncIterator[ArticleServer]:
    server = await ArticleServer().start()
    yield server
    await server.close()


@pytest.fixture(scope="session")
def kept_pools() -> Iterator[KeptPools]:
    """The analysis pools the in-process bots share (tests/kept_pool.py), ended with the session."""
    pools = KeptPools()
    yield pools
    pools.end()


@pytest.fixture
async def start_bot(
    tmp_path: Path,
    slack_standin: SlackStandIn,
    article_server: ArticleServer,
    kept_pools: KeptPools,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[Callable[..., Any]]:
    """A factory: `await start_bot(**settings_overrides)` starts the real bot; all are stopped at the end. Their
    analysis workers are kept from one test to the next (tests/kept_pool.py)."""
    started: list[tuple[BotServer, aiohttp.ClientSession]] = []
    monkeypatch.setattr("bot.slack.app.AnalysisPool", kept_pools)

    async def start(**overrides: Any) -> RunningBot:
        server = BotServer(bot_settings(tmp_path / "provbot.db", slack_standin, **overrides))
        await server.start()
        server.services.pacer.interval = 0  # type: ignore[union-attr]  # pacing has its own unit test
        session = aiohttp.ClientSession()
        started.append((server, session))
        signed = SignedSlack(f"http://127.0.0.1:{server.port}", SIGNING_SECRET, session)
        return RunningBot(server, slack_standin, article_server, signed, session)

    yield start
    for server, session in started:
        await session.close()
        await server.stop(grace=1.0)


@pytest.fixture
async def slack_bot(start_bot: Callable[..., Any]) -> RunningBot:
    return await start_bot()
