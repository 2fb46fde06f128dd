"""The bot's replies: which message each one answers (for edits and restarts) and which links were checked where.

`slack_replies` has one row per message the bot answered: the links it covered and the reply's ts, so an edit
can update that reply and a resumed job never posts a second one. `slack_recent_links` lets a link posted again
in the same channel within the hour get a pointer to the earlier reply instead of a repeat.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlite_utils

from bot.migrations import ensure_current
from bot.storage import row_team, team_filter, utc_text

REPLIES = "slack_replies"
RECENT = "slack_recent_links"
REPEAT_WINDOW = timedelta(hours=1)


@dataclass
class ReplyRecord:
    channel: str
    message_ts: str
    thread_ts: str
    links: list[str]
    reply_ts: str | None
    check_ids: list[int]


@dataclass
class EarlierCheck:
    check_id: int | None
    message_ts: str
    thread_ts: str
    reply_ts: str | None
    created_at: datetime


def ensure_reply_tables(db: sqlite_utils.Database) -> None:
    ensure_current(db)  # the tables' shape: bot/migrations.py


def _now() -> datetime:
    return datetime.now(UTC)


def get_reply(db: sqlite_utils.Database, channel: str, message_ts: str) -> ReplyRecord | None:
    row = db.execute(
        f"select channel, message_ts, thread_ts, links, reply_ts, check_ids from {REPLIES}"
        " where team_id = ? and channel = ? and message_ts = ?",
        [row_team(db) or "", channel, message_ts],
    ).fetchone()
    if row is None:
        return None
    return ReplyRecord(row[0], row[1], row[2], json.loads(row[3]), row[4], json.loads(row[5]))


def save_reply(
    db: sqlite_utils.Database,
    *,
    channel: str,
    message_ts: str,
    thread_ts: str,
    links: list[str],
    reply_ts: str | None,
    check_ids: list[int],
) -> None:
    db.execute(
        f"insert into {REPLIES} (team_id, channel, message_ts, thread_ts, links, reply_ts, check_ids, updated_at)"
        " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (team_id, channel, message_ts) do update set"
        " thread_ts = excluded.thread_ts, links = excluded.links, reply_ts = coalesce(excluded.reply_ts, reply_ts),"
        " check_ids = excluded.check_ids, updated_at = excluded.updated_at",
        [
            row_team(db) or "",
            channel,
            message_ts,
            thread_ts,
            json.dumps(links),
            reply_ts,
            json.dumps(check_ids),
            utc_text(),
        ],
    )


def remember_link(
    db: sqlite_utils.Database,
    *,
    channel: str,
    link_key: str,
    check_id: int | None,
    message_ts: str,
    thread_ts: str,
    reply_ts: str | None,
    now: datetime | None = None,
) -> None:
    db.execute(
        f"insert into {RECENT} (team_id, channel, link_key, check_id, message_ts, thread_ts, reply_ts, created_at)"
        " values (?, ?, ?, ?, ?, ?, ?, ?)",
        [row_team(db), channel, link_key, check_id, message_ts, thread_ts, reply_ts, utc_text(now)],
    )


def earlier_check(
    db: sqlite_utils.Database, channel: str, link_key: str, *, now: datetime | None = None
) -> EarlierCheck | None:
    """The newest reply about this link in this channel within the repeat window, if any."""
    now = now or _now()
    scope, team = team_filter()
    row = db.execute(
        f"select check_id, message_ts, thread_ts, reply_ts, created_at from {RECENT}"
        f" where channel = ? and link_key = ? and created_at >= ? and reply_ts is not null{scope}"
        " order by created_at desc limit 1",
        [channel, link_key, utc_text(now - REPEAT_WINDOW), *team],
    ).fetchone()
    if row is None:
        return None
    return EarlierCheck(row[0], row[1], row[2], row[3], datetime.fromisoformat(row[4]))


def prune_links(db: sqlite_utils.Database, *, now: datetime | None = None) -> int:
    cutoff = utc_text((now or _now()) - REPEAT_WINDOW * 2)
    return db.execute(f"delete from {RECENT} where created_at < ?", [cutoff]).rowcount
