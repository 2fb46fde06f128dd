"""What a fetch brings back (`Page`), or why it failed (`FetchError`), with the one-line reasons people read."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from http import HTTPStatus

import aiohttp
from yarl import URL

from bot.fetch.netguard import Refused, socket_refusals

log = logging.getLogger("bot.fetch.fetcher")


class FetchError(Exception):
    """A page could not be fetched; str() is one line for people, e.g. "refused: 10.0.0.1 is a private address"."""

    def __init__(self, message: str) -> None:
        # Whatever produced the message, a person reads it on one line (stderr, a Slack thread reply).
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        return str(self)


@dataclass
class Page:
    url: str  # the cleaned address asked for
    final_url: str  # after redirects (cleaned)
    status: int
    content_type: str  # e.g. "text/html"
    text: str  # decoded body
    is_html: bool  # False means plain text
    from_cache: bool
    warnings: list[str] = field(default_factory=list)


def seconds(value: float) -> str:
    return f"{value:g}"


def status_line(status: int) -> str:
    try:
        return f"the site answered {status} ({HTTPStatus(status).phrase})"
    except ValueError:
        return f"the site answered {status}"


def host_of(url: URL) -> str:
    host = url.host or str(url)
    return f"{host}:{url.port}" if url.explicit_port else host


def trim_partial_utf8(data: bytes) -> bytes:
    """Drop a multi-byte UTF-8 sequence cut in half by the size limit, so a UTF-8 page still decodes as UTF-8."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return data  # ASCII: nothing was cut
        if byte >= 0xC0:
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data[:-back] if needed > back else data
    return data


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head or b"<head" in head


def reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())[:200]


def cookie_header(cookies: aiohttp.CookieJar, url: URL) -> str:
    return "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.filter_cookies(url).items())


def connection_error(exc: Exception, url: URL, timeout: float) -> FetchError:
    """Translate aiohttp's exceptions into one line a person can act on."""
    host = host_of(url)
    if isinstance(exc, TimeoutError):  # aiohttp's own connect timeout; same meaning for people
        return FetchError(f"timed out after {seconds(timeout)} s")
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, Refused):
            return FetchError(str(cause))
        cause = getattr(cause, "os_error", None) or cause.__cause__
    refused_sockets = socket_refusals.get()
    if refused_sockets and isinstance(exc, aiohttp.ClientConnectorError):
        return FetchError(refused_sockets[0])
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return FetchError(f"could not find the site {url.host}")
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return FetchError(f"could not make a secure connection to {host} (its certificate is not valid)")
    if isinstance(exc, aiohttp.ClientConnectorSSLError):
        return FetchError(f"could not make a secure connection to {host}")
    if isinstance(exc, aiohttp.ClientConnectorError):
        errno = getattr(exc.os_error, "errno", None)
        why = os.strerror(errno) if isinstance(errno, int) and errno > 0 else reason(exc.os_error)
        return FetchError(f"could not connect to {host} ({why.lower()})")
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return FetchError(f"{host} closed the connection without answering")
    if isinstance(exc, aiohttp.ClientResponseError) and exc.status == 400:
        # aiohttp reports a response it cannot parse (oversized or malformed headers) as a 400 of its own.
        if "Got more than" in exc.message:
            return FetchError(f"{host} sent headers that are too large")
        if "Too many headers" in exc.message:
            return FetchError(f"{host} sent too many headers")
        return FetchError(f"{host} sent a response that could not be read")
    if isinstance(exc, aiohttp.InvalidURL):
        return FetchError(f"not a valid web address: {url}")
    if isinstance(exc, aiohttp.ClientError):
        return FetchError(f"could not fetch {host} ({reason(exc)})")
    log.exception("unexpected error fetching %s", url)
    return FetchError(f"could not fetch {host} ({type(exc).__name__})")
