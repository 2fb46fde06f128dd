"""The fetcher against a local aiohttp server on 127.0.0.1 that counts every request it gets.

The tests allow 127.0.0.1/32 (PROVBOT_ALLOW_PRIVATE) to reach that server; refusals are proven with a fetcher
that does not allow it, by showing the server saw nothing. Refusal of 10.x, 192.168.x and 169.254.x is proven
without any traffic there: a spy on the event loop's connect and DNS calls fails the test on any such attempt.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import zlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlite_utils
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.test_utils import TestServer

import bot.fetch.fetcher as fetcher_module
from bot.fetch.cache import NO_STORE, FetchCache, freshness_of
from bot.fetch.fetcher import Fetcher, FetchError
from bot.settings import DEFAULT_USER_AGENT, Settings, load_settings
from bot.storage import open_database

ARTICLE = "<!doctype html><html><head><title>Café</title></head><body><p>Naïve façade — ok</p></body></html>"


@dataclass
class Hits:
    paths: list[str] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    active: int = 0
    peak_active: int = 0

    def count(self, path: str | None = None) -> int:
        return len(self.paths) if path is None else self.paths.count(path)


def _build_app(hits: Hits, bomb: bytes) -> web.Application:
    routes = web.RouteTableDef()

    @web.middleware
    async def counter(request: web.Request, handler: Callable) -> web.StreamResponse:
        hits.paths.append(request.path)
        hits.user_agents.append(request.headers.get("User-Agent", ""))
        hits.headers.append(dict(request.headers))
        return await handler(request)

    @routes.get("/article")
    async def article(request: web.Request) -> web.Response:
        return web.Response(text=ARTICLE, content_type="text/html", charset="utf-8")

    @routes.get("/xhtml")
    async def xhtml(request: web.Request) -> web.Response:
        body = '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><p>x</p></html>'
        return web.Response(body=body.encode(), content_type="application/xhtml+xml")

    @routes.get("/plain")
    async def plain(request: web.Request) -> web.Response:
        return web.Response(text="Just words, Zürich.", content_type="text/plain", charset="utf-8")

    @routes.get("/latin1")
    async def latin1(request: web.Request) -> web.Response:
        body = "<html><body><p>Café crème à Genève</p></body></html>".encode("latin-1")
        return web.Response(body=body, headers={"Content-Type": "text/html; charset=iso-8859-1"})

    @routes.get("/wrong-charset")
    async def wrong_charset(request: web.Request) -> web.Response:
        # Declares latin-1, sends UTF-8: a very common mistake.
        return web.Response(body=ARTICLE.encode("utf-8"), headers={"Content-Type": "text/html; charset=iso-8859-1"})

    @routes.get("/meta-charset")
    async def meta_charset(request: web.Request) -> web.Response:
        body = '<html><head><meta charset="windows-1252"></head><body>“Quoted” – dash</body></html>'
        return web.Response(body=body.encode("cp1252"), headers={"Content-Type": "text/html"})

    @routes.get("/no-charset")
    async def no_charset(request: web.Request) -> web.Response:
        text = "<html><body>" + "Привет, это новостная статья о важных событиях в мире. " * 20 + "</body></html>"
        return web.Response(body=text.encode("cp1251"), headers={"Content-Type": "text/html"})

    @routes.get("/octet")
    async def octet(request: web.Request) -> web.Response:
        # aiohttp's default type: says nothing about the content, so the fetcher looks at the bytes.
        return web.Response(body=b"<!DOCTYPE html><html><body>hi</body></html>")

    @routes.get("/octet-binary")
    async def octet_binary(request: web.Request) -> web.Response:
        return web.Response(body=b"PK\x03\x04" + b"\x00" * 200)

    @routes.get("/pdf")
    async def pdf(request: web.Request) -> web.Response:
        return web.Response(body=b"%PDF-1.7\n" + b"\x00" * 10_000, content_type="application/pdf")

    @routes.get("/image")
    async def image(request: web.Request) -> web.Response:
        return web.Response(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, content_type="image/png")

    @routes.get("/pdf-as-html")
    async def pdf_as_html(request: web.Request) -> web.Response:
        return web.Response(body=b"%PDF-1.4\n\x00\x01\x02", headers={"Content-Type": "text/html"})

    @routes.get("/status/{code}")
    async def status(request: web.Request) -> web.Response:
        return web.Response(status=int(request.match_info["code"]), text="nope")

    @routes.get("/redirect/{n}")
    async def redirect(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        target = "/article" if n <= 1 else f"/redirect/{n - 1}"
        raise web.HTTPFound(target)

    @routes.get("/loop-a")
    async def loop_a(request: web.Request) -> web.Response:
        raise web.HTTPMovedPermanently("/loop-b")

    @routes.get("/loop-b")
    async def loop_b(request: web.Request) -> web.Response:
        raise web.HTTPFound(f"http://{request.host}/loop-a")

    @routes.get("/to")
    async def to(request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query["where"])

    @routes.get("/tracked")
    async def tracked(request: web.Request) -> web.Response:
        raise web.HTTPFound("/article?utm_source=newsletter&fbclid=zzz")

    @routes.get("/stall-headers")
    async def stall_headers(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        await response.write(b"<html><body>first words")
        await _until_gone(request)
        return response

    @routes.get("/stall-before")
    async def stall_before(request: web.Request) -> web.Response:
        await _until_gone(request)
        return web.Response(text="late")

    @routes.get("/endless")
    async def endless(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html; charset=utf-8"})
        await response.prepare(request)
        chunk = ("<p>" + "é" * 8000 + "</p>\n").encode()
        try:
            while True:
                await response.write(chunk)
        except (ConnectionResetError, ConnectionError, RuntimeError):
            pass
        return response

    @routes.get("/bomb")
    async def gzip_bomb(request: web.Request) -> web.Response:
        return web.Response(body=bomb, headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})

    @routes.get("/gzip")
    async def gzipped(request: web.Request) -> web.Response:
        return web.Response(
            body=gzip.compress(ARTICLE.encode()),
            headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
        )

    @routes.get("/big-headers")
    async def big_headers(request: web.Request) -> web.Response:
        return web.Response(text="x", content_type="text/html", headers={"X-Filler": "a" * 100_000})

    @routes.get("/many-headers")
    async def many_headers(request: web.Request) -> web.Response:
        return web.Response(text="x", content_type="text/html", headers={f"X-H{i}": "v" for i in range(500)})

    @routes.get("/etag")
    async def etag(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304, headers={"ETag": '"v1"'})
        return web.Response(text=ARTICLE, content_type="text/html", headers={"ETag": '"v1"'})

    @routes.get("/cache-control/{name}")
    async def cache_control(request: web.Request) -> web.Response:
        value = {"no-store": "private, no-store", "max-age": "public, max-age=30", "no-cache": "no-cache"}
        headers = {"Cache-Control": value[request.match_info["name"]], "ETag": '"cc"'}
        if request.headers.get("If-None-Match") == '"cc"':
            return web.Response(status=304, headers=headers)
        return web.Response(text=ARTICLE, content_type="text/html", headers=headers)

    @routes.get("/cookie-gate")
    async def cookie_gate(request: web.Request) -> web.Response:
        # a consent gate: no cookie, set one and send the reader back to the same address
        if request.cookies.get("consent") != "yes":
            response = web.Response(status=302, headers={"Location": "/cookie-gate"})
            response.set_cookie("consent", "yes", path="/")
            return response
        return web.Response(text=ARTICLE, content_type="text/html")

    @routes.get("/last-modified")
    async def last_modified(request: web.Request) -> web.Response:
        stamp = "Wed, 21 Oct 2015 07:28:00 GMT"
        if request.headers.get("If-Modified-Since") == stamp:
            return web.Response(status=304)
        return web.Response(text=ARTICLE, content_type="text/html", headers={"Last-Modified": stamp})

    @routes.get("/changing")
    async def changing(request: web.Request) -> web.Response:
        version = hits.count("/changing")
        headers = {"ETag": f'"{version}"'}
        return web.Response(text=f"<p>version {version}</p>", content_type="text/html", headers=headers)

    @routes.get("/slow/{i}")
    async def slow(request: web.Request) -> web.Response:
        hits.active += 1
        hits.peak_active = max(hits.peak_active, hits.active)
        try:
            await asyncio.sleep(0.05)
        finally:
            hits.active -= 1
        return web.Response(text="<p>slow</p>", content_type="text/html")

    app = web.Application(middlewares=[counter])
    app.add_routes(routes)
    return app


async def _until_gone(request: web.Request, limit: float = 5.0) -> None:
    """Hang like a stuck server, but stop once the client has hung up so the test server can shut down."""
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    while loop.time() < end:
        transport = request.transport
        if transport is None or transport.is_closing():
            return
        await asyncio.sleep(0.02)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    # 200 MB of spaces, about 200 KB on the wire.
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b" " * 1_000_000
    parts = [compressor.compress(b"<html><body>")]
    parts += [compressor.compress(zeros) for _ in range(200)]
    parts.append(compressor.flush())
    return b"".join(parts)


@pytest.fixture
def hits() -> Hits:
    return Hits()


@pytest.fixture
async def server(hits: Hits, bomb: bytes) -> AsyncIterator[TestServer]:
    test_server = TestServer(_build_app(hits, bomb), host="127.0.0.1")
    await test_server.start_server()
    try:
        yield test_server
    finally:
        await test_server.close()


def _settings(**overrides: str) -> Settings:
    env = {"PROVBOT_ALLOW_PRIVATE": "127.0.0.1/32", "PROVBOT_FETCH_TIMEOUT": "2", "PROVBOT_MAX_BYTES": "100000"}
    env.update(overrides)
    return load_settings(env=env)


def url_of(server: TestServer, path: str) -> str:
    return f"http://127.0.0.1:{server.port}{path}"


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with Fetcher(_settings()) as f:
        yield f


@pytest.fixture
async def strict() -> AsyncIterator[Fetcher]:
    """A fetcher with the default policy: nothing private allowed, not even the test server."""
    async with Fetcher(_settings(PROVBOT_ALLOW_PRIVATE="")) as f:
        yield f


@dataclass
class NetworkSpy:
    connects: list[object] = field(default_factory=list)
    lookups: list[object] = field(default_factory=list)

    def targets(self) -> list[str]:
        return [str(a[0]) if isinstance(a, tuple) else str(a) for a in self.connects]


@pytest.fixture
async def spy(monkeypatch: pytest.MonkeyPatch) -> NetworkSpy:
    """Record every connect and DNS lookup on the running loop; refuse, never send, anything not to 127.0.0.1."""
    loop = asyncio.get_running_loop()
    record = NetworkSpy()
    real_sock_connect = loop.sock_connect
    real_create_connection = loop.create_connection
    real_getaddrinfo = loop.getaddrinfo

    async def sock_connect(sock: socket.socket, address: tuple) -> None:
        record.connects.append(address)
        if address[0] != "127.0.0.1":
            raise AssertionError(f"the fetcher tried to connect to {address}")
        await real_sock_connect(sock, address)

    async def create_connection(*args: object, **kwargs: object) -> object:
        host = args[1] if len(args) > 1 else kwargs.get("host")
        if host is not None:
            record.connects.append(host)
            if host != "127.0.0.1":
                raise AssertionError(f"the fetcher tried to connect to {host}")
        return await real_create_connection(*args, **kwargs)  # type: ignore[arg-type]

    async def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        record.lookups.append(host)
        if host not in ("127.0.0.1", b"127.0.0.1"):
            raise AssertionError(f"the fetcher tried to look up {host}")
        return await real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(loop, "sock_connect", sock_connect)
    monkeypatch.setattr(loop, "create_connection", create_connection)
    monkeypatch.setattr(loop, "getaddrinfo", getaddrinfo)
    return record


class TableResolver(AbstractResolver):
    """DNS from a table, one list of answers per call (the last repeats): lets a name change its answer."""

    def __init__(self, table: dict[str, list[list[str]]]) -> None:
        self.table = table
        self.calls: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.calls.append(host)
        answers = self.table[host]
        current = answers.pop(0) if len(answers) > 1 else answers[0]
        return [
            ResolveResult(hostname=host, host=a, port=port, family=socket.AF_INET, proto=0, flags=0) for a in current
        ]

    async def close(self) -> None:
        pass


# --- what works ---------------------------------------------------------------------------------------------------


async def test_fetches_html(fetcher: Fetcher, server: TestServer, hits: Hits, spy: NetworkSpy) -> None:
    page = await fetcher.fetch(url_of(server, "/article"))
    assert page.status == 200
    assert page.is_html and page.content_type == "text/html"
    assert "Naïve façade" in page.text
    assert page.from_cache is False
    assert page.final_url == page.url == url_of(server, "/article")
    assert hits.user_agents == [DEFAULT_USER_AGENT]
    assert "ProvenanceBot" in DEFAULT_USER_AGENT
    assert spy.targets() == ["127.0.0.1"]  # the control: allowed traffic is visible to the spy


async def test_the_user_agent_is_a_setting(server: TestServer, hits: Hits) -> None:
    agent = "NewsroomBot/2.0 (+mailto:ops@newsroom.example)"
    async with Fetcher(_settings(PROVBOT_USER_AGENT=agent)) as fetcher:
        await fetcher.fetch(url_of(server, "/article"))
    assert hits.user_agents == [agent]


async def test_fetches_xhtml_and_plain_text(fetcher: Fetcher, server: TestServer) -> None:
    xhtml = await fetcher.fetch(url_of(server, "/xhtml"))
    assert xhtml.is_html and xhtml.content_type == "application/xhtml+xml"
    plain = await fetcher.fetch(url_of(server, "/plain"))
    assert not plain.is_html and plain.content_type == "text/plain"
    assert plain.text == "Just words, Zürich."


async def test_gzip_is_decoded(fetcher: Fetcher, server: TestServer) -> None:
    page = await fetcher.fetch(url_of(server, "/gzip"))
    assert page.text == ARTICLE


async def test_tracking_parameters_stripped(fetcher: Fetcher, server: TestServer, hits: Hits) -> None:
    page = await fetcher.fetch(url_of(server, "/article?utm_source=x&fbclid=y#comments"))
    assert page.url == url_of(server, "/article")
    redirected = await fetcher.fetch(url_of(server, "/tracked"))
    assert redirected.final_url == url_of(server, "/article")


async def test_connection_reuse(fetcher: Fetcher, server: TestServer, spy: NetworkSpy) -> None:
    for _ in range(5):
        await fetcher.fetch(url_of(server, "/article?n=1"))
        await fetcher.fetch(url_of(server, "/plain"))
    assert len(spy.connects) == 1  # one keep-alive connection served all ten requests


async def test_per_host_limit(fetcher: Fetcher, server: TestServer, hits: Hits) -> None:
    await asyncio.gather(*(fetcher.fetch(url_of(server, f"/slow/{i}")) for i in range(12)))
    assert hits.count() == 12
    assert 1 < hits.peak_active <= 4


async def test_same_link_at_once_is_fetched_once(fetcher: Fetcher, server: TestServer, hits: Hits) -> None:
    pages = await asyncio.gather(*(fetcher.fetch(url_of(server, "/slow/1?utm_source=" + str(i))) for i in range(5)))
    assert hits.count("/slow/1") == 1
    assert {p.text for p in pages} == {"<p>slow</p>"}


# --- refusals: zero requests ----------------------------------------------------------------------------------------


LOOPBACK_FORMS = [
    "http://127.0.0.1:{port}/article",
    "http://2130706433:{port}/article",
    "http://0x7f.1:{port}/article",
    "http://0x7f000001:{port}/article",
    "http://0177.0.0.1:{port}/article",
    "http://127.1:{port}/article",
    "http://127.0.0.1.:{port}/article",
    "http://[::ffff:127.0.0.1]:{port}/article",
    "http://[::1]:{port}/article",
    "http://localhost:{port}/article",
    "http://LocalHost.:{port}/article",
    "http://www.localhost:{port}/article",
    "http://%31%32%37.0.0.1:{port}/article",
    "http://0.0.0.0:{port}/article",
    "http://0:{port}/article",
    "http://[::]:{port}/article",
]


@pytest.mark.parametrize("form", LOOPBACK_FORMS)
async def test_loopback_spellings_refused_with_zero_requests(
    strict: Fetcher, server: TestServer, hits: Hits, spy: NetworkSpy, form: str
) -> None:
    with pytest.raises(FetchError) as caught:
        await strict.fetch(form.format(port=server.port))
    assert str(caught.value).startswith("refused: ")
    assert "private address" in str(caught.value)
    assert hits.count() == 0
    assert spy.connects == [] and spy.lookups == []


async def test_contract_message_for_loopback(strict: Fetcher, server: TestServer, hits: Hits) -> None:
    with pytest.raises(FetchError, match=r"^refused: 127\.0\.0\.1 is a private address$"):
        await strict.fetch(url_of(server, "/article"))
    assert hits.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://167772161/",
        "http://10.1/",
        "http://192.168.1.1/admin",
        "http://0300.0250.1.1/",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://2852039166/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fe80::a9fe:a9fe]/",
        "http://100.64.1.1/",
        "http://224.0.0.251/",
        "http://240.1.2.3/",
        "https://[fd00::1]:8443/",
    ],
)
async def test_private_ranges_refused_without_traffic(fetcher: Fetcher, spy: NetworkSpy, url: str) -> None:
    with pytest.raises(FetchError, match=r"^refused: .* is a private address$"):
        await fetcher.fetch(url)
    assert spy.connects == [] and spy.lookups == []


async def test_names_resolving_to_private_refused_without_traffic(spy: NetworkSpy) -> None:
    table = {
        "intranet.test": [["10.20.30.40"]],
        "router.test": [["192.168.0.1"]],
        "metadata.test": [["169.254.169.254"]],
    }
    resolver = TableResolver(table)
    async with Fetcher(_settings(), resolver=resolver) as fetcher:
        for name, answers in table.items():
            with pytest.raises(FetchError) as caught:
                await fetcher.fetch(f"http://{name}/")
            assert str(caught.value) == f"refused: {name} resolves to {answers[0][0]}, a private address"
    assert resolver.calls == list(table)
    assert spy.connects == []


async def test_name_resolving_to_loopback_refused(server: TestServer, hits: Hits, spy: NetworkSpy) -> None:
    resolver = TableResolver({"sneaky.test": [["127.0.0.1"]]})
    async with Fetcher(_settings(PROVBOT_ALLOW_PRIVATE=""), resolver=resolver) as fetcher:
        with pytest.raises(FetchError, match=r"^refused: sneaky\.test resolves to 127\.0\.0\.1, a private address$"):
            await fetcher.fetch(f"http://sneaky.test:{server.port}/article")
    assert hits.count() == 0 and spy.connects == []


async def test_dns_rebinding_is_judged_on_the_address_used(server: TestServer, hits: Hits, spy: NetworkSpy) -> None:
    # The name answers with the (allowed) test server first and with a private address next time; the check is
    # made on the answer the connection uses, so the second fetch is refused without traffic.
    resolver = TableResolver({"rebind.test": [["127.0.0.1"], ["10.0.0.9"]]})
    async with Fetcher(_settings(), resolver=resolver) as first:
        page = await first.fetch(f"http://rebind.test:{server.port}/article")
        assert page.status == 200
    async with Fetcher(_settings(), resolver=resolver) as second:
        with pytest.raises(FetchError, match=r"rebind\.test resolves to 10\.0\.0\.9"):
            await second.fetch(f"http://rebind.test:{server.port}/plain")
    assert hits.paths == ["/article"]
    assert spy.targets() == ["127.0.0.1"]


async def test_mixed_answers_connect_only_to_allowed(server: TestServer, hits: Hits, spy: NetworkSpy) -> None:
    resolver = TableResolver({"mixed.test": [["10.0.0.1", "169.254.169.254", "127.0.0.1"]]})
    async with Fetcher(_settings(), resolver=resolver) as fetcher:
        page = await fetcher.fetch(f"http://mixed.test:{server.port}/article")
    assert page.status == 200
    assert spy.targets() == ["127.0.0.1"]


async def test_socket_guard_holds_when_the_url_check_is_bypassed(
    monkeypatch: pytest.MonkeyPatch, spy: NetworkSpy
) -> None:
    # Simulate a hole in the first two layers: no URL check, a resolver that lets everything through. The socket
    # factory must still refuse, before a socket exists, and the message must still be the plain refusal.
    monkeypatch.setattr(fetcher_module, "check_url", lambda url, allow=(): url)
    monkeypatch.setattr(fetcher_module, "GuardedResolver", lambda base, allow=(): base)
    resolver = TableResolver({"two.test": [["10.0.0.1", "192.168.7.7"]]})
    async with Fetcher(_settings(), resolver=resolver) as fetcher:
        with pytest.raises(FetchError, match=r"^refused: 169\.254\.169\.254 is a private address$"):
            await fetcher.fetch("http://169.254.169.254/latest/meta-data/")
        with pytest.raises(FetchError, match=r"^refused: (10\.0\.0\.1|192\.168\.7\.7) is a private address$"):
            await fetcher.fetch("http://two.test/")  # two addresses: tried together, both refused
    assert spy.connects == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://127.0.0.1/file", "refused: only http and https addresses are fetched, not ftp:"),
        ("file:///etc/passwd", "refused: only http and https addresses are fetched, not file:"),
        ("http://user:secret@127.0.0.1/", "refused: addresses with a user name or password in them are not fetched"),
    ],
)
async def test_schemes_and_credentials_refused(fetcher: Fetcher, spy: NetworkSpy, url: str, message: str) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(url)
    assert str(caught.value) == message
    assert spy.connects == []


# --- redirects --------------------------------------------------------------------------------------------------------


async def test_follows_redirects(fetcher: Fetcher, server: TestServer, hits: Hits) -> None:
    page = await fetcher.fetch(url_of(server, "/redirect/5"))
    assert page.final_url == url_of(server, "/article")
    assert page.url == url_of(server, "/redirect/5")
    assert hits.count() == 6


async def test_too_many_redirects(fetcher: Fetcher, server: TestServer, hits: Hits) -> None:
    with pytest.raises(FetchError, match=r"^too many redirects \(more than 5\)$"):
        await fetcher.fetch(url_of(server, "/redirect/6"))
    assert hits.count() == 6  # the sixth Location is never requested


async def test_redirect_loop(fetcher: Fetcher, server: TestServer, hits: Hits) -> None:
    with pytest.raises(FetchError, match=r"^redirect loop at http://127\.0\.0\.1:\d+/loop-a$"):
        await fetcher.fetch(url_of(server, "/loop-a"))
    assert hits.paths == ["/loop-a", "/loop-b"]


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("http://10.0.0.1/", "refused: 10.0.0.1 is a private address"),
        ("http://192.168.0.10:8080/x", "refused: 192.168.0.10 is a private address"),
        ("http://169.254.169.254/latest/meta-data/iam/", "refused: 169.254.169.254 is a private address"),
        ("http://0xa9.0xfe.0xa9.0xfe/", "refused: 169.254.169.254 is a private address"),
        ("http://[::ffff:a00:1]/", "refused: ::ffff:a00:1 (10.0.0.1) is a private address"),
        ("gopher://127.0.0.1:25/", "refused: only http and https addresses are fetched, not gopher:"),
        ("http://u:p@127.0.0.1/", "refused: addresses with a user name or password in them are not fetched"),
    ],
)
async def test_redirect_to_private_refused(
    fetcher: Fetcher, server: TestServer, hits: Hits, spy: NetworkSpy, where: str, reason: str
) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(url_of(server, "/to") + "?where=" + where.replace("&", "%26"))
    assert str(caught.value) == f"{reason} (the site redirected there from 127.0.0.1:{server.port})"
    assert hits.paths == ["/to"]
    assert set(spy.targets()) == {"127.0.0.1"}


async def test_redirect_to_loopback_refused_by_strict_allow_list(server: TestServer, hits: Hits) -> None:
    # Allow only the port-less test address range 127.0.0.1, then redirect to 127.0.0.2 (not allowed).
    async with Fetcher(_settings()) as fetcher:
        with pytest.raises(FetchError, match=r"^refused: 127\.0\.0\.2 is a private address \(the site redirected"):
            await fetcher.fetch(url_of(server, "/to?where=http://127.0.0.2:1/"))
    assert hits.paths == ["/to"]


# --- limits -----------------------------------------------------------------------------------------------------------


async def test_server_that_stalls_after_headers(server: TestServer) -> None:
    async with Fetcher(_settings(PROVBOT_FETCH_TIMEOUT="0.3")) as fetcher:
        with pytest.raises(FetchError, match=r"^timed out after 0\.3 s$"):
            await fetcher.fetch(url_of(server, "/stall-headers"))


async def test_server_that_never_answers(server: TestServer) -> None:
    async with Fetcher(_settings(PROVBOT_FETCH_TIMEOUT="0.3")) as fetcher:
        with pytest.raises(FetchError, match=r"^timed out after 0\.3 s$"):
            await fetcher.fetch(url_of(server, "/stall-before"))


async def test_endless_body_is_cut_at_max_bytes(fetcher: Fetcher, server: TestServer) -> None:
    page = await fetcher.fetch(url_of(server, "/endless"))
    assert 0 < len(page.text.encode()) <= 100_000
    assert "é" * 100 in page.text and "\ufffd" not in page.text  # the cut did not split a character
    assert "the page was larger than 100000 bytes; only the start was read" in page.warnings


async def test_gzip_bomb_stays_small(fetcher: Fetcher, server: TestServer) -> None:
    import tracemalloc

    tracemalloc.start()
    try:
        page = await fetcher.fetch(url_of(server, "/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(page.text) <= 100_000
    assert "the page was larger than 100000 bytes; only the start was read" in page.warnings
    assert peak < 20_000_000  # 200 MB inflated would need far more; a bounded read stays near max_bytes


async def test_oversized_headers(fetcher: Fetcher, server: TestServer) -> None:
    with pytest.raises(FetchError, match=r"^127\.0\.0\.1:\d+ sent headers that are too large$"):
        await fetcher.fetch(url_of(server, "/big-headers"))
    with pytest.raises(FetchError, match=r"^127\.0\.0\.1:\d+ sent too many headers$"):
        await fetcher.fetch(url_of(server, "/many-headers"))


# --- content ----------------------------------------------------------------------------------------------------------


async def test_pdf_is_not_an_article(fetcher: Fetcher, server: TestServer) -> None:
    with pytest.raises(FetchError, match=r"^not an article page \(application/pdf\)$"):
        await fetcher.fetch(url_of(server, "/pdf"))
    with pytest.raises(FetchError, match=r"^not an article page \(image/png\)$"):
        await fetcher.fetch(url_of(server, "/image"))


async def test_pdf_served_as_html(fetcher: Fetcher, server: TestServer) -> None:
    with pytest.raises(FetchError, match=r"^not an article page \(text/html, but the site sent a PDF document\)$"):
        await fetcher.fetch(url_of(server, "/pdf-as-html"))


async def test_charset_from_header(fetcher: Fetcher, server: TestServer) -> None:
    page = await fetcher.fetch(url_of(server, "/latin1"))
    assert "Café crème à Genève" in page.text


async def test_wrong_charset_in_header(fetcher: Fetcher, server: TestServer) -> None:
    page = await fetcher.fetch(url_of(server, "/wrong-charset"))
    assert "Naïve façade — ok" in page.text
    assert any("UTF-8" in w for w in page.warnings)


async def test_charset_from_meta(fetcher: Fetcher, server: TestServer) -> None:
    page = await fetcher.fetch(url_of(server, "/meta-charset"))
    assert "“Quoted” – dash" in page.text


async def test_missing_charset_is_detected(fetcher: Fetcher, server: TestServer) -> None:
    page = await fetcher.fetch(url_of(server, "/no-charset"))
    assert "Привет, это новостная статья" in page.text
    assert "no charset was declared; decoded as cp1251" in page.warnings


async def test_untyped_content_is_sniffed(fetcher: Fetcher, server: TestServer) -> None:
    page = await fetcher.fetch(url_of(server, "/octet"))
    assert page.is_html and page.content_type == "text/html"
    assert "the site did not say what type the page is; read it as text/html" in page.warnings
    with pytest.raises(FetchError, match=r"^not an article page \(the site sent a ZIP archive"):
        await fetcher.fetch(url_of(server, "/octet-binary"))


@pytest.fixture
async def raw_server() -> AsyncIterator[Callable[[bytes], str]]:
    """A bare TCP server answering every connection with fixed bytes, for responses aiohttp would not send."""
    servers: list[asyncio.Server] = []

    async def start(answer: bytes) -> str:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(answer)
            await writer.drain()
            writer.close()

        srv = await asyncio.start_server(handle, "127.0.0.1", 0)
        servers.append(srv)
        return f"http://127.0.0.1:{srv.sockets[0].getsockname()[1]}/"

    yield start
    for srv in servers:
        srv.close()
        await srv.wait_closed()


async def test_missing_content_type(fetcher: Fetcher, raw_server: Callable) -> None:
    html = await raw_server(b"HTTP/1.1 200 OK\r\nContent-Length: 26\r\n\r\n<html><body>hi</body></html>"[:-2])
    page = await fetcher.fetch(html)
    assert page.is_html
    text = await raw_server(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nplain words, no markup")
    page = await fetcher.fetch(text)
    assert not page.is_html and page.text == "plain words, no markup"
    assert "the site did not say what type the page is; read it as text/plain" in page.warnings


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (404, "the site answered 404 (Not Found)"),
        (500, "the site answered 500 (Internal Server Error)"),
        (403, "the site answered 403 (Forbidden)"),
        (451, "the site answered 451 (Unavailable For Legal Reasons)"),
        (599, "the site answered 599"),
    ],
)
async def test_http_errors(fetcher: Fetcher, server: TestServer, code: int, message: str) -> None:
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(url_of(server, f"/status/{code}"))
    assert str(caught.value) == message


async def test_connection_refused(fetcher: Fetcher) -> None:
    with socket.socket() as probe:  # a port nobody listens on: bind, note it, close
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=rf"^could not connect to 127\.0\.0\.1:{port} \(connection refused\)$"):
        await fetcher.fetch(f"http://127.0.0.1:{port}/")


async def test_unknown_site() -> None:
    class Nowhere(AbstractResolver):
        async def resolve(self, host: str, port: int = 0, family: int = 0) -> list[ResolveResult]:
            raise OSError(-2, "Name or service not known")

        async def close(self) -> None:
            pass

    async with Fetcher(_settings(), resolver=Nowhere()) as fetcher:
        with pytest.raises(FetchError, match=r"^could not find the site example\.invalid$"):
            await fetcher.fetch("https://example.invalid/story")


# --- cache ------------------------------------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "provbot.db"


@pytest.fixture
def db(db_path: Path) -> sqlite_utils.Database:
    return open_database(db_path)


async def test_cache_hit(server: TestServer, hits: Hits, db: sqlite_utils.Database, db_path: Path) -> None:
    clock = Clock()
    async with Fetcher(_settings(), db, cache_ttl=60, clock=clock) as fetcher:
        first = await fetcher.fetch(url_of(server, "/article?utm_source=a"))
        second = await fetcher.fetch(url_of(server, "/article?fbclid=b#x"))
    assert hits.count() == 1
    assert first.from_cache is False and second.from_cache is True
    assert second.text == first.text and second.final_url == first.final_url
    # A new process (new Fetcher, same database) still answers from the cache.
    async with Fetcher(_settings(), open_database(db_path), cache_ttl=60, clock=clock) as again:
        third = await again.fetch(url_of(server, "/article"))
    assert third.from_cache and hits.count() == 1


async def test_cache_revalidates_with_etag(server: TestServer, hits: Hits, db: sqlite_utils.Database) -> None:
    clock = Clock()
    async with Fetcher(_settings(), db, cache_ttl=60, clock=clock) as fetcher:
        await fetcher.fetch(url_of(server, "/etag"))
        clock.now += 61
        page = await fetcher.fetch(url_of(server, "/etag"))
        assert page.from_cache and "Naïve" in page.text
        assert hits.headers[-1].get("If-None-Match") == '"v1"'
        await fetcher.fetch(url_of(server, "/etag"))  # fresh again after the 304
    assert hits.count("/etag") == 2


async def test_cache_revalidates_with_last_modified(server: TestServer, hits: Hits, db: sqlite_utils.Database) -> None:
    clock = Clock()
    async with Fetcher(_settings(), db, cache_ttl=60, clock=clock) as fetcher:
        await fetcher.fetch(url_of(server, "/last-modified"))
        clock.now += 120
        page = await fetcher.fetch(url_of(server, "/last-modified"))
    assert page.from_cache
    assert hits.headers[-1].get("If-Modified-Since") == "Wed, 21 Oct 2015 07:28:00 GMT"


async def test_stale_entry_replaced_when_page_changed(
    server: TestServer, hits: Hits, db: sqlite_utils.Database
) -> None:
    clock = Clock()
    async with Fetcher(_settings(), db, cache_ttl=60, clock=clock) as fetcher:
        first = await fetcher.fetch(url_of(server, "/changing"))
        clock.now += 61
        second = await fetcher.fetch(url_of(server, "/changing"))
    assert first.text != second.text and not second.from_cache
    assert hits.headers[-1].get("If-None-Match") == '"1"'


async def test_redirected_page_revalidates_at_its_final_address(
    server: TestServer, hits: Hits, db: sqlite_utils.Database
) -> None:
    clock = Clock()
    async with Fetcher(_settings(), db, cache_ttl=60, clock=clock) as fetcher:
        await fetcher.fetch(url_of(server, "/to?where=/etag"))
        clock.now += 61
        page = await fetcher.fetch(url_of(server, "/to?where=/etag"))
    assert page.from_cache and page.final_url == url_of(server, "/etag")
    assert hits.paths == ["/to", "/etag", "/to", "/etag"]
    assert "If-None-Match" not in hits.headers[2] and hits.headers[3].get("If-None-Match") == '"v1"'


async def test_no_store_pages_are_not_kept(server: TestServer, hits: Hits, db: sqlite_utils.Database) -> None:
    async with Fetcher(_settings(), db, cache_ttl=60, clock=Clock()) as fetcher:
        first = await fetcher.fetch(url_of(server, "/cache-control/no-store"))
        second = await fetcher.fetch(url_of(server, "/cache-control/no-store"))
    assert not first.from_cache and not second.from_cache
    assert hits.count("/cache-control/no-store") == 2
    assert "If-None-Match" not in hits.headers[-1]  # nothing was stored to revalidate


async def test_max_age_shortens_the_cache_lifetime(server: TestServer, hits: Hits, db: sqlite_utils.Database) -> None:
    clock = Clock()
    async with Fetcher(_settings(), db, cache_ttl=3600, clock=clock) as fetcher:
        await fetcher.fetch(url_of(server, "/cache-control/max-age"))
        clock.now += 20
        assert (await fetcher.fetch(url_of(server, "/cache-control/max-age"))).from_cache
        assert hits.count("/cache-control/max-age") == 1
        clock.now += 20  # 40 s: past the site's 30 s, well inside our own hour
        page = await fetcher.fetch(url_of(server, "/cache-control/max-age"))
    assert page.from_cache  # revalidated: the site answered 304
    assert hits.count("/cache-control/max-age") == 2
    assert hits.headers[-1].get("If-None-Match") == '"cc"'


async def test_no_cache_revalidates_every_time(server: TestServer, hits: Hits, db: sqlite_utils.Database) -> None:
    async with Fetcher(_settings(), db, cache_ttl=3600, clock=Clock()) as fetcher:
        for _ in range(3):
            page = await fetcher.fetch(url_of(server, "/cache-control/no-cache"))
    assert page.from_cache
    assert hits.count("/cache-control/no-cache") == 3
    assert [h.get("If-None-Match") for h in hits.headers] == [None, '"cc"', '"cc"']


@pytest.mark.parametrize(
    ("header", "freshness"),
    [
        (None, None),
        ("public", None),
        ("max-age=600", 600.0),
        ("public, max-age=600, s-maxage=60", 60.0),  # a shared cache follows s-maxage
        ("no-cache", 0.0),
        ("private, no-store, max-age=600", NO_STORE),
        ('max-age="90"', 90.0),
        ("max-age=soon", None),
    ],
)
def test_cache_control_header(header: str | None, freshness: float | None) -> None:
    assert freshness_of(header) == freshness


def test_a_cache_table_from_before_cache_control_is_upgraded(db_path: Path) -> None:
    old = sqlite_utils.Database(db_path)
    columns = ("url", "final_url", "status", "content_type", "text", "is_html", "warnings", "etag", "last_modified")
    old["fetch_cache"].create({**dict.fromkeys(columns, str), "fetched_at": float}, pk="url")
    old["fetch_cache"].insert({"url": "https://example.org/a", "text": "<p>kept</p>", "fetched_at": 1.0})
    entry = FetchCache(old).get("https://example.org/a")
    assert entry is not None and entry.text == "<p>kept</p>" and entry.max_age is None


async def test_cookies_set_on_a_redirect_come_back_within_the_fetch(server: TestServer, hits: Hits) -> None:
    async with Fetcher(_settings()) as fetcher:
        page = await fetcher.fetch(url_of(server, "/cookie-gate"))
        assert "Naïve" in page.text
        assert hits.paths == ["/cookie-gate", "/cookie-gate"]
        assert "Cookie" not in hits.headers[0] and hits.headers[1]["Cookie"] == "consent=yes"
        await fetcher.fetch(url_of(server, "/cookie-gate?again=1"))
    # the next fetch starts with no cookies: it is gated again
    assert "Cookie" not in hits.headers[2] and hits.headers[3]["Cookie"] == "consent=yes"


async def test_errors_are_not_cached(server: TestServer, hits: Hits, db: sqlite_utils.Database) -> None:
    async with Fetcher(_settings(), db) as fetcher:
        for _ in range(2):
            with pytest.raises(FetchError):
                await fetcher.fetch(url_of(server, "/status/500"))
    assert hits.count() == 2


async def test_refusal_is_checked_before_the_cache(server: TestServer, db: sqlite_utils.Database) -> None:
    async with Fetcher(_settings(), db) as allowed:
        await allowed.fetch(url_of(server, "/article"))
    async with Fetcher(_settings(PROVBOT_ALLOW_PRIVATE=""), db) as strict:
        with pytest.raises(FetchError, match="private address"):
            await strict.fetch(url_of(server, "/article"))


def test_error_messages_are_one_line() -> None:
    assert str(FetchError("could not\nconnect   to x")) == "could not connect to x"
