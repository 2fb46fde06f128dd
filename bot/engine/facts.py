"""What signal readers return: one claim about the article, where it was found, and how much to trust it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.model import Signal


@dataclass(frozen=True)
class Credit:
    """An outlet named as the piece's first publisher (role 'original') or a distributor (role 'via')."""

    name: str
    url: str | None = None
    published: str | None = None
    role: str = "original"


@dataclass(frozen=True)
class Notice:
    """A copyright notice: its words, the holders it names and its (latest) year."""

    text: str
    holders: tuple[str, ...]
    year: int | None


@dataclass(frozen=True)
class Grant:
    conditions: tuple[str, ...] = ()
    restrictions: tuple[str, ...] = ()
    contact: str | None = None


@dataclass(frozen=True)
class Fact:
    field: str  # title, outlet, author, published, modified, canonical, credit, copyright, license, grant, …
    value: Any
    signal: Signal
    snippet: str
    weight: int = 50
    region: str = "body"
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def snippet(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
