"""Addresses and domains: registered domains (public-suffix aware, offline) and simple address tests."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from urllib.parse import urlsplit

import tldextract

from bot.engine.platforms import is_blog_host_label
from bot.paths import DATA_DIR

# The bundled Public Suffix List snapshot only: the engine must never reach the network to parse a domain.
# Private suffixes too: every blogspot.com or github.io site is its own publisher, not "blogspot.com".
_EXTRACT = tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True, include_psl_private_domains=True
)
_DOMAIN_LIKE = re.compile(r"^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$", re.I)


_WEB_ADDRESS = re.compile(r"\s*https?://[^\s/]+", re.I)


def is_web_address(text: str | None) -> bool:
    return bool(text) and _WEB_ADDRESS.match(text) is not None  # type: ignore[arg-type]


def names_a_host(url: str) -> bool:
    """Whether an address names a host a site can have: "https://.example.de" (a CMS's template left without its
    subdomain) or "https:///path" names none."""
    host = host_of(url)
    return bool(host) and all(host.split("."))  # type: ignore[union-attr]


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    if not is_web_address(url):
        url = "http://" + url.strip()
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


@lru_cache(maxsize=4096)
def public_domain(host_or_url: str | None) -> str | None:
    """'https://www.bbc.co.uk/news' -> 'bbc.co.uk'; None when the host has no public suffix."""
    host = host_of(host_or_url) if host_or_url and "/" in host_or_url else (host_or_url or "").lower()
    if not host:
        return None
    parts = _EXTRACT(host)
    if not parts.suffix or not parts.domain:
        return None
    if parts.subdomain and is_blog_host_label(parts.domain):
        # "jo.blogspot.fr": the list names blogspot.com's blogs each a site, not every country's
        return f"{parts.subdomain.split('.')[-1]}.{parts.domain}.{parts.suffix}"
    return f"{parts.domain}.{parts.suffix}"


def registered_domain(host_or_url: str | None) -> str | None:
    """The domain an outlet registered ('bbc.co.uk'); for a host with no public suffix (an intranet name,
    'localhost', '.example') the host itself, so two such pages still compare."""
    found = public_domain(host_or_url)
    if found or not host_or_url:
        return found
    host = host_of(host_or_url) if "/" in host_or_url else host_or_url.lower()
    return host.removeprefix("www.") if host else None


def has_article_path(url: str) -> bool:
    """An address past a site's homepage ('/2025/03/story', not '/' or '/a'): an article, not the outlet."""
    return len(urlsplit(url).path.strip("/")) > 1


def looks_like_domain(text: str) -> bool:
    """'janeholloway.net' or 'www.globalresearch.ca' (a bare domain with a real public suffix)."""
    text = text.strip().rstrip("/").lower()
    return bool(_DOMAIN_LIKE.match(text)) and public_domain(text) is not None


_COUNTRY_DOMAINS = DATA_DIR / "country_domains.toml"


@lru_cache(maxsize=1)
def _country_domains() -> tuple[frozenset[str], dict[str, str]]:
    data = tomllib.loads(_COUNTRY_DOMAINS.read_text(encoding="utf-8"))
    return frozenset(data["no_country"]), dict(data["iso_code"])


def country_of(domain: str | None) -> str | None:
    """'tribunadonorte.com.br' -> 'BR', 'bbc.co.uk' -> 'GB'; None for generic domains (.com, .org) and for
    country domains used worldwide as names (.io, .tv, .co)."""
    if not domain:
        return None
    label = domain.lower().rstrip(".").rsplit(".", 1)[-1]
    no_country, iso_code = _country_domains()
    if len(label) != 2 or not label.isalpha() or label in no_country:
        return None
    return iso_code.get(label, label.upper())
