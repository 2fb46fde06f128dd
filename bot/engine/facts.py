"""What signal readers return: one claim about the article, where it was found, and how much to trust it.

Facts are immutable: a reader returns them, `Facts` indexes them by field once, and every decision step reads
them without writing anything back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from bot.engine.regions import Region
from bot.model import Signal

FactField = Literal[
    # what the page says about the piece
    "title",
    "author",
    "published",
    "modified",
    "redated",  # "originally published on …, and has been updated": the piece's own earlier date
    "canonical",
    "page_url",
    # who published it
    "outlet",
    "outlet_kind",  # "news" or "blog", from the page's type or its generator
    "outlet_mention",  # an outlet or domain the text names or links to
    "outlet_described",  # "X aggregates headlines …": a site describing itself
    "outlet_self_name",  # the site's own boilerplate naming it
    "masthead",  # the name over pasted text
    "dated_name",  # a "Name, date" line: (name, day)
    "credit",  # an outlet named as the original or a distributor (a Credit)
    # what a reader may do with it
    "copyright",  # a Notice
    "rights_text",
    "license",  # a LicenseInfo
    "grant",  # a Grant: permission to repost, with its conditions
    "grant_restriction",  # a Grant: what the permission excludes
    "reservation",  # "all rights reserved" and the like: the restriction it states
    "fair_use",
    "full_name",  # a writer's whole name, spelled out where the byline gives her first name only
]

# An author fact's kind: a person, or an organisation or outlet given where a person's name goes
AuthorKind = Literal["person", "organization", "outlet", "handle"]  # "handle": a member's account name


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
    field: FactField
    value: Any
    signal: Signal
    snippet: str
    weight: int = 50
    region: Region = "body"
    # What only some facts carry:
    url: str | None = None  # the address a licence link or a publisher object gives
    author_kind: AuthorKind | None = None  # author facts: what the name is, when the reader could tell
    phrase: str | None = None  # credit facts: the wording that gave it (a phrase id, "byline", "dateline")
    credited: bool = False  # author facts: the writer a credit line names ("By X … Originally published at Y")
    domain: str | None = None  # outlet mentions: the registered domain named or linked
    pointer: bool = False  # outlet mentions: the link the text shares or points to ("Read more: …")


def snippet(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _weight(fact: Fact) -> int:
    return fact.weight


class Facts:
    """Every fact about one article, in the order the readers gave them, indexed by field."""

    __slots__ = ("_by_field", "_facts")

    def __init__(self, facts: Iterable[Fact] = ()) -> None:
        self._facts = tuple(facts)
        by_field: dict[str, list[Fact]] = {}
        for fact in self._facts:
            by_field.setdefault(fact.field, []).append(fact)
        self._by_field = {name: tuple(group) for name, group in by_field.items()}

    def __iter__(self) -> Iterator[Fact]:
        return iter(self._facts)

    def __len__(self) -> int:
        return len(self._facts)

    def __repr__(self) -> str:
        return f"Facts({list(self._facts)!r})"

    def all(self, field: FactField) -> tuple[Fact, ...]:
        """The facts about `field`, in reader order."""
        return self._by_field.get(field, ())

    def first(self, field: FactField) -> Fact | None:
        """The first fact a reader gave about `field`."""
        found = self._by_field.get(field)
        return found[0] if found else None

    def best(self, field: FactField) -> Fact | None:
        """The most trusted fact about `field` (the first reader's, between equals)."""
        found = self._by_field.get(field)
        return max(found, key=_weight) if found else None

    def strongest_first(self, *fields: FactField) -> list[Fact]:
        """The facts about any of `fields`, most trusted first (reader order between equals)."""
        if len(fields) == 1:
            found: Iterable[Fact] = self._by_field.get(fields[0], ())
        else:
            wanted = frozenset(fields)
            found = (fact for fact in self._facts if fact.field in wanted)
        return sorted(found, key=_weight, reverse=True)
