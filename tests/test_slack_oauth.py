"""Installing to many workspaces through Slack's OAuth flow, end to end: the real bot over HTTP, Slack's side played
by the local stand-in (which answers oauth.v2.access and knows each installed workspace's token)."""

from __future__ import annotations

import json
import logging
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bot.logs import JsonLines, TextLines
from bot.slack.installations import bot_token, installed_teams
from bot.slack.oauth import bot_scopes
from bot.workspace import Workspace
from tests.conftest import RunningBot
from tests.slack_signing import event_body, message_event

OAUTH = {"slack_bot_token": None, "slack_client_id": "1111.2222", "slack_client_secret": "client-secret-0123"}


async def install(bot: RunningBot, code: str) -> int:
    """A person clicks the install link, approves at Slack, and Slack sends them back with `code`."""
    async with bot.session.get(f"{bot.base_url}/slack/install", allow_redirects=False) as started:
        assert started.status == 302
        location, cookie = started.headers["Location"], started.headers["Set-Cookie"].split(";")[0]
    query = parse_qs(urlsplit(location).query)
    assert location.startswith(f"{bot.slack.base}/oauth/v2/authorize?")
    assert query["client_id"] == ["1111.2222"] and query["scope"] == [",".join(bot_scopes())]
    [state] = query["state"]
    assert cookie == f"slack-app-oauth-state={state}"  # the browser that started the install must finish it
    callback = f"{bot.base_url}/slack/oauth_redirect?code={code}&state={state}"
    async with bot.session.get(callback, headers={"Cookie": cookie}, allow_redirects=False) as finished:
        return finished.status


async def oauth_bot(start_bot: Callable[..., Any]) -> RunningBot:
    bot: RunningBot = await start_bot(**OAUTH)
    return bot


async def test_install_stores_the_workspace_and_its_events_are_answered_with_its_token(start_bot, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    bot = await oauth_bot(start_bot)
    token = bot.slack.add_install("code-a", "TAAA")
    assert await install(bot, "code-a") == 200
    db = bot.services.db
    row = db.execute(
        "select team_id, team_name, bot_user_id, is_enterprise_install from slack_installations"
    ).fetchall()
    assert row == [("TAAA", "Team TAAA", "UBOTTAAA", 0)]
    assert bot_token(db, Workspace("TAAA")) == token
    assert db.execute("select count(*) from slack_oauth_states").fetchone()[0] == 0  # the state was used up

    url = bot.articles.case("afp-barrons.html")
    status, _ = await bot.signed.event(message_event(f"<{url}>", channel="CA1"), team_id="TAAA")
    assert status == 200
    await bot.settle()
    reply = await bot.slack.wait_for("chat.postMessage")
    assert reply.params["channel"] == "CA1" and reply.token == token
    assert db.execute("select team_id from checks").fetchall() == [("TAAA",)]
    assert db.execute("select team_id from slack_jobs").fetchall() == [("TAAA",)]
    # slack_sdk's debug lines carry the token; what the bot's log handlers write does not (bot/logs.py)
    assert token in caplog.text
    for formatter in (TextLines(), JsonLines()):
        written = "\n".join(formatter.format(record) for record in caplog.records)
        assert token not in written and OAUTH["slack_client_secret"] not in written
    assert stat.S_IMODE(Path(bot.server.settings.db_path).stat().st_mode) & 0o077 == 0  # it holds tokens


async def test_a_callback_needs_the_browser_cookie_and_its_state_is_good_once(start_bot) -> None:
    bot = await oauth_bot(start_bot)
    bot.slack.add_install("code-b", "TBBB")
    async with bot.session.get(f"{bot.base_url}/slack/install", allow_redirects=False) as started:
        state = parse_qs(urlsplit(started.headers["Location"]).query)["state"][0]
    callback = f"{bot.base_url}/slack/oauth_redirect?code=code-b&state={state}"
    cookie = {"Cookie": f"slack-app-oauth-state={state}"}
    async with bot.session.get(callback, allow_redirects=False) as from_elsewhere:
        assert from_elsewhere.status == 400
    assert bot.slack.calls_to("oauth.v2.access") == []
    async with bot.session.get(callback, headers=cookie, allow_redirects=False) as finished:
        assert finished.status == 200
    async with bot.session.get(callback, headers=cookie, allow_redirects=False) as replayed:
        assert replayed.status == 401
    assert len(bot.slack.calls_to("oauth.v2.access")) == 1
    assert bot.services.db.execute("select team_id from slack_installations").fetchall() == [("TBBB",)]


async def test_an_enterprise_grid_org_install_serves_every_workspace_of_the_org(start_bot) -> None:
    bot = await oauth_bot(start_bot)
    token = bot.slack.add_install("code-org", "T1", enterprise_id="EORG", org_wide=True)
    assert await install(bot, "code-org") == 200
    db = bot.services.db
    assert db.execute("select installed_in, team_id, is_enterprise_install from slack_installations").fetchall() == [
        ("EORG", None, 1)
    ]
    assert bot_token(db, Workspace("TANY", "EORG")) == token
    assert bot_token(db, Workspace("TANY", "EOTHER")) is None

    # An event from one of the org's workspaces is answered with the org's token, and its rows carry that team.
    url = bot.articles.case("afp-barrons.html")
    body = json.loads(event_body(message_event(f"<{url}>", channel="CORG"), team_id="T1"))
    body["enterprise_id"] = "EORG"
    body["authorizations"][0].update({"enterprise_id": "EORG", "is_enterprise_install": True})
    status, _ = await bot.signed.post(json.dumps(body))
    assert status == 200
    await bot.settle()
    assert bot.replies("CORG")[0].token == token
    assert db.execute("select team_id from checks").fetchall() == [("T1",)]
    assert installed_teams(db) == [Workspace("T1", "EORG", True)]  # the digest's round: the org's workspaces


async def test_an_unknown_code_is_a_failure_page_and_stores_nothing(start_bot) -> None:
    bot = await oauth_bot(start_bot)
    assert await install(bot, "never-issued") == 401
    assert bot.services.db.execute("select count(*) from slack_installations").fetchone()[0] == 0
