"""`bench_hostile.py --service`: /healthz and event-ack latency of a running `provbot run`, quiet and while it
analyses hostile pages and pastes, side by side in one run (see bench_hostile.py's docstring for the method)."""

from __future__ import annotations

import asyncio
import json
import os
import platform
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp

from bench.bench_slack import percentile
from tests.conftest import BOT_TOKEN, CASES, SIGNING_SECRET, ArticleServer
from tests.run_process import free_port, wait_until_healthy
from tests.slack_signing import SignedSlack, message_event
from tests.slack_standin import SlackStandIn
from tests.test_hostile_inputs import _page, _repeat

HEALTH_EVERY = 0.05
ACK_EVERY = 0.1
PAGE_EVERY = 0.5
PASTE_EVERY = 2.0
CHATTER = "anyone up for lunch at noon? the usual place"


async def _every(
    period: float, until: float, probe: Callable[[int], Awaitable[float | None]], out: list[float]
) -> None:
    """Call probe(n) every `period` seconds until `until` (monotonic), keeping the latencies it returns."""
    n = 0
    while time.monotonic() < until:
        started = time.monotonic()
        if (latency := await probe(n)) is not None:
            out.append(latency)
        n += 1
        await asyncio.sleep(max(0.0, period - (time.monotonic() - started)))


async def _timed(request: Awaitable[Any]) -> float:
    started = time.perf_counter()
    await request
    return (time.perf_counter() - started) * 1000


class Probes:
    """The bot's answers as a client sees them: health checks, chatter events, and hostile work sent meanwhile."""

    def __init__(self, session: aiohttp.ClientSession, port: int, articles: ArticleServer) -> None:
        self.session = session
        self.port = port
        self.articles = articles
        self.signed = SignedSlack(f"http://127.0.0.1:{port}", SIGNING_SECRET, session)
        self.paste = (CASES / "afp-paste.txt").read_text(encoding="utf-8")
        self.sent_hostile = 0

    async def health(self, n: int) -> float:
        async def get() -> None:
            async with self.session.get(f"http://127.0.0.1:{self.port}/healthz") as response:
                assert response.status == 200
                await response.read()

        return await _timed(get())

    async def own_lag(self, n: int) -> float:
        """How late this process's own loop wakes up: the share of the latencies that is the measurer's."""
        started = time.perf_counter()
        await asyncio.sleep(0.01)
        return (time.perf_counter() - started - 0.01) * 1000

    async def ack(self, n: int) -> float:
        return await _timed(self.signed.event(message_event(CHATTER, channel="CQUIET")))

    async def hostile_page(self, n: int) -> None:
        path = f"hostile/{time.monotonic_ns()}.html"
        url = self.articles.add(path, _page(_repeat("© ", 300_000), "footer"))
        await self.signed.event(message_event(f"<{url}>", channel=f"CH{n % 20}"))
        self.sent_hostile += 1
        return None

    async def hostile_paste(self, n: int) -> None:
        text = f"{self.paste}\n{_repeat('© ', 30_000)}{n}"
        await self.signed.event(message_event(text, channel=f"CP{n % 20}"))
        self.sent_hostile += 1
        return None


async def _phase(probes: Probes, seconds: float, hostile: bool) -> dict[str, list[float]]:
    until = time.monotonic() + seconds
    health: list[float] = []
    acks: list[float] = []
    lag: list[float] = []
    work = [_every(HEALTH_EVERY, until, probes.health, health), _every(ACK_EVERY, until, probes.ack, acks)]
    work.append(_every(HEALTH_EVERY, until, probes.own_lag, lag))
    if hostile:
        work += [
            _every(PAGE_EVERY, until, probes.hostile_page, []),
            _every(PASTE_EVERY, until, probes.hostile_paste, []),
        ]
    await asyncio.gather(*work)
    return {"health_ms": health, "ack_ms": acks, "measurer_lag_ms": lag}


def _summary(samples: dict[str, list[float]]) -> dict[str, Any]:
    return {
        name: {"n": len(v), "p50": percentile(v, 50), "p99": percentile(v, 99), "max": max(v, default=float("nan"))}
        for name, v in samples.items()
    }


async def _measure(seconds: float) -> dict[str, Any]:
    slack, articles, port = await SlackStandIn().start(), await ArticleServer().start(), free_port()
    env = {**os.environ, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
           "SLACK_API_URL": slack.api_url, "PROVBOT_DB": str(Path(f"/tmp/provbot-hostile-{os.getpid()}.db")),
           "PROVBOT_HOST": "127.0.0.1", "PROVBOT_PORT": str(port), "PROVBOT_ALLOW_PRIVATE": "127.0.0.1/32",
           "PROVBOT_CHAIN_MAX_FETCHES": "0", "PROVBOT_LOG_LEVEL": "WARNING"}  # fmt: skip
    env.pop("SLACK_APP_TOKEN", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        async with aiohttp.ClientSession() as session:
            await wait_until_healthy(session, port)
            probes = Probes(session, port, articles)
            quiet = await _phase(probes, seconds, hostile=False)
            under_load = await _phase(probes, seconds, hostile=True)
        replies = slack.calls_to("chat.postMessage")
        too_long = sum("took too long" in str(c.params.get("text")) for c in replies)
    finally:
        process.terminate()
        await process.wait()
        await slack.close()
        await articles.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"/tmp/provbot-hostile-{os.getpid()}.db{suffix}").unlink(missing_ok=True)
    return {
        "seconds_per_phase": seconds,
        "quiet": _summary(quiet),
        "hostile": _summary(under_load),
        "hostile_inputs_sent": probes.sent_hostile,
        "replies_during_run": len(replies),
        "replies_too_long_to_read": too_long,
        "load_average": os.getloadavg(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
    }


def run_service(seconds: float, out: Path) -> None:
    result = asyncio.run(_measure(seconds))
    for phase in ("quiet", "hostile"):
        row = result[phase]
        print(
            f"{phase:8} /healthz p50 {row['health_ms']['p50']:6.1f} p99 {row['health_ms']['p99']:6.1f} "
            f"max {row['health_ms']['max']:6.1f} ms (n={row['health_ms']['n']})   "
            f"ack p50 {row['ack_ms']['p50']:6.1f} p99 {row['ack_ms']['p99']:6.1f} "
            f"max {row['ack_ms']['max']:6.1f} ms (n={row['ack_ms']['n']})   "
            f"measurer's own lag p99 {row['measurer_lag_ms']['p99']:5.1f} ms"
        )
    print(
        f"hostile inputs sent {result['hostile_inputs_sent']}, replies {result['replies_during_run']} "
        f"({result['replies_too_long_to_read']} 'took too long'), load average {result['load_average']}"
    )
    out.write_text(json.dumps(result, indent=1))
