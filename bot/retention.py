"""How long the bot keeps what it stores (`PROVBOT_RETENTION_DAYS`), and the pruning that enforces it.

Run hourly by the Slack bot's housekeeping task and on demand by `provbot prune`. Older than the retention period:
checks, the replies' records, digest run records, cached pages and the seen-before index's page text go. Slack
event ids, finished jobs and repeat-link rows have their own short lives (two days, two hours) whatever the
setting. The fetch cache is also cut back to `PROVBOT_CACHE_MAX_MB` of page text, oldest pages first, since one
page may be up to 5 MB. Channel settings (mute, digest time) and the workspace row are kept until erased.

`erase_workspace` is what uninstalling the app (or revoking its token) does: that workspace's installation and
every row it owns go at once, pending work included; other workspaces' rows are not touched.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlite_utils

from bot.chain.seen import SeenIndex
from bot.migrations import TEAM_TABLES, ensure_current
from bot.settings import Settings
from bot.slack import channels
from bot.slack.events import prune_events
from bot.slack.installations import delete_installation
from bot.slack.jobs import prune_finished
from bot.slack.replies import prune_links
from bot.storage import utc_text
from bot.workspace import Workspace

# The cache rows beyond the size cap: a running total of page text, newest first.
_OVER_CAP = (
    "DELETE FROM fetch_cache WHERE url IN (SELECT url FROM (SELECT url, SUM(length(CAST(text AS BLOB)))"
    " OVER (ORDER BY fetched_at DESC, url) AS total FROM fetch_cache) WHERE total > ?)"
)


def prune_expired(db: sqlite_utils.Database, *, now: datetime | None = None) -> dict[str, int]:
    """The short-lived rows (event ids, finished jobs, repeat links), whatever the retention setting."""
    ensure_current(db)
    return {
        "slack_events": prune_events(db, now=now),
        "slack_jobs": prune_finished(db, now=now),
        "slack_recent_links": prune_links(db, now=now),
    }


def prune_old(
    db: sqlite_utils.Database, *, days: int, cache_max_bytes: int, now: datetime | None = None
) -> dict[str, int]:
    """Delete what is older than `days` (0: keep it) and trim the fetch cache to `cache_max_bytes`; rows
    deleted per table."""
    ensure_current(db)
    now = now or datetime.now(UTC)
    pruned = dict.fromkeys(("checks", "slack_replies", "digest_sent", "fetch_cache", "chain_seen"), 0)
    with db.atomic():
        if days > 0:
            cutoff = now - timedelta(days=days)
            stamp = utc_text(cutoff)
            for table, column in (("checks", "created_at"), ("slack_replies", "updated_at")):
                pruned[table] = db.execute(f"DELETE FROM {table} WHERE {column} < ?", [stamp]).rowcount
            day = cutoff.date().isoformat()
            pruned["digest_sent"] = db.execute("DELETE FROM digest_sent WHERE local_date < ?", [day]).rowcount
            pruned["fetch_cache"] = db.execute("DELETE FROM fetch_cache WHERE fetched_at < ?", [stamp]).rowcount
            pruned["chain_seen"] = SeenIndex(db, clock=now.timestamp).prune(days)
        pruned["fetch_cache"] += db.execute(_OVER_CAP, [cache_max_bytes]).rowcount
    return pruned


def prune_all(db: sqlite_utils.Database, settings: Settings, *, now: datetime | None = None) -> dict[str, int]:
    """Everything housekeeping removes, as the settings say; rows deleted per table."""
    pruned = prune_expired(db, now=now)
    cap = settings.cache_max_mb * 1_000_000
    pruned.update(prune_old(db, days=settings.retention_days, cache_max_bytes=cap, now=now))
    return pruned


def erase_workspace(db: sqlite_utils.Database, workspace: Workspace) -> dict[str, int]:
    """Delete a workspace's installation (its token) and everything stored for it; rows deleted per table. For an
    organisation-wide install without a team, the installation goes; its workspaces' rows age out as usual."""
    ensure_current(db)
    erased = {"slack_installations": delete_installation(db, workspace)}
    team = workspace.team_id
    if team:
        with db.atomic():
            for table in (*TEAM_TABLES, "chain_seen", "workspace_settings", "workspaces"):
                erased[table] = db.execute(f"DELETE FROM {table} WHERE team_id = ?", [team]).rowcount
        channels.forget_team(db, team)
    return {table: n for table, n in erased.items() if n}
