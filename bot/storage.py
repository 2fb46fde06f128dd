"""The SQLite database (`PROVBOT_DB`) shared by the fetch cache, the Slack bot and the digest.

Each concern owns its tables and creates them on first use; this module only opens the file the same way for all.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the database with settings that suit several tasks in one process."""
    if str(path) != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(str(path))
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA busy_timeout=5000")
    return db
