"""The durable work queue: every piece of work a Slack event asks for is written here before Slack is answered.

A listener stores a job and returns, which acknowledges the event; a runner then does the work in the background.
Each job has a `key` (for a new message: channel and ts) so the same work is never stored twice, whatever Slack
re-delivers.

A running job is owned: its row names the process running it (`owner`) and a lease (`lease_until`) that process
renews while it works. Another process on the same database (the new one in a rolling deploy, a restart after a
crash) takes only pending jobs and running jobs whose lease ran out, so no job is run by two processes at once,
and work a crash abandoned is picked up once its lease ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import json
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from bot.migrations import ensure_current
from bot.slack.events import mark_seen
from bot.slack.priority_gate import PriorityGate
from bot.storage import utc_text

TABLE = "slack_jobs"
RESUMING = -1  # slot priority of a job back from a network wait
NEW_JOB = 1  # slot priority of a job not yet started, pasted text and links alike: in order of arrival
# A job cancelled at shutdown while Slack is answering its post finishes that post (bot.slack.web); the stop waits
# this long for it: a Web API call's timeout and a margin. Jobs doing anything else end at once.
IN_FLIGHT_WAIT = 35.0
BACKGROUND = 2  # slot priority of work done after a reply (a chain's comparison): after every job waiting
# How long work done after a reply waits for the runner to have no job under way before it takes its turn anyway
# (a bot that is never idle still updates its replies; until then the CPU goes to the first replies).
BACKGROUND_PATIENCE = 10.0
LEASE_SECONDS = 30.0  # how long a running job stays its owner's without being renewed (renewed every third of it)
log = logging.getLogger(__name__)


@dataclass
class Job:
    id: int
    kind: str
    key: str
    payload: dict[str, Any]
    attempts: int
    created_at: str


JobHandler = Callable[[Job], Awaitable[None]]


@dataclass
class JobPosts:
    """The job a task is running, as the Slack poster sees it: its key names the messages it posts, and a job
    that ran before (a crash, a stop, a failed attempt) may have posted already."""

    key: str
    created_at: str
    resumed: bool
    posted: int = 0

    def next_post(self) -> int:
        """The number of this post within the job: the same post gets the same number when the job runs again."""
        self.posted += 1
        return self.posted


_job_posts: contextvars.ContextVar[JobPosts | None] = contextvars.ContextVar("provbot_job_posts", default=None)


def running_job() -> JobPosts | None:
    """The job the current task runs (None outside jobs: listeners, background tasks)."""
    return _job_posts.get()


def _now() -> str:
    return utc_text()


def _later(seconds: float) -> str:
    return utc_text(datetime.now(UTC) + timedelta(seconds=seconds))  # compared as text with _now(): one format


def new_owner_id() -> str:
    """This process's name on the jobs it runs: host, process id and a random part (process ids are reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def ensure_jobs_table(db: sqlite_utils.Database) -> None:
    # The table's shape: bot/migrations.py. No index on status: SQLite would pick it for "id = ? and status = ?"
    # and walk every pending row (it did, and claiming a job under load cost more than analysing the article).
    ensure_current(db)


def enqueue(
    db: sqlite_utils.Database, kind: str, key: str, payload: dict[str, Any], *, event_id: str | None = None
) -> int | None:
    """Store a job (and mark its event seen) in one transaction; None when the event or the key is a repeat."""
    now = _now()
    with db.atomic():
        if event_id and not mark_seen(db, event_id):
            return None
        cursor = db.execute(
            f"insert or ignore into {TABLE} (team_id, kind, key, payload, created_at, updated_at)"
            " values (?, ?, ?, ?, ?, ?)",
            [payload.get("team_id"), kind, key, json.dumps(payload, ensure_ascii=False), now, now],
        )
        return cursor.lastrowid if cursor.rowcount == 1 else None


def claim(db: sqlite_utils.Database, job_id: int, owner: str, lease: float = LEASE_SECONDS) -> Job | None:
    """Take a pending job, or a running one whose owner's lease ran out, for `owner`; None when it is not free."""
    now = _now()
    cursor = db.execute(
        f"update {TABLE} set status = 'running', owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?"
        " where id = ? and (status = 'pending' or (status = 'running' and (lease_until is null or lease_until < ?)))",
        [owner, _later(lease), now, job_id, now],
    )
    if cursor.rowcount != 1:
        return None
    row = db.execute(
        f"select id, kind, key, payload, attempts, created_at from {TABLE} where id = ?", [job_id]
    ).fetchone()
    return Job(row[0], row[1], row[2], json.loads(row[3]), row[4], row[5])


