"""The engine's word lists in bot/data: each list well-formed, since the patterns are built from them at import."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest

from bot.engine import dates, vocabulary
from bot.engine.regions import DATA_FILE as REGIONS_FILE


def _lists(data: dict[str, Any], where: str = "") -> list[tuple[str, list[Any]]]:
    found = []
    for key, value in data.items():
        if isinstance(value, dict):
            found += _lists(value, f"{where}{key}.")
        elif isinstance(value, list):
            found.append((f"{where}{key}", value))
    return found


VOCABULARY = tomllib.loads(vocabulary.DATA_FILE.read_text(encoding="utf-8"))
REGIONS = tomllib.loads(REGIONS_FILE.read_text(encoding="utf-8"))
LISTS = [("vocabulary", *item) for item in _lists(VOCABULARY)] + [("regions", *item) for item in _lists(REGIONS)]


@pytest.mark.parametrize(("file", "name", "words"), LISTS, ids=[f"{f}:{n}" for f, n, _ in LISTS])
def test_word_lists_are_lower_case_unique_and_trimmed(file: str, name: str, words: list[Any]) -> None:
    # pages' class names and several date-line words are lower-cased before they are matched: an upper-case entry
    # would never match
    assert words, f"{file}.toml {name} is empty"
    for word in words:
        assert isinstance(word, str) and word == word.strip() and word, f"{file}.toml {name}: {word!r}"
        assert word == word.lower(), f"{file}.toml {name}: {word!r} is not lower case"
    assert len(set(words)) == len(words), f"{file}.toml {name} repeats a word"


def test_months_are_numbered_one_to_twelve() -> None:
    assert set(dates.MONTHS.values()) == set(range(1, 13))
    assert all(name == name.lower() for name in dates.MONTHS)


WORD_LISTS = [
    (section, name) for section, lists in VOCABULARY.items() for name, words in lists.items() if isinstance(words, list)
]


@pytest.mark.parametrize(("section", "name"), WORD_LISTS, ids=[f"{s}.{n}" for s, n in WORD_LISTS])
def test_alternations_match_each_word_literally(section: str, name: str) -> None:
    words = vocabulary.words(section, name)
    pattern = re.compile(rf"(?:{vocabulary.one_of(section, name)})")
    for word in words:
        assert pattern.fullmatch(word), word
        # a dot or dash in a word is that character, not any character
        for mark in ".-":
            if mark in word and (other := word.replace(mark, "x")) not in words:
                assert not pattern.fullmatch(other), other


def test_words_read_from_the_vocabulary() -> None:
    assert dates.parse_written_date("jeudi 12 mars 2026") == "2026-03-12"
    assert dates.parse_written_date("3 de março de 2025") == "2025-03-03"
