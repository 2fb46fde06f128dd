"""Fetcher benchmark: 1,000 pages from a local server, 50 at a time, with and without the cache.

    .venv/bin/python bench/bench_fetch.py [--pages 1000] [--concurrency 50] [--size 40000]

The pages come from an aiohttp server in a separate process (so serving them does not share our event loop or
CPU time slice). Each measured phase runs in a fresh process of its own, so its peak memory (ru_maxrss) is its
own and not the high-water mark of an earlier phase:

* anchor      bare aiohttp: one session, same connection limits, GET + read body, nothing else;
* fetcher     `Fetcher` without a database: address policy, guarded resolver, redirects by hand, body cap, decode;
* cold cache  `Fetcher` with a fresh SQLite database: the above plus writing every page to the cache;
* warm cache  the same 1,000 addresses again: all answered from the cache;
* hit cost    one cached address fetched 1,000 times in a row, timed call by call (mean, median, p99);
* huge, bomb  one 50 MB page and one gzip bomb (200 MB inflated) under the default 5 MB cap: memory stays flat.

Figures go in BENCHMARKS.md ("## Fetcher").
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAGRAPH = (
    "<p>Reporters at the outlet spent months tracing where the shipment went, who signed for it and why the "
    "records were later changed. Officials declined to comment — “we do not discuss ongoing matters”.</p>\n"
)


def _page(index: int, size: int) -> bytes:
    head = (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Story {index}</title>"
        f'<meta property="og:site_name" content="Bench Times"><link rel=canonical href="/article/{index}">'
        f"</head><body><article><h1>Story {index}</h1>"
    )
    body = PARAGRAPH * max(1, (size - len(head)) // len(PARAGRAPH.encode()))
    return (head + body + "</article></body></html>").encode()


# --- the page server (its own process) ------------------------------------------------------------------------------


def serve(size: int, count: int) -> None:
    from aiohttp import web

    # Built up front so the first phase does not pay for making pages.
    pages = {index: _page(index, size) for index in range(count)}

    async def article(request: web.Request) -> web.Response:
        index = int(request.match_info["index"])
        etag = f'"bench-{index}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=pages[index], headers={"Content-Type": "text/html; charset=utf-8", "ETag": etag})

    # Two hostile pages for the memory figures: 50 MB of HTML, and a gzip bomb (200 MB inflated, ~200 KB sent).
    huge_chunk = PARAGRAPH.encode() * 400
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = compressor.compress(b"<html><body>") + b"".join(compressor.compress(b" " * 1_000_000) for _ in range(200))
    bomb += compressor.flush()

    async def huge(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html; charset=utf-8"})
        await response.prepare(request)
        sent = 0
        with contextlib.suppress(ConnectionError):
            while sent < 50_000_000:
                await response.write(huge_chunk)
                sent += len(huge_chunk)
        return response

    async def gzip_bomb(request: web.Request) -> web.Response:
        return web.Response(body=bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/article/{index}", article)
        app.router.add_get("/huge", huge)
        app.router.add_get("/bomb", gzip_bomb)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        port = runner.addresses[0][1]
        print(port, flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


# --- one measured phase (its own process) ---------------------------------------------------------------------------


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _urls(port: int, pages: int) -> list[str]:
    # Tracking parameters on every address, as pasted from a newsletter: cleaned before fetching and caching.
    return [f"http://127.0.0.1:{port}/article/{i}?utm_source=bench&utm_medium=email" for i in range(pages)]


async def _run_all(fetch_one, urls: list[str], concurrency: int) -> float:  # type: ignore[no-untyped-def]
    queue = list(reversed(urls))

    async def worker() -> None:
        while queue:
            await fetch_one(queue.pop())

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - start


async def _phase(name: str, port: int, pages: int, concurrency: int, db_path: str) -> dict[str, float]:
    import aiohttp

    from bot.fetch.fetcher import PER_HOST_LIMIT, TOTAL_CONNECTIONS, Fetcher
    from bot.settings import load_settings
    from bot.storage import open_database

    urls = _urls(port, pages)
    settings = load_settings(env={"PROVBOT_ALLOW_PRIVATE": "127.0.0.1/32", "PROVBOT_DB": db_path})
    base_rss = _maxrss_mb()
    result: dict[str, float] = {}
    if name == "anchor":
        connector = aiohttp.TCPConnector(limit=TOTAL_CONNECTIONS, limit_per_host=PER_HOST_LIMIT)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def get(url: str) -> None:
                async with session.get(url) as response:
                    await response.text()

            elapsed = await _run_all(get, urls, concurrency)
    elif name in ("huge", "bomb"):
        async with Fetcher(settings) as fetcher:
            start = time.perf_counter()
            page = await fetcher.fetch(f"http://127.0.0.1:{port}/{name}")
            elapsed = time.perf_counter() - start
        assert page.warnings, "the page should have been cut at PROVBOT_MAX_BYTES"
        result["text_mb"] = len(page.text.encode()) / 1e6
    elif name == "hit-cost":
        async with Fetcher(settings, open_database(db_path)) as fetcher:
            page = await fetcher.fetch(urls[0])
            assert page.from_cache, "run the cold phase first"
            times = []
            for _ in range(pages):
                start = time.perf_counter()
                await fetcher.fetch(urls[0])
                times.append((time.perf_counter() - start) * 1000)
        times.sort()
        elapsed = sum(times) / 1000
        result.update(
            mean_ms=statistics.fmean(times),
            median_ms=statistics.median(times),
            p99_ms=times[int(len(times) * 0.99) - 1],
            max_ms=times[-1],
        )
    else:
        db = open_database(db_path) if name in ("cold", "warm") else None
        async with Fetcher(settings, db) as fetcher:
            cached = 0

            async def fetch(url: str) -> None:
                nonlocal cached
                page = await fetcher.fetch(url)
                cached += page.from_cache

            elapsed = await _run_all(fetch, urls, concurrency)
        expected = pages if name == "warm" else 0
        assert cached == expected, f"{name}: {cached} pages from the cache, expected {expected}"
    result.update(seconds=elapsed, pages_per_s=pages / elapsed, peak_rss_mb=_maxrss_mb(), start_rss_mb=base_rss)
    return result


# --- the driver -----------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--size", type=int, default=40_000, help="bytes per page")
    parser.add_argument("--repeats", type=int, default=3, help="runs per phase; the median is reported")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.serve:
        serve(args.size, args.pages)
        return
    if args.phase:
        print(json.dumps(asyncio.run(_phase(args.phase, args.port, args.pages, args.concurrency, args.db))))
        return

    common = ["--pages", str(args.pages), "--concurrency", str(args.concurrency)]
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--size", str(args.size), *common], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        runs: dict[str, list[dict[str, float]]] = {}
        with tempfile.TemporaryDirectory() as tmp:
            # Phases interleaved, repeated; the run with the median speed is reported for each.
            for repeat in range(args.repeats):
                db_path = os.path.join(tmp, f"bench-{repeat}.db")  # a fresh cache for each cold run
                for phase in ("anchor", "fetcher", "cold", "warm", "hit-cost"):
                    out = subprocess.run(
                        [sys.executable, __file__, "--phase", phase, "--port", str(port), "--db", db_path, *common],
                        check=True,
                        capture_output=True,
                        text=True,
                    )
                    runs.setdefault(phase, []).append(json.loads(out.stdout.strip().splitlines()[-1]))
            for phase in ("huge", "bomb"):
                out = subprocess.run(
                    [sys.executable, __file__, "--phase", phase, "--port", str(port), "--db", db_path, *common],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                runs[phase] = [json.loads(out.stdout.strip().splitlines()[-1])]
        results = {phase: sorted(rs, key=lambda r: r["pages_per_s"])[len(rs) // 2] for phase, rs in runs.items()}
    finally:
        server.terminate()
        server.wait()

    print(
        f"{args.pages} pages of {args.size:,} bytes, {args.concurrency} at a time, server on 127.0.0.1:{port}, "
        f"median of {args.repeats} runs"
    )
    print(f"{'phase':<34}{'pages/s':>10}{'seconds':>10}{'peak RSS MB':>14}{'growth MB':>12}")
    labels = {
        "anchor": "anchor: bare aiohttp GET",
        "fetcher": "Fetcher, no cache",
        "cold": "Fetcher, cold cache (fill SQLite)",
        "warm": "Fetcher, warm cache (all hits)",
    }
    for phase, label in labels.items():
        r = results[phase]
        growth = r["peak_rss_mb"] - r["start_rss_mb"]
        print(f"{label:<34}{r['pages_per_s']:>10.0f}{r['seconds']:>10.2f}{r['peak_rss_mb']:>14.1f}{growth:>12.1f}")
    hit = results["hit-cost"]
    print(
        f"cache hit cost: mean {hit['mean_ms']:.3f} ms, median {hit['median_ms']:.3f} ms, "
        f"p99 {hit['p99_ms']:.3f} ms, max {hit['max_ms']:.3f} ms (limit 5 ms)"
    )
    for phase, label in (("huge", "a 50 MB page"), ("bomb", "a gzip bomb (200 MB inflated)")):
        r = results[phase]
        growth = r["peak_rss_mb"] - r["start_rss_mb"]
        print(
            f"{label}: {r['seconds']:.2f} s, {r['text_mb']:.1f} MB of text kept (PROVBOT_MAX_BYTES 5 MB), "
            f"peak RSS {r['peak_rss_mb']:.1f} MB, growth {growth:.1f} MB"
        )
    print("peak RSS is the whole phase process (interpreter and imports included); growth is above its RSS at start")


if __name__ == "__main__":
    main()
