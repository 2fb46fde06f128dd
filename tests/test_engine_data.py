"""The engine's word lists in bot/data: each list well-formed, since the patterns are built from them at import."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize("wording", VOCABULARY["rights"]["reservations"])
def test_every_reservation_wording_is_read_as_one(wording: str) -> None:
    """A wording added to [rights] reservations reaches the rights reader (the [hints] rights words mark its block,
    the [gates] reservations words let the phrase run) and the phrase catalogue finds it in a footer."""
    from bot.engine.phrases import DATA_FILE as PHRASES_FILE
    from bot.engine.phrases import load_phrases

    phrases_data = tomllib.loads(PHRASES_FILE.read_text(encoding="utf-8"))
    assert any(word in wording for word in phrases_data["hints"]["rights"]), "no [hints] rights word"
    line = f"Harbor Media 2024. {wording.capitalize()}."
    found = [phrase.id for phrase in load_phrases().gated("reservations", line.lower()) if phrase.pattern.search(line)]
    assert found == ["all-rights-reserved"]


# --- literal_alternation: the shared-beginnings form finds what the plain 'w1|w2|…' finds ----------------------------


def _plain(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in words)


def _finds(pattern: str, text: str, flags: int = 0) -> list[tuple[tuple[int, int], str | None]]:
    # a group after the words shows which of two overlapping words the alternation settled on
    compiled = re.compile(rf"(?:{pattern})(\s+\w+)?", flags)
    return [(found.span(), found.group(1)) for found in compiled.finditer(text)]


def test_shared_beginnings_are_written_once() -> None:
    assert vocabulary.literal_alternation(["january", "jan", "june", "feb."]) == r"j(?:an(?:uary)?|une)|feb\."


@pytest.mark.parametrize(
    "words",
    [
        ["by", "by the", "b"],  # a shorter word listed first is tried first: "by the way" reads "by" + "the"
        ["by the", "by", "written by"],
        ["Mai", "may", "ma"],  # case apart, for patterns compiled with re.I
    ],
)
def test_listed_order_decides_between_words_that_begin_one_another(words: list[str]) -> None:
    shared = vocabulary.literal_alternation(words)
    for text in ["by the way", "written by them", "b", "MAY day", "mai 2020", "ma x"]:
        for flags in (0, re.I):
            assert _finds(shared, text, flags) == _finds(_plain(words), text, flags), (words, text, flags)


def test_an_order_no_shared_form_can_keep_gives_the_plain_alternation() -> None:
    # "by" is tried between its two longer forms: no one order of a shared "by…" branch does that
    words = ["by the", "by", "by them"]
    assert vocabulary.literal_alternation(words) == _plain(words)


def test_words_with_pattern_characters_and_empty_lists() -> None:
    words = ["a.b", "a+c", "(x)", "a"]
    shared = re.compile(vocabulary.literal_alternation(words))
    assert [shared.fullmatch(word) is not None for word in words] == [True] * 4
    assert shared.fullmatch("axb") is None
    assert vocabulary.literal_alternation([]) == ""
    assert vocabulary.literal_alternation(["", "a"]) == _plain(["", "a"])


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abAB .", min_size=1, max_size=4), min_size=1, max_size=8),
    text=st.text(alphabet="abAB .x", max_size=30),
)
def test_finds_what_the_plain_alternation_finds(words: list[str], text: str) -> None:
    shared = vocabulary.literal_alternation(words)
    for flags in (0, re.I):
        assert _finds(shared, text, flags) == _finds(_plain(words), text, flags)


def test_month_names_pattern_finds_what_the_plain_one_does() -> None:
    names = sorted(dates.MONTHS, key=lambda name: len(re.escape(name)), reverse=True)
    assert "(?:" in dates.MONTH_NAMES  # the shared form, not the plain one
    for text in ["Sept. 30, 2016", "30 septembre 2016", "SEP 3", "3 de março", "Mayo 5", "2 Mart 2021", "Junho"]:
        assert _finds(dates.MONTH_NAMES, text, re.I) == _finds(_plain(names), text, re.I)
