"""Answering messages in their threads: one path for new messages and edits.

check → render → post (or update the earlier reply) → remember. A new message is answered once (a job resumed
after a restart never posts a second reply); an edit that changes the message's links updates that reply in place.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils
from slack_sdk.errors import SlackApiError

from bot.checks import set_reply_ts
from bot.slack import channels
from bot.slack.chain_followup import FollowUp
from bot.slack.checker import Checker, Where, link_key
from bot.slack.jobs import waiting_on_io
from bot.slack.locks import KeyedLocks
from bot.slack.render import MAX_LINKS, LinkOutcome, Rendered, render_note, render_outcomes
from bot.slack.replies import ReplyRecord, earlier_check, get_reply, remember_link, save_reply
from bot.slack.results import respond_to
from bot.slack.triage import on_demand
from bot.slack.views import introduction
from bot.slack.web import SlackPoster, error_code

log = logging.getLogger(__name__)
LINKS_REMOVED = "_The links were removed from this message._"
NOTHING_TO_CHECK = "There's no link or text in that message for me to check."
CANNOT_POST = (
    "I can't post in this channel (invite me with `/invite @Provenance Bot`), so here is the answer privately."
)


@dataclass(frozen=True)
class Message:
    """A message to answer, as the listener stored it in its job."""

    channel: str
    ts: str
    thread_ts: str
    user: str | None
    links: list[str]
    text: str
    channel_type: str | None = None  # "im" for a direct message

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Message:
        return cls(
            channel=payload["channel"],
            ts=payload["ts"],
            thread_ts=payload.get("thread_ts") or payload["ts"],
            user=payload.get("user"),
            links=list(payload.get("links") or []),
            text=payload.get("text") or "",
            channel_type=payload.get("channel_type"),
        )

    @property
    def where(self) -> Where:
        return Where(self.channel, self.user, self.ts, "message")


@dataclass
class Answer:
    """What a message got: its rendering and the outcomes behind it (links checked, checks stored)."""

    rendered: Rendered
    links: list[str]
    outcomes: list[LinkOutcome]


class Replier:
    """New messages, edits and private `/provenance` checks, all through `compose()`."""

    def __init__(
        self, db: sqlite_utils.Database, checker: Checker, poster: SlackPoster, follow_up: FollowUp | None = None
    ) -> None:
        self.db = db
        self.checker = checker
        self.poster = poster
        self.follow_up = follow_up  # after a new message's reply: the chain, then the reply updated with it
        self.locks = KeyedLocks()

    # -- the one answer path ------------------------------------------------------------------------------------

    async def compose(self, message: Message, *, point_to_earlier: bool) -> Answer | None:
        """Check a message's links (up to MAX_LINKS) or its pasted text and render the result; None: nothing to say.

        Which links and text are worth it was decided when the message came in (`bot.slack.triage`)."""
        if message.links:
            chosen, skipped = message.links[:MAX_LINKS], max(0, len(message.links) - MAX_LINKS)
            outcomes = await self._check_links(chosen, message, point_to_earlier)
            return Answer(render_outcomes(outcomes, skipped), chosen, outcomes)
        if not message.text.strip():
            return None
        outcome = await self.checker.check_text(message.text, message.where)
        return Answer(render_outcomes([outcome]), [], [outcome])

    async def deliver(self, message: Message, answer: Answer, earlier: ReplyRecord | None) -> str | None:
        """Post the answer in the message's thread, or update the reply it already has; then remember it.

        Returns the reply's ts, or None when Slack refused it (the poster has logged why)."""
        kwargs = answer.rendered.as_kwargs()
        if earlier is not None and earlier.reply_ts:
            updated = await self.poster.update(message.channel, earlier.reply_ts, **kwargs)
            reply_ts = earlier.reply_ts if updated else None
        else:
            reply_ts = await self.poster.post(message.channel, thread_ts=message.thread_ts, **kwargs)
        self._remember(message, answer, reply_ts)
        return reply_ts

    # -- new messages and edits ---------------------------------------------------------------------------------

    async def answer_new(self, message: Message) -> None:
        """A new message: reply once in its thread (unless the channel is muted)."""
        if message.channel_type != "im":
            channels.mark_active(self.db, message.channel)
        if channels.is_muted(self.db, message.channel):
            return
        # The message lock makes an edit that arrives while this runs wait, so there is one reply to update.
        keys = [
            f"msg:{message.channel}:{message.ts}",
            *(f"link:{message.channel}:{link_key(u)}" for u in message.links),
        ]
        async with self.locks.hold(keys):
            earlier = get_reply(self.db, message.channel, message.ts)
            if earlier is not None and earlier.reply_ts:
                return  # answered before a restart; never twice
            answer = await self.compose(message, point_to_earlier=True)
            reply_ts = await self.deliver(message, answer, None) if answer is not None else None
        # the answer is in the thread; comparing the copy with its original may take seconds, and updates it later
        if answer is not None and reply_ts and self.follow_up and len(answer.outcomes) == 1:
            pasted = None if answer.links else message.text
            self.follow_up(message.channel, reply_ts, answer.outcomes[0], pasted)

    async def answer_edit(self, message: Message, previous_links: list[str]) -> None:
        """An edited message: when its set of links changed, check again and update the earlier reply in place."""
        if channels.is_muted(self.db, message.channel):
            return
        async with self.locks.hold([f"msg:{message.channel}:{message.ts}"]):
            earlier = get_reply(self.db, message.channel, message.ts)
            before = earlier.links if earlier is not None else previous_links
            became_paste = bool(message.text) and (earlier is None or not earlier.reply_ts)
            if {link_key(u) for u in message.links} == {link_key(u) for u in before} and not became_paste:
                return  # unfurls, typo fixes and reactions-only edits: nothing to do
            answer = await self.compose(message, point_to_earlier=False)
            if answer is None:
                if earlier is None or not earlier.reply_ts:
                    return
                answer = Answer(render_note(LINKS_REMOVED), [], [])
            await self.deliver(message, answer, earlier)

    async def answer_on_demand(self, message: Message, response_url: str | None) -> None:
        """Asked explicitly (shortcut, @mention): a fresh reply in the message's thread, whatever the channel's mode.

        When the bot cannot post there, the answer goes privately to whoever asked (through `response_url`)."""
        async with self.locks.hold([f"msg:{message.channel}:{message.ts}"]):
            answer = await self.compose(message, point_to_earlier=False)
            if answer is None:
                answer = Answer(render_note(NOTHING_TO_CHECK), [], [])
            # A new reply even when the message had one: the person asking should see the answer arrive.
            if await self.deliver(message, answer, None) is None and response_url:
                async with waiting_on_io():
                    await respond_to(response_url)(
                        text=f"{CANNOT_POST}\n{answer.rendered.text}",
                        blocks=answer.rendered.blocks,
                        response_type="ephemeral",
                    )

    async def parent_message(self, channel: str, thread_ts: str) -> Message | None:
        """The first message of a thread, as the shortcut would see it (None when Slack won't give it)."""
        try:
            async with waiting_on_io():
                found = await self.poster.client.conversations_replies(
                    channel=channel, ts=thread_ts, limit=1, inclusive=True
                )
        except SlackApiError as error:
            log.warning("reading the thread %s in %s failed: %s", thread_ts, channel, error_code(error))
            return None
        messages = found.get("messages") or []
        if not messages or not isinstance(messages[0], dict):
            return None
        first = messages[0]
        ask = on_demand(first)
        return Message(channel, thread_ts, thread_ts, first.get("user"), ask.links, ask.text)

    async def introduce(self, channel: str) -> None:
        if channels.mark_introduced(self.db, channel):
            await self.poster.post(channel, **introduction().as_kwargs())

    async def private_check(self, text: str, *, channel: str | None, user: str | None) -> Rendered:
        """`/provenance <link or text>`: the same checks, answered privately with a Share button."""
        where = Where(channel, user, None, "slash")
        ask = on_demand({"text": text})  # a paste is read as a paste, whatever links its footer has
        if ask.links:
            chosen, skipped = ask.links[:MAX_LINKS], max(0, len(ask.links) - MAX_LINKS)
            return render_outcomes(await self.checker.check_links(chosen, where), skipped, share=True)
        outcome = await self.checker.check_text(ask.text, where)
        return render_outcomes([outcome], share=True)

    # -- helpers ------------------------------------------------------------------------------------------------

    async def _check_links(self, links: list[str], message: Message, point_to_earlier: bool) -> list[LinkOutcome]:
        async def one(url: str) -> LinkOutcome:
            if point_to_earlier and (pointer := await self._earlier(message.channel, url)) is not None:
                return pointer
            return await self.checker.check_link(url, message.where)

        return list(await asyncio.gather(*(one(url) for url in links)))

    async def _earlier(self, channel: str, url: str) -> LinkOutcome | None:
        """A pointer to the reply that covered this link in this channel within the hour, if there is one."""
        earlier = earlier_check(self.db, channel, link_key(url))
        if earlier is None or earlier.reply_ts is None:
            return None
        minutes = int((datetime.now(UTC) - earlier.created_at).total_seconds() // 60)
        permalink = await self.poster.permalink(channel, earlier.reply_ts)
        return LinkOutcome(url, earlier_permalink=permalink, earlier_minutes=max(0, minutes))

    def _remember(self, message: Message, answer: Answer, reply_ts: str | None) -> None:
        check_ids = [o.check_id for o in answer.outcomes if o.check_id is not None]
        with self.db.atomic():  # one commit for the whole bookkeeping of a reply
            save_reply(
                self.db,
                channel=message.channel,
                message_ts=message.ts,
                thread_ts=message.thread_ts,
                links=answer.links,
                reply_ts=reply_ts,
                check_ids=check_ids,
            )
            if reply_ts is None:
                return
            for outcome in answer.outcomes:
                if outcome.check_id is not None:
                    set_reply_ts(self.db, outcome.check_id, reply_ts, message.thread_ts)
                if outcome.analysis is not None and outcome.link:
                    remember_link(
                        self.db,
                        channel=message.channel,
                        link_key=link_key(outcome.link),
                        check_id=outcome.check_id,
                        message_ts=message.ts,
                        thread_ts=message.thread_ts,
                        reply_ts=reply_ts,
                    )
