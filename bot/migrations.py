"""The database's schema and the numbered steps that bring any earlier database up to it, in place.

`PRAGMA user_version` holds the number of steps a database has had. `migrate` runs the missing ones, each in one
write transaction (so two processes starting at once do the work once, and a failed step leaves the file as it
was), then turns foreign keys on for the connection. `open_database` calls it, so every command that opens the
database upgrades it first; the table-owning modules call `ensure_current`, which costs nothing once done.

Step 1 takes a database made before this module (version 0, tables created by each module on first use, or no
tables at all) to one schema: every timestamp ISO 8601 UTC text (`2026-12-02T10:31:05.123Z`, see
`bot.storage.utc_text`), JSON columns checked with `json_valid`, a nullable `team_id` on what belongs to a
workspace, a foreign key from repeat-link rows to their check, and indexes for the queries the bot runs.
Step 3 adds the tables of installs through Slack's OAuth flow (`slack_installations`, `slack_oauth_states`) and
limits the team stamp to a database serving exactly one workspace. Step 4 keys what is kept per channel by
(team, channel): channel ids are only unique within a workspace. Step 5 adds each workspace's own settings.
Tables are described in docs/database.md. A later change to the schema is a new step appended to `STEPS`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import sqlite_utils

# SQLite's own reading of the three forms timestamps had before step 1: ISO text with an offset (seconds, ms or
# µs), epoch seconds (REAL), epoch milliseconds (INTEGER).
_ISO = "strftime('%Y-%m-%dT%H:%M:%fZ', {v})"
_TO_ISO = (
    "CASE WHEN {c} IS NULL THEN NULL"
    " WHEN typeof({c}) IN ('integer', 'real') THEN strftime('%Y-%m-%dT%H:%M:%fZ',"
    " CASE WHEN {c} > 100000000000 THEN {c} / 1000.0 ELSE {c} END, 'unixepoch')"
    f" ELSE coalesce({_ISO.format(v='{c}')}, {{c}}) END"
)
_JSON_OR_STRING = "CASE WHEN {c} IS NULL OR json_valid({c}) THEN {c} ELSE json_quote({c}) END"

# Tables in creation order (a table that others refer to comes first).
TABLES_V1: dict[str, str] = {
    "workspaces": """team_id TEXT PRIMARY KEY, team_name TEXT, bot_user_id TEXT, seen_at TEXT NOT NULL""",
    "checks": """id INTEGER PRIMARY KEY, team_id TEXT, created_at TEXT NOT NULL, channel TEXT, "user" TEXT,
        message_ts TEXT, reply_ts TEXT, thread_ts TEXT, link TEXT, source TEXT NOT NULL, ok INTEGER NOT NULL,
        error TEXT, outlet_name TEXT, outlet_kind TEXT, original_name TEXT, reuse_category TEXT, license_id TEXT,
        result_json TEXT CHECK (result_json IS NULL OR json_valid(result_json))""",
    "slack_jobs": """id INTEGER PRIMARY KEY, team_id TEXT, kind TEXT NOT NULL, key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL CHECK (json_valid(payload)), status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0, error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL""",
    "slack_events": """event_id TEXT PRIMARY KEY, received_at TEXT NOT NULL""",
    "slack_channels": """channel TEXT PRIMARY KEY, team_id TEXT, muted INTEGER NOT NULL DEFAULT 0,
        introduced INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL, changed_by TEXT""",
    "slack_replies": """channel TEXT NOT NULL, message_ts TEXT NOT NULL, team_id TEXT, thread_ts TEXT NOT NULL,
        links TEXT NOT NULL CHECK (json_valid(links)), reply_ts TEXT,
        check_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(check_ids)), updated_at TEXT NOT NULL,
        PRIMARY KEY (channel, message_ts)""",
    "slack_recent_links": """id INTEGER PRIMARY KEY, team_id TEXT, channel TEXT NOT NULL, link_key TEXT NOT NULL,
        check_id INTEGER REFERENCES checks (id) ON DELETE SET NULL, message_ts TEXT NOT NULL,
        thread_ts TEXT NOT NULL, reply_ts TEXT, created_at TEXT NOT NULL""",
    "digest_schedules": """channel TEXT PRIMARY KEY, team_id TEXT, clock TEXT, zone TEXT, off INTEGER,
        updated_at TEXT, updated_by TEXT""",
    "digest_sent": """channel TEXT NOT NULL, local_date TEXT NOT NULL, team_id TEXT, status TEXT, attempts INTEGER,
        claimed_at TEXT, finished_at TEXT, message_ts TEXT, detail TEXT, PRIMARY KEY (channel, local_date)""",
    "fetch_cache": """url TEXT PRIMARY KEY, final_url TEXT, status INTEGER, content_type TEXT, text TEXT,
        is_html INTEGER, warnings TEXT CHECK (warnings IS NULL OR json_valid(warnings)), etag TEXT, last_modified TEXT,
        fetched_at TEXT NOT NULL, max_age REAL""",
    "chain_seen": """id TEXT PRIMARY KEY, url TEXT NOT NULL, team_id TEXT, title TEXT,
        outlet TEXT CHECK (outlet IS NULL OR json_valid(outlet)), place TEXT, checked_at TEXT NOT NULL, words INTEGER,
        text TEXT NOT NULL""",
}
TIMESTAMPS_V1: dict[str, tuple[str, ...]] = {
    "checks": ("created_at",),
    "slack_jobs": ("created_at", "updated_at"),
    "slack_events": ("received_at",),
    "slack_channels": ("updated_at",),
    "slack_replies": ("updated_at",),
    "slack_recent_links": ("created_at",),
    "digest_schedules": ("updated_at",),
    "digest_sent": ("claimed_at", "finished_at"),
    "fetch_cache": ("fetched_at",),
    "chain_seen": ("checked_at",),
}
JSON_V1: dict[str, tuple[str, ...]] = {
    "checks": ("result_json",),
    "slack_jobs": ("payload",),
    "slack_replies": ("links", "check_ids"),
    "fetch_cache": ("warnings",),
    "chain_seen": ("outlet",),
}
# Rows that belong to one workspace. Until the OAuth install writes team_id itself, a trigger fills it from the
# single workspace the bot runs in (`bot.storage.adopt_workspace`, from auth.test at start).
TEAM_TABLES = (
    "checks", "slack_jobs", "slack_channels", "slack_replies", "slack_recent_links", "digest_schedules", "digest_sent",
)  # fmt: skip
INDEXES_V1 = (
    "CREATE INDEX idx_checks_channel_created_at ON checks (channel, created_at)",  # digests, history
    'CREATE INDEX idx_checks_user_created_at ON checks ("user", created_at)',  # a person's history
    "CREATE INDEX idx_checks_created_at ON checks (created_at)",  # channels active lately, retention
    "CREATE INDEX idx_slack_jobs_updated_at ON slack_jobs (updated_at)",  # pruning finished jobs
    "CREATE INDEX idx_slack_events_received_at ON slack_events (received_at)",
    "CREATE INDEX idx_slack_replies_updated_at ON slack_replies (updated_at)",
    "CREATE INDEX slack_recent_links_lookup ON slack_recent_links (channel, link_key, created_at)",
    "CREATE INDEX idx_slack_recent_links_check_id ON slack_recent_links (check_id)",  # the foreign key
    "CREATE INDEX idx_slack_recent_links_created_at ON slack_recent_links (created_at)",
    "CREATE INDEX idx_fetch_cache_fetched_at ON fetch_cache (fetched_at)",
    "CREATE INDEX idx_chain_seen_checked_at ON chain_seen (checked_at)",
)
# The seen-before full-text index, kept in step by triggers (the form sqlite-utils' enable_fts gives), made anew
# and filled from the table (its rowids changed with the copy).
SEEN_FTS_V1 = (
    "DROP TABLE IF EXISTS chain_seen_fts",
    "CREATE VIRTUAL TABLE chain_seen_fts USING FTS5"
    " (text, tokenize='unicode61 remove_diacritics 2', content=chain_seen)",
    "CREATE TRIGGER chain_seen_ai AFTER INSERT ON chain_seen BEGIN"
    " INSERT INTO chain_seen_fts (rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER chain_seen_ad AFTER DELETE ON chain_seen BEGIN"
    " INSERT INTO chain_seen_fts (chain_seen_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END",
    "CREATE TRIGGER chain_seen_au AFTER UPDATE ON chain_seen BEGIN"
    " INSERT INTO chain_seen_fts (chain_seen_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " INSERT INTO chain_seen_fts (rowid, text) VALUES (new.rowid, new.text); END",
    "INSERT INTO chain_seen_fts (chain_seen_fts) VALUES ('rebuild')",
)


def _team_trigger(table: str) -> str:
    return (
        f"CREATE TRIGGER {table}_team AFTER INSERT ON {table}"
        " WHEN new.team_id IS NULL AND EXISTS (SELECT 1 FROM workspaces) BEGIN"
        f" UPDATE {table} SET team_id = (SELECT team_id FROM workspaces ORDER BY seen_at DESC LIMIT 1)"
        " WHERE rowid = new.rowid; END"
    )


def _copy_expression(table: str, column: str) -> str:
    if column in TIMESTAMPS_V1.get(table, ()):
        return _TO_ISO.format(c=f'"{column}"')
    if column in JSON_V1.get(table, ()):
        return _JSON_OR_STRING.format(c=f'"{column}"')
    return f'"{column}"'


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")').fetchall()]


def _rebuild(db: sqlite_utils.Database, table: str, body: str) -> None:
    """SQLite's way to change a table's columns and constraints: a new table, the rows copied over (converted),
    the old one dropped (with its indexes and triggers) and the new one renamed."""
    old = set(_columns(db, table))
    db.execute(f'CREATE TABLE "{table}__new" ({body})')
    shared = [c for c in _columns(db, f"{table}__new") if c in old]
    names = ", ".join(f'"{c}"' for c in shared)
    values = ", ".join(_copy_expression(table, c) for c in shared)
    db.execute(f'INSERT INTO "{table}__new" ({names}) SELECT {values} FROM "{table}"')
    db.execute(f'DROP TABLE "{table}"')
    db.execute(f'ALTER TABLE "{table}__new" RENAME TO "{table}"')


def _step_1_one_schema(db: sqlite_utils.Database) -> None:
    existing = set(db.table_names())
    for table, body in TABLES_V1.items():
        if table in existing:
            _rebuild(db, table, body)
        else:
            db.execute(f'CREATE TABLE "{table}" ({body})')
    # A repeat-link row whose check is gone keeps its reply pointer, not a dangling id.
    db.execute("UPDATE slack_recent_links SET check_id = NULL WHERE check_id NOT IN (SELECT id FROM checks)")
    for statement in (*INDEXES_V1, *SEEN_FTS_V1, *map(_team_trigger, TEAM_TABLES)):
        db.execute(statement)


def _step_2_job_leases(db: sqlite_utils.Database) -> None:
    """Jobs are owned under a lease (bot.slack.jobs): which process runs one, and until when its claim holds."""
    db.execute("ALTER TABLE slack_jobs ADD COLUMN owner TEXT")
    db.execute("ALTER TABLE slack_jobs ADD COLUMN lease_until TEXT")


# Installs through Slack's OAuth flow (bot.slack.installations): one row per workspace, or per Enterprise Grid
# organisation for an org-wide install (`installed_in` is its team id, or the enterprise id for the org).
INSTALLATIONS_V3 = """installed_in TEXT PRIMARY KEY, enterprise_id TEXT, enterprise_name TEXT, enterprise_url TEXT,
    team_id TEXT, team_name TEXT, is_enterprise_install INTEGER NOT NULL DEFAULT 0, app_id TEXT, bot_id TEXT,
    bot_user_id TEXT, bot_token TEXT NOT NULL, bot_scopes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(bot_scopes)),
    bot_refresh_token TEXT, bot_token_expires_at TEXT, installer_user_id TEXT, installed_at TEXT NOT NULL"""
OAUTH_STATES_V3 = """state TEXT PRIMARY KEY, expires_at TEXT NOT NULL"""


def _team_trigger_v3(table: str) -> str:
    """The stamp is only safe while the bot serves one workspace: with several, a row without a team stays so."""
    return _team_trigger(table).replace(
        "AND EXISTS (SELECT 1 FROM workspaces)", "AND (SELECT count(*) FROM workspaces) = 1"
    )


def _step_3_installations(db: sqlite_utils.Database) -> None:
    db.execute(f"CREATE TABLE slack_installations ({INSTALLATIONS_V3})")
    db.execute("CREATE INDEX idx_slack_installations_team_id ON slack_installations (team_id)")
    db.execute(f"CREATE TABLE slack_oauth_states ({OAUTH_STATES_V3})")
    for table in TEAM_TABLES:
        db.execute(f"DROP TRIGGER IF EXISTS {table}_team")
        db.execute(_team_trigger_v3(table))


# Channel ids are only unique within a workspace: what is kept per channel is kept per (team, channel). In these
# tables team_id is part of the key, so it is never NULL: '' stands for "no workspace known".
TEAM_KEYED_V4: dict[str, str] = {
    "slack_channels": """team_id TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL, muted INTEGER NOT NULL DEFAULT 0,
        introduced INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL, changed_by TEXT,
        PRIMARY KEY (team_id, channel)""",
    "slack_replies": """team_id TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL, message_ts TEXT NOT NULL,
        thread_ts TEXT NOT NULL, links TEXT NOT NULL CHECK (json_valid(links)), reply_ts TEXT,
        check_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(check_ids)), updated_at TEXT NOT NULL,
        PRIMARY KEY (team_id, channel, message_ts)""",
    "digest_schedules": """team_id TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL, clock TEXT, zone TEXT,
        off INTEGER, updated_at TEXT, updated_by TEXT, PRIMARY KEY (team_id, channel)""",
    "digest_sent": """team_id TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL, local_date TEXT NOT NULL, status TEXT,
        attempts INTEGER, claimed_at TEXT, finished_at TEXT, message_ts TEXT, detail TEXT,
        PRIMARY KEY (team_id, channel, local_date)""",
}
TEAM_KEYED = tuple(TEAM_KEYED_V4)


def _step_4_team_keys(db: sqlite_utils.Database) -> None:
    """The bot writes these rows' team itself (`bot.storage.row_team`): a stamp after the insert could collide
    with the key, so they lose their trigger."""
    for table, body in TEAM_KEYED_V4.items():
        db.execute(f"UPDATE {table} SET team_id = '' WHERE team_id IS NULL")
        _rebuild(db, table, body)  # its trigger and indexes go with the old table
    db.execute("CREATE INDEX idx_slack_replies_updated_at ON slack_replies (updated_at)")


# A workspace's own settings, edited in the App Home (bot.slack.workspace_settings): defaults for its channels
# and the agreements that change the reuse wording (bot.agreements).
WORKSPACE_SETTINGS_V5 = """team_id TEXT NOT NULL PRIMARY KEY, digest_clock TEXT, digest_zone TEXT, reply_mode TEXT
    CHECK (reply_mode IS NULL OR reply_mode IN ('auto', 'on-request')),
    agreements TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(agreements)), outlets TEXT, updated_at TEXT NOT NULL,
    updated_by TEXT"""


def _step_5_workspace_settings(db: sqlite_utils.Database) -> None:
    db.execute(f"CREATE TABLE workspace_settings ({WORKSPACE_SETTINGS_V5})")


STEPS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _step_1_one_schema,
    _step_2_job_leases,
    _step_3_installations,
    _step_4_team_keys,
    _step_5_workspace_settings,
)
LATEST = len(STEPS)
_current: weakref.WeakSet[sqlite_utils.Database] = weakref.WeakSet()


def version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database) -> int:
    """Run the steps this database has not had; the number run. Foreign keys are on afterwards."""
    ran = 0
    if version(db) < LATEST:
        # Rebuilding a table that others refer to needs foreign keys off; SQLite ignores this pragma inside a
        # transaction, so it is set before the step's own.
        db.execute("PRAGMA foreign_keys=OFF")
        db.execute("BEGIN IMMEDIATE")
        try:
            for number in range(version(db), LATEST):  # read again under the write lock: another process may
                STEPS[number](db)  # have done it meanwhile
                db.execute(f"PRAGMA user_version={number + 1}")
                ran += 1
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"database upgrade left {len(problems)} row(s) pointing at missing rows")
        except BaseException:
            db.conn.rollback()
            raise
        db.conn.commit()
    db.execute("PRAGMA foreign_keys=ON")
    _current.add(db)
    return ran


def ensure_current(db: sqlite_utils.Database) -> None:
    """For code handed a database not opened by `open_database` (tests, embedding): upgrade it once."""
    if db not in _current:
        migrate(db)
