"""Which workspace a command-line read of one channel is about (`provbot export`, `provbot digest`).

Slack channel ids are unique within a workspace, not across them: with installs in several workspaces, two
workspaces' rows can share a channel id. Outside a request nothing is scoped (`bot.workspace`), so the command
line says which workspace with `--team`, and refuses to guess when the channel id is found in more than one.
"""

from __future__ import annotations

import re

import sqlite_utils

from bot.migrations import ensure_current

_TEAM = re.compile(r"^[TE][A-Z0-9]+$")
# the tables whose rows name a channel and the workspace it is in ('' and NULL: a row from before any workspace)
_CHANNEL_TABLES = ("checks", "slack_channels", "slack_replies", "digest_schedules", "digest_sent")


class TeamChoiceError(ValueError):
    """Bad usage, said in one line (exit 2)."""


def parse_team(raw: str) -> str:
    team = raw.strip()
    if not _TEAM.match(team):
        raise TeamChoiceError(f"--team: {raw!r} is not a Slack workspace ID (like T0123456789)")
    return team


def channel_teams(db: sqlite_utils.Database, channel: str) -> list[str]:
    """The workspaces that have rows for `channel`, sorted."""
    ensure_current(db)
    union = " UNION ".join(f"SELECT team_id FROM {table} WHERE channel = ?" for table in _CHANNEL_TABLES)
    rows = db.execute(
        f"SELECT DISTINCT team_id FROM ({union}) WHERE team_id IS NOT NULL AND team_id != '' ORDER BY team_id",
        [channel] * len(_CHANNEL_TABLES),
    ).fetchall()
    return [str(team) for (team,) in rows]


def choose_team(db: sqlite_utils.Database, channel: str, team: str | None) -> str | None:
    """The workspace to scope reads of `channel` to: `team` when given, else the only one that has the channel's
    rows, else none (no workspace recorded: one workspace's bot). Raises TeamChoiceError when it would be a guess."""
    if team is not None:
        return parse_team(team)
    teams = channel_teams(db, channel)
    if len(teams) > 1:
        raise TeamChoiceError(
            f"channel {channel} is in more than one workspace ({', '.join(teams)}); say which with --team"
        )
    return teams[0] if teams else None
