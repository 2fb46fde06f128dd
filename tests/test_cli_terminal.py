"""`provbot` in a terminal, through the real command: lines that never break inside words, addresses or the
credit line; `--url` for pasted text; the `https://` hint; `--version`; `--no-follow`; `export`."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.checks import record_check
from bot.model import Analysis, Copyright, InputInfo, License, Outlet, Republication, Reuse, Source
from bot.render_text import render_text
from bot.storage import open_database
from bot.workspace import Workspace, in_workspace
from tests.test_cli import ARTICLE_TEXT, assert_one_line_error, check_json, run


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The process environment without Slack or provbot settings, with the database in tmp_path."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PROVBOT_"))}
    clean["PROVBOT_DB"] = str(tmp_path / "provbot.db")
    return clean


PASTE = """Storm damage closes roads across Omaha

By Kira Lund

Crews worked through the night to clear fallen trees after a storm swept through Omaha on Tuesday, city officials
said. Several roads remained closed on Wednesday morning while power crews restored service to thousands of homes.
"""


def test_version_is_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    result = run(["--version"], env, tmp_path, script=True)
    assert result.returncode == 0
    assert result.stdout.decode().splitlines() == ["provbot 0.1.0"]


def test_an_address_without_its_scheme_gets_the_https_hint(tmp_path: Path, env: dict[str, str]) -> None:
    line = assert_one_line_error(run(["check", "www.example.com/story"], env, tmp_path), 1)
    assert line == (
        "provbot: cannot read www.example.com/story: no such file; to check a web address, add https://"
        " (https://www.example.com/story)"
    )
    # a missing file that is plainly a file gets no such hint
    assert "https://" not in assert_one_line_error(run(["check", "notes.txt"], env, tmp_path), 1)


def test_pasted_text_with_its_address_gets_the_outlet(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "paste.txt").write_text(PASTE, encoding="utf-8")
    without = check_json("paste.txt", env, tmp_path)
    assert without["outlet"] is None
    url = "https://www.wowt.com/2024/06/12/storm-damage-closes-roads/"
    data = check_json("paste.txt", env, tmp_path, "--url", url)
    assert data["input"] == {"kind": "text", "url": url, "final_url": None}
    assert data["outlet"]["name"] == "WOWT"


def test_no_follow_is_accepted_and_the_chain_stays_empty(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    assert check_json("a.txt", env, tmp_path, "--no-follow")["chain"] == []
    [named] = check_json("a.txt", env, tmp_path)["chain"]  # credited by name only: nothing to fetch, said so
    assert named["relation"] == "unreachable" and named["url"] == ""
    assert "names ProPublica as the original but links no page of it" in named["findings"][0]["finding"]


def test_lines_break_only_between_words_and_the_credit_line_stays_whole() -> None:
    credit = (
        "“Tides rise along the harbor” by Ava Stone, first published by The Conversation "
        "(https://theconversation.com/tides-rise-along-the-harbor-and-the-lower-town-floods-123456), CC BY-ND 4.0."
    )
    a = Analysis(
        input=InputInfo("text"),
        title="Tides rise",
        outlet=Outlet("Harbor Ledger"),
        republication=Republication(True, Source("The Conversation")),
        copyright=Copyright("© The Conversation", ["The Conversation"]),
        reuse=Reuse(
            "open-license",
            License("CC-BY-ND-4.0", "Creative Commons Attribution-NoDerivatives 4.0 International"),
            summary="Free to republish under CC BY-ND 4.0: credit the author and The Conversation with a link and "
            "the licence; no edits (verbatim only); images are not covered unless marked.",
        ),
        attribution=credit,
    )
    for width in range(60, 121, 3):
        out = render_text(a, width=width, evidence=False)
        assert "CC BY-ND 4.0" in out.replace("\n" + " " * 13, " ")  # wrapped only at the spaces
        assert not any(line.rstrip().endswith(("CC BY-", "BY-ND-", "-")) for line in out.splitlines())
        [credit_line] = [line for line in out.splitlines() if line.startswith("Credit line:")]
        assert credit_line.endswith(credit)
        assert "[CC-BY-ND-4.0]" not in out and "Copyright: Copyright" not in out
        assert "Reuse:       Free to republish under CC BY-ND 4.0" in out  # the licence named once, in the words


def _record(db_path: Path, channel: str, when: datetime, title: str, team: str | None = None) -> None:
    result = Analysis(
        input=InputInfo("url", "https://ex.com/a"),
        title=title,
        outlet=Outlet("Ex", kind="news"),
        reuse=Reuse("permission-granted", summary="Ex allows reposting.", granted_by="Ex"),
        attribution=f"“{title}”, Ex",
    )
    db = open_database(db_path)
    with in_workspace(Workspace(team) if team else None):
        record_check(db, channel=channel, user="U1", message_ts="1.2", link="https://ex.com/a", source="message",
                     result=result, now=when)  # fmt: skip
    db.close()


def test_export_prints_a_channels_checks_as_csv_or_json(tmp_path: Path, env: dict[str, str]) -> None:
    db_path = Path(env["PROVBOT_DB"])
    _record(db_path, "C1", datetime(2026, 11, 20, 8, 0, tzinfo=UTC), "Old, with a comma")
    _record(db_path, "C1", datetime(2026, 11, 24, 8, 0, tzinfo=UTC), "New")
    _record(db_path, "C2", datetime(2026, 11, 24, 8, 0, tzinfo=UTC), "Elsewhere")
    result = run(["export", "C1"], env, tmp_path)
    assert result.returncode == 0 and result.stderr == b""
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert [r["title"] for r in rows] == ["Old, with a comma", "New"]
    assert rows[0]["granted_by"] == "Ex" and rows[0]["reuse_category"] == "permission-granted"
    since = run(["export", "C1", "--since", "2026-11-21", "--format", "json"], env, tmp_path)
    [item] = json.loads(since.stdout)
    assert item["title"] == "New" and item["result"]["reuse"]["granted_by"] == "Ex"


def test_export_usage_errors_and_no_database(tmp_path: Path, env: dict[str, str]) -> None:
    assert "not a Slack channel ID" in assert_one_line_error(run(["export", "general"], env, tmp_path), 2)
    assert "--since" in assert_one_line_error(run(["export", "C1", "--since", "yesterday"], env, tmp_path), 2)
    assert run(["export", "C1", "--format", "xml"], env, tmp_path).returncode == 2
    result = run(["export", "C1", "--format", "json"], env, tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout) == []
    assert "no database" in result.stderr.decode()
    assert not Path(env["PROVBOT_DB"]).exists()


def test_export_never_mixes_two_workspaces_channels(tmp_path: Path, env: dict[str, str]) -> None:
    """Channel ids are unique within a workspace only: the same id in two workspaces is two channels."""
    db_path = Path(env["PROVBOT_DB"])
    _record(db_path, "C1", datetime(2026, 11, 24, 8, 0, tzinfo=UTC), "Newsroom A's", team="TAAA")
    _record(db_path, "C1", datetime(2026, 11, 24, 9, 0, tzinfo=UTC), "Newsroom B's", team="TBBB")
    _record(db_path, "C2", datetime(2026, 11, 24, 9, 0, tzinfo=UTC), "B only", team="TBBB")
    line = assert_one_line_error(run(["export", "C1"], env, tmp_path), 2)
    assert line == "provbot: channel C1 is in more than one workspace (TAAA, TBBB); say which with --team"
    for team, title in (("TAAA", "Newsroom A's"), ("TBBB", "Newsroom B's")):
        result = run(["export", "C1", "--team", team, "--format", "json"], env, tmp_path)
        assert result.returncode == 0, result.stderr
        assert [item["title"] for item in json.loads(result.stdout)] == [title]
    only = run(["export", "C2"], env, tmp_path)  # one workspace has the channel: no need to say which
    assert [r["title"] for r in csv.DictReader(io.StringIO(only.stdout.decode()))] == ["B only"]
    elsewhere = run(["export", "C2", "--team", "TAAA", "--format", "json"], env, tmp_path)
    assert json.loads(elsewhere.stdout) == []
    assert "workspace ID" in assert_one_line_error(run(["export", "C1", "--team", "newsroom"], env, tmp_path), 2)
