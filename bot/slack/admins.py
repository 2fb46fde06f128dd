"""Who may change a workspace's settings (agreements, own outlets, defaults) in the App Home: its admins and
owners, as Slack's `users.info` says (`is_admin`, `is_owner`, `is_primary_owner`; needs the `users:read` scope).
Everyone else sees the settings read-only, with the one-line reason this returns.

Asked afresh each time the Home tab is drawn, the modal opened or saved: a member made admin (or no longer one)
counts at once, and these are rare, human-paced calls. When Slack cannot say, the answer is no.
"""

from __future__ import annotations

import logging

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.web import error_code

log = logging.getLogger(__name__)

NOT_AN_ADMIN = "Only this workspace's admins and owners can change these settings."
NO_SCOPE = "Read-only: the app cannot tell who is an admin without the users:read scope; reinstall it to add it."
NO_ANSWER = "Read-only for now: Slack did not say whether you are an admin; open the Home tab again to retry."


async def why_not_editor(client: AsyncWebClient, user: str) -> str | None:
    """None when `user` may change this workspace's settings; otherwise the one-line reason they may not."""
    try:
        response = await client.users_info(user=user)
    except SlackApiError as error:
        code = error_code(error)
        log.warning("users.info for the settings failed: %s", code)
        return NO_SCOPE if code == "missing_scope" else NO_ANSWER
    except (aiohttp.ClientError, TimeoutError) as error:
        log.warning("users.info for the settings failed: %s", type(error).__name__)
        return NO_ANSWER
    member = response.get("user")
    if isinstance(member, dict) and any(member.get(k) is True for k in ("is_admin", "is_owner", "is_primary_owner")):
        return None
    return NOT_AN_ADMIN
