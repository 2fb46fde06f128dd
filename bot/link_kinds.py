"""Which links are articles: everything but the tools, documents, files and homepages listed in
`bot/data/not_articles.toml` (extended by the file PROVBOT_NOT_ARTICLES names). The bot's triage asks it which
shared links to check; the engine asks the shipped list which cited links are files, not pages. Pure, no I/O
after loading."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from bot.paths import DATA_DIR

SHIPPED = DATA_DIR / "not_articles.toml"
NOT_ARTICLES_SETTING = "PROVBOT_NOT_ARTICLES"  # a TOML file of the user's own, in the same format
KEYS = ("hosts", "subdomains", "extensions", "paths")


class NotArticlesError(ValueError):
    """The extension file cannot be read; the message is one line naming it."""


@dataclass(frozen=True)
class NotArticles:
    hosts: frozenset[str]
    subdomains: frozenset[str]
    extensions: frozenset[str]
    paths: tuple[re.Pattern[str], ...]

    def reason(self, url: str) -> str | None:
        """Why `url` is not an article ('a tool or document', 'a file', 'a homepage'), or None when it may be one."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return "not an address"
        host = (parts.hostname or "").lower().rstrip(".")
        if parts.scheme.lower() not in ("http", "https") or not host:
            return "not a web address"
        labels = host.split(".")
        if any(".".join(labels[i:]) in self.hosts for i in range(len(labels))):
            return "a tool or document"
        if len(labels) > 2 and labels[0] in self.subdomains:
            return "a tool or document"
        if self.is_file(parts.path):
            return "a file"
        if any(pattern.fullmatch(parts.path) for pattern in self.paths):
            return "a homepage or section front"
        return None

    def is_file(self, path: str) -> bool:
        """The address's path ends in a file type of the list: a document, data or media, not a web page."""
        last = path.rsplit("/", 1)[-1]
        return "." in last and last.rsplit(".", 1)[-1].lower() in self.extensions

    def is_article(self, url: str) -> bool:
        return self.reason(url) is None


def _read(path: Path) -> dict[str, list[str]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise NotArticlesError(f"cannot read {path}: {error}") from None
    unknown = set(data) - set(KEYS)
    if unknown:
        raise NotArticlesError(f"{path}: unknown keys {', '.join(sorted(unknown))} (use {', '.join(KEYS)})")
    for key, value in data.items():
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise NotArticlesError(f"{path}: {key} must be a list of strings")
    return data


@cache
def load_not_articles(extra: str | None = None) -> NotArticles:
    """The shipped rules, plus those in the file `extra` names (PROVBOT_NOT_ARTICLES)."""
    merged: dict[str, list[str]] = {key: [] for key in KEYS}
    for path in (SHIPPED, *((Path(extra),) if extra else ())):
        for key, values in _read(path).items():
            merged[key] += values
    try:
        patterns = tuple(re.compile(p) for p in merged["paths"])
    except re.error as error:
        raise NotArticlesError(f"a path pattern in {extra or SHIPPED} is not a regular expression: {error}") from None
    return NotArticles(
        hosts=frozenset(h.lower().strip(".") for h in merged["hosts"]),
        subdomains=frozenset(s.lower() for s in merged["subdomains"]),
        extensions=frozenset(e.lower().lstrip(".") for e in merged["extensions"]),
        paths=patterns,
    )
