"""The digest schedule with an injected clock: zones, midnight, DST, restarts, at most one digest a day."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils

from bot.checks import record_check
from bot.digest.runner import DigestService, describe_schedule, run_scheduler
from bot.digest.schedule import (
    MAX_ATTEMPTS,
    claim,
    due,
    finish,
    get_schedule,
    next_digest,
    next_run,
    scheduled_instant,
    sent_log,
    set_schedule,
    switch_off,
    window,
)
from bot.model import Analysis, InputInfo, Outlet
from bot.settings import Settings
from bot.storage import open_database
from tests.fakes import FakeSlack

BERLIN = ZoneInfo("Europe/Berlin")
LA = ZoneInfo("America/Los_Angeles")


class Clock:
    """A settable clock: tests move time by hand, so nothing waits on the real one."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, value: datetime) -> None:
        self.now = value.astimezone(UTC)


def settings(tmp_path: Path, at: str = "09:00", tz: str = "UTC") -> Settings:
    return Settings(db_path=str(tmp_path / "provbot.db"), digest_time=at, tz=tz, slack_bot_token="xoxb-test")


def check(db: sqlite_utils.Database, channel: str, when: datetime, title: str = "A piece") -> None:
    result = Analysis(input=InputInfo("url", "https://ex.com/a"), title=title, outlet=Outlet("Ex", kind="news"))
    stamp = when.astimezone(UTC)
    record_check(
        db,
        channel=channel,
        user="U1",
        message_ts=f"{int(stamp.timestamp())}.000100",
        link="https://ex.com/a",
        source="message",
        result=result,
        now=stamp,
    )


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_database(tmp_path / "provbot.db")


def local(zone: ZoneInfo, *args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=zone, fold=fold)  # type: ignore[misc]


# --- pure time arithmetic ------------------------------------------------------------------------------------------


def test_scheduled_instant_plain_gap_and_overlap() -> None:
    assert scheduled_instant(date(2026, 11, 24), "09:00", BERLIN) == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    # Spring forward in Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST; 02:30 does not exist and runs at
    # the first instant after it, the transition at 01:00 UTC (03:00 local).
    gap = scheduled_instant(date(2026, 3, 29), "02:30", BERLIN)
    assert gap == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert gap.astimezone(BERLIN).strftime("%H:%M %Z") == "03:00 CEST"
    # Fall back, 25 October 2026: 02:30 happens twice; the first (CEST, 00:30 UTC) is the one.
    overlap = scheduled_instant(date(2026, 10, 25), "02:30", BERLIN)
    assert overlap == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    # Los Angeles springs forward at 02:00 too, on 8 March 2026.
    assert scheduled_instant(date(2026, 3, 8), "02:15", LA) == datetime(2026, 3, 8, 10, 0, tzinfo=UTC)


def test_window_is_previous_digest_to_this_one_across_dst() -> None:
    start, end = window(date(2026, 3, 29), "09:00", BERLIN)
    assert end - start == timedelta(hours=23)
    start, end = window(date(2026, 10, 25), "09:00", BERLIN)
    assert end - start == timedelta(hours=25)
    start, end = window(date(2026, 11, 24), "09:00", BERLIN)
    assert (start, end) == (datetime(2026, 11, 23, 8, tzinfo=UTC), datetime(2026, 11, 24, 8, tzinfo=UTC))


def test_next_run_rolls_over_midnight() -> None:
    from bot.digest.schedule import ChannelSchedule

    schedule = ChannelSchedule("C1", "23:30", "America/Los_Angeles", custom=True)
    # 07:00 UTC on the 25th is 23:00 on the 24th in LA: today's 23:30 is still ahead.
    assert next_run(schedule, datetime(2026, 11, 25, 7, 0, tzinfo=UTC)) == datetime(2026, 11, 25, 7, 30, tzinfo=UTC)
    assert next_run(schedule, datetime(2026, 11, 25, 7, 31, tzinfo=UTC)) == datetime(2026, 11, 26, 7, 30, tzinfo=UTC)


# --- due(), claims and the settings table -------------------------------------------------------------------------


