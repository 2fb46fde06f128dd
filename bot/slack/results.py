"""Stored checks shown again: the Details modal, "Share in channel" under a private answer, and the Home tab."""

from __future__ import annotations

import sqlite_utils
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.checks import get_check, recent_checks, set_reply_ts
from bot.model import Analysis
from bot.slack import channels, workspace_settings
from bot.slack.admins import why_not_editor
from bot.slack.blockkit import VIEW_BLOCKS
from bot.slack.home_settings import home_blocks
from bot.slack.render import (
    MAX_LINKS,
    LinkOutcome,
    context_block,
    credit_view,
    details_view,
    details_view_missing,
    render_outcomes,
)
from bot.slack.views import home_view
from bot.slack.web import SlackPoster

NOT_STORED = "That result is no longer stored; run `/provenance` again."
CANNOT_POST = "I can't post in this channel. Invite me with `/invite @Provenance Bot`, then try again."


def respond_to(response_url: str) -> AsyncRespond:
    """Bolt's respond() for a stored response_url (jobs may run after the listener, even after a restart)."""
    return AsyncRespond(response_url=response_url)


class StoredResults:
    def __init__(self, db: sqlite_utils.Database, client: AsyncWebClient, poster: SlackPoster) -> None:
        self.db = db
        self.client = client
        self.poster = poster

    def analysis(self, check_id: int) -> tuple[Analysis, str | None] | None:
        """A stored check's analysis and the link it was for; None when it failed or is gone."""
        record = get_check(self.db, check_id)
        if record is None or record.result is None:
            return None
        return record.result, record.link

    async def open_details(self, trigger_id: str, check_id: int) -> None:
        stored = self.analysis(check_id)
        view = details_view_missing() if stored is None else details_view(stored[0], url=stored[1])
        await self.client.views_open(trigger_id=trigger_id, view=view)

    async def open_credit(self, trigger_id: str, check_id: int) -> None:
        stored = self.analysis(check_id)
        view = details_view_missing() if stored is None else credit_view(stored[0])
        await self.client.views_open(trigger_id=trigger_id, view=view)

    async def share(self, *, channel: str, user: str, check_ids: list[int], response_url: str | None) -> None:
        outcomes = []
        for check_id in check_ids[:MAX_LINKS]:
            stored = self.analysis(check_id)
            if stored is not None:
                outcomes.append(LinkOutcome(stored[1] or "", analysis=stored[0], check_id=check_id))
        respond = respond_to(response_url) if response_url else None
        if not outcomes:
            if respond:
                await respond(text=NOT_STORED, replace_original=False)
            return
        rendered = render_outcomes(outcomes)
        rendered.blocks.append(context_block(f"Shared by <@{user}> with `/provenance`"))
        ts = await self.poster.post(channel, **rendered.as_kwargs())
        if ts is None:
            if respond:
                await respond(text=CANNOT_POST, replace_original=False)
            return
        for outcome in outcomes:
            if outcome.check_id is not None:
                set_reply_ts(self.db, outcome.check_id, ts)
        if respond:
            await respond(text=f"Shared in <#{channel}>.", replace_original=True)

    async def publish_home(self, user: str) -> None:
        records = recent_checks(self.db, user=user, limit=10)
        known = [c for c in channels.list_channels(self.db) if c.channel[:1] in ("C", "G")]
        view = home_view(records, known)
        # the workspace's own settings, after the header and the hint (bot.slack.home_settings); admins may edit
        own = home_blocks(workspace_settings.load(self.db), await why_not_editor(self.client, user))
        view["blocks"] = [*view["blocks"][:2], *own, *view["blocks"][2:]]
        await self.client.views_publish(user_id=user, view={**view, "blocks": view["blocks"][:VIEW_BLOCKS]})
