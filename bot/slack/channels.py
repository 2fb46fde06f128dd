"""Where the bot is active: channels it has joined or seen messages in, and whether automatic replies are muted.

`/provenance mute` / `unmute` flip the flag; the App Home lists the rows.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import sqlite_utils

from bot.migrations import ensure_current
from bot.slack import workspace_settings
from bot.storage import row_team, team_filter, utc_text

TABLE = "slack_channels"
# (team, channel) -> muted, per open database: every message asks "is this channel muted?", and the answer only
# changes through set_muted() in this same process, so it is remembered instead of read again each time.
_muted: weakref.WeakKeyDictionary[sqlite_utils.Database, dict[tuple[str, str], bool]] = weakref.WeakKeyDictionary()


def _cache(db: sqlite_utils.Database) -> dict[tuple[str, str], bool]:
    return _muted.setdefault(db, {})


def _team(db: sqlite_utils.Database) -> str:
    """The workspace whose channel it is ('' when none is known): channel ids are unique within a workspace only."""
    return row_team(db) or ""


@dataclass
class ChannelState:
    channel: str
    muted: bool
    introduced: bool
    updated_at: str
    changed_by: str | None


def ensure_channels_table(db: sqlite_utils.Database) -> None:
    ensure_current(db)  # the table's shape: bot/migrations.py


def _now() -> str:
    return utc_text()


def mark_active(db: sqlite_utils.Database, channel: str) -> None:
    """Remember the channel (first message seen or bot joined) without touching its mute flag."""
    team = _team(db)
    if (team, channel) in _cache(db):
        return
    db.execute(
        f"insert or ignore into {TABLE} (team_id, channel, updated_at) values (?, ?, ?)", [team, channel, _now()]
    )


def mark_introduced(db: sqlite_utils.Database, channel: str) -> bool:
    """True the first time only, so a re-join or a retried join event does not repeat the introduction."""
    mark_active(db, channel)
    cursor = db.execute(
        f"update {TABLE} set introduced = 1, updated_at = ? where team_id = ? and channel = ? and introduced = 0",
        [_now(), _team(db), channel],
    )
    return cursor.rowcount == 1


def set_muted(db: sqlite_utils.Database, channel: str, muted: bool, *, user: str | None = None) -> None:
    mark_active(db, channel)
    db.execute(
        f"update {TABLE} set muted = ?, updated_at = ?, changed_by = ? where team_id = ? and channel = ?",
        [int(muted), _now(), user, _team(db), channel],
    )
    _cache(db)[(_team(db), channel)] = muted


def is_muted(db: sqlite_utils.Database, channel: str) -> bool:
    cache, key = _cache(db), (_team(db), channel)
    if key not in cache:
        row = db.execute(
            f"select muted, changed_by from {TABLE} where team_id = ? and channel = ?", list(key)
        ).fetchone()
        if row is None:
            return _workspace_muted(db)  # not known yet, and not cached, so mark_active still records it
        cache[key] = _muted_of(db, bool(row[0]), row[1])
    return cache[key]


def _workspace_muted(db: sqlite_utils.Database) -> bool:
    """The workspace's default reply mode (App Home) for channels that never chose their own."""
    return workspace_settings.load(db).reply_mode == "on-request"


def _muted_of(db: sqlite_utils.Database, muted: bool, changed_by: str | None) -> bool:
    return muted if muted or changed_by else _workspace_muted(db)


def list_channels(db: sqlite_utils.Database) -> list[ChannelState]:
    scope, values = team_filter()
    rows = db.execute(
        f"select channel, muted, introduced, updated_at, changed_by from {TABLE} where 1{scope}"
        " order by muted, updated_at desc",
        values,
    ).fetchall()
    return [ChannelState(r[0], _muted_of(db, bool(r[1]), r[4]), bool(r[2]), r[3], r[4]) for r in rows]


def forget_introduction(db: sqlite_utils.Database, channel: str) -> None:
    """The bot left the channel: being invited back gets the introduction again."""
    db.execute(f"update {TABLE} set introduced = 0 where team_id = ? and channel = ?", [_team(db), channel])


def forget_team(db: sqlite_utils.Database, team_id: str) -> None:
    """The workspace's rows were erased: what this process remembered of its channels goes too."""
    cache = _cache(db)
    for key in [k for k in cache if k[0] == team_id]:
        del cache[key]
