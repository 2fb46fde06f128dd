"""When each channel's digest is due, and the record that makes it go out at most once per local day.

Two tables of their own in the shared database:

- `digest_schedules`: a channel's own time and zone (from `/provenance digest HH:MM [Area/City]`) or its `off` switch;
  channels without a row use `PROVBOT_DIGEST_TIME` / `PROVBOT_TZ`.
- `digest_sent`: one row per (team, channel, local date), primary key on the three. A run claims the row with an atomic
  INSERT *before* posting, so a second process, a second task or a restart finds it taken and never posts the
  same day twice. A crash between claim and post loses that day's digest rather than risk a double post.

Everything takes `now` (an aware datetime) from the caller, so tests drive it with an injected clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlite_utils

from bot.checks import channels_with_checks_since, has_checks_between
from bot.migrations import ensure_current
from bot.slack import workspace_settings
from bot.storage import row_team, utc_text

SCHEDULES = "digest_schedules"
SENT = "digest_sent"
# A failed post (Slack error, network) is retried on later ticks, but not forever: a channel the bot was removed
# from would otherwise be retried every minute all day.
MAX_ATTEMPTS = 3
# The longest a due digest's window can reach back: a 25-hour window (autumn DST) ending up to 24 hours ago.
LOOKBACK = timedelta(hours=50)


@dataclass(frozen=True)
class ChannelSchedule:
    channel: str
    clock: str  # HH:MM, local
    zone: str  # IANA name
    off: bool = False
    custom: bool = False  # False when the channel uses the defaults


@dataclass(frozen=True)
class DueDigest:
    channel: str
    local_date: date
    scheduled_at: datetime  # UTC
    start: datetime  # UTC, window [start, end)
    end: datetime
    zone: str


def ensure_tables(db: sqlite_utils.Database) -> None:
    ensure_current(db)  # the tables' shape: bot/migrations.py


def _team(db: sqlite_utils.Database) -> str:
    """The workspace whose channel it is ('' when none is known): channel ids are unique within a workspace only."""
    return row_team(db) or ""


def get_schedule(db: sqlite_utils.Database, channel: str, default_clock: str, default_zone: str) -> ChannelSchedule:
    """The channel's own time and zone, else its workspace's defaults (App Home), else the ones given (settings)."""
    ensure_tables(db)
    workspace = workspace_settings.load(db)
    default_clock, default_zone = workspace.digest_clock or default_clock, workspace.digest_zone or default_zone
    rows = list(db.table(SCHEDULES).rows_where("team_id = ? and channel = ?", [_team(db), channel]))
    if not rows:
        return ChannelSchedule(channel, default_clock, default_zone)
    row = rows[0]
    return ChannelSchedule(
        channel,
        row["clock"] or default_clock,
        row["zone"] or default_zone,
        off=bool(row["off"]),
        custom=True,
    )


def set_schedule(
    db: sqlite_utils.Database, channel: str, clock: str, zone: str | None, *, user: str | None = None, now: datetime
) -> None:
    """Set a channel's time (and zone when given; otherwise keep the one it had); switches the digest back on."""
    ensure_tables(db)
    current = list(db.table(SCHEDULES).rows_where("team_id = ? and channel = ?", [_team(db), channel]))
    kept_zone = zone or (current[0]["zone"] if current else None)
    db.table(SCHEDULES).upsert(
        {
            "team_id": _team(db),
            "channel": channel,
            "clock": clock,
            "zone": kept_zone,
            "off": 0,
            "updated_at": utc_text(now),
            "updated_by": user,
        },
        pk=("team_id", "channel"),
    )


def switch_off(db: sqlite_utils.Database, channel: str, *, user: str | None = None, now: datetime) -> None:
    ensure_tables(db)
    db.table(SCHEDULES).upsert(
        {
            "team_id": _team(db),
            "channel": channel,
            "off": 1,
            "updated_at": utc_text(now),
            "updated_by": user,
        },
        pk=("team_id", "channel"),
    )


def scheduled_instant(local_date: date, clock: str, zone: ZoneInfo) -> datetime:
    """The UTC instant the digest for `local_date` is due.

    An ambiguous wall time (autumn fall-back) is its first occurrence. A wall time that does not exist (spring
    gap) is the first instant after it, i.e. the transition itself: 02:30 on a 02:00→03:00 night is 03:00.
    """
    hour, minute = (int(part) for part in clock.split(":"))
    wall = datetime.combine(local_date, time(hour, minute))
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # In a gap the two folds read the wall time with the offsets either side of the transition; the transition
    # lies between them. Search it to the second: the smallest instant whose wall time is at or past `wall`.
    other = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    lo, hi = int(min(first, other).timestamp()), int(max(first, other).timestamp())
    while lo < hi:
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, zone).replace(tzinfo=None) >= wall:
            hi = mid
        else:
            lo = mid + 1
    return datetime.fromtimestamp(lo, UTC)


