"""`provbot run`: the Slack bot on slack-bolt's AsyncApp, over Socket Mode or HTTP.

* Socket Mode when `SLACK_APP_TOKEN` is set (no public address needed);
* otherwise an aiohttp server on `PROVBOT_HOST:PROVBOT_PORT` with `POST /slack/events` (Events API, slash commands
  and interactivity, signed with `SLACK_SIGNING_SECRET`) and `GET /healthz`.

Installed to many workspaces (SLACK_CLIENT_ID), HTTP mode also serves `bot.slack.oauth`'s install pages. Use
`run_bot(settings)` from the command line (blocking, SIGTERM/SIGINT stop it cleanly); tests and the benchmark
start the real thing in-process: `server = BotServer(settings)`, `await server.start()` (settings.port may be 0:
`server.port` is the port bound), `await server.stop()`; or `await serve(settings, ready=…, stop=…)`.

Long-running companions (the daily digest scheduler, housekeeping) are listed in `background_tasks()`; each is
`async def task(services, stop_event)` and must return soon after `stop_event` is set.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import hmac
import logging
import signal
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

import aiohttp
import sqlite_utils
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bot.analysis_pool import AnalysisPool
from bot.digest.runner import digest_task
from bot.engine.registry import load_registry
from bot.fetch.fetcher import Fetcher
from bot.link_kinds import NOT_ARTICLES_SETTING, NotArticles, NotArticlesError, load_not_articles
from bot.logs import RedactSecrets
from bot.settings import Settings
from bot.slack.checker import Analyser
from bot.slack.connections import IDLE_TIMEOUT, LimitedSite
from bot.slack.jobs import count_by_status
from bot.slack.metrics import METRICS_PATH, count_requests_to, metrics_handler
from bot.slack.oauth import add_oauth_routes, oauth_settings
from bot.slack.service import BackgroundTask, Services, wal_checkpoints
from bot.slack.web import WEB_API_TIMEOUT, error_code
from bot.slack.workspaces import bot_client, in_request_workspace
from bot.storage import adopt_workspace, open_database
from handlers import register
from handlers.payload import MalformedPayload

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY = 1_000_000  # Slack's payloads are far smaller; anything bigger is not from Slack


class StartupError(Exception):
    """The bot cannot start; the message is one line for the person running it."""


# -- background tasks ---------------------------------------------------------------------------------------------


async def housekeeping(services: Services, stop: asyncio.Event) -> None:
    """Hourly: forget old event ids, finished jobs and repeat-link rows, and what PROVBOT_RETENTION_DAYS lets go."""
    while not stop.is_set():
        try:
            services.housekeeping()
        except Exception:
            log.exception("housekeeping failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=3600)


def background_tasks() -> list[BackgroundTask]:
    """Tasks started with the bot and stopped with it; add one line here to start another.

    The digest scheduler (`bot.digest.runner.digest_task`) ticks at start, which sends a digest missed while
    the bot was down, then once a minute.
    """
    return [housekeeping, digest_task, wal_checkpoints]


# -- the app ------------------------------------------------------------------------------------------------------


def build_app(services: Services) -> AsyncApp:
    app = AsyncApp(
        name="provbot",
        client=services.client,
        signing_secret=services.settings.slack_signing_secret or "",
        # Listeners only store a job, so answering after them is still immediate, and Slack is answered only
        # once the job is safely in SQLite: a crash before that makes Slack retry instead of losing the event.
        process_before_response=True,
        request_verification_enabled=False,  # HTTP: `_events` verified the signature before Bolt sees a request
        logger=logging.getLogger("provbot.bolt"),
        oauth_settings=oauth_settings(services.settings, services.db) if services.settings.oauth else None,
    )

    @app.error
    async def on_error(error: Exception, response: Any) -> None:
        if isinstance(error, MalformedPayload):
            log.warning("malformed payload from Slack: %s", error)
            if response is not None:
                response.status = 400
                response.body = ""
            return
        log.error("a listener failed: %s: %s", type(error).__name__, error, exc_info=error)

    register(app, services)
    return app


def _json_body_problem(body: Any) -> str | None:
    """Why an (authenticated) parsed body cannot be a Slack request, or None when it looks like one."""
    if not isinstance(body, dict) or not body:
        return "the body is not an object"
    if body.get("type") == "event_callback" and not (
        isinstance(body.get("event"), dict) and isinstance(body["event"].get("type"), str)
    ):
        return "an event_callback without an event"
    return None


def _not_articles(settings: Settings) -> NotArticles:
    """The shipped list of links that are not articles, plus the user's own file when one is named."""
    try:
        return load_not_articles(settings.extra.get(NOT_ARTICLES_SETTING) or None)
    except NotArticlesError as error:
        raise StartupError(f"{NOT_ARTICLES_SETTING}: {error}") from None


