"""`/provenance digest …` and the digest scheduler end to end: the real Bolt app over HTTP with signed requests
(the shared `start_bot` / `slack_bot` fixtures), answering through the local Web API stand-in. The digests' clock
is injected; nothing waits on real time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.checks import record_check
from bot.digest import runner as digest_scheduler
from bot.digest.schedule import get_schedule, sent_log
from bot.model import Analysis, InputInfo, Outlet, Republication, Source
from bot.storage import open_database
from tests.conftest import RunningBot

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def slash(bot: RunningBot, text: str, channel: str = "C1") -> str:
    """Run `/provenance <text>` as Slack would and return the (ephemeral) answer's text."""
    before = len(bot.slack.responses)
    status, _ = await bot.signed.command(text, response_url=bot.slack.response_url(), channel_id=channel)
    assert status == 200
    answer = await bot.slack.wait_for_response(before + 1)
    assert answer.params.get("response_type") == "ephemeral"
    return str(answer.params.get("text"))


def db_path(bot: RunningBot) -> Path:
    return Path(bot.server.settings.db_path)


def piece(db_path: Path, channel: str, when: datetime, title: str) -> None:
    db = open_database(db_path)
    rt = Outlet("RT", "rt.com", kind="state-controlled")
    record_check(
        db,
        channel=channel,
        user="U2",
        message_ts=f"{int(when.timestamp())}.000200",
        link="https://www.globalresearch.ca/x",
        source="message",
        result=Analysis(
            input=InputInfo("url", "https://www.globalresearch.ca/x"),
            title=title,
            outlet=Outlet("Global Research", "globalresearch.ca", kind="republisher"),
            republication=Republication(True, Source("RT", outlet=rt)),
        ),
        now=when,
    )
    db.close()


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Set before the bot starts: its scheduler's first tick runs at start."""
    clock = Clock(NOW)
    monkeypatch.setattr(digest_scheduler, "clock", clock)
    return clock


def digest_posts(bot: RunningBot, channel: str) -> list[Any]:
    return [
        c
        for c in bot.slack.calls_to("chat.postMessage")
        if c.params.get("channel") == channel and str(c.params.get("text", "")).startswith("Provenance digest")
    ]


async def test_set_time_and_zone_then_show_it(slack_bot: RunningBot) -> None:
    answer = await slash(slack_bot, "digest 7:45 europe/berlin")
    assert answer == (
        ":calendar: Daily digest for this channel at 07:45 Europe/Berlin."
        " Next: Wed 25 Nov 07:45, if anything was checked in the 24 hours before."
    )
    schedule = get_schedule(slack_bot.services.db, "C1", "09:00", "UTC")
    assert (schedule.clock, schedule.zone, schedule.custom) == ("07:45", "Europe/Berlin", True)
    answer = await slash(slack_bot, "digest")
    assert answer.startswith("Daily digest at 07:45 Europe/Berlin; next: <!date^")
    assert "{date_short_pretty} at {time}|Wed 25 Nov 07:45 Europe/Berlin>." in answer
    assert "/provenance digest" in await slash(slack_bot, "help")


async def test_bad_time_and_zone_get_one_line_errors(slack_bot: RunningBot) -> None:
    answer = await slash(slack_bot, "digest 24:00")
    assert answer.startswith("`24:00` isn't a time of day: use 24-hour HH:MM") and "\n" not in answer
    answer = await slash(slack_bot, "digest 09:00 Moon/Base")
    assert answer.startswith("`Moon/Base` isn't a time zone I know") and "\n" not in answer
    assert get_schedule(slack_bot.services.db, "C1", "09:00", "UTC").custom is False


async def test_a_long_paste_starting_with_digest_is_checked_not_routed(slack_bot: RunningBot) -> None:
    answer = await slash(slack_bot, "digest of the week: markets, weather and sport")
    assert "isn't a time of day" not in answer


async def test_off_stops_the_scheduled_digest(slack_bot: RunningBot, clock: Clock) -> None:
    assert (await slash(slack_bot, "digest off")).startswith(":no_bell: The daily digest is off in this channel.")
    piece(db_path(slack_bot), "C1", NOW + timedelta(hours=3), "Quiet")
    clock.now = NOW + timedelta(days=1)
    service = digest_scheduler.DigestService(
        slack_bot.services.settings, slack_bot.services.db, slack_bot.services.client, clock
    )
    assert await service.tick() == []
    assert (await slash(slack_bot, "digest 09:00")).startswith(":calendar: Daily digest for this channel at 09:00 UTC.")
    [outcome] = await service.tick()
    assert outcome.status == "sent"
    assert len(digest_posts(slack_bot, "C1")) == 1


async def test_now_posts_the_digest_in_the_channel(slack_bot: RunningBot) -> None:
    assert (await slash(slack_bot, "digest now", channel="C9")).startswith("Nothing was checked in this channel")
    piece(db_path(slack_bot), "C9", NOW - timedelta(hours=2), "RT copy & paste")
    piece(db_path(slack_bot), "C9", NOW - timedelta(hours=1), "Another RT copy")
    answer = await slash(slack_bot, "digest now", channel="C9")
    assert answer == "Posted the digest of the last 24 hours (2 checks) in this channel."
    [post] = digest_posts(slack_bot, "C9")
    blocks = post.params["blocks"]
    assert blocks[0]["type"] == "header" and len(blocks) <= 50
    texts = "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")
    assert "RT → Global Research ×2 :warning: state-controlled media" in texts
    assert "RT copy &amp; paste" in texts
    assert "https://slack.com/archives/C9/p" in texts
    assert post.params["unfurl_links"] is False
    # `now` is extra: it does not use up the day's scheduled digest.
    assert sent_log(slack_bot.services.db, "C9") == []


async def test_now_when_the_bot_is_not_in_the_channel(slack_bot: RunningBot) -> None:
    piece(db_path(slack_bot), "C7", NOW - timedelta(hours=2), "Somewhere")
    slack_bot.slack.fail("chat.postMessage", "not_in_channel")
    answer = await slash(slack_bot, "digest now", channel="C7")
    assert answer.startswith("I can't post in this channel. Invite me")


async def test_restart_after_the_digest_time_sends_the_missed_one_once(
    tmp_path: Path, start_bot: Callable[..., Any]
) -> None:
    """The bot was down at 09:00; started at 09:30 it posts the day's digest; restarted again, it does not."""
    piece(tmp_path / "provbot.db", "C1", NOW - timedelta(hours=5), "Before the cut-off")
    for _ in range(2):
        bot = await start_bot(digest_time="09:00", tz="UTC")
        # The scheduler's first tick runs as the bot starts, and stop() waits for it to finish.
        await bot.server.stop(grace=5.0)
    assert len(digest_posts(bot, "C1")) == 1
    [row] = sent_log(open_database(tmp_path / "provbot.db"), "C1")
    assert (row["local_date"], row["status"]) == ("2026-11-24", "sent")
