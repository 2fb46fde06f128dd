"""The `provbot check` command: output shapes, exit codes and one-line errors. The command runs in-process
(`tests/cli_process.py`); the last test runs the real `provbot` script and `python -m bot` and compares their output
with it.

No test here touches the network: addresses are only ever refused before any fetch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.cli_process import run_cli

REPO = Path(__file__).resolve().parent.parent
PROVBOT = REPO / ".venv" / "bin" / "provbot"

ARTICLE_TEXT = """Tides rise along the harbor
By Ava Stone and Ben Ruiz | ProPublica
May 21, 2025
The water came in at dawn, and by noon the lower town was under a foot of it.
This story was originally published by ProPublica.
"""

ARTICLE_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Tides rise | Harbor Ledger</title>
<meta property="og:site_name" content="Harbor Ledger">
<meta property="og:title" content="Tides rise along the harbor">
<meta property="article:published_time" content="2024-03-05T08:30:00+00:00">
<link rel="canonical" href="https://harborledger.com/2024/03/05/tides-rise">
</head><body><article><h1>Tides rise along the harbor</h1><p class="byline">By Ava Stone</p>
<p>The water came in at dawn.</p>
<p>This article is republished from The Conversation under a Creative Commons license.</p>
</article><footer><p>© 2024 Harbor Ledger</p></footer></body></html>
"""

CONTRACT_KEYS = {
    "schema_version", "input", "title", "outlet", "authors", "published", "modified", "canonical_url",
    "republication", "copyright", "reuse", "chain", "attribution", "evidence", "warnings",
}  # fmt: skip


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The process environment without Slack or provbot settings, with the database in tmp_path."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PROVBOT_"))}
    clean["PROVBOT_DB"] = str(tmp_path / "provbot.db")
    return clean


