"""Two workspaces installed through OAuth, served by one running bot, driven with signed requests as Slack sends
them: each is answered with its own token, and their channels, checks, settings and digests never cross, even
for a channel id both have. Uninstalling from one erases that one's data and leaves the other's."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.digest import runner as digest_scheduler
from bot.slack import workspace_settings
from bot.slack.installations import bot_token
from bot.slack.jobs import Job
from bot.slack.render import DETAILS_ACTION
from bot.slack.workspace_settings import WorkspaceSettings
from bot.slack.workspaces import in_job_workspace
from bot.workspace import Workspace, current_workspace, in_workspace
from tests.conftest import RunningBot
from tests.slack_signing import block_action, message_event
from tests.test_slack_oauth import OAUTH, install

SAME = "CSAME"  # a channel id both workspaces have: ids are only unique within a workspace


async def two_workspaces(start_bot: Callable[..., Any]) -> tuple[RunningBot, dict[str, str]]:
    bot: RunningBot = await start_bot(**OAUTH)
    tokens = {team: bot.slack.add_install(f"code-{team}", team) for team in ("TAAA", "TBBB")}
    for team in tokens:
        assert await install(bot, f"code-{team}") == 200
    return bot, tokens


async def share(bot: RunningBot, team: str, case: str, channel: str = SAME) -> None:
    url = bot.articles.case(case)
    status, _ = await bot.signed.event(message_event(f"<{url}>", channel=channel), team_id=team)
    assert status == 200
    await bot.settle()


async def slash(bot: RunningBot, team: str, text: str, channel: str = SAME) -> str:
    before = len(bot.slack.responses)
    url = bot.slack.response_url()
    status, _ = await bot.signed.command(text, response_url=url, channel_id=channel, team_id=team)
    assert status == 200
    await bot.settle()
    return str((await bot.slack.wait_for_response(before + 1)).params.get("text"))


def teams_of(bot: RunningBot, table: str) -> list[str]:
    rows = bot.services.db.execute(f"select team_id from {table} order by team_id").fetchall()
    return [r[0] for r in rows]


async def test_each_workspace_is_answered_with_its_own_token_and_keeps_its_own_channel_settings(start_bot) -> None:
    bot, tokens = await two_workspaces(start_bot)
    await share(bot, "TAAA", "afp-barrons.html")
    await share(bot, "TBBB", "rt-original.html")
    replies = bot.replies(SAME)
    assert [r.token for r in replies] == [tokens["TAAA"], tokens["TBBB"]]
    assert teams_of(bot, "checks") == ["TAAA", "TBBB"] and teams_of(bot, "slack_replies") == ["TAAA", "TBBB"]

    assert "on-request" in await slash(bot, "TAAA", "mode on-request")
    assert teams_of(bot, "slack_channels") == ["TAAA", "TBBB"]  # one row per workspace for the same channel id
    await share(bot, "TAAA", "conversation-via-ap.html")  # muted in A: no reply
    await share(bot, "TBBB", "conversation-via-ap.html")  # B's channel is B's: still answered
    assert [r.token for r in bot.replies(SAME)] == [tokens["TAAA"], tokens["TBBB"], tokens["TBBB"]]

    history_a = await slash(bot, "TAAA", "history")
    history_b = await slash(bot, "TBBB", "history")
    assert "(newest first, 1)" in history_a and "Barron" in history_a  # A's one answered check
    assert "(newest first, 2)" in history_b and "Barron" not in history_b  # B's two, none of A's


def _digest_moment(now: datetime) -> datetime:
    """09:30 UTC on the day whose digest window (09:00 the day before to 09:00) holds `now`."""
    day = now.date() + timedelta(days=1) if now.time() >= time(9) else now.date()
    return datetime.combine(day, time(9, 30), UTC)


async def test_the_digest_goes_to_each_installation_with_its_own_checks_and_token(start_bot, monkeypatch) -> None:
    bot, tokens = await two_workspaces(start_bot)
    await share(bot, "TAAA", "afp-barrons.html")
    await share(bot, "TBBB", "rt-original.html")
    monkeypatch.setattr(digest_scheduler, "clock", lambda: _digest_moment(datetime.now(UTC)))
    stopped = asyncio.Event()
    stopped.set()  # one round of the scheduler (it always ticks once), as the running bot does each minute
    await digest_scheduler.digest_task(bot.services, stopped)
    digests = [c for c in bot.replies(SAME) if str(c.params.get("text", "")).startswith("Provenance digest")]
    assert sorted(d.token for d in digests) == sorted(tokens.values())
    by_token = {d.token: str(d.params.get("blocks")) for d in digests}
    assert "Barron" in by_token[tokens["TAAA"]] and "Barron" not in by_token[tokens["TBBB"]]
    assert "RT" in by_token[tokens["TBBB"]]
    assert teams_of(bot, "digest_sent") == ["TAAA", "TBBB"]


@pytest.mark.parametrize("event", [{"type": "app_uninstalled"}, {"type": "tokens_revoked", "tokens": {"bot": ["U1"]}}])
async def test_uninstalling_from_one_workspace_erases_its_data_and_leaves_the_others(start_bot, event) -> None:
    bot, tokens = await two_workspaces(start_bot)
    await share(bot, "TAAA", "afp-barrons.html")
    await share(bot, "TBBB", "rt-original.html")
    for team in ("TAAA", "TBBB"):
        with in_workspace(Workspace(team)):
            workspace_settings.save(bot.services.db, WorkspaceSettings(reply_mode="auto"), user="U1")
    status, _ = await bot.signed.event({**event, "event_ts": "1.0"}, team_id="TAAA")
    assert status == 200
    db = bot.services.db
    assert bot_token(db, Workspace("TAAA")) is None and bot_token(db, Workspace("TBBB")) == tokens["TBBB"]
    for table in ("checks", "slack_replies", "slack_channels", "slack_jobs", "workspace_settings", "workspaces"):
        assert teams_of(bot, table) == ["TBBB"] * len(teams_of(bot, table)) and teams_of(bot, table), table
    await share(bot, "TBBB", "conversation-via-ap.html")
    assert bot.replies(SAME)[-1].token == tokens["TBBB"]
    # nor is the token left behind in the files' free pages (PRAGMA secure_delete), once the log is checkpointed
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    files = b"".join(p.read_bytes() for p in Path(bot.services.settings.db_path).parent.glob("provbot.db*"))
    assert tokens["TAAA"].encode() not in files and tokens["TBBB"].encode() in files


async def test_a_details_click_never_opens_another_workspaces_check(start_bot) -> None:
    bot, tokens = await two_workspaces(start_bot)
    await share(bot, "TAAA", "afp-barrons.html")
    [check_id] = [r[0] for r in bot.services.db.execute("select id from checks").fetchall()]
    for team in ("TBBB", "TAAA"):
        status, _ = await bot.signed.action(block_action(DETAILS_ACTION, str(check_id), channel=SAME, team_id=team))
        assert status == 200
        await bot.settle()
    from_b, from_a = bot.slack.calls_to("views.open")
    assert from_b.token == tokens["TBBB"] and "no longer stored" in json.dumps(from_b.params["view"])
    assert from_a.token == tokens["TAAA"] and "Barron" in json.dumps(from_a.params["view"])


async def test_a_job_runs_in_the_workspace_it_was_stored_for() -> None:
    seen: list[Workspace | None] = []

    async def handler(job: Job) -> None:
        seen.append(current_workspace.get())

    [bound] = in_job_workspace({"message": handler}).values()
    with in_workspace(Workspace("TOTHER")):  # whatever the runner's own context, the job's payload decides
        await bound(Job(1, "message", "k", {"team_id": "TAAA", "enterprise_id": "E1"}, 1, ""))
        await bound(Job(2, "message", "k2", {}, 1, ""))  # stored before workspaces were known
    assert seen == [Workspace("TAAA", "E1"), None]
