"""Every labelled case, shared and our own, run through the `provbot check --json` command in-process.

Each case calls the CLI's entry point (`bot.cli.main`) with its output captured, the way a subprocess would see it;
`tests/test_cli.py` keeps the real-subprocess smoke tests. Checks are compared by the shared scorer
(`../shared/tools/eval_cases.py`, imported rather than re-implemented) when it is beside the project, so a case passes
here exactly when the outside checks would pass it; on a plain clone our own cases are compared by
`tests/case_rules.py`, the same rules as `corpus/README.md` writes them, and the shared cases are skipped.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.cli import main
from tests import case_rules
from tests.kept_pool import KeptPools

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OWN_CASES = ROOT / "tests" / "cases"
NO_SHARED = f"needs ../shared beside the project ({SHARED} is absent)"


def _shared_scorer() -> ModuleType | None:
    path = SHARED / "tools" / "eval_cases.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("eval_cases", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = _shared_scorer()
Check = Callable[[dict[str, Any], str, Any], tuple[bool, Any]]
CHECK: Check = SCORER.check if SCORER else case_rules.check


def _cases() -> list[Any]:
    cases = []
    if SCORER is None:
        cases.append(pytest.param("corpus", None, id="corpus", marks=pytest.mark.skip(reason=NO_SHARED)))
    for label, folder in (("corpus", SHARED / "corpus"), ("own", OWN_CASES)):
        for path in sorted(folder.glob("*.expect.json")):
            name = f"{label}/{path.name.removesuffix('.expect.json')}"
            cases.append(pytest.param(name, path, id=name))
    return cases


CASES = _cases()


def _input_file(folder: Path, stem: str, spec: dict[str, Any]) -> Path | None:
    """The case's input: the file its "input" names, else NAME.html, NAME.htm or NAME.txt beside it."""
    if spec.get("input"):
        return folder / spec["input"]
    return next(
        (folder / f"{stem}{ext}" for ext in (".html", ".htm", ".txt") if (folder / f"{stem}{ext}").is_file()), None
    )


def run_check(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> tuple[int, str, str]:
    """`provbot ARGS` in-process, in an empty folder with no Slack or provbot settings: (exit code, stdout, stderr)."""
    for key in [k for k in os.environ if k.startswith(("SLACK_", "PROVBOT_"))]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PROVBOT_DB", str(tmp_path / "provbot.db"))
    monkeypatch.chdir(tmp_path)
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_there_are_enough_cases() -> None:
    own = [c for c in CASES if str(c.values[0]).startswith("own/")]
    assert len(own) >= 25
    if SCORER is not None:
        assert len([c for c in CASES if str(c.values[0]).startswith("corpus/")]) >= 10


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


@pytest.fixture(autouse=True)
def kept_analysis_pool(kept_pools: KeptPools, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every case's `provbot check` analyses in the same worker (tests/kept_pool.py) rather than forking its own:
    the command's pool is tested in tests/test_analysis_pool.py and tests/test_cli.py."""
    monkeypatch.setattr("bot.inputs.AnalysisPool", kept_pools)


@pytest.fixture(scope="module")
def case_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty folder (and database) for every case: a check of a file with --no-follow fetches nothing, so one
    case's run leaves nothing another reads, and the database is created and migrated once, not per case."""
    return tmp_path_factory.mktemp("cases")


@pytest.mark.parametrize(("name", "expect_path"), CASES)
def test_case(
    name: str, expect_path: Path, case_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = json.loads(expect_path.read_text(encoding="utf-8"))
    input_path = _input_file(expect_path.parent, expect_path.name.removesuffix(".expect.json"), spec)
    assert input_path and input_path.is_file(), f"{name}: input file not found"
    args = ["check", str(input_path), "--json", "--no-follow"]  # tests never fetch an original from the internet
    if spec.get("url"):
        args[2:2] = ["--url", spec["url"]]
    code, out, err = run_check(args, monkeypatch, capsys, case_folder)
    assert code == 0, f"{name}: exit {code}: {err.strip()}"
    output = json.loads(out)
    assert_contract_shape(output)
    failures = []
    for field, expected in spec["checks"].items():
        ok, got = CHECK(output, field, expected)
        if not ok:
            failures.append(f"{field}: expected {_show(expected)}, got {_show(got)}")
    if SCORER is not None:  # our written rules must give the shared scorer's verdict on every check
        for field, expected in spec["checks"].items():
            assert case_rules.check(output, field, expected)[0] == SCORER.check(output, field, expected)[0], field
    assert not failures, f"{name} ({spec.get('note', '')[:120]}):\n  " + "\n  ".join(failures)


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=lambda _: "absent")  # the scorers' marker for a missing key
    return text if len(text) <= 160 else text[:157] + "..."
