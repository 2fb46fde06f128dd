"""Reading what `provbot check` is given: a file, standard input, or an address; each to an Analysis."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import BinaryIO

from bot.analysis_pool import AnalysisPool
from bot.chain.check import chain_for_check
from bot.chain.follow import InPool
from bot.fetch.decoding import NotText, decode
from bot.fetch.fetcher import Fetcher
from bot.model import Analysis
from bot.settings import Settings
from bot.storage import open_database

_LOOKS_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)


# "www.example.com/story", "example.org": a host name (dotted, ending in letters) with an optional path
_LOOKS_LIKE_ADDRESS = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$", re.I)


_FILE_SUFFIXES = {"txt", "text", "html", "htm", "xhtml", "md", "json", "csv", "xml", "pdf", "doc", "docx", "rtf", "log"}


def looks_like_address(target: str) -> bool:
    """A web address typed without its scheme, rather than a file name: 'www.example.com/story', not 'notes.txt'."""
    match = _LOOKS_LIKE_ADDRESS.match(target)
    if not match:
        return False
    host = re.split(r"[/?#:]", target, maxsplit=1)[0]
    return host.rsplit(".", 1)[-1].lower() not in _FILE_SUFFIXES


class InputError(Exception):
    """The target could not be read; str() is one line for people."""


def _read_capped(stream: BinaryIO, limit: int) -> tuple[bytes, list[str]]:
    data = stream.read(limit + 1)
    if len(data) > limit:
        return data[:limit], [f"the input is larger than {limit:,} bytes; only the first {limit:,} were analysed"]
    return data, []


def read_file(path: str, limit: int) -> tuple[bytes, list[str]]:
    if path == "-":
        return _read_capped(sys.stdin.buffer, limit)
    file = Path(path)
    try:
        with file.open("rb") as stream:
            return _read_capped(stream, limit)
    except FileNotFoundError:
        if looks_like_address(path):
            raise InputError(
                f"cannot read {path}: no such file; to check a web address, add https:// (https://{path})"
            ) from None
        raise InputError(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"cannot read {path}: it is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None


def _decoded(data: bytes, as_html: bool) -> tuple[str, bool, list[str]]:
    if not data.strip():
        raise InputError("the input is empty")
    as_html = as_html or bool(_LOOKS_HTML.match(data[:2048]))
    try:
        decoded = decode(data, None, html=as_html)
    except NotText as error:
        raise InputError(str(error)) from None
    if not decoded.text.strip():
        raise InputError("the input is empty")
    return decoded.text, as_html, decoded.warnings


async def analyse_bytes(
    data: bytes, *, as_html: bool, url: str | None, pool: AnalysisPool, notes: list[str]
) -> tuple[Analysis, str]:
    """A saved page or pasted text, analysed in one of the pool's workers (under its deadline); and its text."""
    text, as_html, decoding_warnings = _decoded(data, as_html)
    warnings = notes + decoding_warnings
    if as_html:
        return await pool.run("analyse_html", text, url, warnings=warnings), text
    # with its address, pasted text is read as that page's text (the address names the outlet), but it stays
    # "text" in the output: nothing was fetched
    result = await pool.run("analyse_text", text, warnings=warnings, url=url)
    result.input.kind, result.input.final_url = "text", None
    return result, text


async def analyse_path(target: str, url: str | None, settings: Settings, pool: AnalysisPool) -> tuple[Analysis, str]:
    data, notes = read_file(target, settings.max_bytes)
    as_html = target != "-" and Path(target).suffix.lower() in (".html", ".htm", ".xhtml")
    return await analyse_bytes(data, as_html=as_html, url=url, pool=pool, notes=notes)


async def analyse_address(url: str, fetcher: Fetcher, pool: AnalysisPool) -> tuple[Analysis, str]:
    """Fetch `url` with the safe fetcher; raises bot.fetch.fetcher.FetchError with a one-line reason."""
    page = await fetcher.fetch(url)
    return await pool.run("analyse_page", page), page.text


async def check_target(target: str, url: str | None, settings: Settings, *, follow: bool = True) -> Analysis:
    """What `provbot check` does with its target: read or fetch it, analyse it in a worker process under
    PROVBOT_ANALYSIS_TIMEOUT (as the bot does), and, unless `follow` is off, follow a copy to its original and
    compare the two (the `chain`). The worker is forked before anything else runs (no threads yet)."""
    pool = AnalysisPool(
        timeout=settings.analysis_timeout,
        workers=1,
        outlets_file=settings.outlets_file,
        start_method="fork",
        chain=follow,
    )
    async with pool:
        db = open_database(settings.db_path)
        async with Fetcher(settings, db) as fetcher:
            if target.lower().startswith(("http://", "https://")):
                analysis, text = await analyse_address(target, fetcher, pool)
            else:
                analysis, text = await analyse_path(target, url, settings, pool)
            if follow:
                analysis.chain = await chain_for_check(
                    analysis, settings, html_or_text=text, fetcher=fetcher, db=db,
                    work=InPool(pool),
                )  # fmt: skip
        return analysis
