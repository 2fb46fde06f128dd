"""Hostile-input benchmark: the worst analysis time per megabyte of input, against a plain page of the same size;
and, with `--service`, how fast the running bot answers while it analyses hostile pages and pastes.

    .venv/bin/python bench/bench_hostile.py [--size 300000]
    .venv/bin/python bench/bench_hostile.py --service [--seconds 20]

Every hostile run of tests/test_hostile_inputs.py (runs of ©, spaces, dashes, quotes, brackets, link and address
starts, mixed scripts) is repeated to `--size` characters and put in each place of a page (a paragraph, the
footer, an author meta tag, a JSON-LD author) and in a paste, and analysed in this process; CPU time, best of two.
The anchor is a plain article text of the same size in the same place. Pastes are cut at the engine's 400,000
characters and pages at 2,000,000, as in production; the figures are per megabyte of input given.
Figures go in BENCHMARKS.md ("## Hostile input"); every figure is also written to bench/results/hostile.json.

`--service` starts `provbot run` (HTTP mode, the Slack stand-in, loopback pages) and probes it for `--seconds`
twice, side by side in one run: quiet, then while hostile work arrives (a message linking a new 300 KB page whose
footer is a run of "© " every half second, and a pasted article ending in 30,000 characters of "© " every two
seconds). The probes: `GET /healthz` every 50 ms, and a signed message event every 100 ms (ordinary chatter: the
listener reads it, decides and acks). Latency is from sending to the answer's status line, measured by this
process, which also serves the pages and the stand-in (so it is an upper bound). Target: p99 < 100 ms in both
phases. Figures in bench/results/hostile_service.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.hostile_service import run_service  # noqa: E402
from bot.engine.pipeline import analyse_html, analyse_text  # noqa: E402
from tests.test_hostile_inputs import HOSTILE_UNITS, _cpu, _page, _plain, _repeat  # noqa: E402

PLACES = ("paragraph", "footer", "meta", "jsonld", "paste")


def _analyse(run: str, place: str) -> Callable[[], object]:
    if place == "paste":
        return lambda: analyse_text(run)
    html = _page(run, place)
    return lambda: analyse_html(html, "https://harborledger.com/tides")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300_000, help="characters of each input")
    parser.add_argument("--service", action="store_true", help="probe the running bot under hostile work instead")
    parser.add_argument("--seconds", type=float, default=20.0, help="--service: length of each phase")
    args = parser.parse_args()
    if args.service:
        run_service(args.seconds, ROOT / "bench" / "results" / "hostile_service.json")
        return
    megabytes = args.size / 1_000_000
    analyse_text("warm up")
    analyse_html(_page("warm up", "paragraph"))
    units = [*HOSTILE_UNITS, "ЖΩא中한ไ\u202e\u200b"]
    rows = []
    for place in PLACES:
        plain = _cpu(_analyse(_plain(args.size), place)) / megabytes
        timings = sorted(((_cpu(_analyse(_repeat(u, args.size), place)) / megabytes, u) for u in units), reverse=True)
        worst, unit = timings[0]
        rows.append({"place": place, "plain_s_per_mb": plain, "worst_s_per_mb": worst, "worst_unit": unit,
                     "ratio": worst / plain, "next": [[round(t, 3), u] for t, u in timings[1:4]]})  # fmt: skip
        print(f"{place:10} plain {plain:6.3f} s/MB   worst {worst:6.3f} s/MB ({worst / plain:5.1f}x) for {unit!r}")
    out = ROOT / "bench" / "results" / "hostile.json"
    out.write_text(
        json.dumps({"size": args.size, "python": platform.python_version(), "rows": rows}, ensure_ascii=False, indent=1)
    )


if __name__ == "__main__":
    main()
