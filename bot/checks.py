"""Every check the bot makes, stored in SQLite: what was checked, where, by whom, and the JSON result.

The Slack bot writes here; the digest, `/provenance history` and the App Home read from here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from bot.migrations import ensure_current
from bot.model import Analysis
from bot.storage import row_team, team_filter, utc_text

TABLE = "checks"
COLUMNS = (
    "team_id", "created_at", "channel", "user", "message_ts", "reply_ts", "link", "source", "ok", "error",
    "outlet_name", "outlet_kind", "original_name", "reuse_category", "license_id", "result_json",
)  # fmt: skip
_INSERT = f"insert into {TABLE} ({', '.join(f'[{c}]' for c in COLUMNS)}) values ({', '.join('?' * len(COLUMNS))})"


@dataclass
class CheckRecord:
    id: int
    created_at: str
    channel: str | None
    user: str | None
    message_ts: str | None
    reply_ts: str | None
    link: str | None
    source: str
    ok: bool
    error: str | None
    result: Analysis | None
    thread_ts: str | None = None  # the thread the reply went to (the message's own ts for a top-level message)


def ensure_checks_table(db: sqlite_utils.Database) -> None:
    ensure_current(db)  # the table's shape: bot/migrations.py


def record_check(
    db: sqlite_utils.Database,
    *,
    channel: str | None,
    user: str | None,
    message_ts: str | None,
    link: str | None,
    source: str,
    result: Analysis | None = None,
    error: str | None = None,
    reply_ts: str | None = None,
    now: datetime | None = None,
) -> int:
    ensure_checks_table(db)
    original = result.republication.original if result else None
    row = {
        "team_id": row_team(db),  # the workspace it was asked in (none from the command line, unless only one)
        "created_at": utc_text(now),
        "channel": channel,
        "user": user,
        "message_ts": message_ts,
        "reply_ts": reply_ts,
        "link": link,
        "source": source,
        "ok": int(result is not None and error is None),
        "error": error,
        "outlet_name": result.outlet.name if result and result.outlet else None,
        "outlet_kind": result.outlet.kind if result and result.outlet else None,
        "original_name": original.name if original else None,
        "reuse_category": result.reuse.category if result else None,
        "license_id": result.reuse.license.id if result and result.reuse.license else None,
        "result_json": result.to_json(ensure_ascii=False) if result else None,
    }
    cursor = db.execute(_INSERT, [row[c] for c in COLUMNS])
    check_id = cursor.lastrowid
    assert isinstance(check_id, int)  # an INTEGER PRIMARY KEY rowid
    return check_id


def set_reply_ts(db: sqlite_utils.Database, check_id: int, reply_ts: str, thread_ts: str | None = None) -> None:
    """Where the bot answered: its reply, and the thread it went to (so links can open that thread)."""
    db.execute(
        f"update {TABLE} set reply_ts = ?, thread_ts = coalesce(?, thread_ts) where id = ?",
        [reply_ts, thread_ts, check_id],
    )


def set_result(db: sqlite_utils.Database, check_id: int, result: Analysis) -> None:
    """A check's result after a later step added to it (the chain, once the original has been compared)."""
    db.execute(
        f"update {TABLE} set result_json = ? where id = ?",
        [result.to_json(ensure_ascii=False), check_id],
    )


def get_check(db: sqlite_utils.Database, check_id: int) -> CheckRecord | None:
    ensure_checks_table(db)
    scope, team = team_filter()  # a check of another workspace is not this one's to see
    rows = list(db.table(TABLE).rows_where(f"id = ?{scope}", [check_id, *team]))
    return _record(rows[0]) if rows else None


def _record(row: dict) -> CheckRecord:
    result = Analysis.from_dict(json.loads(row["result_json"])) if row.get("result_json") else None
    return CheckRecord(
        id=row["id"],
        created_at=row["created_at"],
        channel=row["channel"],
        user=row["user"],
        message_ts=row["message_ts"],
        reply_ts=row["reply_ts"],
        thread_ts=row.get("thread_ts"),
        link=row["link"],
        source=row["source"],
        ok=bool(row["ok"]),
        error=row["error"],
        result=result,
    )


def checks_between(db: sqlite_utils.Database, channel: str, start: datetime, end: datetime) -> list[CheckRecord]:
    """The channel's checks made in [start, end), oldest first."""
    ensure_checks_table(db)
    scope, team = team_filter()
    rows = db.table(TABLE).rows_where(
        f"channel = ? and created_at >= ? and created_at < ?{scope}",
        [channel, utc_text(start), utc_text(end), *team],
        order_by="created_at, id",
    )
    return [_record(r) for r in rows]


def channel_checks(db: sqlite_utils.Database, channel: str, since: datetime | None = None) -> list[CheckRecord]:
    """All the channel's checks (made at or after `since`), oldest first: `provbot export`."""
    ensure_checks_table(db)
    scope, team = team_filter()
    where, params = f"channel = ?{scope}", [channel, *team]
    if since is not None:
        where += " and created_at >= ?"
        params.append(utc_text(since))
    return [_record(r) for r in db[TABLE].rows_where(where, params, order_by="created_at, id")]


def has_checks_between(db: sqlite_utils.Database, channel: str, start: datetime, end: datetime) -> bool:
    """Whether the channel has any check made in [start, end): the digest scheduler's cheap look before a run."""
    ensure_checks_table(db)
    scope, team = team_filter()
    rows = db.execute(
        f"select 1 from {TABLE} where channel = ? and created_at >= ? and created_at < ?{scope} limit 1",
        [channel, utc_text(start), utc_text(end), *team],
    ).fetchall()
    return bool(rows)


def recent_checks(
    db: sqlite_utils.Database, *, channel: str | None = None, user: str | None = None, limit: int = 10
) -> list[CheckRecord]:
    """The newest checks in a channel or by a user, newest first."""
    ensure_checks_table(db)
    _, team = team_filter()
    clauses, params = (["team_id = ?"], team) if team else ([], [])
    if channel:
        clauses.append("channel = ?")
        params.append(channel)
    if user:
        clauses.append("user = ?")
        params.append(user)
    rows = db.table(TABLE).rows_where(
        " and ".join(clauses) or None, params, order_by="created_at desc, id desc", limit=limit
    )
    return [_record(r) for r in rows]


def channels_with_checks_since(db: sqlite_utils.Database, since: datetime) -> list[str]:
    ensure_checks_table(db)
    scope, team = team_filter()
    rows = db.query(
        f"select distinct channel from {TABLE} where channel is not null and created_at >= ?{scope}",
        [utc_text(since), *team],
    )
    return [r["channel"] for r in rows]
