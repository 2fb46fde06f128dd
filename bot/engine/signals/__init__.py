"""Signal readers: each reads one kind of evidence from a Document and returns Facts.

They never decide between each other; `bot.engine.decide` does. Adding a reader means adding it to READERS.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.facts import Fact
from bot.engine.signals import full_names, hcard, jsonld, links, meta, microdata, text, url
from bot.engine.signals.context import Context

Reader = Callable[[Context], list[Fact]]
READERS: tuple[tuple[str, Reader], ...] = (
    ("json-ld", jsonld.read),
    ("microdata", microdata.read),
    ("meta", meta.read),
    ("links", links.read),
    ("url", url.read),
    ("text", text.read),
    ("full-names", full_names.read),
    ("hcard", hcard.read),
)


def read_all(context: Context) -> list[Fact]:
    facts: list[Fact] = []
    for _, reader in READERS:
        facts.extend(reader(context))
    return facts
