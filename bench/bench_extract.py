"""Extraction benchmark: pages analysed per second on one core, our engine against trafilatura, same run.

    .venv/bin/python bench/bench_extract.py [--rounds 8] [--min-round-seconds 1.0] [--memory-passes 20]

Contestants, each handed the page's HTML as a string (so both include parsing) and its address:

* ours        `bot.engine.analyse_html(html, url)`: title, outlet, authors, dates, canonical address, the original
              source of a copy, copyright, reuse terms, a credit line and the evidence for each;
* anchor      `trafilatura.extract_metadata(html, default_url=url)` (trafilatura is a benchmark-only extra,
              `pip install -e .[bench]`): title, author, date, site name, categories, tags, licence.

Pages: every saved page (`*.html`) in the shared corpus (../shared/corpus) and in tests/cases, plus one
"realistic-size" copy of each, built here: the same page with a site header and navigation, an inline stylesheet
and analytics/ad scripts, more paragraphs, related-story teasers, reader comments and a link-heavy footer, padded
to 80-150 KB, which is what real article pages weigh. The padding is neutral prose, so a copy should read exactly
as its original does; the run checks that it does.

Speed: the process pins itself to one CPU, warms both contestants up, then runs rounds that alternate which
contestant goes first (A/B, B/A, ...) so drift (frequency scaling, a noisy neighbour) hits both alike. Each round is
one or more full passes over all pages; every call is timed on its own, so the figures split by page kind.
Reported: the median over rounds of pages/second, and the ratio (target: ours >= 1.5x the anchor).

Memory: a fresh subprocess per contestant loads the pages and analyses them all `--memory-passes` times. Peak
RSS is the process's own high-water mark (VmHWM: interpreter, libraries and pages included; target < 150 MB for
ours), read after loading and, reset in between, after the analyses; ru_maxrss is reported too (on Linux it also
carries the parent's size at fork, so the children are started before the parent loads anything). Then, in two more
passes under tracemalloc, the peak of Python-level allocations (lxml's own C memory is not traced).

Field coverage: on the shared corpus pages, how many pages each contestant gives a title, author, date, site or
outlet, licence; for ours also the original source, copyright holders and a reuse category other than "unknown"
(trafilatura has no such fields: "n/a"). Dates are also checked against the corpus's labelled dates.

Prints a table and writes every figure to bench/results/extract.json. Figures go in BENCHMARKS.md ("## Extraction").
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus"
CASES = ROOT / "tests" / "cases"
RESULTS = ROOT / "bench" / "results" / "extract.json"
SPEED_TARGET = 1.5
MEMORY_TARGET_MB = 150.0


@dataclass
class Page:
    name: str
    kind: str  # "corpus", "cases" or "sized" (a realistic-size copy of one of the others)
    url: str | None
    html: str


# --- the page set ---------------------------------------------------------------------------------------------------


def _load_folder(folder: Path, kind: str) -> list[Page]:
    from bot.fetch.decoding import decode

    pages = []
    if not folder.is_dir():
        return pages
    for path in sorted(folder.glob("*.html")):
        expect = path.with_suffix(".expect.json")
        url = None
        if expect.exists():
            url = json.loads(expect.read_text(encoding="utf-8")).get("url")
        # Decoded as the command line decodes a saved page (some cases are deliberately not UTF-8); done once, here,
        # so neither contestant pays for it.
        pages.append(Page(path.stem, kind, url, decode(path.read_bytes()).text))
    return pages


_VOCABULARY = (
    "council water river valley plan budget school road market season weather station league report board "
    "members residents officials project village harbour library bridge museum festival garden railway hospital "
    "tuesday morning evening week month local regional annual public private new old small large first last "
    "said says told asked agreed expected planned opened closed moved started finished visited reviewed "
    "the a an of to in on for with at from and but or as after before during over under between about"
)
_WORDS = _VOCABULARY.split()


def _sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random) -> str:
    return "<p>" + " ".join(_sentence(rng) for _ in range(rng.randint(2, 5))) + "</p>\n"


def _links(rng: random.Random, count: int, prefix: str) -> str:
    items = []
    for index in range(count):
        slug = "-".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 6)))
        label = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4))).title()
        items.append(
            f'<li class="{prefix}__item"><a href="/{prefix}/{slug}-{index}" class="{prefix}__link">{label}</a></li>'
        )
    return f'<ul class="{prefix}">' + "".join(items) + "</ul>\n"


def _script(rng: random.Random, size: int) -> str:
    parts = ["<script>(function(w,d){var cfg={"]
    while sum(map(len, parts)) < size:
        key = rng.choice(_WORDS) + str(rng.randint(0, 999))
        parts.append(
            f'"{key}":{{"slot":"/{rng.randint(1000, 9999)}/{rng.choice(_WORDS)}","sizes":[[300,250],[728,90]],'
        )
        parts.append(f'"targeting":{{"section":"{rng.choice(_WORDS)}","pos":{rng.randint(1, 9)}}}}},')
    parts.append('"end":1};w.__cfg=cfg;d.documentElement.className+=" js";})(window,document);</script>\n')
    return "".join(parts)


def _style(rng: random.Random, size: int) -> str:
    parts = ["<style>"]
    while sum(map(len, parts)) < size:
        name = rng.choice(_WORDS)
        parts.append(
            f".{name}-{rng.randint(0, 99)}{{margin:{rng.randint(0, 24)}px 0;padding:0 {rng.randint(0, 16)}px;"
            f"font:{rng.randint(12, 22)}px/1.4 Georgia,serif;color:#{rng.randint(0, 0xFFFFFF):06x}}}\n"
        )
    parts.append("</style>\n")
    return "".join(parts)


def _fill(rng: random.Random, size: int, make: Callable[[random.Random], str]) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        part = make(rng)
        parts.append(part)
        total += len(part)
    return "".join(parts)


_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)
_BODY_CLOSE = re.compile(r"</body\s*>", re.I)
_HEAD_CLOSE = re.compile(r"</head\s*>", re.I)
_FIRST_PARAGRAPH_END = re.compile(r"</p\s*>", re.I)


def realistic_size(page: Page, index: int) -> Page:
    """The page as a real site serves it: chrome, scripts and more text around the same article."""
    rng = random.Random(f"{page.name}-{index}")
    target = 80_000 + (index * 7919) % 70_001  # spread over 80-150 KB
    extra = max(0, target - len(page.html.encode()))
    head = _style(rng, extra * 8 // 100) + _script(rng, extra * 12 // 100)
    header = (
        '<header class="site-header"><div class="masthead"><a href="/" class="logo">Home</a></div><nav class="primary">'
        + _links(rng, 40, "nav")
        + "</nav></header>\n"
    )
    inline = _fill(rng, extra * 18 // 100, _paragraph)
    comments = (
        '<section class="comments"><h2>Comments</h2>'
        + _fill(
            rng,
            extra * 14 // 100,
            lambda r: f'<div class="comment"><span>Reader {r.randint(1, 9999)}</span>{_paragraph(r)}</div>',
        )
        + "</section>\n"
    )
    related = (
        '<aside class="related"><h2>More stories</h2>'
        + _fill(
            rng, extra * 12 // 100, lambda r: f'<div class="teaser"><h3>{_sentence(r, 4, 9)}</h3>{_paragraph(r)}</div>'
        )
        + "</aside>\n"
    )
    footer = '<footer class="site-footer">' + _links(rng, 80, "footer-nav") + "</footer>\n"
    used = sum(map(len, (head, header, inline, comments, related, footer)))
    tail = _script(rng, max(0, extra - used))

    html = page.html
    html = _HEAD_CLOSE.sub(lambda m: head + m.group(0), html, count=1) if _HEAD_CLOSE.search(html) else head + html
    body_open = _BODY_OPEN.search(html)
    if body_open:
        html = html[: body_open.end()] + header + html[body_open.end() :]
    # More paragraphs inside the story, after its first one; the rest after the story, before </body>.
    first = _FIRST_PARAGRAPH_END.search(html, body_open.end() if body_open else 0)
    if first:
        html = html[: first.end()] + "\n" + inline + html[first.end() :]
    else:
        related = inline + related
    after = related + comments + footer + tail
    closing = _BODY_CLOSE.search(html)
    html = html[: closing.start()] + after + html[closing.start() :] if closing else html + after
    return Page(page.name, "sized", page.url, html)


def load_pages() -> list[Page]:
    real = _load_folder(CORPUS, "corpus") + _load_folder(CASES, "cases")
    if not real:
        sys.exit(f"no pages found in {CORPUS} or {CASES}")
    return real + [realistic_size(page, index) for index, page in enumerate(real)]


def describe(pages: list[Page]) -> dict[str, Any]:
    sizes = [len(page.html.encode()) for page in pages]
    return {
        "pages": len(pages),
        "total_kb": round(sum(sizes) / 1000, 1),
        "median_kb": round(statistics.median(sizes) / 1000, 1),
        "min_kb": round(min(sizes) / 1000, 1),
        "max_kb": round(max(sizes) / 1000, 1),
    }


# --- the contestants ------------------------------------------------------------------------------------------------


def runner(name: str) -> Callable[[str, str | None], Any]:
    """One contestant; imports only its own library (the memory figures are per process)."""
    if name == "ours":
        from bot.engine.pipeline import analyse_html

        def ours(html: str, url: str | None) -> Any:
            return analyse_html(html, url)

        return ours

    import trafilatura

    def anchor(html: str, url: str | None) -> Any:
        return trafilatura.extract_metadata(html, default_url=url)

    return anchor


def contestants() -> dict[str, Callable[[str, str | None], Any]]:
    return {name: runner(name) for name in ("ours", "trafilatura")}


def pin_one_core() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


# --- speed ----------------------------------------------------------------------------------------------------------


def timed_pass(run: Callable[[str, str | None], Any], pages: list[Page]) -> list[float]:
    clock = time.perf_counter
    times = []
    for page in pages:
        start = clock()
        run(page.html, page.url)
        times.append(clock() - start)
    return times


def speed(pages: list[Page], rounds: int, min_round_seconds: float) -> dict[str, Any]:
    runners = contestants()
    # Warm-up: two passes each (imports, registry and licence tables, compiled patterns, lxml and htmldate caches).
    for run in runners.values():
        for _ in range(2):
            timed_pass(run, pages)
    # Passes per round so the slower contestant's round lasts at least min_round_seconds.
    slowest = max(sum(timed_pass(run, pages)) for run in runners.values())
    passes = max(1, round(min_round_seconds / slowest + 0.5))
    kinds = sorted({page.kind for page in pages})
    per_round: dict[str, list[dict[str, float]]] = {name: [] for name in runners}
    names = list(runners)
    for number in range(rounds):
        order = names if number % 2 == 0 else names[::-1]
        for name in order:
            gc.collect()
            by_kind = dict.fromkeys(kinds, 0.0)
            for _ in range(passes):
                for page, seconds in zip(pages, timed_pass(runners[name], pages), strict=True):
                    by_kind[page.kind] += seconds
            total = sum(by_kind.values())
            figures = {"all": passes * len(pages) / total}
            for kind in kinds:
                count = sum(1 for page in pages if page.kind == kind)
                figures[kind] = passes * count / by_kind[kind]
            per_round[name].append(figures)
    medians = {
        name: {key: statistics.median(r[key] for r in rows) for key in rows[0]} for name, rows in per_round.items()
    }
    ratio = {key: medians["ours"][key] / medians["trafilatura"][key] for key in medians["ours"]}
    return {
        "rounds": rounds,
        "passes_per_round": passes,
        "pages_per_second": medians,
        "ms_per_page": {name: {k: 1000 / v for k, v in m.items()} for name, m in medians.items()},
        "ratio": ratio,
        "target": SPEED_TARGET,
        "met": ratio["all"] >= SPEED_TARGET,
        "rounds_pages_per_second": {name: [r["all"] for r in rows] for name, rows in per_round.items()},
    }


# --- coverage -------------------------------------------------------------------------------------------------------


def _expected_date(page: Page) -> str | None:
    folder = CORPUS if page.kind == "corpus" else CASES
    expect = folder / f"{page.name}.expect.json"
    if not expect.exists():
        return None
    value = json.loads(expect.read_text(encoding="utf-8")).get("checks", {}).get("published")
    return value[:10] if isinstance(value, str) else None


def _ours_fields(result: Any) -> dict[str, Any]:
    return {
        "title": result.title,
        "author": result.authors or None,
        "date": (result.published or "")[:10] or None,
        "site/outlet": result.outlet.name if result.outlet else None,
        "licence": result.reuse.license.id if result.reuse.license else None,
        "original source": result.republication.original.name if result.republication.original else None,
        "copyright holders": result.copyright.holders or None,
        "reuse category known": result.reuse.category if result.reuse.category != "unknown" else None,
    }


def _anchor_fields(result: Any) -> dict[str, Any]:
    return {
        "title": result.title,
        "author": result.author,
        "date": (result.date or "")[:10] or None,
        "site/outlet": result.sitename,
        "licence": result.license,
        "original source": "n/a",
        "copyright holders": "n/a",
        "reuse category known": "n/a",
    }


def coverage(pages: list[Page]) -> dict[str, Any]:
    runners = contestants()
    out: dict[str, Any] = {}
    for label, chosen in (
        ("corpus", [p for p in pages if p.kind == "corpus"]),
        ("all real", [p for p in pages if p.kind != "sized"]),
    ):
        table: dict[str, dict[str, Any]] = {}
        for name, read in (("ours", _ours_fields), ("trafilatura", _anchor_fields)):
            found: dict[str, Any] = {}
            for page in chosen:
                for field, value in read(runners[name](page.html, page.url)).items():
                    if value == "n/a":
                        found[field] = "n/a"
                    else:
                        found[field] = found.get(field, 0) + (1 if value else 0)
            dated = [(p, _expected_date(p)) for p in chosen]
            dated = [(p, d) for p, d in dated if d]
            right = 0
            for page, expected in dated:
                got = read(runners[name](page.html, page.url))["date"]
                right += got == expected
            found["date = labelled date"] = f"{right}/{len(dated)}"
            table[name] = found
        out[label] = {"pages": len(chosen), "found": table}
    # The realistic-size copies must read as their originals do (else the padding changed the task).
    originals = {(p.kind, p.name): p for p in pages if p.kind != "sized"}
    reals = [p for p in pages if p.kind != "sized"]
    sized = [p for p in pages if p.kind == "sized"]
    same = {"ours": 0, "trafilatura": 0}
    differing: dict[str, list[str]] = {"ours": [], "trafilatura": []}
    for original, copy in zip(reals, sized, strict=True):
        assert (original.kind, original.name) in originals
        for name, read in (("ours", _ours_fields), ("trafilatura", _anchor_fields)):
            a = read(runners[name](original.html, original.url))
            b = read(runners[name](copy.html, copy.url))
            if a == b:
                same[name] += 1
            else:
                differing[name].append(f"{original.name}: " + ", ".join(k for k in a if a[k] != b[k]))
    out["sized copies read as originals"] = {
        name: {"same": same[name], "of": len(sized), "differing": differing[name]} for name in same
    }
    return out


# --- memory (a fresh process per contestant) ------------------------------------------------------------------------


def _status_mb(field: str) -> float | None:
    with contextlib.suppress(OSError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def _reset_peak() -> bool:
    """Linux: writing 5 to clear_refs resets the process's peak RSS (VmHWM), so the next peak is the analysis's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def memory_child(name: str, passes: int) -> None:
    import tracemalloc

    pages = load_pages()
    run = runner(name)
    gc.collect()
    load_peak = _status_mb("VmHWM")
    before = _status_mb("VmRSS")
    was_reset = _reset_peak()
    for _ in range(passes):
        for page in pages:
            run(page.html, page.url)
    analysis_peak = _status_mb("VmHWM") if was_reset else None
    # ru_maxrss (kilobytes on Linux) also counts the high-water mark the process had before exec, i.e. the parent's
    # RSS when it forked: main() starts these children before it loads anything, so that stays small.
    ru_maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peaks = [v for v in (load_peak, analysis_peak) if v is not None]
    peak_mb = max(peaks) if peaks else ru_maxrss
    after = _status_mb("VmRSS")
    tracemalloc.start()
    for _ in range(2):
        for page in pages:
            run(page.html, page.url)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "passes": passes,
                "analyses": passes * len(pages),
                "peak_rss_after_loading_mb": load_peak,
                "rss_before_mb": before,
                "peak_rss_during_analysis_mb": analysis_peak,
                "rss_after_mb": after,
                "peak_rss_mb": peak_mb,
                "ru_maxrss_mb": round(ru_maxrss, 1),
                "tracemalloc_peak_mb": round(traced_peak / 2**20, 2),
            }
        )
    )


