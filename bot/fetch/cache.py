"""The fetch cache: one row per cleaned address in the shared database (`PROVBOT_DB`).

We keep the decoded text rather than the raw bytes so a cache hit is a primary-key lookup and nothing else (the
issue asks for under 5 ms); the validators (ETag, Last-Modified) let a stale row be revalidated with a conditional
request instead of downloaded again. A site's own `Cache-Control: max-age` shortens how long a row stays fresh
(never lengthens it past the fetcher's TTL); `no-store` pages are never written here (see `freshness_of`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import sqlite_utils

from bot.migrations import ensure_current
from bot.storage import epoch_text, text_epoch

TABLE = "fetch_cache"


@dataclass
class CacheEntry:
    url: str
    final_url: str
    status: int
    content_type: str
    text: str
    is_html: bool
    warnings: list[str] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: float = 0.0  # Unix time in code; stored as ISO 8601 UTC text
    max_age: float | None = None  # seconds the site says the page stays fresh, when it says so

    def is_fresh(self, now: float, ttl: float) -> bool:
        lifetime = ttl if self.max_age is None else min(ttl, self.max_age)
        return now - self.fetched_at < lifetime


_DIRECTIVE = re.compile(r"\s*([!#$%&'*+.^_`|~\w-]+)\s*(?:=\s*(\"[^\"]*\"|[^,\s]*))?\s*(?:,|$)")
NO_STORE = -1.0


def freshness_of(cache_control: str | None) -> float | None:
    """What a response's Cache-Control header allows: NO_STORE, a lifetime in seconds, or None (it says nothing
    about freshness). As a cache shared by a workspace, s-maxage wins over max-age; no-cache means revalidate."""
    if not cache_control:
        return None
    directives: dict[str, str] = {}
    for match in _DIRECTIVE.finditer(cache_control):
        if match.group(1):
            directives.setdefault(match.group(1).lower(), (match.group(2) or "").strip('"'))
    if "no-store" in directives:
        return NO_STORE
    if "no-cache" in directives:
        return 0.0
    for name in ("s-maxage", "max-age"):
        value = directives.get(name, "")
        if value.isdigit():
            return float(value)
    return None


class FetchCache:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self._ensure()

    def _ensure(self) -> None:
        ensure_current(self._db)  # the table's shape: bot/migrations.py

    def get(self, url: str) -> CacheEntry | None:
        # A plain SELECT on the primary key: sqlite-utils' table helpers introspect the schema on each call,
        # which would cost more than the lookup itself.
        row = self._db.execute(
            f"SELECT url, final_url, status, content_type, text, is_html, warnings, etag, last_modified, fetched_at, "
            f"max_age "
            f"FROM {TABLE} WHERE url = ?",
            [url],
        ).fetchone()
        if row is None:
            return None
        return CacheEntry(
            url=row[0],
            final_url=row[1],
            status=row[2],
            content_type=row[3],
            text=row[4],
            is_html=bool(row[5]),
            warnings=json.loads(row[6] or "[]"),
            etag=row[7],
            last_modified=row[8],
            fetched_at=text_epoch(row[9]),
            max_age=row[10],
        )

    def put(self, entry: CacheEntry) -> None:
        with self._db.conn:
            self._db.execute(
                f"INSERT OR REPLACE INTO {TABLE} (url, final_url, status, content_type, text, is_html, warnings, "
                f"etag, last_modified, fetched_at, max_age) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    entry.url,
                    entry.final_url,
                    entry.status,
                    entry.content_type,
                    entry.text,
                    int(entry.is_html),
                    json.dumps(entry.warnings),
                    entry.etag,
                    entry.last_modified,
                    epoch_text(entry.fetched_at),
                    entry.max_age,
                ],
            )

    def touch(self, url: str, fetched_at: float, max_age: float | None) -> None:
        """A 304 answer: the stored copy is current again, for as long as the answer says."""
        with self._db.conn:
            self._db.execute(
                f"UPDATE {TABLE} SET fetched_at = ?, max_age = ? WHERE url = ?", [epoch_text(fetched_at), max_age, url]
            )

    def delete(self, url: str) -> None:
        with self._db.conn:
            self._db.execute(f"DELETE FROM {TABLE} WHERE url = ?", [url])
