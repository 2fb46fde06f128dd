"""Listeners called directly with plain fakes, as Bolt would call them (it passes the arguments they name)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
import sqlite_utils

from bot.link_kinds import NotArticles, load_not_articles
from bot.slack import channels
from handlers import app_home, details_button, messages, provenance_command
from handlers.payload import MalformedPayload

PASTE = """Ferry operator cuts winter crossings to three a week

By Ines Carvalho

The ferry operator serving the outer islands will cut winter crossings from daily to three a week from November,
citing fuel costs, the company said on Tuesday. Islanders said the change would make hospital visits harder.

The regional council said it would ask the ministry for a subsidy to restore daily sailings before Christmas.
"""


@dataclass
class FakeResults:
    async def publish_home(self, user: str) -> None:
        return None

    async def open_details(self, trigger_id: str, check_id: int) -> None:
        return None


@dataclass
class FakeServices:
    db: sqlite_utils.Database = field(default_factory=lambda: sqlite_utils.Database(memory=True))
    not_articles: NotArticles = field(default_factory=load_not_articles)
    bot_user_id: str = "UBOT"
    results: FakeResults = field(default_factory=FakeResults)
    accepted: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    spawned: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        channels.ensure_channels_table(self.db)

    def accept(self, kind: str, key: str, payload: dict[str, Any], *, event_id: str | None = None) -> bool:
        self.accepted.append((kind, key, payload))
        return True

    def spawn(self, coro: Any, name: str) -> None:
        coro.close()  # never awaited here: only which task was started matters
        self.spawned.append(name)


class FakeAck:
    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, *args: Any, **kwargs: Any) -> None:
        self.calls += 1


def message(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "message", "channel": "C1", "user": "U1", "ts": "1.000100", "text": text, **extra}


async def test_a_message_with_a_link_becomes_a_job() -> None:
    services = FakeServices()
    event = message("look <https://news.example.org/2026/story.html|this>")
    await messages.on_message(body={"event_id": "Ev1"}, event=event, context={}, services=services)  # type: ignore[arg-type]
    [(kind, key, payload)] = services.accepted
    assert (kind, key) == ("message", "msg:C1:1.000100")
    assert payload["links"] == ["https://news.example.org/2026/story.html"] and payload["text"] == ""


async def test_chatter_tools_bots_mentions_and_on_request_channels_store_nothing() -> None:
    services = FakeServices()
    for event in (
        message("by the way, can someone cover the council meeting tonight?"),
        message("notes: <https://docs.google.com/document/d/1x/edit>"),
        message(PASTE, bot_id="B1"),
        message("<@UBOT> what about this one? <https://news.example.org/2026/story.html>"),  # app_mention's job
    ):
        await messages.on_message(body={}, event=event, context={}, services=services)  # type: ignore[arg-type]
    channels.set_muted(services.db, "C1", True)
    await messages.on_message(  # type: ignore[arg-type]
        body={}, event=message("<https://news.example.org/2026/story.html>"), context={}, services=services
    )
    assert services.accepted == []


async def test_a_paste_is_stored_as_text_and_its_footer_links_are_not_fetched() -> None:
    services = FakeServices()
    pasted = (
        PASTE
        + "\n<http://www.islandnews.example|www.islandnews.example> <mailto:a@islandnews.example|a@islandnews.example>"
    )
    await messages.on_message(body={}, event=message(pasted), context={}, services=services)  # type: ignore[arg-type]
    [(_, _, payload)] = services.accepted
    assert payload["links"] == [] and payload["text"].endswith("www.islandnews.example a@islandnews.example")


async def test_slash_command_is_stored_then_acknowledged() -> None:
    services, ack = FakeServices(), FakeAck()
    command = {"text": "help", "channel_id": "C1", "user_id": "U1", "response_url": "https://hooks.example/r"}
    await provenance_command.on_provenance(command=command, ack=ack, services=services)  # type: ignore[arg-type]
    assert ack.calls == 1 and services.accepted[0][0] == "slash"


async def test_buttons_and_home_start_tasks_and_reject_bad_values() -> None:
    services, ack = FakeServices(), FakeAck()
    await details_button.on_details(  # type: ignore[arg-type]
        body={"trigger_id": "T1"}, action={"value": "7"}, ack=ack, services=services
    )
    await app_home.on_home_opened(event={"user": "U1", "tab": "home"}, services=services)  # type: ignore[arg-type]
    await app_home.on_home_opened(event={"user": "U1", "tab": "messages"}, services=services)  # type: ignore[arg-type]
    assert services.spawned == ["details-7", "home-U1"] and ack.calls == 1
    with pytest.raises(MalformedPayload, match="not a check id"):
        await details_button.on_details(  # type: ignore[arg-type]
            body={"trigger_id": "T1"}, action={"value": "seven"}, ack=ack, services=services
        )
    assert ack.calls == 1  # not acknowledged: the app's error handler answers 400
