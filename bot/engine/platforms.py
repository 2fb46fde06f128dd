"""Blog platforms, from `bot/data/platforms.toml`: a site on them is a blog, whatever its name."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from bot.paths import DATA_DIR

DATA_FILE = DATA_DIR / "platforms.toml"


@dataclass(frozen=True)
class _Platforms:
    host_labels: frozenset[str]
    host_suffixes: frozenset[str]
    dotted_suffixes: tuple[str, ...]  # ".wordpress.com": str.endswith takes them all at once
    generators: tuple[str, ...]


@lru_cache(maxsize=1)
def _platforms() -> _Platforms:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    suffixes = data["blog_host_suffixes"]
    return _Platforms(
        frozenset(data["blog_host_labels"]),
        frozenset(suffixes),
        tuple("." + suffix for suffix in suffixes),
        tuple(data["blog_generators"]),
    )


def is_blog_host(host: str | None) -> bool:
    if not host:
        return False
    platforms = _platforms()
    host = host.lower().rstrip(".")
    if platforms.host_labels & set(host.split(".")):
        return True
    return host in platforms.host_suffixes or host.endswith(platforms.dotted_suffixes)


def is_blog_generator(generator: str | None) -> bool:
    return bool(generator) and generator.strip().lower().startswith(_platforms().generators)  # type: ignore[union-attr]


def is_blog_host_label(label: str) -> bool:
    """'blogspot': a platform whose every subdomain, under any country's suffix, is its own blog."""
    return label.lower() in _platforms().host_labels
