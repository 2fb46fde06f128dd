"""Where the bot is active: channels it has joined or seen messages in, and whether automatic replies are muted.

`/provenance mute` / `unmute` flip the flag; the App Home lists the rows.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

TABLE = "slack_channels"
# channel -> muted, per open database: every message asks "is this channel muted?", and the answer only changes
# through set_muted() in this same process, so it is remembered instead of read again each time.
_muted: weakref.WeakKeyDictionary[sqlite_utils.Database, dict[str, bool]] = weakref.WeakKeyDictionary()


def _cache(db: sqlite_utils.Database) -> dict[str, bool]:
    return _muted.setdefault(db, {})


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
    if channel in _cache(db):
        return
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
    _cache(db)[channel] = muted


def is_muted(db: sqlite_utils.Database, channel: str) -> bool:
    cache = _cache(db)
    if channel not in cache:
        row = db.execute(f"select muted from {TABLE} where channel = ?", [channel]).fetchone()
        if row is None:
            return False  # not known yet: not muted, and not cached, so mark_active still records it
        cache[channel] = bool(row[0])
    return cache[channel]


def list_channels(db: sqlite_utils.Database) -> list[ChannelState]:
    rows = db.execute(
        f"select channel, muted, introduced, updated_at, changed_by from {TABLE} order by muted, updated_at desc"
    ).fetchall()
    return [ChannelState(r[0], bool(r[1]), bool(r[2]), r[3], r[4]) for r in rows]


def forget_introduction(db: sqlite_utils.Database, channel: str) -> None:
    """The bot left the channel: being invited back gets the introduction again."""
    db.execute(f"update {TABLE} set introduced = 0 where channel = ?", [channel])
