"""Reading what `provbot check` is given: a file, standard input, or an address; each to an Analysis."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import BinaryIO

from bot.engine.pipeline import analyse_html, analyse_text, analyse_url
from bot.engine.registry import Registry
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


def analyse_bytes(data: bytes, *, as_html: bool, url: str | None, registry: Registry, notes: list[str]) -> Analysis:
    if not data.strip():
        raise InputError("the input is empty")
    as_html = as_html or bool(_LOOKS_HTML.match(data[:2048]))
    try:
        decoded = decode(data, None, html=as_html)
    except NotText as error:
        raise InputError(str(error)) from None
    warnings = notes + decoded.warnings
    if not decoded.text.strip():
        raise InputError("the input is empty")
    if as_html:
        return analyse_html(decoded.text, url, registry=registry, warnings=warnings)
    # with its address, pasted text is read as that page's text (the address names the outlet), but it stays
    # "text" in the output: nothing was fetched
    result = analyse_text(decoded.text, registry=registry, warnings=warnings, url=url)
    result.input.kind, result.input.final_url = "text", None
    return result


def analyse_path(target: str, url: str | None, settings: Settings, registry: Registry) -> Analysis:
    data, notes = read_file(target, settings.max_bytes)
    as_html = target != "-" and Path(target).suffix.lower() in (".html", ".htm", ".xhtml")
    return analyse_bytes(data, as_html=as_html, url=url, registry=registry, notes=notes)


async def analyse_address(url: str, settings: Settings, registry: Registry) -> Analysis:
    async with Fetcher(settings, open_database(settings.db_path)) as fetcher:
        return await analyse_url(url, fetcher, registry=registry)
