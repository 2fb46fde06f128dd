"""Real pages: provenance checks on pages labelled by reading them, NAEB, and speed, ours against trafilatura.

    .venv/bin/python bench/real/gather.py            # once: the labelled pages into /work/realpages
    .venv/bin/python bench/bench_real.py [--pages /work/realpages] [--failures] [--rounds 3] [--no-speed]

(a) The labelled set (`bench/real/labels/*.jsonl`, see bench/real/README.md): every label a page carries is one
check; ours is `bot.engine.analyse_html(html, url)` in-process, read from `result.to_dict()`. Matching rules:

* names (outlet, original, via, holders): case, punctuation, diacritics, "&"/"and" and a leading "The " are folded;
  two names match when equal after folding, when one's words contain the other's (e.g. "CBC" and "CBC News",
  "Benzinga" and "Benzinga.com"), or when the outlet registry (`bot/data/outlets.toml`) resolves both to the same
  outlet (its aliases and owners). Lists (via, holders) match when every labelled name matches one of ours and every
  one of ours matches a labelled name.
* authors: the same name-set rule, a name compared word by word after folding; a name with a middle initial
  matches it without ("Ralph D. Russo" = "Ralph Russo"). A label of no author (`[]`) needs no author from us.
* published: the exact day (the first 10 characters of ours). is_republication, category, license (SPDX id):
  exact. A labelled `original` of null needs none from us.

`--failures` lists every failing check with what we said.

(b) NAEB (AndyTheFactory/article-extraction-dataset): when `bench/naeb.py` is there, its author and date scores for
ours and trafilatura, by its own rules (it loads the pages from the fetched mirror).

(c) trafilatura on the labelled set: `trafilatura.extract_metadata(html, default_url=url)` scored on the fields it
has — authors (its string split at ",", ";", "|", " and "), published (`date`), outlet (`sitename`) and license (its
`license` string read as an SPDX id by our licence table) — side by side with ours on the same checks.

(d) Speed on the same real pages (the labelled pages, plus NAEB's when bench/naeb.py is there): one process pinned
to one CPU, both warmed up, then rounds in which the two take turns page by page, the order alternating (A/B, B/A,
...); median pages/s of each over rounds, and the median of the rounds' ratios, over every page and over NAEB's
pages alone (issue #10 names NAEB as the speed anchor). trafilatura's first round runs slower than the rest (it loads
some data, such as dateparser's language tables, on first use), so the median of three rounds is the figure. Each
page is timed once a round (a labelled page that is also one of NAEB's is timed as NAEB's), and before each round
both contestants forget the pages they have seen (trafilatura's `reset_caches()`; our per-input caches), so every
page is timed as a page met for the first time, as a bot meets it: the data tables and compiled patterns stay.
Peak memory: the peak RSS (VmHWM) of a fresh child process per contestant that analyses every one of those pages,
reading one at a time from a temporary folder (as the bot holds one page at a time; NAEB alone is 153 MB of HTML).

Prints a table; writes every figure to bench/results/real.json. Figures go in BENCHMARKS.md ("## Real pages").
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

LABELS = ROOT / "bench" / "real" / "labels"
DEFAULT_PAGES = Path("/work/realpages")
RESULTS = ROOT / "bench" / "results" / "real.json"
FIELDS = ("outlet", "authors", "published", "is_republication", "original", "via", "holders", "license", "category")
ANCHOR_FIELDS = ("outlet", "authors", "published", "license")
WARM_UP_PAGES = 40


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    html: str
    labels: dict[str, Any]


@dataclass(frozen=True)
class Check:
    page: str
    field: str
    ok: bool
    said: Any
    label: Any


# --- the labelled pages ---------------------------------------------------------------------------------------------


def load_labelled(pages_dir: Path) -> tuple[list[Page], list[str]]:
    """The labelled pages found in `pages_dir`, and the ids of those missing there."""
    from bot.fetch.decoding import decode

    pages, missing = [], []
    for label_file in sorted(LABELS.glob("*.jsonl")):
        for line in label_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            path = pages_dir / f"{entry['id']}.html"
            if not path.is_file():
                missing.append(entry["id"])
                continue
            pages.append(Page(entry["id"], entry.get("url"), decode(path.read_bytes()).text, entry["labels"]))
    return pages, missing


# --- matching -------------------------------------------------------------------------------------------------------


def fold(name: str) -> tuple[str, ...]:
    """A name as lower-case ASCII words: diacritics, punctuation, apostrophes and a leading 'the' gone."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("&", " and ")
    text = re.sub(r"['’`]", "", text)
    words = re.sub(r"[^\w\s]", " ", text).split()
    return tuple(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def same_name(label: str, ours: str) -> bool:
    """Outlet, holder and source names (rules in the module docstring)."""
    a, b = fold(label), fold(ours)
    if not a or not b:
        return False
    if a == b or "".join(a) == "".join(b) or _contains(a, b) or _contains(b, a):
        return True
    from bot.engine.registry import load_registry

    registry = load_registry()
    found_a, found_b = registry.by_holder(label), registry.by_holder(ours)
    return found_a is not None and found_a is found_b


def same_person(label: str, ours: str) -> bool:
    a, b = fold(label), fold(ours)
    if a == b:
        return bool(a)
    if not a or not b or a[0] != b[0] or a[-1] != b[-1]:
        return False
    return all(len(word) == 1 for word in (*a[1:-1], *b[1:-1]))  # only middle initials differ


def same_set(labels: Sequence[str], ours: Sequence[str], same: Callable[[str, str], bool]) -> bool:
    return all(any(same(a, b) for b in ours) for a in labels) and all(any(same(a, b) for a in labels) for b in ours)


def split_names(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip(" .") for part in re.split(r"\s*(?:[,;|]|\band\b)\s*", text) if part.strip(" .")]


# --- what each contestant said --------------------------------------------------------------------------------------


def ours_fields(page: Page) -> dict[str, Any]:
    from bot.engine import analyse_html

    data = analyse_html(page.html, page.url).to_dict()
    republication = data.get("republication") or {}
    original = republication.get("original")
    license_ = (data.get("reuse") or {}).get("license")
    return {
        "outlet": (data.get("outlet") or {}).get("name"),
        "authors": list(data.get("authors") or []),
        "published": (data.get("published") or "")[:10] or None,
        "is_republication": bool(republication.get("is_republication")),
        "original": original.get("name") if original else None,
        "via": [source.get("name") for source in republication.get("via") or [] if source.get("name")],
        "holders": list((data.get("copyright") or {}).get("holders") or []),
        "license": license_.get("id") if license_ else None,
        "category": (data.get("reuse") or {}).get("category"),
    }


def anchor_fields(page: Page) -> dict[str, Any]:
    from trafilatura import extract_metadata

    from bot.engine.licenses import load_licenses

    meta = extract_metadata(page.html, default_url=page.url)
    if meta is None:
        return {"outlet": None, "authors": [], "published": None, "license": None}
    licenses = load_licenses()
    found = licenses.from_url(meta.license) if meta.license else None
    if meta.license and found is None:
        read = licenses.from_text(meta.license)
        found = read[0] if read else None
    return {
        "outlet": meta.sitename,
        "authors": split_names(meta.author),
        "published": (meta.date or "")[:10] or None,
        "license": found.id if found else None,
    }


def check(page: Page, said: dict[str, Any], fields: Sequence[str] = FIELDS) -> list[Check]:
    checks = []
    for field in fields:
        if field not in page.labels:
            continue
        label, value = page.labels[field], said.get(field)
        if field == "authors":
            ok = same_set(label, value or [], same_person)
        elif field in ("via", "holders"):
            ok = same_set(label, value or [], same_name)
        elif field in ("outlet", "original"):
            ok = (value is None) if label is None else (value is not None and same_name(label, value))
        elif field == "license":
            ok = (label or "").lower() == (value or "").lower()
        else:
            ok = label == value
        checks.append(Check(page.id, field, ok, value, label))
    return checks


def tally(checks: Sequence[Check], fields: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in (*fields, "all"):
        chosen = [c for c in checks if field == "all" or c.field == field]
        if chosen:
            hits = sum(c.ok for c in chosen)
            out[field] = {"hits": hits, "total": len(chosen), "percent": round(100 * hits / len(chosen), 1)}
    return out


# --- NAEB (bench/naeb.py) -------------------------------------------------------------------------------------------


def load_naeb(mirror_root: Path) -> tuple[Any, list[Any]]:
    """bench/naeb.py and NAEB's pages, or (None, []) when that module is not in this checkout."""
    try:
        import naeb  # type: ignore[import-not-found]
    except ImportError:
        return None, []
    return naeb, naeb.load_pages(mirror_root)


def naeb_scores(naeb: Any, pages: Sequence[Any]) -> dict[str, Any]:
    """NAEB author and date scores of both contestants, by bench/naeb.py's rules."""
    out: dict[str, Any] = {"pages": len(pages)}
    for name, contestant in (("ours", naeb.ours), ("trafilatura", naeb.anchor)):
        result = naeb.score(pages, naeb.run(pages, contestant))
        out[name] = {
            "author": {"hits": result.author_hits, "total": result.author_total, "percent": 100 * result.author_rate},
            "date": {"hits": result.date_hits, "total": result.date_total, "percent": 100 * result.date_rate},
        }
    return out


# --- speed and memory -----------------------------------------------------------------------------------------------


def runner(name: str) -> Callable[[str, str | None], Any]:
    if name == "ours":
        from bot.engine import analyse_html

        return analyse_html
    from trafilatura import extract_metadata

    return lambda html, url: extract_metadata(html, default_url=url)


def one_pass(run: Callable[[str, str | None], Any], docs: Sequence[tuple[str | None, str]]) -> float:
    start = time.perf_counter()
    for url, html in docs:
        run(html, url)
    return time.perf_counter() - start


def forget_pages() -> None:
    """Both contestants' per-input caches emptied (answers for the pages of the round before); data loaders, whose
    caches hold one to a few tables, keep theirs."""
    import functools

    from trafilatura.meta import reset_caches

    reset_caches()
    for name, module in list(sys.modules.items()):
        if name == "bot" or name.startswith("bot."):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    size = value.cache_info().maxsize
                    if size is None or size > 16:
                        value.cache_clear()


def speed(docs: Sequence[tuple[str | None, str]], rounds: int, naeb_from: int | None = None) -> dict[str, Any]:
    """Both contestants on `docs`; `naeb_from` is where NAEB's pages begin, so their own ratio (issue #10's anchor:
    "speed on NAEB pages") is reported beside the ratio over every page."""
    cpu = min(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    runners = {name: runner(name) for name in ("ours", "trafilatura")}
    for run in runners.values():
        one_pass(run, docs[:WARM_UP_PAGES])  # imports, tables, compiled patterns, caches
    per_round: dict[str, list[float]] = {name: [] for name in runners}
    naeb_ratios: list[float] = []
    names = list(runners)
    clock = time.perf_counter
    for number in range(rounds):
        forget_pages()
        gc.collect()
        seconds = dict.fromkeys(names, 0.0)
        naeb_seconds = dict.fromkeys(names, 0.0)
        # Page by page, the order alternating (A/B, B/A, ...): a noisy neighbour or a frequency change on this shared
        # machine then costs both contestants alike, which whole passes one after the other do not guarantee.
        for index, (url, html) in enumerate(docs):
            for name in names if (index + number) % 2 == 0 else names[::-1]:
                start = clock()
                runners[name](html, url)
                took = clock() - start
                seconds[name] += took
                if naeb_from is not None and index >= naeb_from:
                    naeb_seconds[name] += took
        for name in names:
            per_round[name].append(len(docs) / seconds[name])
        if naeb_from is not None and naeb_from < len(docs):
            naeb_ratios.append(naeb_seconds["trafilatura"] / naeb_seconds["ours"])
    medians = {name: statistics.median(values) for name, values in per_round.items()}
    ratios = [a / b for a, b in zip(per_round["ours"], per_round["trafilatura"], strict=True)]
    return {
        "pinned_cpu": cpu,
        "pages": len(docs),
        "rounds": rounds,
        "pages_per_second": medians,
        "ratio": statistics.median(ratios),
        "rounds_ratio": ratios,
        "naeb_pages": len(docs) - naeb_from if naeb_from is not None else 0,
        "naeb_ratio": statistics.median(naeb_ratios) if naeb_ratios else None,
        "naeb_rounds_ratio": naeb_ratios,
        "rounds_pages_per_second": per_round,
    }


def _status_mb(field: str) -> float | None:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def memory_child(name: str, docs_dir: Path) -> None:
    """Analyse every page of `docs_dir` once, one page in memory at a time, as the bot holds one page at a time."""
    index = json.loads((docs_dir / "index.json").read_text(encoding="utf-8"))
    run = runner(name)
    run("<html><body><p>warm-up</p></body></html>", None)
    after_imports = _status_mb("VmRSS")
    for url, file_name in index:
        run((docs_dir / file_name).read_text(encoding="utf-8"), url)
    print(
        json.dumps({"analyses": len(index), "rss_after_imports_mb": after_imports, "peak_rss_mb": _status_mb("VmHWM")})
    )


def memory(docs: Sequence[tuple[str | None, str]]) -> dict[str, Any]:
    """Peak RSS of a fresh process per contestant; the pages go through a temporary folder outside the repo."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-real-") as folder:
        docs_dir = Path(folder)
        index = []
        for number, (url, html) in enumerate(docs):
            (docs_dir / f"{number}.html").write_text(html, encoding="utf-8")
            index.append((url, f"{number}.html"))
        (docs_dir / "index.json").write_text(json.dumps(index), encoding="utf-8")
        for name in ("ours", "trafilatura"):
            command = [sys.executable, __file__, "--memory-child", name, "--pages", str(docs_dir)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            out[name] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


# --- report ---------------------------------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    from importlib.metadata import version

    import lxml.etree

    return {
        "python": platform.python_version(),
        "provbot": version("provbot"),
        "trafilatura": version("trafilatura"),
        "htmldate": version("htmldate"),
        "lxml": ".".join(map(str, lxml.etree.LXML_VERSION)),
    }


def _cell(row: dict[str, Any] | None) -> str:
    return f"{row['hits']}/{row['total']} {row['percent']:.1f} %" if row else "-"


def report(results: dict[str, Any]) -> None:
    labelled = results["labelled"]
    print(f"Labelled real pages: {labelled['pages']} pages, {labelled['ours']['all']['total']} checks", end="")
    print(
        f" ({len(labelled['missing'])} labelled pages missing: run bench/real/gather.py)" if labelled["missing"] else ""
    )
    print(f"{'field':18} {'ours':>18}   {'ours, same checks':>18} {'trafilatura':>18}")
    for field in (*FIELDS, "all"):
        ours, same, anchor = (labelled[k].get(field) for k in ("ours", "ours_on_anchor_fields", "trafilatura"))
        if ours:
            print(f"{field:18} {_cell(ours):>18}   {_cell(same):>18} {_cell(anchor):>18}")
    naeb = results.get("naeb")
    if naeb:
        print(f"NAEB: {naeb['pages']} pages (bench/naeb.py rules)")
        for name in ("ours", "trafilatura"):
            print(f"  {name:12} author {_cell(naeb[name]['author']):>18}   date {_cell(naeb[name]['date']):>18}")
    else:
        print("NAEB: skipped (--no-naeb, or bench/naeb.py or its fetched pages are missing)")
    if "speed" in results:
        s = results["speed"]
        ours, anchor = s["pages_per_second"]["ours"], s["pages_per_second"]["trafilatura"]
        print(f"Speed on {s['pages']} real pages, one core, median of {s['rounds']} rounds: ours {ours:.0f} pages/s,")
        low, high = min(s["rounds_ratio"]), max(s["rounds_ratio"])
        print(f"  trafilatura {anchor:.0f} pages/s, ratio {s['ratio']:.2f}x (rounds {low:.2f}-{high:.2f}x)")
        if s.get("naeb_ratio"):
            low, high = min(s["naeb_rounds_ratio"]), max(s["naeb_rounds_ratio"])
            naeb_pages = s["naeb_pages"]
            print(f"  on NAEB's {naeb_pages} pages alone: ratio {s['naeb_ratio']:.2f}x (rounds {low:.2f}-{high:.2f}x)")
    if "memory" in results:
        ours, anchor = results["memory"]["ours"], results["memory"]["trafilatura"]
        print(f"Peak RSS of a fresh process, {ours['analyses']} pages one at a time: ours {ours['peak_rss_mb']} MB")
        print(f"  ({ours['rss_after_imports_mb']} MB after imports), trafilatura {anchor['peak_rss_mb']} MB")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder bench/real/gather.py filled")
    parser.add_argument("--mirror-root", type=Path, default=Path("/work/.mirror"), help="where NAEB was fetched")
    parser.add_argument("--failures", action="store_true", help="list every failing check of ours")
    parser.add_argument("--rounds", type=int, default=3, help="speed rounds (default 3)")
    parser.add_argument("--no-speed", action="store_true", help="scores only: no speed or memory runs")
    parser.add_argument("--no-naeb", action="store_true", help="leave NAEB out (scores and speed)")
    parser.add_argument("--memory-child", choices=("ours", "trafilatura"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child, args.pages)
        return 0
    pages, missing = load_labelled(args.pages)
    if not pages:
        print(f"no labelled page found in {args.pages}: run bench/real/gather.py first", file=sys.stderr)
        return 1
    ours_checks = [c for page in pages for c in check(page, ours_fields(page))]
    anchor_checks = [c for page in pages for c in check(page, anchor_fields(page), ANCHOR_FIELDS)]
    same_checks = [c for c in ours_checks if c.field in ANCHOR_FIELDS]
    results: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "versions": versions(),
        "command": " ".join([".venv/bin/python bench/bench_real.py", *(argv if argv is not None else sys.argv[1:])]),
        "labelled": {
            "pages": len(pages),
            "missing": missing,
            "ours": tally(ours_checks, FIELDS),
            "ours_on_anchor_fields": tally(same_checks, ANCHOR_FIELDS),
            "trafilatura": tally(anchor_checks, ANCHOR_FIELDS),
            "failures": [c.__dict__ for c in ours_checks if not c.ok],
        },
    }
    naeb, naeb_pages = (None, []) if args.no_naeb else load_naeb(args.mirror_root)
    if naeb is not None:
        results["naeb"] = naeb_scores(naeb, naeb_pages)
    if not args.no_speed:
        in_naeb = {page.url for page in naeb_pages}
        own = [page for page in pages if page.url not in in_naeb]  # (each page timed once a round)
        docs = [(page.url, page.html) for page in (*own, *naeb_pages)]
        results["speed"] = speed(docs, args.rounds, naeb_from=len(own) if naeb_pages else None)
        results["memory"] = memory(docs)
    report(results)
    if args.failures:
        for c in ours_checks:
            if not c.ok:
                print(f"FAIL {c.field:16} {c.page}: ours {c.said!r}, label {c.label!r}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
