"""Reading what `provbot check` is given: a file, standard input, or an address; each to an Analysis."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import BinaryIO

from bot.analysis_pool import AnalysisPool
from bot.fetch.decoding import NotText, decode
from bot.model import Analysis
from bot.settings import Settings

_LOOKS_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)


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
) -> Analysis:
    """A saved page or pasted text, analysed in one of the pool's workers (under its deadline)."""
    text, as_html, decoding_warnings = _decoded(data, as_html)
    warnings = notes + decoding_warnings
    if as_html:
        return await pool.run("analyse_html", text, url, warnings=warnings)
    result = await pool.run("analyse_text", text, warnings=warnings)
    if url:
        result.input.url = url
    return result


async def analyse_path(target: str, url: str | None, settings: Settings, pool: AnalysisPool) -> Analysis:
    data, notes = read_file(target, settings.max_bytes)
    as_html = target != "-" and Path(target).suffix.lower() in (".html", ".htm", ".xhtml")
    return await analyse_bytes(data, as_html=as_html, url=url, pool=pool, notes=notes)


async def analyse_address(url: str, settings: Settings, pool: AnalysisPool) -> Analysis:
    """Fetch `url` with the safe fetcher; raises bot.fetch.fetcher.FetchError with a one-line reason."""
    from bot.fetch.fetcher import Fetcher
    from bot.storage import open_database

    async with Fetcher(settings, open_database(settings.db_path)) as fetcher:
        page = await fetcher.fetch(url)
    return await pool.run("analyse_page", page)
