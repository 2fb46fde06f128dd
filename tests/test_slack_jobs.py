"""The durable job queue, event dedupe, channel state and reply pacing (no Slack involved)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from bot.slack import channels, jobs
from bot.slack.events import ensure_events_table, is_seen
from bot.slack.jobs import (
    Job,
    JobRunner,
    claim,
    count_by_status,
    enqueue,
    ensure_jobs_table,
    finish,
    recover,
    renew,
)
from bot.slack.web import ChannelPacer
from bot.storage import open_database


def database(tmp_path: Path):
    db = open_database(tmp_path / "jobs.db")
    ensure_jobs_table(db)
    ensure_events_table(db)
    channels.ensure_channels_table(db)
    return db


def test_enqueue_is_idempotent_by_key_and_event(tmp_path: Path) -> None:
    db = database(tmp_path)
    first = enqueue(db, "message", "msg:C1:1.1", {"a": 1}, event_id="Ev1")
    assert first is not None and is_seen(db, "Ev1")
    assert enqueue(db, "message", "msg:C1:1.1", {"a": 1}, event_id="Ev1") is None  # Slack's retry
    assert enqueue(db, "message", "msg:C1:1.1", {"a": 1}, event_id="Ev2") is None  # same message, other event
    assert enqueue(db, "message", "msg:C1:1.2", {"a": 2}, event_id="Ev2") is None  # event already taken in
    assert enqueue(db, "message", "msg:C1:1.3", {"a": 3}) is not None


def test_jobs_left_running_are_resumed_once_their_lease_ran_out(tmp_path: Path) -> None:
    db = database(tmp_path)
    a = enqueue(db, "message", "k1", {})
    b = enqueue(db, "message", "k2", {})
    assert claim(db, a, "crashed", lease=-1) is not None  # a crash left it running, its lease long over
    assert claim(db, a, "other") is not None and claim(db, a, "third") is None
    assert recover(db) == [b]
    assert count_by_status(db) == {"pending": 1, "running": 1}


def test_a_job_another_process_is_running_is_not_taken(tmp_path: Path) -> None:
    db = database(tmp_path)
    a = enqueue(db, "message", "k1", {})
    b = enqueue(db, "message", "k2", {})
    assert claim(db, a, "old-process") is not None
    assert recover(db) == [b]  # the new process of a rolling deploy leaves it alone
    assert claim(db, a, "new-process") is None
    assert renew(db, "new-process", [a]) == 0 and renew(db, "old-process", [a]) == 1
    assert finish(db, a, "done", owner="old-process")
    assert count_by_status(db) == {"done": 1, "pending": 1}


def test_an_owner_whose_lease_was_taken_over_cannot_finish_the_job(tmp_path: Path) -> None:
    db = database(tmp_path)
    a = enqueue(db, "message", "k1", {})
    assert claim(db, a, "slow", lease=-1) is not None
    assert claim(db, a, "fresh") is not None
    assert not finish(db, a, "done", owner="slow")
    assert finish(db, a, "done", owner="fresh")


def test_a_table_made_before_leases_gets_its_columns(tmp_path: Path) -> None:
    """A database from before leases (and before the one schema) is upgraded when opened: its running job, whose
    process is gone, is handed back."""
    with sqlite3.connect(tmp_path / "old.db") as old:
        old.execute(
            "create table slack_jobs (id integer primary key, kind text not null, key text not null unique,"
            " payload text not null, status text not null default 'pending', attempts integer not null default 0,"
            " error text, created_at text not null, updated_at text not null)"
        )
        old.execute("insert into slack_jobs (kind, key, payload, status, created_at, updated_at) values"
                    " ('message', 'k', '{}', 'running', '2026-01-01', '2026-01-01')")  # fmt: skip
    db = open_database(tmp_path / "old.db")
    ensure_jobs_table(db)
    assert {"owner", "lease_until"} <= set(db.table("slack_jobs").columns_dict)
    assert recover(db) == [1]  # running with no lease: its process is gone


async def test_runner_runs_retries_and_gives_up(tmp_path: Path) -> None:
    db = database(tmp_path)
    seen: list[tuple[str, int]] = []

    async def flaky(job: Job) -> None:
        seen.append((job.key, job.attempts))
        if job.key == "bad" or job.attempts < 2:
            raise RuntimeError("boom")

    runner = JobRunner(db, {"x": flaky}, retry_delay=0.0, max_attempts=3)
    for key in ("good", "bad"):
        runner.submit(enqueue(db, "x", key, {}))  # type: ignore[arg-type]
    runner.submit(enqueue(db, "unknown-kind", "odd", {}))  # type: ignore[arg-type]
    await runner.drain()
    assert ("good", 2) in seen and ("bad", 3) in seen and ("bad", 4) not in seen
    assert count_by_status(db) == {"done": 1, "failed": 2}


async def test_stopping_leaves_unfinished_jobs_pending(tmp_path: Path) -> None:
    db = database(tmp_path)
    started = asyncio.Event()

    async def slow(job: Job) -> None:
        started.set()
        await asyncio.sleep(60)

    runner = JobRunner(db, {"x": slow})
    runner.submit(enqueue(db, "x", "k", {}))  # type: ignore[arg-type]
    await started.wait()
    await runner.stop(grace=0.01)
    assert count_by_status(db) == {"pending": 1}


async def test_background_work_takes_its_turn_after_every_job_waiting(tmp_path: Path) -> None:
    db = database(tmp_path)
    order: list[str] = []
    first_running, release = asyncio.Event(), asyncio.Event()

    async def job(job: Job) -> None:
        if job.key == "first":
            first_running.set()
            await release.wait()
        order.append(job.key)

    runner = JobRunner(db, {"x": job}, slots=1)
    runner.submit(enqueue(db, "x", "first", {}))  # type: ignore[arg-type]
    await first_running.wait()

    async def background() -> None:
        async with runner.background_turn():
            order.append("chain")

    waiting = asyncio.create_task(background())
    await asyncio.sleep(0)
    runner.submit(enqueue(db, "x", "link", {}))  # type: ignore[arg-type]  # arrives after the chain
    await asyncio.sleep(0)
    release.set()
    await runner.drain()
    await waiting
    assert order == ["first", "link", "chain"]


async def test_background_work_waits_for_the_jobs_under_way_though_slots_are_free(tmp_path: Path) -> None:
    db = database(tmp_path)
    order: list[str] = []
    running, release = asyncio.Event(), asyncio.Event()

    async def job(job: Job) -> None:
        running.set()
        await release.wait()  # a link waiting for its page or its worker: it holds no slot, it is under way
        order.append(job.key)

    runner = JobRunner(db, {"x": job}, slots=8)
    runner.submit(enqueue(db, "x", "link", {}))  # type: ignore[arg-type]
    await running.wait()

    async def background() -> None:
        async with runner.background_turn():
            order.append("chain")

    waiting = asyncio.create_task(background())
    for _ in range(5):
        await asyncio.sleep(0)
    assert order == []  # seven slots free, but a reply is still being worked on
    release.set()
    await runner.drain()
    await waiting
    assert order == ["link", "chain"]


async def test_background_work_takes_its_turn_once_its_patience_runs_out(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(jobs, "BACKGROUND_PATIENCE", 0.05)
    db = database(tmp_path)
    running, release = asyncio.Event(), asyncio.Event()

    async def job(job: Job) -> None:
        running.set()
        await release.wait()

    runner = JobRunner(db, {"x": job}, slots=8)
    runner.submit(enqueue(db, "x", "never-idle", {}))  # type: ignore[arg-type]
    await running.wait()
    async with runner.background_turn():  # a bot that is never idle still gets its chains compared
        assert not release.is_set()
    release.set()
    await runner.drain()


def test_mute_and_channel_list(tmp_path: Path) -> None:
    db = database(tmp_path)
    channels.mark_active(db, "C1")
    channels.set_muted(db, "C2", True, user="U1")
    assert channels.is_muted(db, "C2") and not channels.is_muted(db, "C1")
    channels.mark_active(db, "C2")  # a later message does not unmute
    assert channels.is_muted(db, "C2")
    assert [(c.channel, c.muted) for c in channels.list_channels(db)] == [("C1", False), ("C2", True)]
    assert channels.mark_introduced(db, "C1") and not channels.mark_introduced(db, "C1")


async def test_pacer_allows_a_burst_then_one_per_interval() -> None:
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    pacer = ChannelPacer(interval=1.0, burst=3, clock=lambda: now[0], sleep=sleep)
    for _ in range(5):
        await pacer.wait("C1")
    await pacer.wait("C2")  # another channel has its own budget
    assert slept == [1.0, 1.0]