class BotServer:
    """The running bot: Services, the Bolt app, and either the HTTP server or the Socket Mode connection."""

    def __init__(self, settings: Settings, *, analyser: Analyser | None = None) -> None:
        self.settings = settings
        self.socket_mode = bool(settings.slack_app_token)
        self._analyser = analyser
        self.services: Services | None = None
        self.app: AsyncApp | None = None
        self.port: int | None = None
        self._runner: web.AppRunner | None = None
        self._socket: Any = None
        self._http: aiohttp.ClientSession | None = None
        self._pool: AnalysisPool | None = None
        self._fetcher: Any = None
        self._stop_background = asyncio.Event()
        self._background: list[asyncio.Task[None]] = []
        # Socket Mode needs no signing secret (Slack's socket is authenticated by the app token): the verifier
        # exists in HTTP mode only, where start() has required the secret.
        self._verifier: SignatureVerifier | None = None
        self._stopped = False

    async def start(self) -> None:
        settings = self.settings
        settings.require("SLACK_CLIENT_SECRET" if settings.oauth else "SLACK_BOT_TOKEN")
        if not self.socket_mode:
            settings.require("SLACK_SIGNING_SECRET")
            self._verifier = SignatureVerifier(settings.slack_signing_secret or "")
        not_articles = _not_articles(settings)
        db = self._open_database()
        # The Web API client's own timeout does not reach a session it is given: the session carries it.
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=WEB_API_TIMEOUT))
        client = bot_client(settings, db, self._http)
        identity = {} if settings.oauth else await self._identify(client)  # installed: each has its own bot
        if identity.get("team_id"):  # the rows this workspace's bot stores carry its team (docs/database.md)
            adopt_workspace(
                db, identity["team_id"], team_name=identity.get("team"), bot_user_id=identity.get("user_id")
            )
        self.services = services = Services(
            settings=settings,
            db=db,
            client=client,
            analyser=await self._start_analyser(db),
            http=self._http,
            bot_user_id=identity.get("user_id"),
            bot_id=identity.get("bot_id"),
            not_articles=not_articles,
        )
        self.app = build_app(services)
        services.runner.resume()
        for task in background_tasks():
            self._background.append(asyncio.create_task(self._guard(task), name=task.__name__))
        if self.socket_mode:
            self._socket = AsyncSocketModeHandler(self.app, settings.slack_app_token, web_client=client)
            await self._socket.connect_async()
            log.info("connected to Slack in Socket Mode as %s", identity.get("user"))
        else:
            await self._listen(services)
            log.info("listening on http://%s:%s%s as %s", settings.host, self.port, EVENTS_PATH, identity.get("user"))

    def _open_database(self) -> sqlite_utils.Database:
        try:
            db = open_database(self.settings.db_path)
            db.execute("select count(*) from sqlite_master").fetchone()  # a file that is not a database fails here
        except (sqlite3.Error, OSError) as error:
            raise StartupError(f"PROVBOT_DB {self.settings.db_path} cannot be opened: {error}") from None
        return db

    async def _identify(self, client: AsyncWebClient) -> dict[str, Any]:
        """auth.test: who the bot is, and in which workspace; a one-line StartupError when Slack says no."""
        api_url = self.settings.slack_api_url
        try:
            return dict((await client.auth_test()).data)  # type: ignore[arg-type]
        except SlackApiError as error:
            await self._close_quietly()
            status = getattr(error.response, "status_code", 200)
            if status >= 500:  # Slack's own trouble, not a verdict on the token
                raise StartupError(f"Slack at {api_url} answered auth.test with HTTP {status}") from None
            raise StartupError(f"Slack refused SLACK_BOT_TOKEN: {error_code(error)}") from None
        except (aiohttp.ClientError, OSError, TimeoutError) as error:
            await self._close_quietly()
            raise StartupError(f"cannot reach Slack at {api_url}: {type(error).__name__}") from None

    async def _start_analyser(self, db: sqlite_utils.Database) -> Analyser:
        if self._analyser is not None:
            return self._analyser
        settings = self.settings
        self._fetcher = Fetcher(settings, db)
        self._pool = AnalysisPool(timeout=settings.analysis_timeout, outlets_file=settings.outlets_file, background=1)
        await self._pool.start()  # before any job resumes: a saved hostile job never runs on the event loop
        return Analyser(self._fetcher, load_registry(settings.outlets_file), self._pool)

    async def _listen(self, services: Services) -> None:
        """HTTP mode: events, slash commands and interactivity, /healthz and /metrics."""
        web_app = web.Application(client_max_size=MAX_BODY, middlewares=[count_requests_to(EVENTS_PATH)])
        web_app.router.add_post(EVENTS_PATH, self._events)
        web_app.router.add_get(HEALTH_PATH, self._health)
        web_app.router.add_get(METRICS_PATH, metrics_handler(lambda: services.db))
        if self.app is not None and self.app.oauth_flow is not None:
            add_oauth_routes(web_app, self.app.oauth_flow)
        self._runner = web.AppRunner(
            web_app, access_log=None, handle_signals=False, shutdown_timeout=2.0, keepalive_timeout=IDLE_TIMEOUT
        )
        await self._runner.setup()
        settings = self.settings
        site = LimitedSite(self._runner, settings.host, settings.port, max_connections=settings.max_connections)
        await site.start()
        self.port = site.bound_port  # the real port when settings.port is 0

    async def _guard(self, task: BackgroundTask) -> None:
        assert self.services is not None
        try:
            await task(self.services, self._stop_background)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("background task %s stopped", task.__name__)

    async def _events(self, request: web.Request) -> web.Response:
        assert self.app is not None
        raw = await request.read()
        headers = request.headers
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            # Slack sends UTF-8; anything else is refused, but only once it is known to come from Slack.
            if not self._signed_bytes(raw, headers):
                return web.Response(status=401, text="invalid signature or stale timestamp")
            log.warning("a signed request whose body is not UTF-8 was refused")
            return web.Response(status=400, text="the request body is not UTF-8")
        if not self._signed(body, headers):
            return web.Response(status=401, text="invalid signature or stale timestamp")
        try:
            bolt_request = AsyncBoltRequest(body=body, query=request.query_string, headers=headers)  # type: ignore[arg-type]
        except Exception:
            return web.Response(status=400, text="malformed payload")
        if problem := _json_body_problem(bolt_request.body):
            log.warning("malformed payload: %s", problem)
            return web.Response(status=400, text="malformed payload")
        if retry := headers.get("X-Slack-Retry-Num"):
            log.info("Slack retry #%s (%s)", retry, headers.get("X-Slack-Retry-Reason", "unknown reason"))
        with in_request_workspace(bolt_request.context):  # what the listeners store or start belongs to it
            return await to_aiohttp_response(await self.app.async_dispatch(bolt_request))

    def _signed(self, body: str, headers: Any) -> bool:
        if self._verifier is None:
            return False
        try:
            return self._verifier.is_valid(
                body=body,
                timestamp=headers.get("X-Slack-Request-Timestamp", ""),
                signature=headers.get("X-Slack-Signature", ""),
            )
        except (ValueError, TypeError):  # a missing or non-numeric timestamp
            return False

    def _signed_bytes(self, raw: bytes, headers: Any) -> bool:
        """The signature check over a body that is not text (the verifier only takes UTF-8)."""
        if self._verifier is None:
            return False
        timestamp = headers.get("X-Slack-Request-Timestamp", "")
        try:
            if abs(self._verifier.clock.now() - int(timestamp)) > 60 * 5:
                return False
        except ValueError:
            return False
        secret = self._verifier.signing_secret.encode()
        digest = hmac.new(secret, b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
        return hmac.compare_digest(f"v0={digest}", headers.get("X-Slack-Signature", ""))

    async def _health(self, request: web.Request) -> web.Response:
        assert self.services is not None
        jobs = count_by_status(self.services.db)
        body = {
            "ok": True,
            "mode": "http",
            "jobs": {"pending": jobs.get("pending", 0), "running": jobs.get("running", 0)},
        }
        return web.json_response(body)

    async def stop(self, grace: float | None = None) -> None:
        """Stop taking events, give running jobs `grace` seconds (PROVBOT_STOP_GRACE unless given), leave the rest
        pending for the next start."""
        if grace is None:
            grace = self.settings.stop_grace
        if self._stopped:
            return
        self._stopped = True
        if self._socket is not None:
            with contextlib.suppress(Exception):
                await self._socket.close_async()
        if self._runner is not None:
            await self._runner.cleanup()
        self._stop_background.set()
        if self.services is not None:
            await self.services.stop(grace)
        if self._background:
            _, still = await asyncio.wait(self._background, timeout=grace)
            for task in still:
                task.cancel()
        await self._close_quietly()

    async def _close_quietly(self) -> None:
        if self._pool is not None:
            with contextlib.suppress(Exception):
                await self._pool.close()
        if self._fetcher is not None:
            with contextlib.suppress(Exception):
                await self._fetcher.close()
        if self._http is not None:
            await self._http.close()
        if self.services is not None:
            with contextlib.suppress(Exception):
                self.services.db.close()


async def serve(
    settings: Settings,
    *,
    ready: asyncio.Event | None = None,
    stop: asyncio.Event | None = None,
    started: Callable[[BotServer], None] | None = None,
    analyser: Analyser | None = None,
) -> None:
    """Run the bot until `stop` is set: `ready` is set once events are being taken (started() gets the server)."""
    stop = stop or asyncio.Event()
    server = BotServer(settings, analyser=analyser)
    await server.start()
    try:
        if started is not None:
            started(server)
        if ready is not None:
            ready.set()
        await stop.wait()
    finally:
        await server.stop()


def run_bot(settings: Settings) -> int:
    """`provbot run`: blocks until SIGTERM/SIGINT; 0 on a clean stop, 1 when the bot could not start."""
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactSecrets())

    async def main() -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        try:
            await serve(settings, stop=stop, started=lambda _: gc.freeze())  # loaded data: out of GC's walks
        except StartupError as error:
            print(f"provbot: {error}", file=sys.stderr)
            return 1
        log.info("stopped")
        return 0

    return asyncio.run(main())