def window(local_date: date, clock: str, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """From the previous day's digest instant to this one's.

    That is 24 hours except on the two DST days (23 or 25), so no check is counted twice or left out.
    """
    return (
        scheduled_instant(local_date - timedelta(days=1), clock, zone),
        scheduled_instant(local_date, clock, zone),
    )


def next_run(schedule: ChannelSchedule, now: datetime) -> datetime:
    """The next instant this channel's digest is due (today's if still ahead, else tomorrow's)."""
    zone = ZoneInfo(schedule.zone)
    today = now.astimezone(zone).date()
    at = scheduled_instant(today, schedule.clock, zone)
    return at if at > now else scheduled_instant(today + timedelta(days=1), schedule.clock, zone)


def _sent_row(db: sqlite_utils.Database, channel: str, local_date: date) -> dict | None:
    key = [_team(db), channel, local_date.isoformat()]
    rows = list(db.table(SENT).rows_where("team_id = ? and channel = ? and local_date = ?", key))
    return rows[0] if rows else None


def _open(row: dict | None) -> bool:
    """Whether the day is still to be done: never claimed, failed with tries left, or found empty (nothing was
    posted, so a later time set the same day may still send it)."""
    if row is None or row["status"] == "empty":
        return True
    return row["status"] == "failed" and (row["attempts"] or 0) < MAX_ATTEMPTS


def done_today(db: sqlite_utils.Database, schedule: ChannelSchedule, now: datetime) -> bool:
    """Whether the channel's digest for its local today has gone out (or is going out) already."""
    ensure_tables(db)
    today = now.astimezone(ZoneInfo(schedule.zone)).date()
    return not _open(_sent_row(db, schedule.channel, today))


def next_digest(db: sqlite_utils.Database, schedule: ChannelSchedule, now: datetime) -> datetime:
    """The next instant a digest can actually go out: today's time is skipped once today's digest was posted
    (at an earlier time), since a channel gets at most one a day."""
    at = next_run(schedule, now)
    zone = ZoneInfo(schedule.zone)
    if at.astimezone(zone).date() == now.astimezone(zone).date() and done_today(db, schedule, now):
        return scheduled_instant(at.astimezone(zone).date() + timedelta(days=1), schedule.clock, zone)
    return at


def due(db: sqlite_utils.Database, now: datetime, default_clock: str, default_zone: str) -> list[DueDigest]:
    """Channels whose digest time has come today (their local today), whose digest for today is not done, and
    that have checks in today's window.

    Only channels with checks in the last LOOKBACK are candidates: a channel where nothing was checked gets no
    digest, so it needs no look. A channel whose window is empty is left unclaimed rather than marked done: its
    first check may come after the default time, and a time set later the same day must still send it.
    A run missed while the bot was down is due as soon as it is back, as long as the channel's local date has
    not moved on: tomorrow it is simply tomorrow's digest.
    """
    ensure_tables(db)
    result = []
    for channel in sorted(channels_with_checks_since(db, now - LOOKBACK)):
        schedule = get_schedule(db, channel, default_clock, default_zone)
        if schedule.off:
            continue
        zone = ZoneInfo(schedule.zone)
        today = now.astimezone(zone).date()
        start, end = window(today, schedule.clock, zone)
        if now < end or not _open(_sent_row(db, channel, today)) or not has_checks_between(db, channel, start, end):
            continue
        result.append(DueDigest(channel, today, end, start, end, schedule.zone))
    return result


def claim(db: sqlite_utils.Database, channel: str, local_date: date, now: datetime) -> bool:
    """Take the (channel, day) slot; True only for the one caller that got it.

    Atomic in SQLite itself (INSERT OR IGNORE on the primary key, or a conditional UPDATE for a retry), so it
    holds across tasks, processes and restarts sharing the database file.
    """
    ensure_tables(db)
    stamp = utc_text(now)
    key = [_team(db), channel, local_date.isoformat()]
    with db.conn:
        cursor = db.conn.execute(
            f"insert or ignore into {SENT} (team_id, channel, local_date, status, attempts, claimed_at)"
            " values (?, ?, ?, 'claimed', 1, ?)",
            [*key, stamp],
        )
        if cursor.rowcount == 1:
            return True
        cursor = db.conn.execute(
            f"update {SENT} set status = 'claimed', attempts = attempts + 1, claimed_at = ?"
            " where team_id = ? and channel = ? and local_date = ?"
            " and (status = 'empty' or (status = 'failed' and attempts < ?))",
            [stamp, *key, MAX_ATTEMPTS],
        )
        return cursor.rowcount == 1


def finish(
    db: sqlite_utils.Database,
    channel: str,
    local_date: date,
    status: str,
    now: datetime,
    *,
    message_ts: str | None = None,
    detail: str | None = None,
) -> None:
    """Record how a claimed run ended: sent, empty (nothing in the window) or failed (nothing was posted)."""
    with db.conn:
        db.conn.execute(
            f"update {SENT} set status = ?, finished_at = ?, message_ts = ?, detail = ?"
            " where team_id = ? and channel = ? and local_date = ?",
            [status, utc_text(now), message_ts, detail, _team(db), channel, local_date.isoformat()],
        )


def sent_log(db: sqlite_utils.Database, channel: str) -> list[dict]:
    """The channel's run records, oldest first (tests and diagnostics)."""
    ensure_tables(db)
    return list(db.table(SENT).rows_where("team_id = ? and channel = ?", [_team(db), channel], order_by="local_date"))
