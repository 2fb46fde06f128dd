"""The language words the engine's patterns are built from, kept in `bot/data/vocabulary.toml`."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from bot.paths import DATA_DIR

DATA_FILE = DATA_DIR / "vocabulary.toml"
_VOCABULARY: dict[str, Any] = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))


def words(section: str, name: str) -> tuple[str, ...]:
    """One word list, as the data file gives it."""
    return tuple(_VOCABULARY[section][name])


def table(section: str) -> dict[str, Any]:
    """A section that maps words to values (month names to numbers)."""
    return dict(_VOCABULARY[section])


def one_of(section: str, *names: str) -> str:
    """The words of one or more lists as a regex alternation (no group): 'by|written by|…'."""
    return "|".join(re.escape(word) for name in names for word in words(section, name))
