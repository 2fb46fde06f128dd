"""The checks store: what the Slack bot records and the digest, history and Home tab read back."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from bot.chain.follow import unlinked_chain
from bot.checks import checks_between, get_check, recent_checks, record_check, set_reply_ts
from bot.digest.content import thread_url
from bot.engine.pipeline import analyse_html, analyse_text
from bot.storage import open_database

CASES = Path(__file__).parent / "cases"
SEED_LIKE = (
    "Some headline\n\nGlobal Research, September 30, 2016\n\nBody text.\n\n"
    "The original source of this article is RT Op Edge\n\nCopyright © RT News, RT Op Edge, 2016\n\n"
    "www.globalresearch.ca"
)


def test_a_check_round_trips_with_its_result_and_thread(tmp_path) -> None:
    db = open_database(tmp_path / "provbot.db")
    result = analyse_text(SEED_LIKE)
    check_id = record_check(db, channel="C1", user="U1", message_ts="1.5", link=None, source="message", result=result)
    set_reply_ts(db, check_id, "1.6", thread_ts="1.0")
    record = get_check(db, check_id)
    assert record is not None
    assert (record.channel, record.user, record.message_ts, record.reply_ts, record.thread_ts) == (
        "C1", "U1", "1.5", "1.6", "1.0"
    )  # fmt: skip
    assert record.result is not None
    assert record.result.to_dict() == result.to_dict()
    assert record.ok and record.error is None


def test_failures_are_stored_with_their_reason(tmp_path) -> None:
    db = open_database(tmp_path / "provbot.db")
    check_id = record_check(db, channel="C1", user="U1", message_ts="2.0", link="https://x.example/", source="message",
                            error="the site answered 404 (Not Found)")  # fmt: skip
    record = get_check(db, check_id)
    assert record is not None and not record.ok and record.result is None
    assert record.error == "the site answered 404 (Not Found)"
    assert get_check(db, check_id + 1) is None


def test_reading_back_by_channel_window_and_user(tmp_path) -> None:
    db = open_database(tmp_path / "provbot.db")
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    for hours, channel in ((1, "C1"), (2, "C1"), (30, "C1"), (3, "C2")):
        record_check(db, channel=channel, user="U1", message_ts=None, link=None, source="message",
                     error="x", now=start + timedelta(hours=hours))  # fmt: skip
    in_day = checks_between(db, "C1", start, start + timedelta(days=1))
    assert [r.created_at for r in in_day] == sorted(r.created_at for r in in_day)
    assert len(in_day) == 2
    assert len(recent_checks(db, user="U1", limit=10)) == 4
    assert len(recent_checks(db, channel="C2")) == 1


def test_thread_links_open_the_thread_a_reply_went_to() -> None:
    assert thread_url("C1", "1700000000.000100") == "https://slack.com/archives/C1/p1700000000000100"
    assert thread_url("C1", "1700000000.000200", "1700000000.000100") == (
        "https://slack.com/archives/C1/p1700000000000200?thread_ts=1700000000.000100&cid=C1"
    )
    assert thread_url("C1", "1700000000.000100", "1700000000.000100").endswith("p1700000000000100")
    assert thread_url(None, "1.2") is None


def test_a_database_from_before_threads_gets_the_column(tmp_path) -> None:
    columns = "created_at channel user message_ts reply_ts link source ok error outlet_name outlet_kind"
    columns += " original_name reuse_category license_id result_json"
    sqlite_utils.Database(tmp_path / "old.db").execute(
        f"create table checks (id integer primary key, {', '.join(columns.split())})"
    )
    db = open_database(tmp_path / "old.db")  # upgrades it
    check_id = record_check(db, channel="C1", user="U1", message_ts="1.5", link=None, source="message", error="x")
    set_reply_ts(db, check_id, "1.6", thread_ts="1.0")
    record = get_check(db, check_id)
    assert record is not None and (record.reply_ts, record.thread_ts) == ("1.6", "1.0")


def test_a_result_is_stored_as_exactly_the_json_of_its_dict() -> None:
    """`Analysis.to_json` (json's encoder walking the result) against `to_dict` (the command line's --json), over
    every labelled case, with the chain a copy that names its original gets."""
    cases = sorted(p for p in CASES.iterdir() if p.suffix in (".html", ".txt"))
    assert len(cases) > 200
    for path in cases:
        text = path.read_bytes().decode("utf-8", errors="replace")  # a few pages are in other encodings
        is_page = path.suffix == ".html"
        analysis = analyse_html(text, f"https://example.com/{path.stem}") if is_page else analyse_text(text)
        analysis.chain = analysis.chain or unlinked_chain(analysis)
        assert analysis.to_json(ensure_ascii=False) == json.dumps(analysis.to_dict(), ensure_ascii=False), path.name
