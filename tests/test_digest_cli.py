"""`provbot digest CHANNEL_ID [--dry-run]` through `digest_command`, posting to a local Web API stand-in."""

from __future__ import annotations

import asyncio
import io
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs

import pytest
from slack_sdk.oauth.installation_store.models.installation import Installation

from bot.checks import record_check
from bot.digest.cli import digest_command
from bot.model import Analysis, InputInfo, License, Outlet, Republication, Reuse, Source
from bot.settings import Settings, SettingsError
from bot.slack.installations import SQLiteInstallationStore
from bot.storage import open_database
from bot.workspace import Workspace, in_workspace
from tests.cli_process import run_cli
from tests.slack_standin import SlackStandIn

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


class _Api(BaseHTTPRequestHandler):
    """chat.postMessage only: 'ok' everywhere except channel CGONE, where the bot is not a member."""

    posts: ClassVar[list[dict]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if "json" in (self.headers.get("Content-Type") or ""):
            data = json.loads(body)
        else:
            data = {k: v[0] for k, v in parse_qs(body).items()}
        if self.path.endswith("chat.postMessage") and data.get("channel") != "CGONE":
            type(self).posts.append(data)
            answer = {"ok": True, "channel": data["channel"], "ts": f"1800000000.{len(self.posts):06d}"}
        else:
            answer = {"ok": False, "error": "not_in_channel"}
        payload = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def api() -> Iterator[str]:
    _Api.posts = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/api/"
    finally:
        server.shutdown()
        server.server_close()


def _settings(tmp_path: Path, api_url: str = "http://127.0.0.1:9/api/", token: str | None = "xoxb-test") -> Settings:
    return Settings(db_path=str(tmp_path / "p.db"), slack_api_url=api_url, slack_bot_token=token, tz="Europe/Berlin")


def _fill(tmp_path: Path, channel: str = "C123", team: str | None = None) -> None:
    with in_workspace(Workspace(team) if team else None):
        _fill_rows(tmp_path, channel)


def _fill_rows(tmp_path: Path, channel: str) -> None:
    db = open_database(tmp_path / "p.db")
    rt = Outlet("RT", "rt.com", kind="state-controlled")
    gr = Outlet("Global Research", "globalresearch.ca", kind="republisher")
    for i in range(2):
        record_check(
            db,
            channel=channel,
            user="U1",
            message_ts=f"17999{i}0000.000100",
            link=f"https://www.globalresearch.ca/piece/{i}",
            source="message",
            result=Analysis(
                input=InputInfo("url", f"https://www.globalresearch.ca/piece/{i}"),
                title=f"Piece {i} & more",
                outlet=gr,
                republication=Republication(True, Source("RT", outlet=rt)),
                reuse=Reuse("open-license", License("CC-BY-4.0", "CC BY 4.0")),
                attribution="RT, via Global Research",
            ),
            now=NOW - timedelta(hours=2 + i),
        )
    record_check(
        db, channel=channel, user="U1", message_ts=None, link=None, source="message", error="empty: no text", now=NOW
    )
    record_check(
        db, channel=channel, user="U1", message_ts=None, link="x", source="message", now=NOW - timedelta(days=2)
    )
    db.close()


def test_dry_run_prints_plain_text_without_a_token(tmp_path: Path) -> None:
    _fill(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    code = digest_command(_settings(tmp_path, token=None), "C123", True, now=NOW, out=out, err=err)
    assert code == 0 and err.getvalue() == ""
    text = out.getvalue()
    assert text.startswith("Provenance digest: 3 checks, Mon 23 Nov 13:00 to Tue 24 Nov 13:00 (Europe/Berlin)")
    assert "• RT → Global Research ×2 [state-controlled media]" in text
    assert "Piece 0 & more" in text  # plain text: not escaped for Slack
    assert "openly licensed (CC BY 4.0 ×2): 2" in text


def test_nothing_checked_is_one_line_and_exit_0(tmp_path: Path) -> None:
    _fill(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert digest_command(_settings(tmp_path), "CEMPTY", True, now=NOW, out=out, err=err) == 0
    assert out.getvalue() == ""
    assert err.getvalue() == "nothing checked in CEMPTY in the last 24 hours; no digest\n"


def test_posting_needs_the_bot_token(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN"):
        digest_command(_settings(tmp_path, token=None), "C123", False, now=NOW)


def test_posting_goes_to_the_web_api(tmp_path: Path, api: str) -> None:
    _fill(tmp_path)
    err = io.StringIO()
    assert digest_command(_settings(tmp_path, api), "C123", False, now=NOW, err=err) == 0
    [post] = _Api.posts
    assert post["channel"] == "C123"
    blocks = post["blocks"] if isinstance(post["blocks"], list) else json.loads(post["blocks"])
    assert blocks[0]["type"] == "header"
    assert "Piece 0 &amp; more" in json.dumps(blocks)
    assert "posted to C123" in err.getvalue()


def test_slack_error_is_one_line_and_exit_1(tmp_path: Path, api: str) -> None:
    _fill(tmp_path, channel="CGONE")
    err = io.StringIO()
    assert digest_command(_settings(tmp_path, api), "CGONE", False, now=NOW, err=err) == 1
    assert err.getvalue() == "slack: not_in_channel\n"


def test_unreachable_api_is_one_line_and_exit_1(tmp_path: Path) -> None:
    _fill(tmp_path)
    err = io.StringIO()
    # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    assert digest_command(_settings(tmp_path), "C123", False, now=NOW, err=err) == 1
    assert err.getvalue().startswith("slack: cannot reach the Web API")


def test_python_m_bot_digest_dry_run(tmp_path: Path) -> None:
    """The command line: `provbot digest CHANNEL --dry-run`, settings from the environment; run in-process
    (tests/cli_process.py; tests/test_cli.py checks `python -m bot` and the script print the same)."""
    import os

    db = open_database(tmp_path / "p.db")
    record_check(
        db,
        channel="C123",
        user="U1",
        message_ts="1700000000.000100",
        link="https://apnews.com/a",
        source="message",
        result=Analysis(input=InputInfo("url"), title="Wire story", outlet=Outlet("AP", kind="wire-service")),
    )
    db.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PROVBOT_"))}
    env.update(PROVBOT_DB=str(tmp_path / "p.db"), PROVBOT_TZ="Asia/Tokyo")
    run = run_cli(["digest", "C123", "--dry-run"], env, tmp_path)  # no .env in tmp_path
    assert run.returncode == 0, run.stderr
    out = run.stdout.decode()
    assert "(Asia/Tokyo)" in out.splitlines()[0]
    assert "• AP (wire service)" in out
    empty = run_cli(["digest", "CNONE", "--dry-run"], env, tmp_path)
    assert (empty.returncode, empty.stdout) == (0, b"")
    assert empty.stderr.decode().strip() == "nothing checked in CNONE in the last 24 hours; no digest"


def test_a_channel_id_in_two_workspaces_needs_team(tmp_path: Path) -> None:
    _fill(tmp_path, team="TAAA")
    db = open_database(tmp_path / "p.db")
    with in_workspace(Workspace("TBBB")):
        record_check(db, channel="C123", user="U9", message_ts=None, link="https://b.example/x", source="message",
                     result=Analysis(input=InputInfo("url"), title="B's story"), now=NOW)  # fmt: skip
    db.close()
    out, err = io.StringIO(), io.StringIO()
    assert digest_command(_settings(tmp_path, token=None), "C123", True, now=NOW, out=out, err=err) == 2
    assert err.getvalue() == "channel C123 is in more than one workspace (TAAA, TBBB); say which with --team\n"
    assert out.getvalue() == ""
    for team, checks, present, absent in (("TAAA", 3, "Piece 0", "B's story"), ("TBBB", 1, "B's story", "Piece 0")):
        out = io.StringIO()
        assert digest_command(_settings(tmp_path, token=None), "C123", True, team=team, now=NOW, out=out) == 0
        text = out.getvalue()
        assert text.startswith(f"Provenance digest: {checks} check") and present in text and absent not in text


async def _install(tmp_path: Path, *teams: str) -> dict[str, str]:
    """Installations as the OAuth flow stores them; each team's bot token."""
    store = SQLiteInstallationStore(open_database(tmp_path / "p.db"))
    tokens = {team: f"xoxb-{team}-token" for team in teams}
    for team, token in tokens.items():
        await store.async_save(Installation(user_id="UADMIN", team_id=team, bot_token=token, bot_user_id="UBOT"))
    store.db.close()
    return tokens


def _oauth_settings(tmp_path: Path, api_url: str) -> Settings:
    return Settings(db_path=str(tmp_path / "p.db"), slack_api_url=api_url, slack_client_id="123.456",
                    slack_client_secret="secret", tz="Europe/Berlin")  # fmt: skip


async def test_under_oauth_the_digest_is_posted_with_the_channels_workspace_token(tmp_path: Path) -> None:
    tokens = await _install(tmp_path, "TAAA", "TBBB")
    _fill(tmp_path, team="TBBB")  # only workspace B has checks in C123: no need to say which
    _fill(tmp_path, channel="C777", team="TAAA")
    _fill(tmp_path, channel="C777", team="TBBB")
    async with SlackStandIn() as slack:
        settings = _oauth_settings(tmp_path, slack.api_url)
        err = io.StringIO()
        assert await asyncio.to_thread(digest_command, settings, "C123", False, now=NOW, err=err) == 0
        [post] = slack.calls_to("chat.postMessage")
        assert (post.params["channel"], post.token) == ("C123", tokens["TBBB"])
        assert "posted to C123" in err.getvalue()
        both = io.StringIO()
        assert await asyncio.to_thread(digest_command, settings, "C777", False, now=NOW, err=both) == 2
        assert "(TAAA, TBBB); say which with --team" in both.getvalue()
        assert await asyncio.to_thread(digest_command, settings, "C777", False, team="TAAA", now=NOW) == 0
        assert slack.calls_to("chat.postMessage")[-1].token == tokens["TAAA"]
        gone = io.StringIO()
        code = await asyncio.to_thread(digest_command, settings, "C777", False, team="TCCC", now=NOW, err=gone)
    assert code == 0 and gone.getvalue().startswith("nothing checked in C777")  # TCCC has no rows: nothing to post


async def test_under_oauth_a_workspace_without_an_installation_is_one_line(tmp_path: Path) -> None:
    await _install(tmp_path, "TAAA")
    _fill(tmp_path, team="TZZZ")  # checks kept from a workspace that has since been uninstalled elsewhere
    async with SlackStandIn() as slack:
        err = io.StringIO()
        code = await asyncio.to_thread(
            digest_command, _oauth_settings(tmp_path, slack.api_url), "C123", False, now=NOW, err=err
        )
        assert slack.calls_to("chat.postMessage") == []
    assert code == 1
    assert err.getvalue() == "no installation for workspace TZZZ: install the app there (/slack/install) first\n"


async def test_under_oauth_rows_without_a_workspace_need_team_when_installed_in_several(tmp_path: Path) -> None:
    await _install(tmp_path, "TAAA", "TBBB")
    _fill(tmp_path)  # rows from before any workspace was known
    async with SlackStandIn() as slack:
        settings = _oauth_settings(tmp_path, slack.api_url)
        err = io.StringIO()
        assert await asyncio.to_thread(digest_command, settings, "C123", False, now=NOW, err=err) == 2
        assert err.getvalue() == "installed in 2 workspaces (TAAA, TBBB); say which with --team\n"
        assert slack.calls_to("chat.postMessage") == []
