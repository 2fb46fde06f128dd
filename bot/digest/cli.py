"""`provbot digest CHANNEL_ID [--dry-run] [--team TEAM_ID]`: the last 24 hours' digest, built now.

The lead's `bot/cli.py` calls `digest_command`; this module owns what it prints and its exit code.
An on-demand digest is extra to the daily one: it does not use up the channel's scheduled slot. With installs in
several workspaces the digest is read in the channel's workspace (`bot.channel_teams`: `--team` when the channel id
is in more than one) and posted with that workspace's installation token instead of SLACK_BOT_TOKEN.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime
from typing import TextIO

import sqlite_utils
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler, async_default_handlers
from slack_sdk.web.async_client import AsyncWebClient

from bot.channel_teams import TeamChoiceError, choose_team
from bot.digest.content import Digest
from bot.digest.render import render_messages, render_plain
from bot.digest.runner import DigestPostError, build_recent, post_messages, utc_now
from bot.settings import Settings
from bot.slack.installations import bot_token, installed_teams
from bot.storage import open_database
from bot.workspace import Workspace, in_workspace


def digest_command(
    settings: Settings,
    channel_id: str,
    dry_run: bool,
    *,
    team: str | None = None,
    now: datetime | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Exit 0 when built (posted, printed, or nothing to post); 1 with a one-line reason when Slack refused;
    2 when the workspace is not said and cannot be told.

    A posting run with one workspace needs SLACK_BOT_TOKEN: `settings.require` raises SettingsError, which the CLI
    prints.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    channel_id = channel_id.strip()
    if not dry_run and not settings.oauth:
        # Before touching the database: a missing token is a usage problem, reported the same way every time.
        settings.require("SLACK_BOT_TOKEN")
    db = open_database(settings.db_path)
    try:
        chosen = choose_team(db, channel_id, team)
        with in_workspace(Workspace(chosen) if chosen else None):
            digest = build_recent(db, settings, channel_id, now or utc_now())
        token = None if dry_run or digest.empty else posting_token(db, settings, chosen)
    except TeamChoiceError as exc:
        print(str(exc), file=err)
        return 2
    except DigestPostError as exc:
        print(str(exc), file=err)
        return 1
    finally:
        db.close()
    if digest.empty:
        print(f"nothing checked in {channel_id} in the last 24 hours; no digest", file=err)
        return 0
    if dry_run or token is None:
        out.write(render_plain(digest))
        return 0
    try:
        ts = asyncio.run(_post(settings, token, channel_id, digest))
    except DigestPostError as exc:
        print(str(exc), file=err)
        return 1
    print(f"digest posted to {channel_id} ({digest.total} checks, ts {ts})", file=err)
    return 0


def posting_token(db: sqlite_utils.Database, settings: Settings, team: str | None) -> str | None:
    """SLACK_BOT_TOKEN for one workspace; installed through OAuth, the token of the installation serving `team`
    (its own or its organisation's), or of the only installation when the channel's rows name no workspace.
    Raises TeamChoiceError when that would be a guess, DigestPostError when no installation serves the team."""
    if not settings.oauth:
        return settings.slack_bot_token
    served = installed_teams(db)
    if team is None:
        teams = sorted({w.team_id or w.enterprise_id or "" for w in served})
        if len(served) != 1:
            raise TeamChoiceError(f"installed in {len(teams)} workspaces ({', '.join(teams)}); say which with --team")
        workspace = served[0]
    else:  # a team the installations do not list (yet) can still have its own installation
        workspace = next((w for w in served if w.team_id == team), Workspace(team))
    token = bot_token(db, workspace)
    if token is None:
        raise DigestPostError(f"no installation for workspace {team}: install the app there (/slack/install) first")
    return token


async def _post(settings: Settings, token: str, channel_id: str, digest: Digest) -> str:
    # Slack answers a burst of posts with 429 and Retry-After; waiting it out beats failing a one-off command.
    handlers = [*async_default_handlers(), AsyncRateLimitErrorRetryHandler(max_retry_count=2)]
    client = AsyncWebClient(token=token, base_url=settings.slack_api_url, retry_handlers=handlers)
    try:
        return await post_messages(client, channel_id, render_messages(digest))
    finally:
        session = getattr(client, "session", None)
        if session is not None and not session.closed:
            await session.close()
