"""Which Slack events were already taken in, so a re-delivery (`X-Slack-Retry-Num`) never causes a second reply.

An event is marked seen in the same transaction that stores its job (see `bot.slack.jobs.enqueue`), so a crash
between the two can neither lose the event nor let a retry run it twice.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlite_utils

from bot.migrations import ensure_current
from bot.storage import utc_text

TABLE = "slack_events"
KEEP = timedelta(days=2)  # Slack stops retrying after about an hour; two days is ample


def ensure_events_table(db: sqlite_utils.Database) -> None:
    ensure_current(db)  # the table's shape: bot/migrations.py


def _now() -> str:
    return utc_text()


def is_seen(db: sqlite_utils.Database, event_id: str | None) -> bool:
    if not event_id:
        return False
    return db.execute(f"select 1 from {TABLE} where event_id = ?", [event_id]).fetchone() is not None


def mark_seen(db: sqlite_utils.Database, event_id: str | None) -> bool:
    """Record the event; False when it was already recorded. Joins the caller's transaction if one is open."""
    if not event_id:
        return True
    cursor = db.execute(f"insert or ignore into {TABLE} (event_id, received_at) values (?, ?)", [event_id, _now()])
    return cursor.rowcount == 1


def prune_events(db: sqlite_utils.Database, *, now: datetime | None = None) -> int:
    cutoff = utc_text((now or datetime.now(UTC)) - KEEP)
    return db.execute(f"delete from {TABLE} where received_at < ?", [cutoff]).rowcount
