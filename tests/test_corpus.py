"""Every labelled case, shared and our own, run through the real `provbot check --json` command.

The comparison rules are the shared scorer's own (`../shared/tools/eval_cases.py`), imported rather than
re-implemented, so a case passes here exactly when the outside checks would pass it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = {"corpus": SHARED / "corpus", "own": ROOT / "tests" / "cases"}


def _scorer() -> ModuleType:
    path = SHARED / "tools" / "eval_cases.py"
    assert path.is_file(), f"the shared scorer is missing: {path} (clone the project with shared/ beside it)"
    spec = importlib.util.spec_from_file_location("eval_cases", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()


def _cases() -> list[tuple[str, Path]]:
    cases = []
    for label, folder in FOLDERS.items():
        assert folder.is_dir(), f"cases folder missing: {folder}"
        cases += [(f"{label}/{p.name.removesuffix('.expect.json')}", p) for p in sorted(folder.glob("*.expect.json"))]
    return cases


CASES = _cases()


def test_there_are_enough_cases() -> None:
    own = [c for c in CASES if c[0].startswith("own/")]
    shared = [c for c in CASES if c[0].startswith("corpus/")]
    assert len(shared) >= 10
    assert len(own) >= 25


SIGNALS = {"text", "meta", "json-ld", "link", "url", "registry"}
KINDS = {"news", "wire-service", "state-controlled", "public-broadcaster", "republisher", "aggregator", "blog", "other"}
CATEGORIES = {"open-license", "permission-granted", "all-rights-reserved", "unknown"}
TOP_KEYS = {"schema_version", "input", "title", "outlet", "authors", "published", "modified", "canonical_url",
            "republication", "copyright", "reuse", "chain", "attribution", "evidence", "warnings"}  # fmt: skip


def _assert_outlet(outlet: dict | None) -> None:
    if outlet is None:
        return
    assert set(outlet) == {"name", "domain", "organization", "country", "kind", "notes"}
    assert outlet["kind"] in KINDS
    assert outlet["country"] is None or (len(outlet["country"]) == 2 and outlet["country"].isupper())


def assert_contract_shape(output: dict) -> None:
    """Every result keeps to ../shared/CONTRACT.md's schema_version 1, whatever the case checks."""
    assert set(output) == TOP_KEYS and output["schema_version"] == 1
    assert output["input"]["kind"] in {"url", "html", "text"}
    _assert_outlet(output["outlet"])
    rep = output["republication"]
    assert isinstance(rep["is_republication"], bool) and rep["is_republication"] == (rep["original"] is not None)
    for source in [rep["original"], *rep["via"]]:
        if source is not None:
            assert set(source) == {"name", "url", "published", "outlet"} and source["name"]
            _assert_outlet(source["outlet"])
    assert output["copyright"]["year"] is None or isinstance(output["copyright"]["year"], int)
    reuse = output["reuse"]
    assert reuse["category"] in CATEGORIES and isinstance(reuse["fair_use_claim"], bool) and reuse["summary"]
    assert (reuse["license"] is not None) <= (reuse["category"] == "open-license")
    assert reuse["granted_by"] is None or (isinstance(reuse["granted_by"], str) and reuse["granted_by"])
    assert (reuse["granted_by"] is None) <= (reuse["category"] == "unknown")  # terms found are someone's terms
    assert isinstance(output["chain"], list)
    assert output["attribution"]
    assert all(row["signal"] in SIGNALS and row["field"] and row["snippet"] for row in output["evidence"])
    for date in (output["published"], output["modified"]):
        assert date is None or (len(date) >= 10 and date[4] == "-" and date[7] == "-")


@pytest.mark.parametrize(("name", "expect_path"), CASES, ids=[c[0] for c in CASES])
def test_case(name: str, expect_path: Path, tmp_path: Path) -> None:
    spec = json.loads(expect_path.read_text(encoding="utf-8"))
    folder = expect_path.parent
    input_path = SCORER.find_input(str(folder), expect_path.name.removesuffix(".expect.json"), spec)
    assert input_path, f"{name}: input file not found"
    command = [sys.executable, "-m", "bot", "check", input_path, "--json"]
    if spec.get("url"):
        command[4:4] = ["--url", spec["url"]]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PROVBOT_"))}
    env["PROVBOT_DB"] = str(tmp_path / "provbot.db")
    run = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert run.returncode == 0, f"{name}: exit {run.returncode}: {run.stderr.strip()}"
    output = json.loads(run.stdout)
    assert_contract_shape(output)
    failures = []
    for field, expected in spec["checks"].items():
        ok, got = SCORER.check(output, field, expected)
        if not ok:
            failures.append(f"{field}: expected {SCORER.show(expected)}, got {SCORER.show(got)}")
    assert not failures, f"{name} ({spec.get('note', '')[:120]}):\n  " + "\n  ".join(failures)
