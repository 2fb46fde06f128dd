"""The main text of an article as paragraphs and sentences, and the comparison key that ignores style.

A page's body comes from trafilatura's `extract` (a maintained main-text extractor; the engine's own document
reads only the blocks that may carry provenance, not the whole body). Pasted text is its own body, a paragraph a
line. Style is what republishing rules allow to change: quotes, dashes, spacing, case and punctuation, and the
dateline before the first sentence ("WASHINGTON (AP) —", "LONDON, Jan 5 (Reuters) -").
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.paths import DATA_DIR

_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'’/-]{1,40}(?:,\s*[\w. ]{1,30})?\s*(?:\([^)]{1,40}\))?\s*[-–—:]{1,2}\s+(?=\S)"
)
# a sentence's end: its stop, closing quotes or brackets, spaces, and the next sentence's capital or digit
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORDS = re.compile(r"\w+")
# ASCII letters and digits kept (lower-cased), everything else a space: the fast path of `style_key`
_ASCII_KEY = bytes((c + 32 if 65 <= c <= 90 else c) if chr(c).isalnum() else 32 for c in range(256))
# typographic punctuation a copy desk changes, as spaces, so most news text takes the fast path
_TYPOGRAPHY = str.maketrans(dict.fromkeys("‘’‚‛“”„‟«»‹›′″‐‑‒–—―…\u00a0\u2009\u202f", " "))
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_SLACK_LINK = re.compile(r"<(https?://[^\s|>]+)(?:\|([^>]*))?>")
_MARKUP = re.compile(r"^\s*(?:>\s*|#{1,6}\s*|[-*•]\s+)|(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")


@dataclass(frozen=True)
class Sentence:
    text: str  # as written
    key: str  # style-free comparison key
    paragraph: int


@dataclass(frozen=True)
class Body:
    headline: str | None
    paragraphs: tuple[str, ...]

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def sample(self, chars: int = 1200) -> str:
        return " ".join(self.paragraphs)[:chars]


def style_key(text: str) -> str:
    """What is left of a text once quotes, dashes, punctuation, case, accents' forms and spacing are set aside."""
    if not text.isascii():
        text = text.translate(_TYPOGRAPHY)
    if text.isascii():
        return " ".join(text.encode().translate(_ASCII_KEY).decode().split())
    return " ".join(_WORDS.findall(unicodedata.normalize("NFKC", text).lower()))


def strip_dateline(paragraph: str) -> str:
    return _DATELINE.sub("", paragraph, count=1)


def sentences(body: Body) -> list[Sentence]:
    out = []
    for number, paragraph in enumerate(body.paragraphs):
        text = strip_dateline(paragraph) if number == 0 else paragraph
        start = 0
        for end in [*(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]:
            part = text[start:end]
            start = end
            if key := style_key(part):
                out.append(Sentence(part.strip(), key, number))
    return out


# The engine reads at most this much of a page (bot.engine.document: 5 x MAX_TEXT_CHARS); so does the extractor.
MAX_HTML_CHARS = 2_000_000


def load_extractor() -> None:
    """Import the main-text extractor now (a worker process does, before it takes its first page)."""
    import trafilatura  # noqa: F401


def body_from_html(html: str, url: str | None, headline: str | None) -> Body:
    import trafilatura  # imported on first use: it takes a moment, and only the chain needs it

    html = html[:MAX_HTML_CHARS]
    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=False, include_images=False, deduplicate=False
    )
    return _body(text or "", headline)


def body_from_text(text: str, headline: str | None) -> Body:
    """Pasted text: one paragraph a line, with Markdown and Slack links reduced to their words."""
    plain = _SLACK_LINK.sub(lambda m: m.group(2) or m.group(1), _MD_LINK.sub(lambda m: m.group(1), text))
    return _body("\n".join(_MARKUP.sub("", line) for line in plain.splitlines()), headline)


def _body(text: str, headline: str | None) -> Body:
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    # a headline repeated as the body's first line is the headline, not a paragraph
    if headline and paragraphs and style_key(paragraphs[0]) == style_key(headline):
        paragraphs = paragraphs[1:]
    return Body(headline, tuple(paragraphs))


@lru_cache(maxsize=1)
def _furniture() -> tuple[tuple[str, ...], int]:
    data = tomllib.loads((DATA_DIR / "furniture.toml").read_text(encoding="utf-8"))
    return tuple(s.lower() for s in data["starts"]), int(data["max_words"])


def is_furniture(paragraph: str) -> bool:
    """A short line that is the page's, not the story's: "Read more: …", "Advertisement", "Sign up for …"."""
    starts, max_words = _furniture()
    return len(paragraph.split()) <= max_words and paragraph.lower().startswith(starts)


def without(body: Body, boilerplate: list[str]) -> Body:
    """The body less page furniture and the lines a page adds about itself: the credit ("This article is
    republished from …"), byline, notice and licence, recognised by the engine's own evidence for them (snippets
    cut at 240 characters end with '…')."""
    keys = [style_key(s.removesuffix("…")) for s in boilerplate]
    keys = [k for k in keys if k]

    def is_credit(paragraph: str) -> bool:
        # a short line ("By Mara Lindqvist") only when it is the whole paragraph; a longer one wherever it stands
        key = style_key(paragraph)
        return any(k == key or (len(k) >= 20 and k in key) or (len(key) >= 20 and key in k) for k in keys)

    return Body(body.headline, tuple(p for p in body.paragraphs if not is_credit(p) and not is_furniture(p)))
