"""Fetch one web page for analysis: safely, within limits, and saying plainly what went wrong.

Anyone in a Slack team can make the bot fetch any address, so the fetcher is written as if every address were
hostile:

* the network policy in `bot.fetch.netguard` is applied before the first request, at every redirect hop (redirects are
  followed here, by hand, never by aiohttp), in the resolver and at socket creation;
* one deadline covers the whole fetch, redirects and body included, so a server that sends headers and then
  stalls is cut off on time;
* the body is read as a stream, decompressed bytes counted, and reading stops at `PROVBOT_MAX_BYTES` (a gzip bomb
  costs at most that much memory); an over-long page is still analysed from its start, with a warning;
* only HTML, XHTML and plain text are read at all; other types get a clear "not an article page" answer.

Every failure is a `FetchError` whose message is one line a person understands.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from types import TracebackType

import aiohttp
import sqlite_utils
from aiohttp.abc import AbstractResolver
from yarl import URL

from bot.fetch.cache import NO_STORE, CacheEntry, FetchCache, freshness_of
from bot.fetch.decoding import NotText, decode, sniff_binary_kind
from bot.fetch.netguard import GuardedResolver, Refused, check_url, guarded_socket_factory, socket_refusals
from bot.fetch.outcomes import (
    FetchError,
    Page,
    connection_error,
    cookie_header,
    host_of,
    looks_like_html,
    reason,
    seconds,
    status_line,
    trim_partial_utf8,
)
from bot.fetch.urls import clean_url
from bot.metrics import FETCHES
from bot.settings import Settings

log = logging.getLogger(__name__)

ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
MAX_REDIRECTS = 5
# Polite to each site, and still enough for a burst of links to one outlet to go in parallel.
PER_HOST_LIMIT = 4
TOTAL_CONNECTIONS = 100
# Header limits: generous for real sites (long cookies, CSP headers), small enough that headers cannot eat memory.
MAX_HEADER_LINE = 16_384
MAX_HEADERS = 100
READ_CHUNK = 65_536

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class Fetcher:
    """One shared session for the whole process: keep-alive connections, a per-site limit, and the cache."""

    def __init__(
        self,
        settings: Settings,
        db: sqlite_utils.Database | None = None,
        *,
        cache_ttl: float = 3600.0,
        clock: Callable[[], float] = time.time,
        resolver: AbstractResolver | None = None,
    ) -> None:
        # `resolver` replaces the system resolver underneath the guard (tests use it to play DNS without a
        # network); the guard itself cannot be switched off.
        self._settings = settings
        self._allow = tuple(settings.allow_private)
        self._timeout = float(settings.fetch_timeout)
        self._max_bytes = int(settings.max_bytes)
        self._cache = FetchCache(db) if db is not None else None
        self._cache_ttl = cache_ttl
        self._clock = clock
        self._base_resolver = resolver
        self._session: aiohttp.ClientSession | None = None
        # A link pasted in two channels at once is fetched once: later callers await the first one's task.
        self._in_flight: dict[str, asyncio.Future[Page]] = {}

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()

    def _get_session(self) -> aiohttp.ClientSession:
        # Created on first use: aiohttp sessions belong to the running event loop, which __init__ may not have.
        if self._session is None or self._session.closed:
            base = self._base_resolver or aiohttp.DefaultResolver()
            connector_args: dict = {
                "limit": TOTAL_CONNECTIONS,
                "limit_per_host": PER_HOST_LIMIT,
                "resolver": GuardedResolver(base, self._allow),
                "ttl_dns_cache": 60,
                "socket_factory": guarded_socket_factory(self._allow),
            }
            try:
                connector = aiohttp.TCPConnector(**connector_args)
            except TypeError:  # aiohttp < 3.12 has no socket_factory; the URL check and resolver still guard
                del connector_args["socket_factory"]
                connector = aiohttp.TCPConnector(**connector_args)
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers={
                    "User-Agent": self._settings.user_agent,
                    "Accept": ACCEPT,
                    "Accept-Language": "en;q=1.0, *;q=0.5",
                },
                # Never follow HTTP(S)_PROXY from the environment: a proxy would connect on our behalf, unchecked.
                trust_env=False,
                # No cookies kept between fetches: one person's link must not carry another's session.
                cookie_jar=aiohttp.DummyCookieJar(),
                # The real deadline is ours (asyncio.timeout over the whole fetch); this is only a backstop.
                timeout=aiohttp.ClientTimeout(total=self._timeout + 5, sock_connect=self._timeout),
                max_line_size=MAX_HEADER_LINE,
                max_field_size=MAX_HEADER_LINE,
                max_headers=MAX_HEADERS,
                auto_decompress=True,
                read_bufsize=READ_CHUNK,
            )
        return self._session

    async def fetch(self, url: str) -> Page:
        """Fetch and decode one page (or answer from the cache); raises FetchError with a one-line reason."""
        try:
            page = await self._fetch(url)
        except FetchError as error:
            FETCHES.inc(outcome="refused" if str(error).startswith("refused") else "failed")
            raise
        FETCHES.inc(outcome="cache" if page.from_cache else "network")
        return page

    async def _fetch(self, url: str) -> Page:
        cleaned = clean_url(url)
        try:
            check_url(URL(cleaned), self._allow)
        except Refused as exc:
            raise FetchError(str(exc)) from None
        except ValueError:
            raise FetchError(f"not a valid web address: {cleaned}") from None
        entry = self._cache.get(cleaned) if self._cache is not None else None
        if entry is not None and entry.is_fresh(self._clock(), self._cache_ttl):
            return self._page_from(entry)
        running = self._in_flight.get(cleaned)
        if running is not None:
            return await asyncio.shield(running)
        task = asyncio.ensure_future(self._fetch_with_deadline(cleaned, entry))
        self._in_flight[cleaned] = task
        task.add_done_callback(lambda done: self._finished(cleaned, done))
        return await asyncio.shield(task)

    def _finished(self, cleaned: str, task: asyncio.Future[Page]) -> None:
        self._in_flight.pop(cleaned, None)
        # Mark the outcome as seen even if every caller was cancelled, so asyncio does not log it as lost.
        if not task.cancelled():
            task.exception()

    @staticmethod
    def _page_from(entry: CacheEntry) -> Page:
        return Page(
            url=entry.url,
            final_url=entry.final_url,
            status=entry.status,
            content_type=entry.content_type,
            text=entry.text,
            is_html=entry.is_html,
            from_cache=True,
            warnings=list(entry.warnings),
        )

    async def _fetch_with_deadline(self, cleaned: str, entry: CacheEntry | None) -> Page:
        # This runs in its own task, so the list is this fetch's alone.
        socket_refusals.set([])
        try:
            async with asyncio.timeout(self._timeout):
                return await self._fetch_network(cleaned, entry)
        except TimeoutError:
            raise FetchError(f"timed out after {seconds(self._timeout)} s") from None

    async def _fetch_network(self, cleaned: str, entry: CacheEntry | None) -> Page:
        session = self._get_session()
        current = previous = URL(cleaned)
        # Cookies live for this one fetch: some sites set one and redirect to themselves, expecting it back (a
        # consent or paywall gate), but nothing carries over to the next person's link. So a loop is a return to
        # an address with the same cookies, not merely to the same address.
        cookies = aiohttp.CookieJar(unsafe=True)
        seen = {(str(current), "")}
        for hop in range(MAX_REDIRECTS + 1):
            try:
                target = check_url(current, self._allow)
            except Refused as exc:
                # Say so when a redirect led there: the person pasted a public address and deserves to know why.
                suffix = f" (the site redirected there from {host_of(previous)})" if hop else ""
                raise FetchError(f"{exc}{suffix}") from None
            except ValueError:
                raise FetchError(f"not a valid web address: {current}") from None
            headers: dict[str, str] = {}
            if cookies_sent := cookie_header(cookies, target):
                headers["Cookie"] = cookies_sent
            conditional = entry is not None and clean_url(str(current)) == entry.final_url
            if conditional and entry is not None:
                if entry.etag:
                    headers["If-None-Match"] = entry.etag
                if entry.last_modified:
                    headers["If-Modified-Since"] = entry.last_modified
            try:
                response = await session.get(target, allow_redirects=False, headers=headers)
            except Exception as exc:
                raise connection_error(exc, target, self._timeout) from None
            async with response:
                status = response.status
                location = response.headers.get("Location")
                cookies.update_cookies(response.cookies, response.url)
                if status in REDIRECT_STATUSES and location:
                    try:
                        following = target.join(URL(location.strip())).with_fragment(None)
                    except ValueError:
                        raise FetchError(f"the site redirected to an invalid address: {location[:200]}") from None
                    visit = (str(following), cookie_header(cookies, following))
                    if visit in seen:
                        raise FetchError(f"redirect loop at {clean_url(str(following))}")
                    if hop == MAX_REDIRECTS:
                        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")
                    seen.add(visit)
                    previous, current = target, following
                    continue
                if status == 304 and conditional and entry is not None and self._cache is not None:
                    freshness = freshness_of(response.headers.get("Cache-Control"))
                    if freshness == NO_STORE:
                        self._cache.delete(entry.url)
                    else:
                        self._cache.touch(entry.url, self._clock(), entry.max_age if freshness is None else freshness)
                    return self._page_from(entry)
                if not 200 <= status < 300 or status == 204:
                    raise FetchError(status_line(status))
                return await self._read_page(cleaned, current, response)
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    async def _read_page(self, cleaned: str, current: URL, response: aiohttp.ClientResponse) -> Page:
        warnings: list[str] = []
        # application/octet-stream is what servers send when they do not know either; treat it as no answer.
        mime = response.content_type.lower() if response.headers.get("Content-Type") else ""
        declared = mime not in ("", "application/octet-stream")
        if declared and mime not in HTML_TYPES and mime not in TEXT_TYPES:
            # Refuse on the header alone: no point downloading a PDF or a video we will not read.
            raise FetchError(f"not an article page ({mime})")
        data, truncated, broken = await self._read_body(response, current)
        if truncated:
            data = trim_partial_utf8(data)
            warnings.append(f"the page was larger than {self._max_bytes} bytes; only the start was read")
        if broken:
            warnings.append("the connection broke off before the end; only part of the page was read")
        if not declared:
            kind = sniff_binary_kind(data)
            if kind:
                raise FetchError(f"not an article page (the site sent {kind})")
            mime = "text/html" if looks_like_html(data) else "text/plain"
            warnings.append(f"the site did not say what type the page is; read it as {mime}")
        is_html = mime in HTML_TYPES
        charset = response.charset if declared else None
        try:
            decoded = decode(data, charset, html=is_html)
        except NotText:
            kind = sniff_binary_kind(data) or "binary data"
            raise FetchError(f"not an article page ({mime}, but the site sent {kind})") from None
        warnings.extend(decoded.warnings)
        final_url = clean_url(str(current))
        page = Page(
            url=cleaned,
            final_url=final_url,
            status=response.status,
            content_type=mime,
            text=decoded.text,
            is_html=is_html,
            from_cache=False,
            warnings=warnings,
        )
        freshness = freshness_of(response.headers.get("Cache-Control"))
        if self._cache is not None and freshness == NO_STORE:
            self._cache.delete(cleaned)  # the site asks that no copy be kept, so an older one goes too
        elif self._cache is not None and not broken:
            self._cache.put(
                CacheEntry(
                    url=cleaned,
                    final_url=final_url,
                    status=page.status,
                    content_type=mime,
                    text=page.text,
                    is_html=is_html,
                    warnings=warnings,
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                    fetched_at=self._clock(),
                    max_age=freshness,
                )
            )
        return page

    async def _read_body(self, response: aiohttp.ClientResponse, url: URL) -> tuple[bytes, bool, bool]:
        """Read at most max_bytes of the (decompressed) body; return (data, truncated, connection_broke)."""
        limit = self._max_bytes
        buffer = bytearray()
        broken = False
        try:
            while len(buffer) <= limit:
                # Ask for one byte past the limit: getting it is how we know the page was longer.
                chunk = await response.content.read(min(READ_CHUNK, limit + 1 - len(buffer)))
                if not chunk:
                    break
                buffer += chunk
        except (aiohttp.ClientPayloadError, aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as exc:
            if not buffer:
                raise FetchError(f"the connection to {host_of(url)} broke off ({reason(exc)})") from None
            broken = True
        truncated = len(buffer) > limit
        if truncated:
            # Stop here: closing (not releasing) drops the connection instead of draining gigabytes into nothing.
            response.close()
            del buffer[limit:]
        return bytes(buffer), truncated, broken