def test_due_in_each_channels_own_zone_across_midnight(db: sqlite_utils.Database) -> None:
    now = datetime(2026, 11, 25, 7, 45, tzinfo=UTC)  # 08:45 in Berlin, 23:45 (24th) in LA, 07:45 UTC
    for channel in ("CUTC", "CBER", "CLA"):
        check(db, channel, now - timedelta(hours=2))
    set_schedule(db, "CBER", "08:30", "Europe/Berlin", now=now)
    set_schedule(db, "CLA", "23:30", "America/Los_Angeles", now=now)
    found = {d.channel: d for d in due(db, now, "09:00", "UTC")}
    assert set(found) == {"CBER", "CLA"}  # UTC's 09:00 has not come yet
    assert found["CLA"].local_date == date(2026, 11, 24)  # its day is still the 24th
    assert found["CLA"].scheduled_at == datetime(2026, 11, 25, 7, 30, tzinfo=UTC)
    assert found["CBER"].start == datetime(2026, 11, 24, 7, 30, tzinfo=UTC)


def test_claim_is_once_per_channel_and_day(db: sqlite_utils.Database) -> None:
    now = datetime(2026, 11, 24, 9, tzinfo=UTC)
    day = date(2026, 11, 24)
    assert claim(db, "C1", day, now) is True
    assert claim(db, "C1", day, now) is False
    assert claim(db, "C2", day, now) is True
    assert claim(db, "C1", day + timedelta(days=1), now) is True


def test_schedule_settings_keep_zone_and_switch_off(db: sqlite_utils.Database) -> None:
    now = datetime(2026, 11, 24, 9, tzinfo=UTC)
    assert get_schedule(db, "C1", "09:00", "UTC").custom is False
    set_schedule(db, "C1", "07:15", "Asia/Tokyo", now=now)
    set_schedule(db, "C1", "08:00", None, now=now)  # a time alone keeps the zone set before
    assert get_schedule(db, "C1", "09:00", "UTC") == get_schedule(db, "C1", "x", "y")
    schedule = get_schedule(db, "C1", "09:00", "UTC")
    assert (schedule.clock, schedule.zone, schedule.off) == ("08:00", "Asia/Tokyo", False)
    switch_off(db, "C1", now=now)
    assert get_schedule(db, "C1", "09:00", "UTC").off is True
    set_schedule(db, "C1", "10:00", None, now=now)
    schedule = get_schedule(db, "C1", "09:00", "UTC")
    assert (schedule.clock, schedule.zone, schedule.off) == ("10:00", "Asia/Tokyo", False)


# --- the service: posting, restarts, no double post ---------------------------------------------------------------


def service(tmp_path: Path, clock: Clock, slack: FakeSlack, **kw: str) -> DigestService:
    """A fresh service on the same database file: what the bot is after a restart."""
    return DigestService(settings(tmp_path, **kw), open_database(tmp_path / "provbot.db"), slack, clock)  # type: ignore[arg-type]


