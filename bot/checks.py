"""Every check the bot makes, stored in SQLite: what was checked, where, by whom, and the JSON result.

The Slack bot writes here; the digest, `/provenance history` and the App Home read from here.
"""

from __future__ import annotations

import json
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

from bot.model import Analysis

TABLE = "checks"
COLUMNS = (
    "created_at", "channel", "user", "message_ts", "reply_ts", "link", "source", "ok", "error", "outlet_name",
    "outlet_kind", "original_name", "reuse_category", "license_id", "result_json",
)  # fmt: skip
_INSERT = f"insert into {TABLE} ({', '.join(f'[{c}]' for c in COLUMNS)}) values ({', '.join('?' * len(COLUMNS))})"
# Connections whose table is known to exist: every check is written with one plain INSERT, not a table lookup
# and sqlite-utils' introspection each time (the bot writes one per link it answers).
_ready: weakref.WeakSet[sqlite_utils.Database] = weakref.WeakSet()


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
    if db in _ready:
        return
    if TABLE in db.table_names() and "thread_ts" not in db.table(TABLE).columns_dict:
        db.execute(f"alter table {TABLE} add column thread_ts text")  # databases from before replies had threads
    if TABLE not in db.table_names():
        db.table(TABLE).create(
            {
                "id": int,
                "created_at": str,  # ISO 8601, UTC
                "channel": str,
                "user": str,
                "message_ts": str,
                "reply_ts": str,
                "thread_ts": str,
                "link": str,  # the address checked, or null for pasted text
                "source": str,  # message | slash | cli
                "ok": int,
                "error": str,  # the one-line reason when the target could not be read
                "outlet_name": str,
                "outlet_kind": str,
                "original_name": str,
                "reuse_category": str,
                "license_id": str,
                "result_json": str,
            },
            pk="id",
        )
        db.table(TABLE).create_index(["channel", "created_at"])
        db.table(TABLE).create_index(["user", "created_at"])
    _ready.add(db)


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
        "created_at": (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds"),
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
        "result_json": json.dumps(result.to_dict(), ensure_ascii=False) if result else None,
    }
    cursor = db.execute(_INSERT, [row[c] for c in COLUMNS])
    return int(cursor.lastrowid or 0)


def set_reply_ts(db: sqlite_utils.Database, check_id: int, reply_ts: str, thread_ts: str | None = None) -> None:
    """Where the bot answered: its reply, and the thread it went to (so links can open that thread)."""
    db.execute(
        f"update {TABLE} set reply_ts = ?, thread_ts = coalesce(?, thread_ts) where id = ?",
        [reply_ts, thread_ts, check_id],
    )


def get_check(db: sqlite_utils.Database, check_id: int) -> CheckRecord | None:
    ensure_checks_table(db)
    rows = list(db.table(TABLE).rows_where("id = ?", [check_id]))
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
    rows = db[TABLE].rows_where(
        "channel = ? and created_at >= ? and created_at < ?",
        [
            channel,
            start.astimezone(UTC).isoformat(timespec="seconds"),
            end.astimezone(UTC).isoformat(timespec="seconds"),
        ],
        order_by="created_at, id",
    )
    return [_record(r) for r in rows]


def recent_checks(
    db: sqlite_utils.Database, *, channel: str | None = None, user: str | None = None, limit: int = 10
) -> list[CheckRecord]:
    """The newest checks in a channel or by a user, newest first."""
    ensure_checks_table(db)
    clauses, params = [], []
    if channel:
        clauses.append("channel = ?")
        params.append(channel)
    if user:
        clauses.append("user = ?")
        params.append(user)
    rows = db[TABLE].rows_where(" and ".join(clauses) or None, params, order_by="created_at desc, id desc", limit=limit)
    return [_record(r) for r in rows]


def channels_with_checks_since(db: sqlite_utils.Database, since: datetime) -> list[str]:
    ensure_checks_table(db)
    rows = db.query(
        f"select distinct channel from {TABLE} where channel is not null and created_at >= ?",
        [since.astimezone(UTC).isoformat(timespec="seconds")],
    )
    return [r["channel"] for r in rows]
