"""The SQLite database (`PROVBOT_DB`) shared by the fetch cache, the Slack bot and the digest.

`open_database` opens the file the same way for every command and brings its schema up to date
(`bot.migrations`); the tables are described in docs/database.md. Every timestamp the bot stores is one kind of
text, ISO 8601 in UTC with milliseconds (`2026-12-02T10:31:05.123Z`): it sorts as text, so range queries and
pruning compare strings, and people reading the database (Datasette, `sqlite3`) see a date, not a number.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from bot.migrations import TEAM_KEYED, TEAM_TABLES, migrate
from bot.workspace import current_team_id


def utc_text(moment: datetime | None = None) -> str:
    """The stored form of an instant (now when not given); a naive datetime is taken as UTC."""
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def epoch_text(seconds: float) -> str:
    """The stored form of a Unix time (the fetch cache and the seen-before index keep time as seconds in code)."""
    return utc_text(datetime.fromtimestamp(seconds, UTC))


def text_epoch(stored: str) -> float:
    return datetime.fromisoformat(stored).timestamp()


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the database with settings that suit several tasks in one process, upgraded to
    the current schema."""
    if str(path) != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(str(path))
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA busy_timeout=5000")
    # a deleted row is overwritten, not left in a free page: an uninstalled workspace's token, erased checks
    db.execute("PRAGMA secure_delete=ON")
    migrate(db)  # also turns foreign keys on for this connection
    return db


def adopt_workspace(
    db: sqlite_utils.Database, team_id: str, *, team_name: str | None = None, bot_user_id: str | None = None
) -> int:
    """Record the workspace the bot's token belongs to (from auth.test) and give it the rows stored without one;
    from then on the `*_team` triggers stamp new rows. The number of rows given a team."""
    filled = 0
    with db.atomic():
        db.execute(
            "INSERT INTO workspaces (team_id, team_name, bot_user_id, seen_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (team_id) DO UPDATE SET team_name = excluded.team_name,"
            " bot_user_id = excluded.bot_user_id, seen_at = excluded.seen_at",
            [team_id, team_name, bot_user_id, utc_text()],
        )
        for table in TEAM_TABLES:  # (a row whose key the team already has keeps its unknown team: OR IGNORE)
            unknown = "team_id = ''" if table in TEAM_KEYED else "team_id IS NULL"
            filled += db.execute(f"UPDATE OR IGNORE {table} SET team_id = ? WHERE {unknown}", [team_id]).rowcount
    return filled


# How often the long-running bot checkpoints its write-ahead log, on a thread of its own.
CHECKPOINT_EVERY = 1.0


def database_file(db: sqlite_utils.Database) -> str | None:
    """The file behind a connection; None for an in-memory database."""
    row = db.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row and row[2] else None


def _checkpoint(conn: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):  # busy or locked: the next round catches up
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


async def checkpoint_in_background(
    db: sqlite_utils.Database, stop: asyncio.Event, every: float = CHECKPOINT_EVERY
) -> None:
    """Checkpoint `db`'s write-ahead log from a thread, every `every` seconds, until `stop` is set.

    With synchronous=NORMAL a commit only appends to the log; the disk syncs come with checkpoints, which SQLite
    otherwise runs inside whichever commit takes the log past 1,000 pages. In the bot that commit is on the event
    loop: in a 500-message benchmark 35 commits each held the loop ~35 ms (every acknowledgement and reply behind
    them waited). Here `db` stops checkpointing itself and a second connection does it in a worker thread; a
    passive checkpoint never blocks the writer, and the log stays small. Closing the last connection still
    checkpoints what is left."""
    path = database_file(db)
    if path is None or str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        return
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA wal_autocheckpoint=0")
    running: asyncio.Future[None] | None = None
    try:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
            running = asyncio.ensure_future(asyncio.to_thread(_checkpoint, conn))
            await asyncio.shield(running)
    finally:
        with contextlib.suppress(sqlite3.Error):  # SQLite's default again, should the connection outlive the task
            db.execute("PRAGMA wal_autocheckpoint=1000")
        if running is not None and not running.done():  # cancelled mid-checkpoint: close once the thread is done
            running.add_done_callback(lambda _: conn.close())
        else:
            conn.close()


def row_team(db: sqlite_utils.Database) -> str | None:
    """The team a row written now belongs to: the current workspace's (`bot.workspace`), else the one workspace
    the bot serves, else none (the command line, or several workspaces and no request to tell which)."""
    team = current_team_id()
    if team:
        return team
    rows = db.execute("SELECT team_id FROM workspaces LIMIT 2").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def team_filter(column: str = "team_id") -> tuple[str, list[str]]:
    """` AND column = ?` and its value when working for a workspace, so a read sees that workspace's rows only;
    nothing outside one (the command line sees every row)."""
    team = current_team_id()
    return (f" AND {column} = ?", [team]) if team else ("", [])