def renew(db: sqlite_utils.Database, owner: str, job_ids: list[int], lease: float = LEASE_SECONDS) -> int:
    """Extend the lease of `owner`'s running jobs; returns how many it still owns."""
    if not job_ids:
        return 0
    marks = ", ".join("?" * len(job_ids))
    return db.execute(
        f"update {TABLE} set lease_until = ? where owner = ? and status = 'running' and id in ({marks})",
        [_later(lease), owner, *job_ids],
    ).rowcount


def finish(
    db: sqlite_utils.Database, job_id: int, status: str, error: str | None = None, owner: str | None = None
) -> bool:
    """Record how a job ended (`pending` hands it back); with `owner`, only while that owner still holds it.
    False when it did not: the lease ran out and another process took the job."""
    held = " and owner = ? and status = 'running'" if owner else ""
    cursor = db.execute(
        f"update {TABLE} set status = ?, error = ?, owner = null, lease_until = null, updated_at = ?"
        f" where id = ?{held}",
        [status, error, _now(), job_id, *([owner] if owner else [])],
    )
    return cursor.rowcount == 1


def recover(db: sqlite_utils.Database) -> list[int]:
    """Jobs free to run, oldest first: pending ones and those whose owner stopped renewing its lease (a crash).
    Jobs another live process is running are left to it."""
    rows = db.execute(
        f"select id from {TABLE} where status = 'pending'"
        " or (status = 'running' and (lease_until is null or lease_until < ?)) order by id",
        [_now()],
    ).fetchall()
    return [r[0] for r in rows]


def count_by_status(db: sqlite_utils.Database) -> dict[str, int]:
    return dict(db.execute(f"select status, count(*) from {TABLE} group by status").fetchall())


def prune_finished(
    db: sqlite_utils.Database, *, older_than: timedelta = timedelta(days=2), now: datetime | None = None
) -> int:
    cutoff = utc_text((now or datetime.now(UTC)) - older_than)
    return db.execute(f"delete from {TABLE} where status in ('done', 'failed') and updated_at < ?", [cutoff]).rowcount


