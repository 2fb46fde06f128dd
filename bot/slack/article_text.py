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
_CODE_CHARS = frozenset("{}[]();=<>$#_\\|`")
_FENCE = "```"


@dataclass(frozen=True)
class ArticleTextRules:
    markers: tuple[re.Pattern[str], ...]
    greeting: re.Pattern[str]
    directive: re.Pattern[str]
    min_words_with_marker: int
    min_words_prose: int
    min_sentences_prose: int
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
        greeting=re.compile(rf"^\W*(?:{_alternatives(chatter['greetings'])})(?:\W|$)", re.I),
        directive=re.compile(rf"(?<!\w)(?:{_alternatives(chatter['directives'])})(?!\w)", re.I),
        min_words_with_marker=size["min_words_with_marker"],
        min_words_prose=size["min_words_prose"],
        min_sentences_prose=size["min_sentences_prose"],
        max_directives_per_100_words=chatter["max_directives_per_100_words"],
        max_code_share=chatter["max_code_share"],
    )


def is_code(text: str, limit: float) -> bool:
    visible = [c for c in text if not c.isspace()]
    if _FENCE in text:
        return True
    return bool(visible) and sum(c in _CODE_CHARS for c in visible) / len(visible) > limit


def is_talk(text: str, words: int, r: ArticleTextRules) -> bool:
    """Written to the team: opens with a greeting, or asks people to do things more than an article would."""
    first_line = text.lstrip().split("\n", 1)[0]
    # A greeting on a short opening line only: a headline may well start "Update:" or "No…".
    if len(first_line) < 80 and r.greeting.match(first_line) and words < 400:
        return True
    return len(r.directive.findall(text)) * 100 / max(words, 1) > r.max_directives_per_100_words


def is_article_paste(text: str) -> bool:
    """Pasted article text worth a reply: long enough, article-shaped, and neither talk nor code."""
    stripped = text.strip()
    words = len(stripped.split())
    r = rules()
    if words < r.min_words_with_marker or is_code(stripped, r.max_code_share) or is_talk(stripped, words, r):
        return False
    if any(pattern.search(stripped) for pattern in r.markers):
        return True
    sentences = len(_SENTENCE_END.findall(stripped))
    return words >= r.min_words_prose and sentences >= r.min_sentences_prose
