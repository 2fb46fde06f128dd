"""Every real-page label file keeps to the shared label format (bench/real/README.md); needs no page."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest

from bot.engine.licenses import load_licenses
from bot.model import OutletKind, ReuseCategory

LABELS = Path(__file__).resolve().parents[1] / "bench" / "real" / "labels"
TOP_KEYS = {"id", "source", "url", "lang", "kind", "labels", "notes"}
REQUIRED_TOP_KEYS = {"id", "source", "url", "lang", "labels"}
SOURCE_KEYS = {"repo", "path", "sha256"}
LABEL_KEYS = {"outlet", "authors", "published", "is_republication", "original", "via", "holders", "license", "category"}
STRING_LIST_KEYS = ("authors", "via", "holders")
PAGE_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*")
# ISO 639-1; ISO 639-3 for a language that has no two-letter code (Papiamento is "pap").
LANG = re.compile(r"[a-z]{2,3}")


def _entries() -> list[tuple[str, int, dict[str, Any]]]:
    entries = []
    for label_file in sorted(LABELS.glob("*.jsonl")):
        for number, line in enumerate(label_file.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                entries.append((label_file.name, number, json.loads(line)))
    return entries


ENTRIES = _entries()


def test_there_are_label_files() -> None:
    assert ENTRIES, f"no labelled pages under {LABELS}"


def test_page_ids_are_unique() -> None:
    seen: dict[str, str] = {}
    for file_name, number, entry in ENTRIES:
        where = f"{file_name}:{number}"
        assert entry["id"] not in seen, f"{entry['id']} at {where} was already used at {seen[entry['id']]}"
        seen[entry["id"]] = where


def test_each_page_file_is_labelled_once() -> None:
    seen: dict[tuple[str, str], str] = {}
    for _, _, entry in ENTRIES:
        key = (entry["source"]["repo"], entry["source"]["path"])
        assert key not in seen, f"{entry['id']} labels the same file as {seen[key]}"
        seen[key] = entry["id"]


def test_each_page_is_labelled_once_whichever_repository_keeps_it() -> None:
    # trafilatura's and htmldate's test folders hold some of the same saved pages: one page counted twice would
    # weigh its checks twice
    seen: dict[str, str] = {}
    for _, _, entry in ENTRIES:
        digest = entry["source"]["sha256"]
        assert digest not in seen, f"{entry['id']} is the same page as {seen[digest]}"
        seen[digest] = entry["id"]


@pytest.mark.parametrize(("file_name", "number", "entry"), ENTRIES, ids=[f"{f}:{n}" for f, n, _ in ENTRIES])
def test_entry_keeps_to_the_format(file_name: str, number: int, entry: dict[str, Any]) -> None:
    assert REQUIRED_TOP_KEYS <= set(entry) <= TOP_KEYS, f"top-level keys {sorted(entry)}"
    assert isinstance(entry["id"], str) and PAGE_ID.fullmatch(entry["id"]), f"id {entry['id']!r}"
    source = entry["source"]
    assert SOURCE_KEYS <= set(source) <= SOURCE_KEYS | {"gzip"}, f"source keys {sorted(source)}"
    assert isinstance(source.get("gzip", False), bool)
    assert REPO.fullmatch(source["repo"]), f"repo {source['repo']!r}"
    assert isinstance(source["path"], str) and source["path"] and not source["path"].startswith("/")
    assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"]), "sha256 must be 64 lower-case hex digits"
    assert entry["url"] is None or re.match(r"https?://", entry["url"]), f"url {entry['url']!r}"
    assert isinstance(entry["lang"], str) and LANG.fullmatch(entry["lang"]), f"lang {entry['lang']!r}"
    assert entry.get("kind") is None or entry["kind"] in get_args(OutletKind), f"kind {entry.get('kind')!r}"
    assert isinstance(entry.get("notes", ""), str)
    _check_labels(entry["labels"])


def _check_labels(labels: dict[str, Any]) -> None:
    assert isinstance(labels, dict) and labels, "labels must be a non-empty object"
    assert set(labels) <= LABEL_KEYS, f"unknown label keys {sorted(set(labels) - LABEL_KEYS)}"
    for key in ("outlet", "original"):
        if labels.get(key) is not None:
            assert isinstance(labels[key], str) and labels[key].strip() == labels[key] and labels[key], key
    for key in STRING_LIST_KEYS:
        if key in labels:
            values = labels[key]
            assert isinstance(values, list) and all(isinstance(v, str) and v.strip() for v in values), key
            assert len(set(values)) == len(values), f"{key} repeats a name"
    if "published" in labels:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", labels["published"]), "published is YYYY-MM-DD"
        date.fromisoformat(labels["published"])
    if "is_republication" in labels:
        assert isinstance(labels["is_republication"], bool)
    if labels.get("original") or labels.get("via"):
        assert labels.get("is_republication") is not False, "an original or via needs is_republication not false"
    if "category" in labels:
        assert labels["category"] in get_args(ReuseCategory), f"category {labels['category']!r}"
    if "license" in labels:
        # A Creative Commons port names its jurisdiction after the version (CC-BY-NC-SA-3.0-DE): still an SPDX id.
        base = re.sub(r"^(CC-[A-Z-]+-\d\.\d)-[A-Z]{2}$", r"\1", labels["license"] or "", flags=re.I)
        known = load_licenses().by_id(base) if base else None
        assert labels["license"] is None or (known is not None and known.id.lower() == base.lower()), (
            f"licence {labels['license']!r} is not an SPDX id bot/data/licenses.toml knows"
        )
        if labels["license"]:
            assert labels.get("category", "open-license") == "open-license", "a licensed page is open-license"


# The bench's matching rules (bench/bench_real.py), which decide what counts as a hit against these labels.


def _bench_real() -> Any:
    import importlib
    import sys

    saved = list(sys.path)  # the bench puts the repository and bench/ on the path when imported
    sys.path.insert(0, str(LABELS.parents[1]))
    try:
        return importlib.import_module("bench_real")
    finally:
        sys.path[:] = saved


@pytest.mark.parametrize(
    ("label", "ours", "same"),
    [
        ("Ralph D. Russo", "RALPH D. RUSSO", True),
        ("Ralph D. Russo", "Ralph Russo", True),
        ("Anna Kubišta", "Anna Kubista", True),
        ("Lindsey O'Donnell", "Lindsey O’Donnell", True),
        ("Lindsey O'Donnell", "Lindsey O", False),
        ("Robert E. Moffit", "Robert", False),
        ("Sam Hill", "Sam", False),
    ],
)
def test_bench_person_names(label: str, ours: str, same: bool) -> None:
    assert _bench_real().same_person(label, ours) is same


@pytest.mark.parametrize(
    ("label", "ours", "same"),
    [
        ("The Guardian", "Guardian", True),
        ("CBC News", "CBC", True),
        ("Benzinga", "Benzinga.com", True),
        ("Süddeutsche.de", "Suddeutsche.de", True),
        ("tagesschau.de", "ARD", True),  # the registry knows tagesschau.de as ARD's news site
        ("tagesschau.de", "ZDF", False),
        ("Medical Xpress", "Science X Network", False),
    ],
)
def test_bench_outlet_names(label: str, ours: str, same: bool) -> None:
    assert _bench_real().same_name(label, ours) is same


def test_bench_name_sets_need_every_name_both_ways() -> None:
    bench = _bench_real()
    assert bench.same_set(["Jami Ganz", "Jager Weatherby"], ["Jager Weatherby", "Jami Ganz"], bench.same_person)
    assert not bench.same_set(["Nada Tawfik"], ["Nada Tawfik", "New York"], bench.same_person)
    assert not bench.same_set(["Nada Tawfik", "Jane Roe"], ["Nada Tawfik"], bench.same_person)
    assert bench.same_set([], [], bench.same_person)
    assert not bench.same_set([], ["BBC News"], bench.same_person)
