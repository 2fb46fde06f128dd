"""Where the original's page is: the addresses the engine found for it (the credit line's link, a cross-outlet
canonical, `isBasedOn`, syndication meta), and the links a copy or a paste carries to the original's site. An
original that is named but not linked is said so; an address is never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from bot.engine.domains import has_article_path, is_web_address, registered_domain
from bot.fetch.urls import clean_url
from bot.model import Analysis, Finding

_URL = re.compile(r"https?://[^\s<>()\"'|\]]+")
_TRAILING = ".,;:!?’”"


@dataclass(frozen=True)
class Candidate:
    url: str
    how: str  # where the address was found, for the finding's evidence


def _clean(url: str) -> str | None:
    url = url.strip().rstrip(_TRAILING)
    if not is_web_address(url):
        return None
    try:
        return clean_url(url)
    except ValueError:
        return None


def links_in(text: str, is_html: bool, base: str | None) -> list[str]:
    """Every link address a page's anchors (or a paste's text) carries, absolute, in order."""
    if not is_html:
        return [u for u in (_clean(m) for m in _URL.findall(text)) if u]
    try:
        root = etree.fromstring(text, etree.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    out = []
    for href in root.xpath("//a/@href"):
        absolute = urljoin(base, str(href).strip()) if base else str(href).strip()
        if cleaned := _clean(absolute):
            out.append(cleaned)
    return out


def own_address(analysis: Analysis) -> str | None:
    """Where the page in hand is: the address it was read from, else (a saved page) its canonical address when that
    is on its own outlet's site."""
    if address := analysis.input.final_url or analysis.input.url:
        return address
    canonical, outlet = analysis.canonical_url, analysis.outlet
    if canonical and outlet and outlet.domain and registered_domain(canonical) == registered_domain(outlet.domain):
        return canonical
    return None


def _own_addresses(analysis: Analysis) -> set[str]:
    own = {analysis.input.url, analysis.input.final_url}
    return {c for c in (_clean(u) for u in own if u) if c}


def find_candidates(analysis: Analysis, links: list[str]) -> tuple[list[Candidate], list[Finding]]:
    """The original's possible addresses, best first; and a finding when the original is named but not linked."""
    own = _own_addresses(analysis)
    own_domains = {registered_domain(u) for u in own}
    if analysis.outlet and analysis.outlet.domain:  # a saved page with no address still names its own site
        own_domains.add(registered_domain(analysis.outlet.domain))
    found: list[Candidate] = []

    def add(url: str | None, how: str) -> None:
        cleaned = _clean(url) if url else None
        if cleaned and cleaned not in own and has_article_path(cleaned) and all(c.url != cleaned for c in found):
            found.append(Candidate(cleaned, how))

    source = analysis.republication.original if analysis.republication.is_republication else None
    rows = [e for e in analysis.evidence if e.field == "republication.original"]
    if source is not None and source.url:
        row = next((e for e in rows if source.url in e.snippet), rows[0] if rows else None)
        add(source.url, f"{row.signal}: {row.snippet}" if row else f"credit to {source.name}")
    for row in rows:  # isBasedOn, syndication meta, a canonical: addresses in the evidence the credit rests on
        for url in _URL.findall(row.snippet):
            add(url, f"{row.signal}: {row.snippet}")
    canonical = analysis.canonical_url
    if canonical and registered_domain(canonical) not in own_domains:
        add(canonical, f'<link rel="canonical" href="{canonical}">')
    if source is not None and source.outlet and source.outlet.domain:
        domain = registered_domain(source.outlet.domain)
        for link in links:
            if registered_domain(link) == domain:
                add(link, f"a link to {source.outlet.domain} in the copy")
    findings = []
    if source is not None and not found:
        findings.append(
            Finding(
                f"The copy names {source.name} as the original but links no page of it: a link in the credit line, "
                f"a canonical or isBasedOn link, or the same headline found on {source.name}'s own site would "
                "confirm it.",
                next(
                    (f"{e.signal}: {e.snippet}" for e in sorted(rows, key=lambda e: source.name not in e.snippet)),
                    f"credit to {source.name}",
                ),  # the line that names the original, when there is one
                ok=None,
            )
        )
    return found, findings
