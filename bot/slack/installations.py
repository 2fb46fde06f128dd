"""Where installs through Slack's OAuth flow are kept: slack_sdk's installation and state store interfaces over the
bot's own SQLite database (tables `slack_installations` and `slack_oauth_states`, docs/database.md).

Only the bot's token is asked for (no user scopes), so an installation is its bot: one row per workspace, or one
per Enterprise Grid organisation for an org-wide install, found by the enterprise id for every workspace in it.
Tokens are stored as Slack gives them, in the clear: the database file is to be protected like the tokens
themselves (README, "What the bot stores"). Nothing here logs a token.

Everything runs on the event loop's thread with the bot's one connection, like the rest of the bot; the queries
are small look-ups by primary key, so the async methods do them directly.
"""

from __future__ import annotations

import json
import logging
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from bot.migrations import ensure_current
from bot.storage import text_epoch, utc_text
from bot.workspace import Workspace

log = logging.getLogger(__name__)
STATE_SECONDS = 600  # an install started and not finished within ten minutes must start again

_COLUMNS = (
    "enterprise_id, enterprise_name, enterprise_url, team_id, team_name, is_enterprise_install, app_id, bot_id,"
    " bot_user_id, bot_token, bot_scopes, bot_refresh_token, bot_token_expires_at, installer_user_id, installed_at"
)


def _installed_in(enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None) -> str | None:
    return enterprise_id if is_enterprise_install or not team_id else team_id


def _epoch_text(seconds: float | int | None) -> str | None:
    return None if seconds is None else utc_text(datetime.fromtimestamp(float(seconds), UTC))


def find_row(db: sqlite_utils.Database, workspace: Workspace) -> dict[str, Any] | None:
    """The installation serving a workspace: its own, else its organisation's org-wide one."""
    keys = [_installed_in(workspace.enterprise_id, workspace.team_id, workspace.is_enterprise_install)]
    if workspace.enterprise_id and workspace.enterprise_id not in keys:
        keys.append(workspace.enterprise_id)  # a workspace of an org that installed once for all of them
    for key in keys:
        if key is None:
            continue
        cursor = db.execute(f"select {_COLUMNS} from slack_installations where installed_in = ?", [key])
        row = cursor.fetchone()
        if row is not None:
            return dict(zip([d[0] for d in cursor.description], row, strict=True))
    return None


def bot_token(db: sqlite_utils.Database, workspace: Workspace) -> str | None:
    row = find_row(db, workspace)
    return None if row is None else str(row["bot_token"])


def installed_teams(db: sqlite_utils.Database) -> list[Workspace]:
    """Every workspace the installations serve. An organisation-wide install serves each workspace of it the bot
    has had work from lately (its jobs name their enterprise; they are kept two days, more than a digest needs)."""
    rows = db.execute(
        "select team_id, enterprise_id, is_enterprise_install from slack_installations order by installed_at"
    ).fetchall()
    served = []
    for team_id, enterprise_id, org_wide in rows:
        if not org_wide:
            served.append(Workspace(team_id, enterprise_id))
            continue
        teams = db.execute(
            "select distinct team_id from slack_jobs where team_id is not null"
            " and json_extract(payload, '$.enterprise_id') = ? order by team_id",
            [enterprise_id],
        ).fetchall()
        served += [Workspace(team, enterprise_id, True) for (team,) in teams]
    return served


def _installation(row: dict[str, Any]) -> Installation:
    expires = row["bot_token_expires_at"]
    return Installation(
        app_id=row["app_id"],
        enterprise_id=row["enterprise_id"],
        enterprise_name=row["enterprise_name"],
        enterprise_url=row["enterprise_url"],
        team_id=row["team_id"],
        team_name=row["team_name"],
        bot_token=row["bot_token"],
        bot_id=row["bot_id"],
        bot_user_id=row["bot_user_id"],
        bot_scopes=json.loads(row["bot_scopes"]),
        bot_refresh_token=row["bot_refresh_token"],
        bot_token_expires_at=None if expires is None else int(text_epoch(expires)),
        user_id=row["installer_user_id"] or "",
        is_enterprise_install=bool(row["is_enterprise_install"]),
        installed_at=text_epoch(row["installed_at"]),
    )


