"""A process that runs the durable job queue on a database, for tests with real processes (test_job_leases.py).

    python -m tests.job_process DB LOG LEASE_SECONDS HOLD_SECONDS

Each job it runs writes "start KEY PID" to LOG, waits HOLD_SECONDS (a slow Slack answer), then writes
"done KEY PID". SIGTERM stops it the way `provbot run` stops: running jobs get a short grace, then are handed back.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys

from bot.slack.jobs import Job, JobRunner, ensure_jobs_table
from bot.storage import open_database


async def main(db_path: str, log_path: str, lease: float, hold: float) -> None:
    db = open_database(db_path)
    ensure_jobs_table(db)
    pid = os.getpid()

    def write(line: str) -> None:
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(line + "\n")

    async def slow(job: Job) -> None:
        write(f"start {job.key} {pid}")
        await asyncio.sleep(hold)
        write(f"done {job.key} {pid}")

    runner = JobRunner(db, {"x": slow}, lease=lease, retry_delay=0.0)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    runner.resume()
    write(f"ready {pid}")
    await stop.wait()
    await runner.stop(grace=0.2)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])))
