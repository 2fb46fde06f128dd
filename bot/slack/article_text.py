"""Is a message's text a pasted article, or conversation? (pure; vocabulary and patterns in
`bot/data/article_text.toml`). A reply to chatter is the quickest way to get a bot muted, so a paste must look
like an article (a byline, dateline or notice, or long prose) and not like talk to the team or code."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from bot.paths import DATA_DIR

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?(?:\s|$)")
_CODE_CHARS = "{}[]();=<>$#_\\|`"
_FENCE = "```"
_WORD = re.compile(r"\w[\w'’-]*")


@dataclass(frozen=True)
class ArticleTextRules:
    markers: tuple[re.Pattern[str], ...]  # at the start of a line
    notices: tuple[str, ...]  # lowercase phrases, anywhere
    greeting: re.Pattern[str]
    directive_words: frozenset[str]  # one-word directives, compared with the text's words
    directive_phrases: tuple[str, ...]  # several words, found in the text's words joined by single spaces
    min_words_with_marker: int
    min_words_prose: int
    min_sentences_prose: int
    min_words_on_request: int
    max_directives_per_100_words: float
    max_code_share: float


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def rules() -> ArticleTextRules:
    data: dict[str, Any] = tomllib.loads((DATA_DIR / "article_text.toml").read_text(encoding="utf-8"))
    chatter, size = data["chatter"], data["size"]
    return ArticleTextRules(
        markers=tuple(re.compile(p, re.M) for p in data["markers"].values()),
        notices=tuple(phrase.lower() for phrase in data["notices"]["phrases"]),
        greeting=re.compile(rf"^\W*(?:{_alternatives(chatter['greetings'])})(?:\W|$)", re.I),
        directive_words=frozenset(d.lower() for d in chatter["directives"] if " " not in d),
        directive_phrases=tuple(f" {d.lower()} " for d in chatter["directives"] if " " in d),
        min_words_with_marker=size["min_words_with_marker"],
        min_words_prose=size["min_words_prose"],
        min_sentences_prose=size["min_sentences_prose"],
        min_words_on_request=size["min_words_on_request"],
        max_directives_per_100_words=chatter["max_directives_per_100_words"],
        max_code_share=chatter["max_code_share"],
    )


def is_code(text: str, limit: float) -> bool:
    if _FENCE in text:
        return True
    visible = len(text) - sum(text.count(c) for c in " \n\t\r")
    return visible > 0 and sum(text.count(c) for c in _CODE_CHARS) / visible > limit


def directives(text: str, r: ArticleTextRules) -> int:
    """How many times the text asks people to do things ("please", "can someone", "let me know", …)."""
    words = _WORD.findall(text.lower())
    joined = f" {' '.join(words)} "
    return sum(w in r.directive_words for w in words) + sum(joined.count(p) for p in r.directive_phrases)


def is_talk(text: str, words: int, r: ArticleTextRules) -> bool:
    """Written to the team: opens with a greeting, or asks people to do things more than an article would."""
    first_line = text.lstrip().split("\n", 1)[0]
    # A greeting on a short opening line only: a headline may well start "Update:" or "No…".
    if len(first_line) < 80 and r.greeting.match(first_line) and words < 400:
        return True
    return directives(text, r) * 100 / max(words, 1) > r.max_directives_per_100_words


def has_marker(text: str, r: ArticleTextRules) -> bool:
    """A byline, dateline or date line, or a credit, copyright or republication notice."""
    lower = text.lower()
    return any(phrase in lower for phrase in r.notices) or any(p.search(text) for p in r.markers)


def worth_checking_on_request(text: str) -> bool:
    """Asked explicitly, any text of a few sentences' length is analysed ("is this real?" alone is not)."""
    return len(text.split()) >= rules().min_words_on_request


def is_article_paste(text: str) -> bool:
    """Pasted article text worth a reply: long enough, article-shaped, and neither talk nor code."""
    stripped = text.strip()
    words = len(stripped.split())
    r = rules()
    if words < r.min_words_with_marker or is_code(stripped, r.max_code_share) or is_talk(stripped, words, r):
        return False
    if has_marker(stripped, r):
        return True
    sentences = len(_SENTENCE_END.findall(stripped))
    return words >= r.min_words_prose and sentences >= r.min_sentences_prose
