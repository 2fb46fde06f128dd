"""Retention (`PROVBOT_RETENTION_DAYS`): what is pruned and when, driven by an injected clock, through the same
functions the bot's housekeeping and `provbot prune` run."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest

from bot.chain.seen import SeenIndex
from bot.chain.text import Body
from bot.checks import recent_checks, record_check
from bot.digest import schedule
from bot.fetch.cache import CacheEntry, FetchCache
from bot.model import Analysis, InputInfo
from bot.retention import prune_all, prune_old
from bot.settings import SettingsError, load_settings
from bot.slack import events, jobs, replies
from bot.storage import open_database
from tests.cli_process import run_cli

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=120)
RECENT = NOW - timedelta(days=10)
TEXT = Body("A headline", (" ".join(f"word{n}" for n in range(60)),))


def _page(url: str, when: datetime, size: int = 100) -> CacheEntry:
    return CacheEntry(url, url, 200, "text/html", "x" * size, True, fetched_at=when.timestamp())


def _fill(db, when: datetime, tag: str) -> None:
    check_id = record_check(
        db, channel="C1", user="U1", message_ts=tag, link=None, source="message", error="e", now=when
    )
    replies.save_reply(db, channel="C1", message_ts=tag, thread_ts=tag, links=[], reply_ts=None, check_ids=[check_id])
    stamp = "(select created_at from checks where id = ?)"
    db.execute(f"update slack_replies set updated_at = {stamp} where message_ts = ?", [check_id, tag])
    schedule.claim(db, "C1", when.date(), when)
    FetchCache(db).put(_page(f"https://news.example/{tag}", when))
    SeenIndex(db, clock=when.timestamp).remember(f"https://news.example/{tag}", Analysis(InputInfo("url")), TEXT)


def _count(db, table: str) -> int:
    return db.execute(f"select count(*) from {table}").fetchone()[0]


def test_rows_older_than_the_retention_period_are_pruned_and_recent_ones_kept(tmp_path) -> None:
    db = open_database(tmp_path / "p.db")
    _fill(db, OLD, "old")
    _fill(db, RECENT, "new")
    pruned = prune_old(db, days=90, cache_max_bytes=10_000, now=NOW)
    assert pruned == {"checks": 1, "slack_replies": 1, "digest_sent": 1, "fetch_cache": 1, "chain_seen": 1}
    assert [c.message_ts for c in recent_checks(db, channel="C1")] == ["new"]
    assert replies.get_reply(db, "C1", "old") is None and replies.get_reply(db, "C1", "new") is not None
    assert [r["local_date"] for r in schedule.sent_log(db, "C1")] == [RECENT.date().isoformat()]
    assert FetchCache(db).get("https://news.example/old") is None
    assert FetchCache(db).get("https://news.example/new") is not None
    assert db.execute("select url from chain_seen").fetchall() == [("https://news.example/new",)]
    assert db.execute("select count(*) from chain_seen_fts").fetchone()[0] == 1  # the full-text rows went too
    # A moment later nothing more is old enough.
    assert sum(prune_old(db, days=90, cache_max_bytes=10_000, now=NOW).values()) == 0


def test_zero_days_keeps_everything_but_the_cache_is_still_capped(tmp_path) -> None:
    db = open_database(tmp_path / "p.db")
    _fill(db, OLD, "old")
    cache = FetchCache(db)
    for n in range(5):  # 5 pages of 400 bytes, the newest last
        cache.put(_page(f"https://news.example/{n}", RECENT + timedelta(minutes=n), size=400))
    pruned = prune_old(db, days=0, cache_max_bytes=1000, now=NOW)
    assert pruned["checks"] == 0 and _count(db, "checks") == 1
    assert pruned["fetch_cache"] == 4  # 2 newest pages fit in 1000 bytes; 3 older ones and the old page go
    assert [cache.get(f"https://news.example/{n}") is not None for n in range(5)] == [False, False, False, True, True]


def test_housekeeping_prunes_short_lived_rows_and_a_deleted_check_unlinks_its_repeat_rows(tmp_path) -> None:
    db = open_database(tmp_path / "p.db")
    settings = load_settings({"PROVBOT_RETENTION_DAYS": "30"})
    check_id = record_check(db, channel="C1", user="U1", message_ts="1", link=None, source="message", now=OLD)
    replies.remember_link(db, channel="C1", link_key="k", check_id=check_id, message_ts="1", thread_ts="1",
                          reply_ts="2", now=NOW - timedelta(minutes=5))  # fmt: skip
    job_id = jobs.enqueue(db, "message", "C1:1", {"ts": "1"}, event_id="Ev1")
    assert job_id is not None and jobs.claim(db, job_id, "test-owner") is not None
    jobs.finish(db, job_id, "done")
    pending = jobs.enqueue(db, "message", "C1:2", {"ts": "2"})
    later = datetime.now(UTC) + timedelta(days=3)
    pruned = prune_all(db, settings, now=later)
    assert pruned["slack_events"] == 1 and pruned["slack_jobs"] == 1 and pruned["checks"] == 1
    assert pruned["slack_recent_links"] == 1
    assert [r[0] for r in db.execute("select id from slack_jobs").fetchall()] == [pending]  # unfinished work stays
    assert not events.is_seen(db, "Ev1")


def test_the_retention_settings_are_validated() -> None:
    assert load_settings({}).retention_days == 90 and load_settings({}).cache_max_mb == 200
    assert load_settings({"PROVBOT_RETENTION_DAYS": "0"}).retention_days == 0
    with pytest.raises(SettingsError, match="PROVBOT_RETENTION_DAYS"):
        load_settings({"PROVBOT_RETENTION_DAYS": "ninety"})
    with pytest.raises(SettingsError, match="PROVBOT_CACHE_MAX_MB"):
        load_settings({"PROVBOT_CACHE_MAX_MB": "0"})


def test_provbot_prune_deletes_old_rows_and_says_how_many(tmp_path) -> None:
    path = tmp_path / "p.db"
    db = open_database(path)
    _fill(db, datetime.now(UTC) - timedelta(days=400), "old")
    _fill(db, datetime.now(UTC) - timedelta(days=1), "new")
    db.conn.close()
    env = {**os.environ, "PROVBOT_DB": str(path), "PROVBOT_RETENTION_DAYS": "365"}
    done = run_cli(["prune"], env, tmp_path)  # in-process, as tests/test_cli.py checks it behaves like the script
    assert done.returncode == 0, done.stderr
    assert b"checks: 1 row(s) deleted" in done.stdout and b"fetch_cache: 1 row(s) deleted" in done.stdout
    bad = run_cli(["prune", "--days", "0"], env, tmp_path)
    assert bad.returncode == 2 and bad.stderr.count(b"\n") == 1 and b"--days" in bad.stderr
    assert recent_checks(open_database(path), channel="C1")[0].message_ts == "new"
