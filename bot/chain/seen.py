"""Seen before: the main text of every page the bot has checked or fetched, in an SQLite FTS5 index in the shared
database (`PROVBOT_DB`), so a pasted text that matches one of them names it as the likely source ("matches Reuters,
'Headline', checked 12 Nov in #desk"), with the match strength. Rows carry the workspace (`team_id`, empty for the
command line) and are pruned by age.

Full-text search finds the few candidate pages that share the paste's rarer words; the comparison
(`compare.compare`) then measures how much of the paste each holds, and the strongest above `MATCH_FROM` wins.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime

import sqlite_utils

from bot.chain.compare import compare
from bot.chain.text import Body
from bot.migrations import ensure_current
from bot.model import Analysis, ChainLink, Finding, Outlet
from bot.storage import epoch_text, text_epoch

TABLE = "chain_seen"
# The share of a paste's text a page must hold to be named as its likely source.
MATCH_FROM = 0.5
# Pages with less main text than this are not worth remembering (a paywall teaser, a page built by script).
MIN_WORDS = 40
# How many full-text candidates are compared with the paste.
CANDIDATES = 5
# Words of the paste the full-text query is made of: its longest distinct words, which are the rarest.
QUERY_WORDS = 12
_WORD = re.compile(r"[^\W\d_]{6,}")


@dataclass(frozen=True)
class SeenMatch:
    url: str
    title: str | None
    outlet: Outlet | None
    checked_at: float
    place: str | None  # where it was checked ("#desk"), when the Slack bot said
    body: Body
    strength: float  # the share of the paste's text found in this page

    def label(self, now: float | None = None) -> str:
        when = datetime.fromtimestamp(self.checked_at, UTC)
        this_year = datetime.fromtimestamp(now if now is not None else time.time(), UTC).year
        day = f"{when.day} {when:%b}" + ("" if when.year == this_year else f" {when.year}")
        parts = [self.outlet.name if self.outlet else (self.url or "a page")]
        if self.title:
            parts.append(f"'{self.title}'")
        checked = f"checked {day}" + (f" in {self.place}" if self.place else "")
        return f"matches {', '.join([*parts, checked])}"

    def to_link(self, paste: Body) -> ChainLink:
        comparison = compare(self.body, paste)
        finding = Finding(
            f"Seen before: {self.label()} (match strength {self.strength:.2f}).",
            f"{round(self.strength * 100)}% of the pasted text is in the page read at {self.url}",
            ok=None,
        )
        return ChainLink(
            url=self.url,
            outlet=self.outlet,
            relation=comparison.relation,  # type: ignore[arg-type]
            similarity=comparison.similarity,
            changes=comparison.changes,
            findings=[finding],
        )


def strongest(paste: Body, candidates: list[SeenMatch]) -> SeenMatch | None:
    """The candidate holding most of the paste, if it holds at least `MATCH_FROM` of it (CPU work: each candidate
    is compared with the paste)."""
    best: SeenMatch | None = None
    for candidate in candidates:
        strength = compare(candidate.body, paste).copy_share
        if strength >= MATCH_FROM and (best is None or strength > best.strength):
            best = replace(candidate, strength=strength)
    return best


def seen_link(paste: Body, candidates: list[SeenMatch], *, registry: object = None) -> ChainLink | None:
    """The chain link naming the page read before that holds most of the paste (a worker entry point: `registry`
    is given to every one, and unused here)."""
    match = strongest(paste, candidates)
    return match.to_link(paste) if match else None


class SeenIndex:
    def __init__(self, db: sqlite_utils.Database, *, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._clock = clock
        ensure_current(db)  # the table and its full-text index: bot/migrations.py

    def remember(
        self, url: str, analysis: Analysis, body: Body, *, team_id: str | None = None, place: str | None = None
    ) -> bool:
        """Keep a page's main text (one row per address and workspace, the latest check wins)."""
        if not url or body.words < MIN_WORDS:
            return False
        row_id = hashlib.sha256(f"{team_id or ''}\n{url}".encode()).hexdigest()[:32]
        outlet = json.dumps(asdict(analysis.outlet)) if analysis.outlet else None
        checked_at = epoch_text(self._clock())
        self._db.table(TABLE).upsert(
            {"id": row_id, "url": url, "team_id": team_id, "title": analysis.title or body.headline, "outlet": outlet,
             "place": place, "checked_at": checked_at, "words": body.words, "text": "\n".join(body.paragraphs)},
            pk="id",
        )  # fmt: skip
        return True

    def best_match(self, paste: Body, *, team_id: str | None = None, exclude: str | None = None) -> SeenMatch | None:
        return strongest(paste, self.candidates(paste, team_id=team_id, exclude=exclude))

    def candidates(self, paste: Body, *, team_id: str | None = None, exclude: str | None = None) -> list[SeenMatch]:
        """The few pages sharing the paste's rarer words (full-text search; their strength not yet measured)."""
        words = sorted({w.lower() for w in _WORD.findall(" ".join(paste.paragraphs))}, key=lambda w: (-len(w), w))
        if not words:
            return []
        query = " OR ".join(f'"{w}"' for w in words[:QUERY_WORDS])
        sql = (
            f"SELECT {TABLE}.* FROM {TABLE} JOIN {TABLE}_fts ON {TABLE}_fts.rowid = {TABLE}.rowid "
            f"WHERE {TABLE}_fts MATCH ? AND {TABLE}.team_id IS ? ORDER BY {TABLE}_fts.rank LIMIT ?"
        )
        found = []
        for row in self._db.query(sql, [query, team_id, CANDIDATES]):
            if exclude and row["url"] == exclude:
                continue
            outlet = Outlet(**json.loads(row["outlet"])) if row["outlet"] else None
            body = Body(row["title"], tuple(row["text"].split("\n")))
            found.append(SeenMatch(row["url"], row["title"], outlet, text_epoch(row["checked_at"]), row["place"],
                                   body, 0.0))  # fmt: skip
        return found

    def prune(self, max_age_days: float) -> int:
        """Forget pages checked longer ago than `max_age_days`; the number forgotten."""
        cutoff = epoch_text(self._clock() - max_age_days * 86400)
        before = self._db.table(TABLE).count
        self._db.table(TABLE).delete_where("checked_at < ?", [cutoff])
        return before - self._db.table(TABLE).count
