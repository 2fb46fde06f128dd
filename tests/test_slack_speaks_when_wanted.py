"""The bot speaks when wanted, through the real bot over signed HTTP: a labelled set of newsroom messages
(tests/data/newsroom_messages.toml) each answered when it should be and never when it should not; every pasted
case in tests/cases answered; the Global Research copy of an RT piece, pasted as Slack delivers it, read as a
paste (its footer links are not fetched); per-channel mode; the shortcut and @mentions on request."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot.checks import recent_checks
from bot.fetch.fetcher import FetchError, Page
from bot.slack.app import StartupError
from tests.conftest import CASES, RunningBot
from tests.slack_paste import slack_delivery
from tests.slack_signing import TEAM_ID, message_event, new_ts

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "globalresearch-rt-2016.txt"


@dataclass
class LocalOnly:
    """The bot's fetcher, refusing anything but the local article server (tests never touch the internet)."""

    inner: Any
    refused: list[str] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)

    async def fetch(self, url: str) -> Page:
        if urlsplit(url).hostname != "127.0.0.1":
            self.refused.append(url)
            raise FetchError(f"test: {url} is not on the local article server")
        self.fetched.append(url)
        page: Page = await self.inner.fetch(url)
        return page


def local_only(bot: RunningBot) -> LocalOnly:
    guard = LocalOnly(bot.services.analyser.fetcher)
    bot.services.analyser.fetcher = guard
    return guard


def labelled() -> Iterator[dict[str, Any]]:
    yield from tomllib.loads((DATA / "newsroom_messages.toml").read_text(encoding="utf-8"))["message"]


async def send_all(bot: RunningBot, texts: list[tuple[str, bool]], prefix: str) -> list[dict[str, Any]]:
    """One message per channel (so each reply is attributable); `True` sends it as a reply in a thread."""
    events = []
    for i, (text, in_thread) in enumerate(texts):
        extra = {"thread_ts": new_ts()} if in_thread else {}
        event = message_event(text, channel=f"{prefix}{i:03d}", **extra)
        status, _ = await bot.signed.event(event)
        assert status == 200
        events.append(event)
    await bot.settle()
    return events


def answered(bot: RunningBot, event: dict[str, Any]) -> bool:
    replies = bot.replies(event["channel"])
    assert all(r.params["thread_ts"] == event.get("thread_ts", event["ts"]) for r in replies)
    assert len(replies) <= 1
    return bool(replies)


async def test_labelled_newsroom_messages(slack_bot: RunningBot) -> None:
    guard = local_only(slack_bot)
    messages = list(labelled())
    assert len(messages) >= 80 and {m["reply"] for m in messages} == {True, False}
    site = slack_bot.articles.url("").rstrip("/")
    texts = [(m["text"].replace("{site}", site).replace("{bot}", "UBOT"), m.get("thread", False)) for m in messages]
    events = await send_all(slack_bot, texts, "CL")
    wrong = [
        f"{'missed' if m['reply'] else 'spoke on'}: {m['why']}"
        for m, event in zip(messages, events, strict=True)
        if answered(slack_bot, event) != m["reply"]
    ]
    assert wrong == []
    assert guard.refused == []  # only the articles were fetched: no tool, document or homepage link


async def test_every_pasted_case_is_read_as_a_paste(slack_bot: RunningBot) -> None:
    guard = local_only(slack_bot)
    names = sorted(p.name for p in CASES.glob("*.txt"))
    assert len(names) >= 50
    texts = [(slack_delivery((CASES / name).read_text(encoding="utf-8")), False) for name in names]
    events = await send_all(slack_bot, texts, "CP")
    missed = [name for name, event in zip(names, events, strict=True) if not answered(slack_bot, event)]
    assert missed == []
    assert guard.refused == [] and guard.fetched == []  # a paste's links are clues, never fetched


async def check_paste(bot: RunningBot, pasted: str, channel: str) -> None:
    guard = local_only(bot)
    text = slack_delivery(pasted)
    assert "<http://www.globalresearch.ca|www.globalresearch.ca>" in text and "<mailto:" in text
    [event] = await send_all(bot, [(text, False)], channel)
    [reply] = bot.replies(event["channel"])
    assert reply.params["thread_ts"] == event["ts"]
    assert guard.refused == [] and guard.fetched == []
    [check] = recent_checks(bot.services.db, channel=event["channel"])
    result = check.result
    assert result is not None and check.link is None
    assert result.outlet is not None and result.outlet.name == "Global Research"
    original = result.republication.original
    assert original is not None and original.outlet is not None and original.outlet.name == "RT"
    assert any("state-controlled" in w for w in result.warnings)
    assert "state-controlled" in reply.params["text"] and "could not find" not in reply.params["text"]


async def test_invented_global_research_copy_of_rt_pasted_as_slack_delivers_it(slack_bot: RunningBot) -> None:
    await check_paste(slack_bot, (DATA / "globalresearch_rt_paste.md").read_text(encoding="utf-8"), "CS1")


async def test_the_seed_pasted_as_slack_delivers_it(slack_bot: RunningBot) -> None:
    if not SEED.is_file():
        pytest.skip("the seed article lives in ../shared, which is absent")
    await check_paste(slack_bot, SEED.read_text(encoding="utf-8"), "CS2")


# -- on request ----------------------------------------------------------------------------------------------------


