"""The schema upgrade: a database made by the code before bot/migrations.py (tests/data/schema_v0.sql, invented
rows) is upgraded in place, keeps its rows, and ends with the same schema as a new database."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils

from bot import migrations
from bot.chain.seen import SeenIndex
from bot.checks import get_check, recent_checks, record_check
from bot.fetch.cache import FetchCache
from bot.slack import channels, jobs, replies
from bot.storage import adopt_workspace, open_database
from bot.workspace import Workspace, in_workspace

FIXTURE = Path(__file__).parent / "data" / "schema_v0.sql"
ISO_UTC = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"


def _old_database(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.executescript(FIXTURE.read_text(encoding="utf-8"))
    conn.close()
    return path


def _schema(db: sqlite_utils.Database) -> dict[str, str]:
    rows = db.execute("select name, sql from sqlite_master where sql is not null and name not like '%__new'")
    return {name: " ".join(sql.split()) for name, sql in rows.fetchall()}


def test_an_old_database_is_upgraded_in_place_and_keeps_its_rows(tmp_path) -> None:
    path = _old_database(tmp_path / "old.db")
    assert sqlite_utils.Database(path).execute("pragma user_version").fetchone()[0] == 0
    db = open_database(path)
    assert migrations.version(db) == migrations.LATEST
    assert db.table("checks").count == 3 and db.table("slack_jobs").count == 2
    assert db.execute("select created_at from checks where id = 1").fetchone()[0] == "2026-06-01T08:30:00.000Z"
    assert db.execute("select fetched_at from fetch_cache").fetchone()[0] == "2026-06-01T08:30:00.000Z"
    assert db.execute("select checked_at from chain_seen").fetchone()[0] == "2026-06-01T08:30:00.000Z"
    recent = db.execute("select created_at from slack_recent_links").fetchone()[0]
    assert recent == "2026-11-30T09:15:30.250Z"  # microseconds cut to milliseconds
    record = get_check(db, 2)
    assert record is not None and (record.reply_ts, record.thread_ts) == ("1795770931.000300", "1795770930.000200")
    assert replies.get_reply(db, "C0DESK", "1795770930.000200").check_ids == [2]  # type: ignore[union-attr]
    assert FetchCache(db).get("https://news.example/b").fetched_at == 1780302600.0  # type: ignore[union-attr]
    # The full-text index was rebuilt over the copied rows.
    assert db.execute("select count(*) from chain_seen_fts where chain_seen_fts match 'invented'").fetchone()[0] == 1


def test_every_stored_timestamp_is_iso_utc_after_the_upgrade(tmp_path) -> None:
    db = open_database(_old_database(tmp_path / "old.db"))
    for table, columns in migrations.TIMESTAMPS_V1.items():
        for column in columns:
            rows = db.execute(f'select "{column}" from {table} where "{column}" is not null').fetchall()
            assert rows, (table, column)  # the fixture has a value in each, so the check below means something
            for (value,) in rows:
                assert isinstance(value, str) and re.match(ISO_UTC, value), (table, column, value)


def test_an_upgraded_database_has_the_schema_of_a_new_one(tmp_path) -> None:
    upgraded = open_database(_old_database(tmp_path / "old.db"))
    new = open_database(tmp_path / "new.db")
    assert _schema(upgraded) == _schema(new)


def test_foreign_keys_are_enforced_and_deleting_a_check_unlinks_its_repeat_row(tmp_path) -> None:
    db = open_database(_old_database(tmp_path / "old.db"))
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        replies.remember_link(db, channel="C1", link_key="k", check_id=999, message_ts="1", thread_ts="1", reply_ts="2")
    db.execute("delete from checks where id = 2")
    assert db.execute("select check_id from slack_recent_links").fetchone()[0] is None


def test_json_columns_refuse_text_that_is_not_json(tmp_path) -> None:
    db = open_database(tmp_path / "new.db")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "insert into slack_jobs (kind, key, payload, created_at, updated_at) values ('m', 'k', 'x{', '', '')"
        )


def test_running_again_does_nothing_and_a_second_connection_sees_the_same_version(tmp_path) -> None:
    path = _old_database(tmp_path / "old.db")
    db = open_database(path)
    assert migrations.migrate(db) == 0
    assert migrations.migrate(sqlite_utils.Database(path)) == 0


def test_a_failed_step_leaves_the_database_as_it_was(tmp_path, monkeypatch) -> None:
    path = _old_database(tmp_path / "old.db")

    def broken(db: sqlite_utils.Database) -> None:
        migrations.STEPS[0](db)
        raise RuntimeError("step failed half-way")

    monkeypatch.setattr(migrations, "STEPS", (broken,))
    with pytest.raises(RuntimeError):
        open_database(path)
    db = sqlite_utils.Database(path)
    assert migrations.version(db) == 0
    assert db.execute("select created_at from checks where id = 1").fetchone()[0] == "2026-06-01T08:30:00+00:00"


def test_the_workspace_team_is_given_to_old_rows_and_stamped_on_new_ones(tmp_path) -> None:
    db = open_database(_old_database(tmp_path / "old.db"))
    assert adopt_workspace(db, "T0NEWS", team_name="Newsroom", bot_user_id="U0BOT") > 0
    for table in migrations.TEAM_TABLES:
        assert db.execute(f"select count(*) from {table} where team_id is not 'T0NEWS'").fetchone()[0] == 0, table
    record_check(db, channel="C0DESK", user="U1", message_ts="2.0", link=None, source="message", error="x")
    jobs.enqueue(db, "message", "C0DESK:2.0", {"ts": "2.0"})
    assert db.execute("select team_id from checks order by id desc").fetchone()[0] == "T0NEWS"
    assert db.execute("select team_id from slack_jobs order by id desc").fetchone()[0] == "T0NEWS"
    # Rows a caller gives a team keep it (the OAuth install will write team_id itself).
    db.execute("insert into slack_channels (channel, team_id, updated_at) values ('C9', 'T0OTHER', '')")
    assert db.execute("select team_id from slack_channels where channel = 'C9'").fetchone()[0] == "T0OTHER"


def test_new_rows_are_written_with_iso_utc_timestamps(tmp_path) -> None:
    db = open_database(tmp_path / "new.db")
    moment = datetime(2026, 12, 2, 10, 31, 5, 123456, tzinfo=UTC)
    record_check(db, channel="C1", user="U1", message_ts="1.0", link=None, source="message", error="x", now=moment)
    assert recent_checks(db, channel="C1")[0].created_at == "2026-12-02T10:31:05.123Z"
    SeenIndex(db)  # opens on the migrated table without creating anything
    assert migrations.version(db) == migrations.LATEST


def test_the_later_steps_upgrade_a_database_at_step_2_in_place(tmp_path) -> None:
    path = tmp_path / "v2.db"
    db = sqlite_utils.Database(path)
    for step in migrations.STEPS[:2]:
        step(db)
    db.execute("pragma user_version=2")
    adopt_workspace(db, "T0NEWS")
    # Written as the code of step 2 wrote them (this module's functions would upgrade the file first).
    db.execute("insert into checks (created_at, channel, source, ok) values ('2026-06-01', 'C0DESK', 'message', 0)")
    db.execute("insert into slack_channels (channel, muted, updated_at) values ('C0DESK', 1, '2026-06-01')")
    db.execute("insert into digest_schedules (channel, clock) values ('C0OLD', '07:00')")
    db.execute("update digest_schedules set team_id = null")  # a row from before the team was known
    db.conn.commit()
    assert migrations.version(db) == 2
    db.close()
    upgraded = open_database(path)
    assert migrations.version(upgraded) == migrations.LATEST
    assert {"slack_installations", "slack_oauth_states", "workspace_settings"} <= set(upgraded.table_names())
    assert upgraded.execute("select team_id from checks").fetchall() == [("T0NEWS",)]
    # Kept per (team, channel) from step 4: the channel's mode is the workspace's; an unknown team is ''.
    assert upgraded.execute("select team_id, channel, muted from slack_channels").fetchall() == [
        ("T0NEWS", "C0DESK", 1)
    ]
    assert upgraded.execute("select team_id, clock from digest_schedules").fetchall() == [("", "07:00")]
    with in_workspace(Workspace("T0NEWS")):
        assert channels.is_muted(upgraded, "C0DESK")
    with in_workspace(Workspace("T0ELSE")):
        assert not channels.is_muted(upgraded, "C0DESK")
    assert _schema(upgraded) == _schema(open_database(tmp_path / "new.db"))


def test_with_two_workspaces_a_row_without_a_team_is_not_given_one(tmp_path) -> None:
    db = open_database(tmp_path / "new.db")
    adopt_workspace(db, "T0NEWS")
    adopt_workspace(db, "T0OTHER")  # two installs: whose row this is cannot be guessed
    record_check(db, channel="C1", user="U1", message_ts="1.0", link=None, source="cli", error="x")
    assert db.execute("select team_id from checks").fetchone()[0] is None
