"""Installing the bot to many workspaces with Slack's OAuth flow, through Bolt (`AsyncOAuthSettings`).

When SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set, `provbot run` (HTTP mode) serves

* `GET /slack/install`: a redirect to Slack's authorize page with a fresh `state` (kept in the database for ten
  minutes, and in a cookie, so the callback is only taken from the browser that started the install);
* `GET /slack/oauth_redirect`: Slack sends the installer back here with a code; Bolt exchanges it
  (`oauth.v2.access`) and the installation (bot token, bot user, team or Enterprise Grid organisation) is saved in
  `slack_installations` (`bot.slack.installations`).

Bolt then finds each request's installation itself; the bot's own work after the acknowledgement takes the token
through `bot.slack.workspaces`. The scopes asked for are `bot/data/slack_app.toml`'s, manifest.yml's list.
"""

from __future__ import annotations

import contextlib
import stat
import tomllib
from pathlib import Path

import sqlite_utils
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings

from bot.paths import DATA_DIR
from bot.settings import Settings
from bot.slack.installations import SQLiteInstallationStore, SQLiteOAuthStateStore

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"


def bot_scopes() -> list[str]:
    data = tomllib.loads((DATA_DIR / "slack_app.toml").read_text(encoding="utf-8"))
    return [str(scope) for scope in data["bot_scopes"]]


def authorization_url(api_url: str) -> str:
    """Slack's authorize page beside its Web API (https://slack.com/api/ → https://slack.com/oauth/v2/authorize),
    so SLACK_API_URL points both at the same place (a proxy, the tests' stand-in)."""
    base = api_url[: -len("api/")] if api_url.endswith("/api/") else api_url
    return base + "oauth/v2/authorize"


def keep_private(db_path: str) -> None:
    """The database now holds bot tokens: nobody but the bot's user may read it (nor its -wal and -shm files)."""
    if db_path == ":memory:":
        return
    for path in (Path(db_path), Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            path.chmod(stat.S_IMODE(path.stat().st_mode) & 0o700)


def oauth_settings(settings: Settings, db: sqlite_utils.Database) -> AsyncOAuthSettings:
    keep_private(settings.db_path)
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=bot_scopes(),
        user_scopes=[],
        redirect_uri=settings.slack_redirect_uri,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        # /slack/install goes straight to Slack: the page in between would only hold an "Add to Slack" button.
        install_page_rendering_enabled=False,
        authorization_url=authorization_url(settings.slack_api_url),
        installation_store=SQLiteInstallationStore(db),
        installation_store_bot_only=True,
        state_store=SQLiteOAuthStateStore(db),
    )


def add_oauth_routes(web_app: web.Application, flow: AsyncOAuthFlow) -> None:
    """The two pages a person installing the bot visits, served by Bolt's OAuth flow."""

    async def install(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await flow.handle_installation(await to_bolt_request(request)))

    async def callback(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await flow.handle_callback(await to_bolt_request(request)))

    web_app.router.add_get(INSTALL_PATH, install)
    web_app.router.add_get(REDIRECT_PATH, callback)