async def command(bot: RunningBot, text: str, channel: str) -> str:
    before = len(bot.slack.responses)
    await bot.signed.command(text, response_url=bot.slack.response_url(), channel_id=channel)
    await bot.settle()
    answer = await bot.slack.wait_for_response(before + 1)
    return str(answer.params["text"])


def shortcut(event: dict[str, Any], response_url: str) -> dict[str, Any]:
    return {
        "type": "message_action",
        "callback_id": "check_provenance",
        "trigger_id": f"trigger.{event['ts']}",
        "team": {"id": TEAM_ID},
        "user": {"id": "U0042", "team_id": TEAM_ID},
        "channel": {"id": event["channel"], "name": "newsroom"},
        "message": {"type": "message", "user": event["user"], "ts": event["ts"], "text": event["text"]},
        "message_ts": event["ts"],
        "response_url": response_url,
    }


async def test_on_request_mode_the_shortcut_and_mentions(slack_bot: RunningBot) -> None:
    bot, channel = slack_bot, "CR1"
    article = f"<{bot.articles.case('afp-barrons.html')}>"
    assert (await command(bot, "mode", channel)).startswith("Mode here: *auto*")
    assert (await command(bot, "mode on-request", channel)).startswith("Mode set to *on-request*")
    assert "isn't a mode" in await command(bot, "mode sometimes", channel)

    quiet = message_event(f"worth a look {article}", channel=channel)
    await bot.signed.event(quiet)
    await bot.settle()
    assert bot.replies(channel) == []  # on-request: no automatic reply

    status, _ = await bot.signed.action(shortcut(quiet, bot.slack.response_url()))
    assert status == 200
    await bot.settle()
    [reply] = bot.replies(channel)
    assert reply.params["thread_ts"] == quiet["ts"] and "Original: AFP" in reply.params["text"]

    # A homepage link gets nothing on its own, even in auto mode; an @mention in its thread asks about it.
    assert (await command(bot, "mode auto", channel)).startswith("Mode set to *auto*")
    parent = message_event("<https://www.nytimes.com/|nytimes.com> has this on the front", channel=channel)
    bot.slack.messages[(channel, parent["ts"])] = {"type": "message", "ts": parent["ts"], "text": article}
    await bot.signed.event(parent)
    mention_ts = new_ts()
    text = "<@UBOT> where is this from?"
    mention = {"type": "app_mention", "channel": channel, "user": "U0007", "text": text, "ts": mention_ts,
               "event_ts": mention_ts, "thread_ts": parent["ts"]}  # fmt: skip
    await bot.signed.event(mention)
    await bot.signed.event(message_event(text, channel=channel, ts=mention_ts, thread_ts=parent["ts"]))
    await bot.settle()
    replies = bot.replies(channel)
    assert len(replies) == 2  # the shortcut's, and one for the mention (not one more for its message event)
    assert replies[1].params["thread_ts"] == parent["ts"] and "Original: AFP" in replies[1].params["text"]


async def test_the_shortcut_answers_privately_where_the_bot_cannot_post(slack_bot: RunningBot) -> None:
    bot = slack_bot
    bot.slack.fail("chat.postMessage", "not_in_channel")
    event = message_event(f"<{bot.articles.case('afp-barrons.html')}>", channel="CR2")
    await bot.signed.action(shortcut(event, bot.slack.response_url()))
    await bot.settle()
    answer = await bot.slack.wait_for_response()
    assert answer.params["text"].startswith("I can't post in this channel") and "AFP" in answer.params["text"]


async def test_the_not_articles_list_is_extended_by_the_users_file(
    start_bot: Any, tmp_path: Path, slack_standin: Any
) -> None:
    own = tmp_path / "our_tools.toml"
    own.write_text('hosts = ["127.0.0.1"]\n', encoding="utf-8")  # here: the article server is "our CMS"
    bot = await start_bot(extra={"PROVBOT_NOT_ARTICLES": str(own)})
    await bot.signed.event(message_event(f"<{bot.articles.case('afp-barrons.html')}>", channel="CX1"))
    await bot.settle()
    assert bot.replies("CX1") == []


async def test_a_broken_not_articles_file_stops_the_bot_with_one_line(start_bot: Any, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("hosts = [\n", encoding="utf-8")
    with pytest.raises(StartupError, match=r"^PROVBOT_NOT_ARTICLES: cannot read .*broken\.toml"):
        await start_bot(extra={"PROVBOT_NOT_ARTICLES": str(broken)})


async def test_provenance_command_reads_a_paste_as_a_paste(slack_bot: RunningBot) -> None:
    guard = local_only(slack_bot)
    pasted = slack_delivery((DATA / "globalresearch_rt_paste.md").read_text(encoding="utf-8"))
    answer = await command(slack_bot, pasted, "CS3")
    assert "state-controlled" in answer and guard.refused == [] and guard.fetched == []


async def test_the_shortcut_on_chatter_says_there_is_nothing_to_check(slack_bot: RunningBot) -> None:
    event = message_event("lunch at 1?", channel="CR3")
    await slack_bot.signed.action(shortcut(event, slack_bot.slack.response_url()))
    await slack_bot.settle()
    [reply] = slack_bot.replies("CR3")
    assert reply.params["thread_ts"] == event["ts"] and "no link or text" in reply.params["text"]
    assert recent_checks(slack_bot.services.db, channel="CR3") == []
