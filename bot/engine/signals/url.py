"""The page's own address: a date in its path, a blog platform's host, and a wire's section."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from bot.engine.dates import date_from_url
from bot.engine.domains import host_of, registered_domain
from bot.engine.facts import Credit, Fact
from bot.engine.platforms import is_blog_host
from bot.engine.signals.context import Context
from bot.engine.weights import WEIGHT


def read(context: Context) -> list[Fact]:
    facts: list[Fact] = []
    for address in _own_addresses(context):
        if day := date_from_url(address):
            facts.append(Fact("published", day, "url", address, WEIGHT.faint))
            break
    if is_blog_host(host := host_of(context.page_url)):
        facts.append(Fact("outlet_kind", "blog", "url", f"{host}: a blog platform's site", WEIGHT.plain))
    facts += _wire_section(context)
    return facts


def _own_addresses(context: Context) -> Iterator[str]:
    """The address the page was read from, then the addresses its head gives itself (a saved page's canonical link
    holds the dated path its short link lacks). A canonical address on another site is a partner's original page,
    whose date is not this copy's."""
    doc, page_url = context.doc, context.page_url
    if page_url:
        yield page_url
    if doc.kind != "html":
        return
    site = registered_domain(page_url) if page_url else None
    for address in (doc.absolute(doc.head_link("canonical")), doc.meta_first("og:url")):
        if address and (site is None or registered_domain(address) == site):
            yield address


def _wire_section(context: Context) -> list[Fact]:
    """A portal files a wire's copy under the wire's name: "/ultimas-noticias/reuters/2020/03/14/…"."""
    if not context.page_url:
        return []
    for segment in urlsplit(context.page_url).path.split("/")[1:-1]:
        # two letters ("/aa/", "/pa/") are as often a section's own abbreviation
        entry = context.registry.by_name(segment) if 3 <= len(segment) <= 20 else None
        if entry is not None and entry.is_wire:
            credit = Credit(entry.name)
            return [Fact("credit", credit, "url", context.page_url, WEIGHT.moderate, phrase="wire-section")]
    return []
