"""The queries the bot runs often or over growing tables find their rows through an index, not a table scan."""

from __future__ import annotations

import pytest

from bot.storage import open_database

# (what runs it, the query) — parameters are placeholders; the plan does not depend on their values.
QUERIES = [
    ("digest window", "select * from checks where channel = ? and created_at >= ? and created_at < ?"),
    ("history by channel", "select * from checks where channel = ? order by created_at desc, id desc limit 10"),
    ("history by person", 'select * from checks where "user" = ? order by created_at desc, id desc limit 10'),
    ("channels with digests due", "select distinct channel from checks where channel is not null and created_at >= ?"),
    ("one check", "select * from checks where id = ?"),
    ("reply for a message", "select * from slack_replies where team_id = ? and channel = ? and message_ts = ?"),
    ("repeat link", "select * from slack_recent_links where channel = ? and link_key = ? and created_at >= ?"),
    ("cache hit", "select * from fetch_cache where url = ?"),
    ("claim a job", "update slack_jobs set status = 'running' where id = ? and status = 'pending'"),
    ("event seen", "select 1 from slack_events where event_id = ?"),
    ("digest run", "select * from digest_sent where team_id = ? and channel = ? and local_date = ?"),
    ("a channel's mode", "select muted from slack_channels where team_id = ? and channel = ?"),
    ("a workspace's token", "select * from slack_installations where installed_in = ?"),
    ("a workspace's digest window", "select * from checks where channel = ? and created_at >= ? and team_id = ?"),
    ("prune checks", "delete from checks where created_at < ?"),
    ("prune replies", "delete from slack_replies where updated_at < ?"),
    ("prune cache", "delete from fetch_cache where fetched_at < ?"),
    ("prune seen", "delete from chain_seen where checked_at < ?"),
    ("prune events", "delete from slack_events where received_at < ?"),
    ("prune links", "delete from slack_recent_links where created_at < ?"),
    ("prune jobs", "delete from slack_jobs where status in ('done', 'failed') and updated_at < ?"),
    ("unlink a pruned check", "update slack_recent_links set check_id = null where check_id = ?"),
]


@pytest.mark.parametrize(("purpose", "sql"), QUERIES, ids=[q[0] for q in QUERIES])
def test_the_query_uses_an_index(tmp_path, purpose: str, sql: str) -> None:
    db = open_database(tmp_path / "plans.db")
    params = [None] * sql.count("?")
    plan = [row[3] for row in db.execute(f"explain query plan {sql}", params).fetchall()]
    scans = [step for step in plan if step.startswith("SCAN") and "INDEX" not in step]
    assert plan and not scans, (purpose, plan)
