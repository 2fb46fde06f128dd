"""The provenance engine: an article in (page, text or address), an Analysis out.

parse once -> every signal reader -> one decision -> reuse terms -> warnings -> credit line.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.engine import document
from bot.engine.attribution import credit_line
from bot.engine.cautions import cautions
from bot.engine.decide import decide
from bot.engine.facts import Facts
from bot.engine.licenses import load_licenses
from bot.engine.phrases import load_phrases
from bot.engine.platforms import archived_address
from bot.engine.registry import Registry, load_registry
from bot.engine.reuse import decide_reuse
from bot.engine.signals import read_all
from bot.engine.signals.context import Context
from bot.model import Analysis, InputInfo, InputKind

if TYPE_CHECKING:
    from bot.fetch.fetcher import Fetcher, Page


def _analyse(doc: document.Document, info: InputInfo, registry: Registry | None, warnings: Sequence[str]) -> Analysis:
    registry = registry or load_registry()
    address = info.final_url or info.url
    context = Context(doc, registry, load_licenses(), load_phrases(), archived_address(address) or address)
    facts = Facts(read_all(context))
    decision = decide(facts, registry, info)
    result = decision.analysis
    result.reuse, reuse_evidence = decide_reuse(decision, context.licenses)
    result.evidence += reuse_evidence
    found, evidence = cautions(decision)
    result.warnings = [*found, *result.warnings, *warnings, *doc.warnings]
    result.evidence += evidence
    result.attribution = credit_line(result)
    return result


def analyse_html(
    html: str,
    url: str | None = None,
    *,
    final_url: str | None = None,
    input_kind: InputKind = "html",
    registry: Registry | None = None,
    warnings: Sequence[str] = (),
) -> Analysis:
    """A saved or fetched page; `url` is where it came from (and `final_url` where redirects ended)."""
    page_url = final_url or url
    info = InputInfo(kind=input_kind, url=url, final_url=final_url)
    return _analyse(document.from_html(html, page_url), info, registry, warnings)


def analyse_text(
    text: str, *, registry: Registry | None = None, warnings: Sequence[str] = (), url: str | None = None
) -> Analysis:
    """Article text as pasted (Markdown links allowed); `url` when the text came from a plain-text address."""
    info = InputInfo(kind="url" if url else "text", url=url, final_url=url)
    return _analyse(document.from_text(text), info, registry, warnings)


# Pages longer than this are analysed in a worker thread, so a bot's event loop keeps answering meanwhile.
LARGE_PAGE_CHARS = 300_000


async def analyse_url(url: str, fetcher: Fetcher, *, registry: Registry | None = None) -> Analysis:
    """Fetch `url` with the safe fetcher and analyse it; raises bot.fetch.fetcher.FetchError with a one-line reason."""
    page = await fetcher.fetch(url)
    if len(page.text) > LARGE_PAGE_CHARS:
        return await asyncio.to_thread(analyse_page, page, registry=registry)
    return analyse_page(page, registry=registry)


def analyse_page(page: Page, *, registry: Registry | None = None) -> Analysis:
    """A page the fetcher brought back: HTML analysed as a page, plain text as pasted text."""
    if page.is_html:
        return analyse_html(
            page.text, page.url, final_url=page.final_url, input_kind="url", registry=registry, warnings=page.warnings
        )
    result = analyse_text(page.text, registry=registry, warnings=page.warnings, url=page.url)
    result.input.final_url = page.final_url
    return result


def warm_up() -> None:
    """Build what the engine builds at its first use (the data files, tldextract's suffix trie: ~0.1 s of CPU) by
    reading one small page and one paste: the analysis pool does it once before its workers start, so none of them
    spends it on its first page."""
    analyse_html(
        "<html><head><title>Tides rise</title></head><body><article><h1>Tides rise</h1><p>By Ava Stone</p>"
        "<p>© 2025 Harbor Ledger</p></article></body></html>",
        "https://www.example.com/2025/03/05/tides-rise",
    )
    analyse_text("Tides rise\nBy Ava Stone\nMarch 5, 2025\nThe water came in at dawn.")