class JobRunner:
    """Runs stored jobs as asyncio tasks; failures are retried a few times.

    Jobs do their CPU work (analysis, rendering, storing) holding one of a few slots, handed out by priority;
    network waits give the slot up (`waiting_on_io`). The event loop then never has more than `slots` jobs' work
    queued ahead of an incoming request, so acknowledgements stay fast however many checks are under way,
    while any number of jobs can wait on slow sites at once.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        handlers: dict[str, JobHandler],
        *,
        slots: int = 8,
        max_attempts: int = 3,
        retry_delay: float = 2.0,
        lease: float = LEASE_SECONDS,
        owner: str | None = None,
    ) -> None:
        self.db = db
        self.handlers = handlers
        self.max_attempts = max_attempts
        self.retry_delay = retry_delay
        self.lease = lease
        self.owner = owner or new_owner_id()
        self._gate = PriorityGate(slots)
        self._tasks: set[asyncio.Task[None]] = set()
        self._held: set[int] = set()  # ids of the jobs this runner owns now
        self._no_jobs = asyncio.Event()  # set while no job is under way (background work waits for it)
        self._no_jobs.set()
        self._stopping = False
        self._keeper: asyncio.Task[None] | None = None

    def submit(self, job_id: int, *, delay: float = 0.0) -> None:
        if self._stopping:
            return  # stays pending in the database; the next start resumes it
        if self._keeper is None:
            self._keeper = asyncio.create_task(self._keep_leases(), name="job-leases")
        task = asyncio.create_task(self._run(job_id, delay), name=f"job-{job_id}")
        self._tasks.add(task)
        self._no_jobs.clear()
        task.add_done_callback(self._job_done)

    def _job_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self._no_jobs.set()

    def resume(self) -> int:
        """Submit the jobs free to run (pending, or abandoned by a stopped process), and from now on renew this
        runner's leases and pick up jobs whose lease runs out later."""
        ids = self._submit_free()
        if ids:
            log.info("resuming %d job(s) left from an earlier run", len(ids))
        elif self._keeper is None:
            self._keeper = asyncio.create_task(self._keep_leases(), name="job-leases")
        return len(ids)

    def _submit_free(self) -> list[int]:
        queued = {int(t.get_name().removeprefix("job-")) for t in self._tasks if t.get_name().startswith("job-")}
        ids = [job_id for job_id in recover(self.db) if job_id not in queued]
        for job_id in ids:
            self.submit(job_id)
        return ids

    async def _keep_leases(self) -> None:
        """Renew the leases of the jobs under way (while stopping too: a job finishing its post is still ours);
        take over jobs whose owner stopped renewing theirs."""
        while True:
            await asyncio.sleep(self.lease / 3)
            try:
                renew(self.db, self.owner, sorted(self._held), self.lease)
                if not self._stopping and (taken := self._submit_free()):
                    log.info("taking over %d job(s) whose owner stopped", len(taken))
            except Exception as error:  # a locked or busy database: try again at the next round
                log.warning("could not renew job leases: %s", _describe(error))

    @contextlib.asynccontextmanager
    async def background_turn(self, due: float | None = None) -> AsyncIterator[None]:
        """A slot for work that must not hold up first replies (a copy compared with its original after its reply),
        held until the work is done. It waits for a moment with no job under way (the work's CPU, here and in the
        workers, would otherwise be taken from replies people are waiting for), but not past `BACKGROUND_PATIENCE`
        after `due` (the event loop's time the work was asked for; default now), and then for no job to be waiting
        for a slot."""
        loop = asyncio.get_running_loop()
        patience = (loop.time() if due is None else due) + BACKGROUND_PATIENCE - loop.time()
        if patience > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._no_jobs.wait(), patience)
        slot = _Slot(self._gate, BACKGROUND)
        await slot.take()
        try:
            yield
        finally:
            slot.give()

    @property
    def busy(self) -> int:
        return len(self._tasks)

    async def _run(self, job_id: int, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        slot = _Slot(self._gate, NEW_JOB)
        await slot.take()
        _slot.set(slot)  # this task's own context: waiting_on_io() finds it
        try:
            job = claim(self.db, job_id, self.owner, self.lease)
            if job is None:
                return
            self._held.add(job.id)
            _job_posts.set(JobPosts(job.key, job.created_at, resumed=job.attempts > 1))
            try:
                await self._handle(job)
            finally:
                self._held.discard(job.id)
        finally:
            slot.give()

    async def _handle(self, job: Job) -> None:
        owner = self.owner
        handler = self.handlers.get(job.kind)
        if handler is None:
            finish(self.db, job.id, "failed", f"no handler for job kind {job.kind!r}", owner)
            return
        try:
            await handler(job)
        except asyncio.CancelledError:
            # Shutting down: hand it back at once, so the process taking over need not wait for the lease to end.
            finish(self.db, job.id, "pending", None, owner)
            raise
        except Exception as error:
            if job.attempts < self.max_attempts and not self._stopping:
                log.warning("%s job %d failed (%s); trying again", job.kind, job.id, type(error).__name__)
                if finish(self.db, job.id, "pending", _describe(error), owner):
                    self.submit(job.id, delay=self.retry_delay * job.attempts)
            else:
                log.error("%s job %d failed for good: %s", job.kind, job.id, _describe(error))
                finish(self.db, job.id, "failed", _describe(error), owner)
        else:
            if not finish(self.db, job.id, "done", None, owner):
                log.warning("%s job %d finished after its lease ran out and another process took it", job.kind, job.id)

    async def stop(self, grace: float = 5.0) -> None:
        """Let running jobs finish for up to `grace` seconds, then cancel the rest (they stay pending)."""
        self._stopping = True
        tasks = [t for t in self._tasks if not t.done()]
        if tasks:
            _, still = await asyncio.wait(tasks, timeout=grace)
            for task in still:
                task.cancel()
            if still:
                await asyncio.wait(still, timeout=IN_FLIGHT_WAIT)  # a post under way is finished first
                if left := sum(1 for task in still if task.cancelled() or not task.done()):
                    log.info("left %d unfinished job(s) for the next start", left)
        if self._keeper is not None:
            self._keeper.cancel()

    async def drain(self) -> None:
        """Wait until no job is running (tests and the benchmark)."""
        while self._tasks:
            await asyncio.wait(list(self._tasks))


class _Slot:
    """A running job's place in the runner's CPU slots."""

    def __init__(self, gate: PriorityGate, priority: int) -> None:
        self.gate = gate
        self.priority = priority
        self.held = False

    async def take(self, *, resuming: bool = False) -> None:
        # A job back from the network goes ahead of jobs not yet started: finishing work already under way
        # first keeps each check's total time short.
        await self.gate.acquire(RESUMING if resuming else self.priority)
        self.held = True

    def give(self) -> None:
        if self.held:
            self.held = False
            self.gate.release()


_slot: contextvars.ContextVar[_Slot | None] = contextvars.ContextVar("provbot_job_slot", default=None)


@contextlib.asynccontextmanager
async def waiting_on_io() -> AsyncIterator[None]:
    """Wrap network waits inside a job (fetching a page, calling Slack): the job's CPU slot goes to another job
    meanwhile, so slow sites or Slack's Retry-After never hold up the rest."""
    slot = _slot.get()
    if slot is None or not slot.held:
        yield
        return
    slot.give()
    try:
        yield
    finally:
        await slot.take(resuming=True)


def _describe(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}"[:300]
