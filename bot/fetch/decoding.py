"""Bytes to text: charset from the HTTP header, then the page's own declaration, then detection.

Shared by the fetcher (pages from the web) and the command line (saved files), so a page decodes the same way
whichever door it came in by.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from charset_normalizer import CharsetMatch, from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_SINGLE_BYTE_PREFIXES = ("iso8859-", "latin", "cp12", "cp8", "koi8-", "mac-", "tis-620")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Control bytes that never occur in text; a few of them mean the file is binary, not an article.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class NotText(ValueError):
    """The bytes are not text (an image, an archive, a PDF …)."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))  # one C pass, not one per byte value
    return controls > max(4, len(sample) // 200)


def sniff_binary_kind(data: bytes) -> str | None:
    """A short name for well-known binary formats, for a clearer message."""
    signatures = {
        b"%PDF": "a PDF document",
        b"\x89PNG": "a PNG image",
        b"\xff\xd8\xff": "a JPEG image",
        b"GIF8": "a GIF image",
        b"PK\x03\x04": "a ZIP archive (or an Office document)",
        b"\x1f\x8b": "a gzip archive",
        b"RIFF": "a RIFF media file",
        b"\x7fELF": "a program",
    }
    for magic, name in signatures.items():
        if data.startswith(magic):
            return name
    return None


def decode(data: bytes, header_charset: str | None = None, *, html: bool = True) -> Decoded:
    """Decode page or text bytes; raises NotText for binary data."""
    kind = sniff_binary_kind(data)
    if kind or looks_binary(data):
        raise NotText(f"not an article: the input is {kind or 'binary data'}")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name)
    candidates: list[tuple[str, str]] = []
    if (codec := _codec(header_charset)) is not None:
        candidates.append((codec, "header"))
    if html:
        head = data[:4096]
        for pattern in (_META_CHARSET, _XML_DECL):
            match = pattern.search(head)
            if match and (codec := _codec(match.group(1).decode("ascii", "ignore"))) is not None:
                candidates.append((codec, "page"))
                break
    for codec, origin in candidates:
        if _single_byte(codec) and _is_utf8(data):
            # Pages often declare a legacy one-byte charset (latin-1, iso-8859-2, windows-1251 ...) while serving
            # UTF-8, e.g. after a CMS migration; text in those charsets is almost never valid UTF-8 by accident.
            return Decoded(data.decode("utf-8"), "utf-8", [f"the {origin} declared {codec} but the page is UTF-8"])
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    if _is_utf8(data):
        return Decoded(data.decode("utf-8"), "utf-8")
    best = _detect(data)
    if best is not None and best.encoding:
        note = [] if candidates else [f"no charset was declared; decoded as {best.encoding}"]
        return Decoded(data.decode(best.encoding, errors="replace"), best.encoding, note)
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", ["the text is not valid in any charset tried"])


def _detect(data: bytes) -> CharsetMatch | None:
    """Detection's best guess, except that windows-1252 (the web's default for undeclared legacy pages) wins a
    tie: detectors often cannot tell it from cp1250 or cp1257 on Western text, and guessing those turns ñ into ń."""
    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.01:
            return match
    return best


def _single_byte(codec: str) -> bool:
    """A legacy charset with one byte a character (Python's names for the ISO, Windows, KOI8, Mac and DOS ones)."""
    return codec == "ascii" or codec.startswith(_SINGLE_BYTE_PREFIXES)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
