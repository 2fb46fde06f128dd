"""Evidence rows: what each decision step returns beside its value."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias, TypeVar

from bot.engine.facts import Fact
from bot.model import Evidence, Signal

T = TypeVar("T")
# A step's answer: its value and the rows that back it
Decided: TypeAlias = tuple[T, list[Evidence]]


def cite(field_name: str, fact: Fact) -> Evidence:
    """The row for a fact backing `field_name`."""
    return Evidence(field_name, fact.signal, fact.snippet)


def note(field_name: str, signal: Signal, text: str) -> Evidence:
    """A row the decision words itself: a registry entry, an address, a rule applied to a fact."""
    return Evidence(field_name, signal, text)


def unique_rows(*groups: Iterable[Evidence]) -> list[Evidence]:
    """The steps' rows in order, each (field, signal, snippet) once."""
    seen: set[tuple[str, str, str]] = set()
    rows = []
    for group in groups:
        for row in group:
            key = (row.field, row.signal, row.snippet)
            if key not in seen:
                seen.add(key)
                rows.append(row)
    return rows
