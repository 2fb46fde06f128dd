"""The phrasings in `bot/data/phrases.toml`, compiled once."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from bot.engine.dates import WORD_DATE
from bot.engine.vocabulary import literal_alternation, one_of
from bot.engine.weights import WEIGHT
from bot.paths import DATA_DIR

DATA_FILE = DATA_DIR / "phrases.toml"
# An outlet's name in a credit line: up to eight words (or a domain), stopping before the words that end it.
# "for" and "from" end a name unless a capitalised word follows ("Institute for New Economic Thinking", "Field Notes
# from the Delta").
# A word that took the full stop ending its sentence ("China Daily." before "Source: …") ends the name too: re does
# not give the stop back once the word has it. "U.S." must not end a name, so the stop follows two small letters
# (or ends "L.P.": "©2026 Bloomberg L.P. Visit bloomberg.com"). A spaced hyphen parts a date line's fields
# ("Fonte: Agência Harbor - Foto: Jo Roe"), and a comma does, but in a firm's name.
NAME = (
    r"(?:the )?[\w&@'’.-]+(?: (?!(?:under|sob|bajo|sous|unter|on|at|in|em|en|am|as|and is|with|via|by|"
    r"for(?! (?:the )?(?-i:[A-Z]))|from(?! (?:the )?(?-i:[A-Z]))|where|when|which|who|a|an|is|was|it|its|and has|to)\b)"
    r"[\w&@'’.-]+){0,7}?"
    # a firm named by its founders keeps its commas: "Little, Brown and Company", "Harbor, Pike & Co."
    r"(?:(?:,(?: (?-i:[A-Z])[\w'’-]+)+)+,? (?:and|&) (?-i:Company|Co\b|Sons|Partners|Associates))?"
    r"(?=\s+(?:under|sob|bajo|sous|unter|on|at|in|em|en|am|as|with|via|by|for\b(?! (?:the )?(?-i:[A-Z]))|"
    r"from\b(?! (?:the )?(?-i:[A-Z]))|where|which|who|and|is|was|to)\b"
    r"|\s*[,;:()—–|/]|\s-\s|\.(?:\s|$)|\s*$"
    r"|(?<=[a-z]{2}\.)\s|(?<=L\.P\.)\s)"
)
DATE = WORD_DATE.pattern.replace("?P<", "?P<d_")


@dataclass(frozen=True)
class Phrase:
    id: str
    pattern: re.Pattern[str]
    weight: int = WEIGHT.plain
    role: str = "original"
    known_only: bool = False
    template: str | None = None
    restriction: str | None = None
    grant: bool = False
    any_case: bool = False  # the name may be written in lower case (a blog's title as its owner writes it)
    needs: tuple[str, ...] = ()  # lower-case words one of which every match holds: a cheap test before the regex
    # a wording no picture's credit uses ("Recipe from …"), so it is read in a short line under a picture too
    under_pictures: bool = False

    def may_match(self, low_text: str) -> bool:
        return not self.needs or any(word in low_text for word in self.needs)

    def outside_linked_titles(self, text: str, link_texts: list[str]) -> Iterator[re.Match[str]]:
        """The matches in `text` but those that start inside a link's words after its first: in a list of sources,
        "<a>Deadly Immunity originally published on Salon.com</a>" is a cited document's title, which says where
        that document first ran, not this piece. A credit line linked whole starts where its link does."""
        spans: list[tuple[int, int]] | None = None  # found at the first match: most blocks hold none
        for match in self.pattern.finditer(text):
            if spans is None:
                spans = [
                    (at, at + len(words)) for words in link_texts if words.strip() and (at := text.find(words)) >= 0
                ]
            if not any(at < match.start() < end and text[at : match.start()].strip() for at, end in spans):
                yield match


# "{rights.reservations}": a word list of bot/data/vocabulary.toml, so a wording listed there is not written twice
_VOCABULARY_LIST = re.compile(r"\{(\w+)\.(\w+)\}")


def _compile(row: dict) -> Phrase:
    source = row["pattern"].replace("NAME", NAME).replace("DATE", DATE)
    source = _VOCABULARY_LIST.sub(lambda ref: one_of(ref[1], ref[2]), source)
    return Phrase(
        id=row["id"],
        pattern=re.compile(source, re.IGNORECASE),
        weight=WEIGHT.level(row.get("weight", "plain")),
        role=row.get("role", "original"),
        known_only=bool(row.get("known_only", False)),
        template=row.get("template"),
        restriction=row.get("restriction"),
        grant=bool(row.get("grant", False)),
        any_case=bool(row.get("any_case", False)),
        needs=tuple(row.get("needs", ())),
        under_pictures=bool(row.get("under_pictures", False)),
    )


@dataclass(frozen=True)
class Phrases:
    credits: tuple[Phrase, ...]
    redated: tuple[Phrase, ...]
    grants: tuple[Phrase, ...]
    permission_needed: tuple[Phrase, ...]
    reservations: tuple[Phrase, ...]
    fair_use: tuple[Phrase, ...]
    self_names: tuple[Phrase, ...]
    gates: dict[str, re.Pattern[str]]  # group -> its words one of which every wording of the group needs

    def gated(self, group: str, low_text: str) -> tuple[Phrase, ...]:
        """The group's phrasings, or none when the (lower-cased) text has none of the words they all need."""
        phrases: tuple[Phrase, ...] = getattr(self, group if group != "grant" else "grants")
        gate = self.gates.get(group)
        return phrases if gate is None or gate.search(low_text) else ()


@lru_cache(maxsize=1)
def load_phrases() -> Phrases:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))

    def group(key: str) -> tuple[Phrase, ...]:
        return tuple(_compile(row) for row in data.get(key, []))

    return Phrases(
        credits=group("credit"),
        redated=group("redated"),
        grants=group("grant"),
        permission_needed=group("permission_needed"),
        reservations=group("reservation"),
        fair_use=group("fair_use"),
        self_names=group("self_name"),
        # one alternation of plain words: a single C-level scan instead of a substring test per word
        gates={name: re.compile(literal_alternation(words)) for name, words in data.get("gates", {}).items()},
    )