def memory(passes: int) -> dict[str, Any]:
    out = {}
    for name in ("ours", "trafilatura"):
        done = subprocess.run(
            [sys.executable, __file__, "--memory-child", name, "--memory-passes", str(passes)],
            capture_output=True,
            text=True,
            check=True,
        )
        out[name] = json.loads(done.stdout.strip().splitlines()[-1])
    out["target_mb"] = MEMORY_TARGET_MB
    out["met"] = out["ours"]["peak_rss_mb"] < MEMORY_TARGET_MB
    return out


# --- report ---------------------------------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    from importlib.metadata import version

    import lxml.etree

    return {
        "python": platform.python_version(),
        "trafilatura": version("trafilatura"),
        "htmldate": version("htmldate"),
        "lxml": ".".join(map(str, lxml.etree.LXML_VERSION)),
        "libxml2": ".".join(map(str, lxml.etree.LIBXML_VERSION)),
        "provbot": version("provbot"),
    }


def report(results: dict[str, Any]) -> None:
    s, p = results["speed"], results["pages"]
    print(f"\nPages: {p['all']['pages']} ({p['all']['total_kb']:,} KB, median {p['all']['median_kb']} KB)")
    for kind in ("corpus", "cases", "sized"):
        if kind in p:
            d = p[kind]
            span = f"{d['min_kb']}-{d['max_kb']} KB"
            print(f"  {kind:<7} {d['pages']:>3} pages, {d['total_kb']:>8,} KB, median {d['median_kb']:>6} KB, {span}")
    print(
        f"CPU pinned: {results['cpu']}; {s['rounds']} rounds x {s['passes_per_round']} passes, A/B order alternating\n"
    )
    kinds = list(s["pages_per_second"]["ours"])
    print(f"{'pages/s (median)':<20}" + "".join(f"{k:>12}" for k in kinds))
    for name in ("ours", "trafilatura"):
        print(f"{name:<20}" + "".join(f"{s['pages_per_second'][name][k]:>12,.0f}" for k in kinds))
    print(f"{'ratio ours/traf.':<20}" + "".join(f"{s['ratio'][k]:>11.2f}x" for k in kinds))
    verdict = "MET" if s["met"] else "NOT MET"
    print(f"speed target >= {SPEED_TARGET}x on all pages: {verdict} ({s['ratio']['all']:.2f}x)\n")
    m = results["memory"]
    header = ("peak RSS", "load peak", "RSS before", "analysis pk", "RSS after", "ru_maxrss", "tracemalloc")
    print(f"{'memory, MB':<14}" + "".join(f"{h:>12}" for h in header))
    keys = ("peak_rss_mb", "peak_rss_after_loading_mb", "rss_before_mb", "peak_rss_during_analysis_mb")
    for name in ("ours", "trafilatura"):
        d = m[name]
        values = [d[k] for k in (*keys, "rss_after_mb", "ru_maxrss_mb", "tracemalloc_peak_mb")]
        print(f"{name:<14}" + "".join(f"{v!s:>12}" for v in values))
    verdict = "MET" if m["met"] else "NOT MET"
    print(f"memory target < {MEMORY_TARGET_MB:.0f} MB: {verdict} ({m['ours']['analyses']:,} analyses)\n")
    for label in ("corpus", "all real"):
        c = results["coverage"][label]
        print(f"field coverage, {label} pages ({c['pages']}):")
        fields = list(c["found"]["ours"])
        for field in fields:
            print(f"  {field:<24}{c['found']['ours'][field]!s:>8}{c['found']['trafilatura'][field]!s:>14}")
    sized = results["coverage"]["sized copies read as originals"]
    for name, d in sized.items():
        print(f"realistic-size copies read as originals, {name}: {d['same']}/{d['of']}")
        for line in d["differing"]:
            print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--min-round-seconds", type=float, default=1.0)
    parser.add_argument("--memory-passes", type=int, default=20)
    parser.add_argument("--memory-child", choices=("ours", "trafilatura"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child, args.memory_passes)
        return

    # Memory first: each child is forked from this process while it is still small (see memory_child).
    memory_results = memory(args.memory_passes)
    pages = load_pages()
    cpu = pin_one_core()
    sizes = {"all": describe(pages)}
    for kind in ("corpus", "cases", "sized"):
        chosen = [page for page in pages if page.kind == kind]
        if chosen:
            sizes[kind] = describe(chosen)
    results: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join([".venv/bin/python bench/bench_extract.py", *sys.argv[1:]]),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "versions": versions(),
        "cpu": cpu,
        "pages": sizes,
    }
    results["speed"] = speed(pages, args.rounds, args.min_round_seconds)
    results["coverage"] = coverage(pages)
    results["memory"] = memory_results
    report(results)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
