"""The language words the engine's patterns are built from, kept in `bot/data/vocabulary.toml`."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
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
    return literal_alternation(word for name in names for word in words(section, name))


_Trie = dict[str, "_Trie | int"]
_END = ""  # the key that marks where a word ends (no character is empty)


def literal_alternation(items: Iterable[str]) -> str:
    """Literal words as a regex alternation (no outer group) that matches exactly as 'w1|w2|…' in that order does,
    with shared beginnings written once ('jan(?:uary|vier)?|feb…'). Python's re tries every alternative in turn at
    each place it searches: a hundred month names cost a hundred comparisons a character, the shared form a few.
    Where the order of the words cannot be kept so (a word listed between two longer forms of one shorter one),
    the plain alternation is returned."""
    listed = list(items)
    plain = "|".join(re.escape(word) for word in listed)
    if not listed or not all(listed):
        return plain
    root: _Trie = {}
    for index, word in enumerate(listed):
        node = root
        for character in word:
            node = node.setdefault(character, {})  # type: ignore[assignment]
        node.setdefault(_END, index)
    order: list[int] = []  # the words in the order the shared form tries them
    pattern = "|".join(_alternatives(root, order))
    return pattern if _same_order(listed, order) else plain


def _first(node: _Trie | int) -> int:
    return node if isinstance(node, int) else min(_first(child) for child in node.values())


def _alternatives(node: _Trie, order: list[int]) -> list[str]:
    parts = []
    for key, child in sorted(node.items(), key=lambda item: _first(item[1])):
        if isinstance(child, int):
            order.append(child)
            parts.append("")
        else:
            parts.append(re.escape(key) + _group(_alternatives(child, order)))
    return parts


def _group(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    if parts[-1] == "" and all(parts[:-1]):
        return f"(?:{'|'.join(parts[:-1])})?"  # greedy: the longer words first, the shorter one last
    return f"(?:{'|'.join(parts)})"


def _same_order(listed: list[str], order: list[int]) -> bool:
    """Whether every two words that can match at one place (one begins the other, letter case aside) are tried in
    the listed order: only those two orders can differ in what a pattern finds. (A word listed twice is tried once:
    its second listing could never match where the first did not.)"""
    tried_at = {index: position for position, index in enumerate(order)}
    by_form: dict[str, list[int]] = {}
    for index in order:
        by_form.setdefault(listed[index].casefold(), []).append(index)
    for index in order:
        folded = listed[index].casefold()
        for cut in range(1, len(folded)):
            for shorter in by_form.get(folded[:cut], ()):
                if (shorter < index) != (tried_at[shorter] < tried_at[index]):
                    return False
    return True
