"""Blog platforms and web archives, from `bot/data/platforms.toml`: a site on a blog platform is a blog, whatever its
name; a page in a web archive is the archived site's."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from bot.paths import DATA_DIR

DATA_FILE = DATA_DIR / "platforms.toml"


@dataclass(frozen=True)
class _Platforms:
    host_labels: frozenset[str]
    host_suffixes: frozenset[str]
    dotted_suffixes: tuple[str, ...]  # ".wordpress.com": str.endswith takes them all at once
    generators: tuple[str, ...]
    archive_hosts: frozenset[str]


@lru_cache(maxsize=1)
def _platforms() -> _Platforms:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    suffixes = data["blog_host_suffixes"]
    return _Platforms(
        frozenset(data["blog_host_labels"]),
        frozenset(suffixes),
        tuple("." + suffix for suffix in suffixes),
        tuple(data["blog_generators"]),
        frozenset(data["web_archive_hosts"]),
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


# "/web/20120216182711/http://…", "/wayback/20200101000000id_/…", "/20200101000000/https:/…": a capture time of 4 to 14
# digits (with a replay flag such as "id_" or "im_"), then the archived address, its "//" at times folded to "/"
_CAPTURE = re.compile(
    r"/\d{4,14}(?:[a-z]{2}_)?/(?:(https?):/{1,2})?((?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#].*)?)$", re.I
)


def archived_address(url: str | None) -> str | None:
    """The address a web archive's copy keeps ("http://example.com/story"); None for any other address."""
    if not url:
        return None
    try:  # (domains.host_of reads blog platforms from here: no import back)
        host = urlsplit(url.strip() if "://" in url else "http://" + url.strip()).hostname
    except ValueError:
        return None
    if not host or host.rstrip(".") not in _platforms().archive_hosts:
        return None
    after_host = url.split("://", 1)[-1].partition("/")[2]
    found = _CAPTURE.search("/" + after_host)
    if found is None:
        return None
    return f"{(found.group(1) or 'http').lower()}://{found.group(2)}"