def run(
    args: Sequence[str],
    env: dict[str, str],
    cwd: Path,
    *,
    stdin: bytes | None = None,
    script: bool = False,
    module: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    """`provbot ARGS` in this process (tests/cli_process.py), or as a real process: the installed `provbot` script
    (`script`) or `python -m bot` (`module`)."""
    if not (script or module):
        return run_cli(args, env, cwd, stdin)
    command = [str(PROVBOT)] if script else [sys.executable, "-m", "bot"]
    return subprocess.run(
        [*command, *args], input=stdin, env=env, cwd=cwd, capture_output=True, timeout=120, check=False
    )


def assert_one_line_error(result: subprocess.CompletedProcess[bytes], code: int) -> str:
    stderr = result.stderr.decode()
    assert result.returncode == code, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert result.stdout == b""
    return lines[0]


def check_json(target: str, env: dict[str, str], cwd: Path, *extra: str, stdin: bytes | None = None) -> dict:
    result = run(["check", target, "--json", *extra], env, cwd, stdin=stdin)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


# -- what a successful check prints ----------------------------------------------------------------------------


def test_json_output_has_every_contract_key(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "a.html").write_text(ARTICLE_HTML, encoding="utf-8")
    data = check_json("a.html", env, tmp_path, "--url", "https://harborledger.com/2024/03/05/tides-rise")
    assert set(data) == CONTRACT_KEYS
    assert data["schema_version"] == 1
    assert data["input"] == {"kind": "html", "url": "https://harborledger.com/2024/03/05/tides-rise", "final_url": None}
    assert set(data["outlet"]) == {"name", "domain", "organization", "country", "kind", "notes"}
    assert set(data["republication"]) == {"is_republication", "original", "via"}
    assert set(data["republication"]["original"]) == {"name", "url", "published", "outlet"}
    assert set(data["copyright"]) == {"notice", "holders", "year"}
    assert set(data["reuse"]) == {
        "category", "license", "conditions", "restrictions", "contact", "fair_use_claim", "summary", "granted_by",
    }  # fmt: skip
    assert set(data["reuse"]["license"]) == {"id", "name", "url"}
    assert data["evidence"] and all(set(row) == {"field", "signal", "snippet"} for row in data["evidence"])
    assert data["title"] == "Tides rise along the harbor"
    assert data["published"] == "2024-03-05T08:30:00+00:00"
    assert data["republication"]["original"]["name"] == "The Conversation"
    assert data["reuse"]["category"] == "open-license"


def test_text_file_is_read_as_pasted_text(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    data = check_json("a.txt", env, tmp_path)
    assert data["input"]["kind"] == "text"
    assert data["authors"] == ["Ava Stone", "Ben Ruiz"]
    assert data["published"] == "2025-05-21"
    assert data["republication"]["original"]["name"] == "ProPublica"


def test_text_output(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    result = run(["check", "a.txt"], env, tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.startswith("Answer:      Copy of a ProPublica piece · CC BY-NC-ND 3.0: free to republish")
    for label in ("Authors:", "Original:", "Reuse:", "Credit line:", "Evidence:"):
        assert label in out
    assert "ProPublica" in out
    assert result.stderr == b""
    quiet = run(["check", "a.txt", "--no-evidence"], env, tmp_path)
    assert "Evidence:" not in quiet.stdout.decode()


def test_dash_reads_standard_input(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    from_stdin = check_json("-", env, tmp_path, stdin=ARTICLE_TEXT.encode())
    from_file = check_json("a.txt", env, tmp_path)
    assert from_stdin["input"]["kind"] == "text"
    assert from_stdin == from_file


def test_malformed_html_is_analysed_best_effort(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "broken.html").write_text(
        "<html><head><title>Broken <b>page</title><meta property='og:site_name' content='Harbor Ledger'"
        "<body><div><p>By Ava Stone<p>The water <i>came in</b> at dawn.<table><tr><td>cell"
        "<p>© 2024 Harbor Ledger</div></div></div>&&&<<<>>> \x0b ]]> <!-- never closed",
        encoding="utf-8",
    )
    data = check_json("broken.html", env, tmp_path)
    assert data["schema_version"] == 1
    assert data["input"]["kind"] == "html"


def test_windows_1252_page_keeps_accented_names(tmp_path: Path, env: dict[str, str]) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Réforme</title></head><body><article>'
        "<h1>La réforme des retraites</h1><p>By Zoë Núñez and François Müller</p>"
        "<p>Le président a parlé – « c’est fini ».</p></article></body></html>"
    )
    (tmp_path / "cp1252.html").write_bytes(html.encode("cp1252"))
    data = check_json("cp1252.html", env, tmp_path)
    assert data["title"] == "La réforme des retraites"
    assert data["authors"] == ["Zoë Núñez", "François Müller"]


def test_undeclared_windows_1252_page_keeps_accented_names(tmp_path: Path, env: dict[str, str]) -> None:
    """Without a declaration a legacy page is windows-1252 (the HTML standard's default), not a guess at cp1250."""
    html = (
        "<html><head><title>Réforme</title></head><body><article>"
        "<h1>La réforme des retraites</h1><p>By Zoë Núñez and François Müller</p>"
        "<p>Le président a déclaré que la réforme serait adoptée après un débat très animé.</p>"
        "</article></body></html>"
    )
    (tmp_path / "undeclared.html").write_bytes(html.encode("cp1252"))
    data = check_json("undeclared.html", env, tmp_path)
    assert data["authors"] == ["Zoë Núñez", "François Müller"]


def test_huge_text_file_is_cut_with_a_warning(tmp_path: Path, env: dict[str, str]) -> None:
    line = "The water came in at dawn, and by noon the lower town was under a foot of it again.\n"
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as out:
        out.write(ARTICLE_TEXT)
        out.write(line * (50_000_000 // len(line)))
    assert big.stat().st_size >= 50_000_000
    data = check_json("big.txt", env, tmp_path)
    assert data["warnings"]
    assert any("first" in w and "analysed" in w for w in data["warnings"])
    assert data["authors"] == ["Ava Stone", "Ben Ruiz"]  # the start of the file is still read


# -- what cannot be read: exit 1 with one line ---------------------------------------------------------------


def test_empty_file_is_refused_in_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert "empty" in assert_one_line_error(run(["check", "empty.txt"], env, tmp_path), 1)
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    assert "empty" in assert_one_line_error(run(["check", "blank.txt", "--json"], env, tmp_path), 1)


def test_empty_stdin_is_refused_in_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    assert "empty" in assert_one_line_error(run(["check", "-"], env, tmp_path, stdin=b""), 1)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(200), "PNG"),
        ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        ("page.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(50), "PNG"),
        ("blob.txt", b"words\x00\x01\x02\x00\x00binary\x00" * 20, "binary"),
    ],
)
def test_binary_file_is_refused_in_one_line(
    tmp_path: Path, env: dict[str, str], name: str, data: bytes, kind: str
) -> None:
    (tmp_path / name).write_bytes(data)
    assert kind in assert_one_line_error(run(["check", name, "--json"], env, tmp_path), 1)


def test_missing_file_is_refused_in_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    line = assert_one_line_error(run(["check", "no-such-file.txt"], env, tmp_path), 1)
    assert "no-such-file.txt" in line


def test_directory_is_refused_in_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "folder").mkdir()
    line = assert_one_line_error(run(["check", "folder"], env, tmp_path), 1)
    assert "folder" in line


def test_non_web_address_is_refused(tmp_path: Path, env: dict[str, str]) -> None:
    line = assert_one_line_error(run(["check", "ftp://x"], env, tmp_path), 1)
    assert "refused" in line


# -- bad usage and bad settings: exit 2 ----------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["check"], ["check", "a.txt", "--bogus"]])
def test_bad_usage_exits_2(tmp_path: Path, env: dict[str, str], args: list[str]) -> None:
    result = run(args, env, tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()
    assert result.stderr.strip()


def test_malformed_setting_names_the_variable(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    line = assert_one_line_error(run(["check", "a.txt"], {**env, "PROVBOT_PORT": "abc"}, tmp_path), 2)
    assert "PROVBOT_PORT" in line


def test_malformed_setting_in_dotenv_names_the_variable(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    (tmp_path / ".env").write_text("PROVBOT_TZ=Mars/Base\n", encoding="utf-8")
    line = assert_one_line_error(run(["check", "a.txt"], env, tmp_path), 2)
    assert "PROVBOT_TZ" in line


# -- python -m bot and provbot are the same program ----------------------------------------------------------


@pytest.mark.real_processes
@pytest.mark.parametrize(
    ("args", "process"),
    [
        (["check", "a.html", "--json"], "script"),
        ([], "script"),
        (["check", "a.html"], "module"),
        (["check", "missing.txt"], "module"),
    ],
    ids=str,
)
def test_module_and_script_give_identical_output(
    tmp_path: Path, env: dict[str, str], args: list[str], process: str
) -> None:
    """A real process and the in-process run the other tests here use print the same bytes and exit alike, for
    each kind of output: the installed `provbot` script a JSON answer and a usage error, `python -m bot` a text
    answer and a one-line error (each process costs a second of CPU: every kind once is enough)."""
    (tmp_path / "a.html").write_text(ARTICLE_HTML, encoding="utf-8")
    real = run(args, env, tmp_path, script=process == "script", module=process == "module")
    in_process = run(args, env, tmp_path)
    assert in_process.returncode == real.returncode, args
    assert in_process.stdout == real.stdout, args
    assert in_process.stderr == real.stderr, args
