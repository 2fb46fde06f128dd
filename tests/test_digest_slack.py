"""`/provenance digest …`: argument parsing, and the handler against a stand-in context."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from bot.checks import record_check
from bot.digest import runner as digest_scheduler
from bot.digest.schedule import get_schedule
from bot.digest.slack_command import digest_subcommand, parse_setting, resolve_zone
from bot.model import Analysis, InputInfo, Outlet
from bot.settings import Settings, SettingsError
from bot.storage import open_database
from tests.fakes import FakeSlack

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_router_sends_short_arguments_here() -> None:
    from bot.slack.commands import route

    for text, args in [("digest", ""), ("digest off", "off"), ("Digest 09:00 Europe/Berlin", "09:00 Europe/Berlin")]:
        assert route(text) == ("digest", args)
    assert route("digest 9am") == ("digest", "9am")  # a wrong time still gets the digest's own error
    assert route("Digest of the week's news stories")[0] is None  # a paste starting "Digest of…" is checked


def test_parse_setting() -> None:
    assert parse_setting("9:30") == ("09:30", None)
    assert parse_setting("07:05 europe/berlin") == ("07:05", "Europe/Berlin")
    assert resolve_zone("America/New_York") == "America/New_York"
    with pytest.raises(SettingsError, match=r"^`25:00` isn't a time of day: use 24-hour HH:MM"):
        parse_setting("25:00")
    with pytest.raises(SettingsError, match=r"^`Mars/Olympus` isn't a time zone I know"):
        parse_setting("09:00 Mars/Olympus")
    with pytest.raises(SettingsError, match=r"`&lt;!here&gt;`"):  # what the user typed is escaped when echoed
        parse_setting("<!here>")


@dataclass
class FakeServices:
    settings: Settings
    db: sqlite_utils.Database
    client: FakeSlack


@dataclass
class FakeContext:
    services: FakeServices
    args: str
    channel: str | None = "C1"
    user: str | None = "U1"
    replies: list[str] = field(default_factory=list)

    async def reply(self, rendered: Any, **_: Any) -> None:
        self.replies.append(rendered.text)


@pytest.fixture
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeServices:
    monkeypatch.setattr(digest_scheduler, "clock", lambda: NOW)
    settings = Settings(db_path=str(tmp_path / "p.db"), digest_time="09:00", tz="UTC")
    return FakeServices(settings, open_database(tmp_path / "p.db"), FakeSlack())


async def run(services: FakeServices, args: str, channel: str | None = "C1") -> str:
    ctx = FakeContext(services, args, channel)
    await digest_subcommand(ctx)  # type: ignore[arg-type]
    [reply] = ctx.replies
    return reply


async def test_set_show_and_switch_off(services: FakeServices) -> None:
    assert (await run(services, "")).startswith(
        "Daily digest at 09:00 UTC (the default);"
        " next: <!date^1795597200^{date_short_pretty} at {time}|Wed 25 Nov 09:00 UTC>."
    )
    reply = await run(services, "8:15 Asia/Tokyo")
    assert reply.startswith(":calendar: Daily digest for this channel at 08:15 Asia/Tokyo. Next: Wed 25 Nov 08:15")
    assert get_schedule(services.db, "C1", "09:00", "UTC").zone == "Asia/Tokyo"
    assert (await run(services, "")).startswith(
        "Daily digest at 08:15 Asia/Tokyo; next: <!date^"
    ) and "|Wed 25 Nov 08:15 Asia/Tokyo>." in (await run(services, ""))
    assert (await run(services, "OFF")).startswith(":no_bell: The daily digest is off in this channel.")
    assert get_schedule(services.db, "C1", "09:00", "UTC").off
    assert (await run(services, "")).startswith("The daily digest is off in this channel.")
    assert (await run(services, "nonsense")).startswith("`nonsense` isn't a time of day")
    assert (await run(services, "now", channel=None)).startswith("Use `/provenance digest` in the channel")


async def test_now_posts_or_says_why_not(services: FakeServices) -> None:
    assert (await run(services, "now")).startswith("Nothing was checked in this channel in the last 24 hours")
    assert services.client.posts == []
    record_check(
        services.db,
        channel="C1",
        user="U2",
        message_ts="1795000000.000100",
        link="https://ex.com/a",
        source="message",
        result=Analysis(input=InputInfo("url", "https://ex.com/a"), title="A", outlet=Outlet("Ex")),
        now=NOW - timedelta(hours=1),
    )
    assert await run(services, "now") == "Posted the digest of the last 24 hours (1 check) in this channel."
    [post] = services.client.posts
    assert post["channel"] == "C1" and post["blocks"][0]["type"] == "header"
    services.client.fail = "not_in_channel"
    assert (await run(services, "now")).startswith("I can't post in this channel. Invite me")
