"""A local stand-in for Slack: the Web API, response_url endpoints and a Socket Mode WebSocket, recording calls.

Start it, point `SLACK_API_URL` at `standin.api_url`, and read what the bot did from `standin.calls`:

    async with SlackStandIn() as slack:
        settings = Settings(..., slack_api_url=slack.api_url)
        ...
        post = await slack.wait_for("chat.postMessage")          # the first call of that method
        assert post.params["thread_ts"] == "1700000000.000100"

Tell it to misbehave for the next calls of a method:

    slack.rate_limit("chat.postMessage", retry_after=0)          # one 429 with Retry-After, then normal
    slack.fail("chat.postMessage", "not_in_channel")             # one {"ok": false, "error": …}
    slack.server_error("chat.update", status=503, times=2)       # two 5xx answers (retry_after=N: with Retry-After)
    slack.slow("chat.postMessage", seconds=30, times=4)          # takes the post in, answers 30 s later…
    slack.answer_held()                                          # …or now (and every slow call after this)

`users.info` answers a plain member unless `slack.users[user_id]` says more (`{"is_admin": True}`).

Posted messages are kept as Slack would (`slack.posted`, with their `metadata`); `conversations.replies` and
`conversations.history` return them (metadata only with `include_all_metadata`).

`slack.response_url(name)` gives an address that records what is POSTed to it (slash commands' response_url);
`slack.responses` holds those posts. For Socket Mode, `apps.connections.open` returns `slack.socket_url`;
`await slack.socket_send(payload, "events_api")` sends an envelope to the connected client and returns its id,
and `await slack.socket_ack(envelope_id)` waits for the client's acknowledgement.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

from tests.fakes import start_local_site


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)

    @property
    def token(self) -> str:
        """The bearer token the call was made with (whose workspace it spoke for)."""
        return self.headers.get("Authorization", "").removeprefix("Bearer ")


@dataclass
class _Trouble:
    kind: str  # rate_limit | fail | server_error | slow
    times: int
    error: str = ""
    status: int = 500
    retry_after: int | None = 0
    seconds: float = 0.0


def _jsonish(value: Any) -> Any:
    """Form-encoded Web API arguments carry blocks/views as JSON strings; decode them for easy asserts."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class SlackStandIn:
    def __init__(self, *, bot_user_id: str = "UBOT", bot_id: str = "BBOT", team_id: str = "T000TEST") -> None:
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.team_id = team_id
        self.calls: list[Call] = []  # every Web API call that was answered normally
        self.attempts: list[Call] = []  # every Web API call, misbehaving answers included
        self.responses: list[Call] = []  # posts to response_url addresses
        self.socket_acks: dict[str, dict[str, Any]] = {}
        self.on_call: list[Callable[[Call], None]] = []  # hooks (the benchmark timestamps replies with one)
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}  # (channel, ts) -> message, for conversations.replies
        self.posted: list[dict[str, Any]] = []  # every message chat.postMessage took in, as Slack stores it
        self.installs: dict[str, dict[str, Any]] = {}  # OAuth code -> the oauth.v2.access answer it is exchanged for
        self.bots: dict[str, dict[str, Any]] = {}  # bot token -> its workspace's auth.test fields
        self.revoked: set[str] = set()  # tokens of uninstalled apps: every call with one is refused
        self.users: dict[str, dict[str, Any]] = {}  # user id -> users.info fields (e.g. is_admin); else a member
        self._trouble: dict[str, list[_Trouble]] = {}
        self._ts = itertools.count(1)
        self._changed = asyncio.Condition()
        self._answer_held = asyncio.Event()
        self._sockets: list[web.WebSocketResponse] = []
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ----------------------------------------------------------------------------------------------

    async def start(self) -> SlackStandIn:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{name}", self._response)
        app.router.add_get("/socket", self._socket)
        self._runner, self.port = await start_local_site(app)
        return self

    async def close(self) -> None:
        self._answer_held.set()  # slow answers still held would keep the server's shutdown waiting
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> SlackStandIn:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    @property
    def socket_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/socket"

    def response_url(self, name: str | None = None) -> str:
        return f"{self.base}/response/{name or uuid.uuid4().hex}"

    # -- misbehaving on purpose ---------------------------------------------------------------------------------

    def rate_limit(self, method: str, *, retry_after: int = 0, times: int = 1) -> None:
        self._trouble.setdefault(method, []).append(_Trouble("rate_limit", times, retry_after=retry_after))

    def fail(self, method: str, error: str, *, times: int = 1) -> None:
        self._trouble.setdefault(method, []).append(_Trouble("fail", times, error=error))

    def server_error(self, method: str, *, status: int = 500, times: int = 1, retry_after: int | None = None) -> None:
        trouble = _Trouble("server_error", times, status=status, retry_after=retry_after)
        self._trouble.setdefault(method, []).append(trouble)

    def slow(self, method: str, *, seconds: float, times: int = 1) -> None:
        """The next calls do their work at once (a post is stored) but are answered `seconds` later."""
        self._trouble.setdefault(method, []).append(_Trouble("slow", times, seconds=seconds))

    def answer_held(self) -> None:
        """Answer the slow calls under way now, and later ones at once."""
        self._answer_held.set()

    # -- several workspaces (installs through OAuth) --------------------------------------------------------------

    def add_install(self, code: str, team_id: str, *, enterprise_id: str | None = None, org_wide: bool = False) -> str:
        """An install Slack will complete when the bot exchanges `code`: a new bot token for that workspace (or, with
        `org_wide`, the whole Enterprise Grid organisation); returns the token."""
        token = f"xoxb-{team_id if not org_wide else enterprise_id}-{uuid.uuid4().hex[:12]}"
        bot_user = f"UBOT{team_id if not org_wide else enterprise_id}"
        self.bots[token] = {"team_id": None if org_wide else team_id, "user_id": bot_user, "bot_id": f"B{bot_user}",
                            "enterprise_id": enterprise_id}  # fmt: skip
        self.installs[code] = {
            "ok": True, "app_id": "A000TEST", "access_token": token, "token_type": "bot", "bot_user_id": bot_user,
            "scope": "channels:history,chat:write,commands", "authed_user": {"id": "UINSTALLER"},
            "team": None if org_wide else {"id": team_id, "name": f"Team {team_id}"},
            "enterprise": {"id": enterprise_id, "name": f"Org {enterprise_id}"} if enterprise_id else None,
            "is_enterprise_install": org_wide,
        }  # fmt: skip
        return token

    # -- reading what happened ----------------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] = lambda c: True,
        *,
        count: int = 1,
        timeout: float = 10.0,
    ) -> Call:
        """The count-th call of `method` matching `predicate`, waiting for it to arrive."""

        def found() -> list[Call]:
            return [c for c in self.calls if c.method == method and predicate(c)]

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(found()) >= count), timeout)
        return found()[count - 1]

    async def wait_for_response(self, count: int = 1, *, timeout: float = 10.0) -> Call:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(self.responses) >= count), timeout)
        return self.responses[count - 1]

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # -- the Web API --------------------------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        raw = await request.read()
        if request.content_type == "application/json" and raw:
            data = json.loads(raw)
        else:
            data = dict(parse_qsl(raw.decode(), keep_blank_values=True))
            data.update(request.query)
        return {k: _jsonish(v) for k, v in data.items()}

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        call = Call(method, await self._params(request), dict(request.headers))
        self.attempts.append(call)
        queue = self._trouble.get(method) or []
        delay = 0.0
        if queue:
            trouble = queue[0]
            trouble.times -= 1
            if trouble.times <= 0:
                queue.pop(0)
            if trouble.kind == "slow":
                delay = trouble.seconds
            elif trouble.kind == "rate_limit":
                return web.json_response(
                    {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": str(trouble.retry_after)}
                )
            elif trouble.kind == "server_error":
                after = {} if trouble.retry_after is None else {"Retry-After": str(trouble.retry_after)}
                return web.Response(status=trouble.status, text="upstream trouble", headers=after)
            else:
                self.calls.append(call)
                await self._notify()
                return web.json_response({"ok": False, "error": trouble.error})
        if method == "oauth.v2.access":  # authenticated by the app's client id and secret, not a token
            self.calls.append(call)
            await self._notify()
            return web.json_response(self._exchange(call))
        if not request.headers.get("Authorization", "").startswith("Bearer "):
            return web.json_response({"ok": False, "error": "not_authed"})
        if call.token in self.revoked:
            return web.json_response({"ok": False, "error": "token_revoked"})
        self.calls.append(call)
        for hook in self.on_call:
            hook(call)
        answer = self._answer(method, call.params, call.token)
        await self._notify()
        if delay:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._answer_held.wait(), delay)
        return web.json_response(answer)

    def _next_ts(self) -> str:
        return f"{1_800_000_000 + next(self._ts)}.000100"

    def _exchange(self, call: Call) -> dict[str, Any]:
        if not call.headers.get("Authorization", "").startswith("Basic "):
            return {"ok": False, "error": "invalid_client_id"}
        answer = self.installs.pop(str(call.params.get("code")), None)  # a code is good once
        return answer or {"ok": False, "error": "invalid_code"}

    def _answer(self, method: str, params: dict[str, Any], token: str = "") -> dict[str, Any]:
        ok: dict[str, Any] = {"ok": True}
        if method == "auth.test" and token in self.bots:
            bot = self.bots[token]
            return {**ok, "url": "https://test.slack.com/", "team": "Installed", "user": "provbot", **bot}
        if method == "auth.test":
            return {
                **ok,
                "url": "https://test.slack.com/",
                "team": "Test",
                "user": "provbot",
                "team_id": self.team_id,
                "user_id": self.bot_user_id,
                "bot_id": self.bot_id,
            }
        if method == "chat.postMessage":
            return {**ok, "channel": params.get("channel"), "ts": (ts := self._store(params)), "message": {"ts": ts}}
        if method == "chat.update":
            return {**ok, "channel": params.get("channel"), "ts": params.get("ts")}
        if method == "chat.getPermalink":
            channel, ts = params.get("channel"), str(params.get("message_ts", ""))
            return {**ok, "permalink": f"https://test.slack.com/archives/{channel}/p{ts.replace('.', '')}"}
        if method in ("views.open", "views.publish"):
            return {**ok, "view": {"id": "V" + uuid.uuid4().hex[:8].upper()}}
        if method == "conversations.replies":
            channel, ts = str(params.get("channel")), str(params.get("ts", ""))
            first = self.messages.get((channel, ts))
            thread = [m for m in self.posted if m["channel"] == channel and m.get("thread_ts") == ts]
            return {**ok, "messages": self._shown([first] if first else [], thread, params), "has_more": False}
        if method == "conversations.history":
            channel, oldest = str(params.get("channel")), float(params.get("oldest") or 0)
            top = [m for m in self.posted if m["channel"] == channel and not m.get("thread_ts")]
            return {**ok, "messages": self._shown([], [m for m in top if float(m["ts"]) >= oldest], params)}
        if method == "apps.connections.open":
            return {**ok, "url": self.socket_url}
        if method == "users.info":
            user = str(params.get("user"))
            member = {"id": user, "is_admin": False, "is_owner": False, "is_primary_owner": False}
            return {**ok, "user": {**member, **self.users.get(user, {})}}
        return ok

    def _store(self, params: dict[str, Any]) -> str:
        ts = self._next_ts()
        keep = ("channel", "thread_ts", "text", "blocks", "metadata")
        message = {"type": "message", "ts": ts, "bot_id": self.bot_id, **{k: params[k] for k in keep if params.get(k)}}
        self.posted.append(message)
        return ts

    @staticmethod
    def _shown(first: list[dict[str, Any]], rest: list[dict[str, Any]], params: dict[str, Any]) -> list[Any]:
        """Messages as the reading methods return them: metadata only when asked for with include_all_metadata."""
        with_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        shown = [m if with_metadata else {k: v for k, v in m.items() if k != "metadata"} for m in first + rest]
        return shown[: int(params.get("limit") or len(shown) or 1)]

    async def _response(self, request: web.Request) -> web.Response:
        call = Call(request.match_info["name"], await self._params(request), dict(request.headers))
        self.responses.append(call)
        await self._notify()
        return web.Response(text="ok")

    # -- Socket Mode --------------------------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        await self._notify()
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}))
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    data = json.loads(message.data)
                    if "envelope_id" in data:
                        self.socket_acks[data["envelope_id"]] = data
                        await self._notify()
        finally:
            self._sockets.remove(ws)
        return ws

    async def wait_for_socket(self, timeout: float = 10.0) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: bool(self._sockets)), timeout)

    async def socket_send(self, payload: dict[str, Any], kind: str = "events_api", *, retry_attempt: int = 0) -> str:
        envelope_id = uuid.uuid4().hex
        await self.wait_for_socket()
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": retry_attempt,
            "retry_reason": "timeout" if retry_attempt else "",
        }
        await self._sockets[-1].send_str(json.dumps(envelope))
        return envelope_id

    async def socket_ack(self, envelope_id: str, *, timeout: float = 10.0) -> dict[str, Any]:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: envelope_id in self.socket_acks), timeout)
        return self.socket_acks[envelope_id]
