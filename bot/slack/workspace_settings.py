"""A workspace's own settings, edited from the App Home: its channels' default digest time and zone, their default
reply mode, the newsroom's agreements (wire subscriptions, syndication deals; `bot.agreements`), and its own
outlet rows (the PROVBOT_OUTLETS format), which the analysis puts on top of the registry for its checks.

One row per workspace in `workspace_settings` (docs/database.md). A channel's own choice (`/provenance digest`,
`/provenance mode`) wins over these defaults; without either, the deployment's settings apply (PROVBOT_DIGEST_TIME,
PROVBOT_TZ, automatic replies).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import sqlite_utils

from bot.agreements import Agreement
from bot.migrations import ensure_current
from bot.storage import row_team, utc_text

TABLE = "workspace_settings"
REPLY_MODES = ("auto", "on-request")


@dataclass(frozen=True)
class WorkspaceSettings:
    digest_clock: str | None = None  # HH:MM; None: PROVBOT_DIGEST_TIME
    digest_zone: str | None = None  # IANA name; None: PROVBOT_TZ
    reply_mode: str | None = None  # auto | on-request; None: auto
    agreements: tuple[Agreement, ...] = field(default_factory=tuple)
    outlets: str | None = None  # the workspace's own outlet rows, PROVBOT_OUTLETS's TOML format


def load(db: sqlite_utils.Database) -> WorkspaceSettings:
    """The current workspace's settings (`bot.workspace`); the defaults when it has none."""
    ensure_current(db)
    row = db.execute(
        f"select digest_clock, digest_zone, reply_mode, agreements, outlets from {TABLE} where team_id = ?",
        [row_team(db) or ""],
    ).fetchone()
    if row is None:
        return WorkspaceSettings()
    found = (Agreement.from_dict(item) for item in json.loads(row[3]) if isinstance(item, dict))
    return WorkspaceSettings(row[0], row[1], row[2], tuple(a for a in found if a is not None), row[4])


def save(db: sqlite_utils.Database, settings: WorkspaceSettings, *, user: str | None) -> None:
    ensure_current(db)
    agreements = json.dumps([a.to_dict() for a in settings.agreements], ensure_ascii=False)
    db.execute(
        f"insert into {TABLE} (team_id, digest_clock, digest_zone, reply_mode, agreements, outlets, updated_at,"
        " updated_by) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (team_id) do update set"
        " digest_clock = excluded.digest_clock, digest_zone = excluded.digest_zone, reply_mode = excluded.reply_mode,"
        " agreements = excluded.agreements, outlets = excluded.outlets, updated_at = excluded.updated_at,"
        " updated_by = excluded.updated_by",
        [row_team(db) or "", settings.digest_clock, settings.digest_zone, settings.reply_mode, agreements,
         settings.outlets, utc_text(), user],
    )  # fmt: skip
