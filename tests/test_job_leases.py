"""Job ownership with real processes on one database: a rolling deploy, SIGTERM and SIGKILL while jobs wait on a
slow answer. Each job must be done exactly once: none lost, none run twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from bot.slack.jobs import count_by_status, enqueue, ensure_jobs_table
from bot.storage import open_database

pytestmark = pytest.mark.real_processes

REPO = Path(__file__).resolve().parent.parent
JOBS = 12


def _start(db: Path, log: Path, lease: float, hold: float) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.job_process", str(db), str(log), str(lease), str(hold)], cwd=REPO
    )


def _lines(log: Path, word: str, pid: int | None = None) -> list[str]:
    """The job keys of the log's lines that start with `word` (of process `pid` alone when given)."""
    if not log.exists():
        return []
    lines = [line.split() for line in log.read_text().splitlines() if line.startswith(word + " ")]
    return [key for _, key, by in lines if pid is None or by == str(pid)]


def _wait_for(condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _queue(tmp_path: Path) -> Path:
    db_path = tmp_path / "jobs.db"
    db = open_database(db_path)
    ensure_jobs_table(db)
    for number in range(JOBS):
        enqueue(db, "x", f"job{number}", {})
    return db_path


def _ready(log: Path, process: subprocess.Popen[bytes]) -> bool:
    return f"ready {process.pid}" in (log.read_text() if log.exists() else "")


def test_two_processes_on_one_database_run_each_job_once(tmp_path: Path) -> None:
    db, log = _queue(tmp_path), tmp_path / "log"
    first, second = _start(db, log, 2.0, 0.3), _start(db, log, 2.0, 0.3)
    try:
        _wait_for(lambda: len(_lines(log, "done")) >= JOBS)
        time.sleep(1.0)  # a lease round of both: nothing is taken twice afterwards either
    finally:
        for process in (first, second):
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    assert Counter(_lines(log, "done")) == {f"job{n}": 1 for n in range(JOBS)}
    assert Counter(_lines(log, "start")) == {f"job{n}": 1 for n in range(JOBS)}
    assert count_by_status(open_database(db)) == {"done": JOBS}


def test_a_rolling_deploy_leaves_running_jobs_to_the_old_process_until_it_stops(tmp_path: Path) -> None:
    db, log = _queue(tmp_path), tmp_path / "log"
    old = _start(db, log, 1.5, 600.0)  # Slack answers very slowly: the old process is mid-way through every job
    _wait_for(lambda: len(_lines(log, "start")) >= 8)  # its slots are full, some jobs still pending
    new = _start(db, log, 1.5, 0.2)
    try:
        _wait_for(lambda: _ready(log, new))
        time.sleep(2.0)  # more than a lease: the old process renews, the new one takes only the pending jobs
        started_by_old = set(_lines(log, "start", old.pid))
        assert len(started_by_old) == 8
        assert not set(_lines(log, "start", new.pid)) & started_by_old
        old.send_signal(signal.SIGTERM)  # the deploy stops the old process: it hands its jobs back
        assert old.wait(timeout=30) == 0
        _wait_for(lambda: len(set(_lines(log, "done"))) >= JOBS)
    finally:
        new.send_signal(signal.SIGTERM)
        new.wait(timeout=30)
        old.kill()
    assert Counter(_lines(log, "done")) == {f"job{n}": 1 for n in range(JOBS)}
    assert count_by_status(open_database(db)) == {"done": JOBS}


def test_jobs_of_a_killed_process_are_taken_over_once_its_lease_ends(tmp_path: Path) -> None:
    db, log = _queue(tmp_path), tmp_path / "log"
    killed = _start(db, log, 1.0, 600.0)
    _wait_for(lambda: len(_lines(log, "start")) >= 8)
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait(timeout=30)
    survivor = _start(db, log, 1.0, 0.1)
    try:
        _wait_for(lambda: len(set(_lines(log, "done"))) >= JOBS)
        time.sleep(1.0)
    finally:
        survivor.send_signal(signal.SIGTERM)
        survivor.wait(timeout=30)
    assert Counter(_lines(log, "done")) == {f"job{n}": 1 for n in range(JOBS)}
    assert count_by_status(open_database(db)) == {"done": JOBS}