async def test_restart_before_at_and_after_the_digest_time(tmp_path: Path, db: sqlite_utils.Database) -> None:
    clock = Clock(datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    slack = FakeSlack()
    check(db, "C1", datetime(2026, 11, 23, 20, 0, tzinfo=UTC))
    check(db, "C1", datetime(2026, 11, 24, 9, 30, tzinfo=UTC), "After the cut-off")
    # Before: nothing due, even after a restart.
    assert await service(tmp_path, clock, slack).tick() == []
    clock.set(datetime(2026, 11, 24, 8, 59, 59, tzinfo=UTC))
    assert await service(tmp_path, clock, slack).tick() == []
    # At the time: one post, with the window's check only.
    clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    [outcome] = await service(tmp_path, clock, slack).tick()
    assert outcome.status == "sent" and outcome.digest is not None and outcome.digest.total == 1
    assert len(slack.top_level("C1")) == 1
    # After: restarts and further ticks the same day post nothing more.
    for minutes in (1, 60, 14 * 60 + 59):
        clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=UTC) + timedelta(minutes=minutes))
        assert await service(tmp_path, clock, slack).tick() == []
    assert len(slack.top_level("C1")) == 1
    # Next day: the next digest, with the later check.
    clock.set(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    [outcome] = await service(tmp_path, clock, slack).tick()
    assert outcome.status == "sent" and outcome.digest is not None
    assert [i.title for i in outcome.digest.items] == ["After the cut-off"]
    assert [row["status"] for row in sent_log(db, "C1")] == ["sent", "sent"]


async def test_missed_run_is_sent_when_back_the_same_day_only(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack()
    check(db, "C1", datetime(2026, 11, 23, 20, 0, tzinfo=UTC))
    # Down at 10:00 Berlin; back at 22:00 Berlin the same day: the digest goes out then.
    clock = Clock(local(BERLIN, 2026, 11, 24, 22, 0).astimezone(UTC))
    [outcome] = await service(tmp_path, clock, slack, at="10:00", tz="Europe/Berlin").tick()
    assert outcome.status == "sent"
    # A channel whose missed day has passed: back after local midnight, yesterday's is not sent late.
    check(db, "C2", datetime(2026, 11, 24, 20, 0, tzinfo=UTC))
    clock.set(local(BERLIN, 2026, 11, 25, 0, 30))
    assert await service(tmp_path, clock, slack, at="10:00", tz="Europe/Berlin").tick() == []
    assert len(slack.top_level("C2")) == 0
    # ...and today's (the 25th) comes at 10:00, covering the check the missed day would have had.
    clock.set(local(BERLIN, 2026, 11, 25, 10, 0))
    outcomes = await service(tmp_path, clock, slack, at="10:00", tz="Europe/Berlin").tick()
    by_channel = {o.channel: o for o in outcomes}
    assert by_channel["C2"].status == "sent"


async def test_crash_between_claim_and_post_never_double_posts(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack()
    check(db, "C1", datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    clock = Clock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    # The previous process claimed the day and died before posting (or while posting).
    assert claim(db, "C1", date(2026, 11, 24), clock())
    clock.set(datetime(2026, 11, 24, 9, 5, tzinfo=UTC))
    assert await service(tmp_path, clock, slack).tick() == []
    assert slack.posts == []


async def test_two_processes_at_once_post_once(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack()
    for channel in ("C1", "C2", "C3"):
        check(db, channel, datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    clock = Clock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    first, second = service(tmp_path, clock, slack), service(tmp_path, clock, slack)
    results = await asyncio.gather(first.tick(), second.tick(), first.tick())
    statuses = sorted(o.status for outcomes in results for o in outcomes)
    assert statuses.count("sent") == 3
    assert sorted(p["channel"] for p in slack.top_level()) == ["C1", "C2", "C3"]


async def test_empty_day_posts_nothing(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack()
    clock = Clock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    assert await service(tmp_path, clock, slack).tick() == []  # no checks at all
    check(db, "C1", datetime(2026, 11, 24, 9, 30, tzinfo=UTC))  # after today's cut-off: tomorrow's
    check(db, "C2", datetime(2026, 11, 20, 9, 30, tzinfo=UTC))  # long ago
    clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    assert await service(tmp_path, clock, slack).tick() == []
    assert slack.posts == []
    # nothing was in the window, so the day is not marked: the check is in tomorrow's digest
    assert sent_log(db, "C1") == []
    clock.set(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    [outcome] = await service(tmp_path, clock, slack).tick()
    assert (outcome.channel, outcome.status) == ("C1", "sent")


async def test_first_check_after_the_default_time_then_a_later_time_that_day(
    tmp_path: Path, db: sqlite_utils.Database
) -> None:
    """The default time (06:00) passes with nothing checked; the first check comes at 06:30; at 07:00 someone sets
    07:42: the digest goes out at 07:42, not never."""
    slack = FakeSlack()
    check(db, "C1", datetime(2026, 11, 23, 5, 0, tzinfo=UTC))  # two days back: only makes C1 a candidate
    clock = Clock(datetime(2026, 11, 24, 6, 0, tzinfo=UTC))
    assert await service(tmp_path, clock, slack, at="06:00").tick() == []
    check(db, "C1", datetime(2026, 11, 24, 6, 30, tzinfo=UTC), "The first of the day")
    for minute in (31, 45, 59):
        clock.set(datetime(2026, 11, 24, 6, minute, tzinfo=UTC))
        assert await service(tmp_path, clock, slack, at="06:00").tick() == []
    assert sent_log(db, "C1") == []  # not marked empty for the day
    clock.set(datetime(2026, 11, 24, 7, 0, tzinfo=UTC))
    set_schedule(db, "C1", "07:42", None, now=clock())
    schedule = get_schedule(db, "C1", "06:00", "UTC")
    assert next_digest(db, schedule, clock()) == datetime(2026, 11, 24, 7, 42, tzinfo=UTC)
    clock.set(datetime(2026, 11, 24, 7, 41, tzinfo=UTC))
    assert await service(tmp_path, clock, slack, at="06:00").tick() == []
    clock.set(datetime(2026, 11, 24, 7, 42, tzinfo=UTC))
    [outcome] = await service(tmp_path, clock, slack, at="06:00").tick()
    assert outcome.status == "sent" and outcome.digest is not None
    assert [i.title for i in outcome.digest.items] == ["The first of the day"]
    assert len(slack.top_level("C1")) == 1


async def test_a_day_left_empty_by_an_older_run_reopens_for_a_later_time(
    tmp_path: Path, db: sqlite_utils.Database
) -> None:
    slack = FakeSlack()
    clock = Clock(datetime(2026, 11, 24, 6, 0, tzinfo=UTC))
    check(db, "C1", datetime(2026, 11, 24, 6, 30, tzinfo=UTC))
    assert claim(db, "C1", date(2026, 11, 24), clock())
    finish(db, "C1", date(2026, 11, 24), "empty", clock())  # what the scheduler used to record
    set_schedule(db, "C1", "07:42", None, now=clock())
    clock.set(datetime(2026, 11, 24, 7, 42, tzinfo=UTC))
    [outcome] = await service(tmp_path, clock, slack, at="06:00").tick()
    assert outcome.status == "sent" and [row["status"] for row in sent_log(db, "C1")] == ["sent"]


async def test_a_later_time_after_todays_digest_went_out_is_tomorrows(
    tmp_path: Path, db: sqlite_utils.Database
) -> None:
    slack = FakeSlack()
    check(db, "C1", datetime(2026, 11, 24, 5, 0, tzinfo=UTC))
    clock = Clock(datetime(2026, 11, 24, 6, 0, tzinfo=UTC))
    assert [o.status for o in await service(tmp_path, clock, slack, at="06:00").tick()] == ["sent"]
    clock.set(datetime(2026, 11, 24, 7, 0, tzinfo=UTC))
    set_schedule(db, "C1", "07:42", None, now=clock())
    schedule = get_schedule(db, "C1", "06:00", "UTC")
    # at most one digest a day: the one already posted counts, so the next is tomorrow's, and it says so
    assert next_digest(db, schedule, clock()) == datetime(2026, 11, 25, 7, 42, tzinfo=UTC)
    answer = describe_schedule(settings(tmp_path, at="06:00"), db, "C1", clock())
    assert f"next: <!date^{int(datetime(2026, 11, 25, 7, 42, tzinfo=UTC).timestamp())}^" in answer
    clock.set(datetime(2026, 11, 24, 7, 42, tzinfo=UTC))
    assert await service(tmp_path, clock, slack, at="06:00").tick() == []


async def test_switched_off_channel_gets_none(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack()
    clock = Clock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    check(db, "C1", datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    switch_off(db, "C1", now=clock())
    assert await service(tmp_path, clock, slack).tick() == []
    set_schedule(db, "C1", "09:00", None, now=clock())
    assert [o.status for o in await service(tmp_path, clock, slack).tick()] == ["sent"]


async def test_spring_forward_gap_runs_once_at_the_transition(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack()
    check(db, "C1", datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    set_schedule(db, "C1", "02:30", "Europe/Berlin", now=datetime(2026, 3, 1, tzinfo=UTC))
    clock = Clock(datetime(2026, 3, 29, 0, 59, tzinfo=UTC))  # 01:59 CET, one minute before the jump
    svc = service(tmp_path, clock, slack)
    assert await svc.tick() == []
    clock.set(datetime(2026, 3, 29, 1, 0, tzinfo=UTC))  # 03:00 CEST
    [outcome] = await svc.tick()
    assert outcome.status == "sent"
    clock.set(datetime(2026, 3, 29, 1, 30, tzinfo=UTC))  # 03:30 CEST, past the nominal 02:30 + 1h
    assert await svc.tick() == []
    assert len(slack.top_level()) == 1


async def test_fall_back_overlap_runs_once(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack()
    check(db, "C1", datetime(2026, 10, 24, 12, 0, tzinfo=UTC))
    set_schedule(db, "C1", "02:30", "Europe/Berlin", now=datetime(2026, 10, 1, tzinfo=UTC))
    clock = Clock(local(BERLIN, 2026, 10, 25, 2, 29, fold=0).astimezone(UTC))
    svc = service(tmp_path, clock, slack)
    assert await svc.tick() == []
    clock.set(local(BERLIN, 2026, 10, 25, 2, 30, fold=0))  # first 02:30 (CEST)
    assert [o.status for o in await svc.tick()] == ["sent"]
    clock.set(local(BERLIN, 2026, 10, 25, 2, 30, fold=1))  # second 02:30 (CET), an hour later
    assert await service(tmp_path, clock, slack).tick() == []
    assert len(slack.top_level()) == 1


async def test_failed_post_is_retried_a_few_times_then_given_up(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack(fail="not_in_channel")
    check(db, "C1", datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    clock = Clock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    svc = service(tmp_path, clock, slack)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        clock.set(datetime(2026, 11, 24, 9, attempt, tzinfo=UTC))
        [outcome] = await svc.tick()
        assert (outcome.status, outcome.detail) == ("failed", "slack: not_in_channel")
    assert await svc.tick() == []
    [row] = sent_log(db, "C1")
    assert (row["status"], row["attempts"], row["detail"]) == ("failed", MAX_ATTEMPTS, "slack: not_in_channel")
    # A transient failure that clears: the next try goes through.
    slack.fail = None
    check(db, "C2", datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    slack.fail = "ratelimited"
    [outcome] = await svc.tick()
    assert outcome.status == "failed"
    slack.fail = None
    [outcome] = await svc.tick()
    assert (outcome.channel, outcome.status) == ("C2", "sent")


async def test_long_digest_goes_to_channel_then_thread(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack()
    for i in range(300):
        check(db, "C1", datetime(2026, 11, 24, 8, 0, tzinfo=UTC) - timedelta(minutes=i), f"Piece {i} " + "t" * 120)
    clock = Clock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    await service(tmp_path, clock, slack).tick()
    [first] = slack.top_level()
    rest = [p for p in slack.posts if p.get("thread_ts")]
    assert rest and all(p["thread_ts"] == "1800000000.000001" for p in rest)
    assert all(len(p["blocks"]) <= 50 for p in slack.posts)
    assert first["unfurl_links"] is False


async def test_scheduler_loop_ticks_until_stopped(tmp_path: Path, db: sqlite_utils.Database) -> None:
    slack = FakeSlack()
    check(db, "C1", datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    clock = Clock(datetime(2026, 11, 24, 8, 58, tzinfo=UTC))
    stop = asyncio.Event()
    waits: list[datetime] = []

    def wait(now: datetime) -> float:
        # Stand-in for "sleep to the next minute": advance the fake clock instead, and stop after a few ticks.
        waits.append(now)
        clock.set(now + timedelta(minutes=1))
        if len(waits) == 5:
            stop.set()
        return 0

    await asyncio.wait_for(run_scheduler(service(tmp_path, clock, slack), stop, wait=wait), timeout=10)
    assert len(waits) == 5
    assert len(slack.top_level()) == 1  # due at 09:00, the third tick; not again on the fourth and fifth


def test_claim_holds_across_connections_in_threads(tmp_path: Path, db: sqlite_utils.Database) -> None:
    """Separate connections (as separate processes have) racing for one day: exactly one wins."""
    from concurrent.futures import ThreadPoolExecutor

    from bot.digest.schedule import ensure_tables

    ensure_tables(db)
    now = datetime(2026, 11, 24, 9, tzinfo=UTC)

    def attempt(_: int) -> bool:
        own = open_database(tmp_path / "provbot.db")
        try:
            return claim(own, "C1", date(2026, 11, 24), now)
        finally:
            own.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(attempt, range(16)))
    assert results.count(True) == 1
