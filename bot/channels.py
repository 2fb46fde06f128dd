"""Where the bot is active: channels it has joined or seen messages in, and whether automatic replies are muted.

`/provenance mute` / `unmute` flip the flag; the App Home lists the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

TABLE = "slack_channels"


@dataclass
class ChannelState:
    channel: str
    muted: bool
    introduced: bool
    updated_at: str
    changed_by: str | None


def ensure_channels_table(db: sqlite_utils.Database) -> None:
    db.execute(
        f"create table if not exists {TABLE} (channel text primary key, muted integer not null default 0,"
        " introduced integer not null default 0, updated_at text not null, changed_by text)"
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def mark_active(db: sqlite_utils.Database, channel: str) -> None:
    """Remember the channel (first message seen or bot joined) without touching its mute flag."""
    db.execute(f"insert or ignore into {TABLE} (channel, updated_at) values (?, ?)", [channel, _now()])


def mark_introduced(db: sqlite_utils.Database, channel: str) -> bool:
    """True the first time only, so a re-join or a retried join event does not repeat the introduction."""
    mark_active(db, channel)
    cursor = db.execute(
        f"update {TABLE} set introduced = 1, updated_at = ? where channel = ? and introduced = 0", [_now(), channel]
    )
    return cursor.rowcount == 1


def set_muted(db: sqlite_utils.Database, channel: str, muted: bool, *, user: str | None = None) -> None:
    mark_active(db, channel)
    db.execute(
        f"update {TABLE} set muted = ?, updated_at = ?, changed_by = ? where channel = ?",
        [int(muted), _now(), user, channel],
    )


def is_muted(db: sqlite_utils.Database, channel: str) -> bool:
    row = db.execute(f"select muted from {TABLE} where channel = ?", [channel]).fetchone()
    return bool(row and row[0])


def list_channels(db: sqlite_utils.Database) -> list[ChannelState]:
    rows = db.execute(
        f"select channel, muted, introduced, updated_at, changed_by from {TABLE} order by muted, updated_at desc"
    ).fetchall()
    return [ChannelState(r[0], bool(r[1]), bool(r[2]), r[3], r[4]) for r in rows]