class SQLiteInstallationStore(AsyncInstallationStore):
    """slack_sdk's installation store over the bot's database; Bolt finds each request's bot token here."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        ensure_current(db)
        self.db = db

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        key = _installed_in(installation.enterprise_id, installation.team_id, installation.is_enterprise_install)
        if key is None or not installation.bot_token:
            raise ValueError("an installation needs a team or an enterprise, and a bot token")
        values = [
            installation.enterprise_id, installation.enterprise_name, installation.enterprise_url,
            installation.team_id, installation.team_name, int(bool(installation.is_enterprise_install)),
            installation.app_id, installation.bot_id, installation.bot_user_id, installation.bot_token,
            json.dumps(list(installation.bot_scopes or [])), installation.bot_refresh_token,
            _epoch_text(installation.bot_token_expires_at), installation.user_id or None,
            _epoch_text(installation.installed_at),
        ]  # fmt: skip
        marks = ", ".join("?" * (len(values) + 1))
        with self.db.atomic():  # a reinstall (new scopes, a new token) replaces the row
            self.db.execute(f"insert or replace into slack_installations (installed_in, {_COLUMNS}) values ({marks})",
                            [key, *values])  # fmt: skip
            if installation.team_id and not installation.is_enterprise_install:
                self.db.execute(
                    "insert into workspaces (team_id, team_name, bot_user_id, seen_at) values (?, ?, ?, ?)"
                    " on conflict (team_id) do update set team_name = excluded.team_name,"
                    " bot_user_id = excluded.bot_user_id, seen_at = excluded.seen_at",
                    [installation.team_id, installation.team_name, installation.bot_user_id, utc_text()],
                )
        log.info("installed in %s (%s)", installation.team_name or installation.enterprise_name, key)

    async def async_save_bot(self, bot: Bot) -> None:
        raise NotImplementedError("installations are saved whole (async_save)")

    async def async_find_bot(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False
    ) -> Bot | None:
        found = await self.async_find_installation(
            enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=is_enterprise_install
        )
        return None if found is None else found.to_bot()

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        row = find_row(self.db, Workspace(team_id, enterprise_id, bool(is_enterprise_install)))
        return None if row is None else _installation(row)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        if user_id is None:  # the bot's own installation; there are no per-user ones
            await self.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        delete_installation(self.db, Workspace(team_id, enterprise_id))


def delete_installation(db: sqlite_utils.Database, workspace: Workspace) -> int:
    """Forget the installation serving `workspace` (its token with it); the number of rows deleted."""
    row = find_row(db, workspace)
    if row is None:
        return 0
    key = _installed_in(row["enterprise_id"], row["team_id"], bool(row["is_enterprise_install"]))
    return db.execute("delete from slack_installations where installed_in = ?", [key]).rowcount


class SQLiteOAuthStateStore(AsyncOAuthStateStore):
    """The OAuth `state`: a random value issued with each install link, good once and for ten minutes, so a
    callback is only accepted for an install this bot started (and the browser's cookie must match it too)."""

    def __init__(self, db: sqlite_utils.Database, expiration_seconds: int = STATE_SECONDS) -> None:
        ensure_current(db)
        self.db = db
        self.expiration_seconds = expiration_seconds

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        with self.db.atomic():
            self.db.execute("delete from slack_oauth_states where expires_at < ?", [utc_text(now)])
            self.db.execute(
                "insert into slack_oauth_states (state, expires_at) values (?, ?)",
                [state, utc_text(now + timedelta(seconds=self.expiration_seconds))],
            )
        return state

    async def async_consume(self, state: str) -> bool:
        cursor = self.db.execute(
            "delete from slack_oauth_states where state = ? and expires_at >= ?", [state or "", utc_text()]
        )
        return cursor.rowcount == 1
