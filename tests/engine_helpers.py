"""Small helpers for the engine's unit tests: a signal-reader Context from a hand-written page or text."""

from __future__ import annotations

from bot.engine import document
from bot.engine.facts import Fact
from bot.engine.licenses import load_licenses
from bot.engine.phrases import load_phrases
from bot.engine.registry import load_registry
from bot.engine.signals.context import Context


def context_for_html(html: str, url: str | None = None) -> Context:
    """The Context a signal reader sees for a saved page (`url` is where it came from)."""
    return Context(document.from_html(html, url), load_registry(), load_licenses(), load_phrases(), url)


def context_for_text(text: str) -> Context:
    """The Context a signal reader sees for pasted article text."""
    return Context(document.from_text(text), load_registry(), load_licenses(), load_phrases(), None)


def page(body: str = "", head: str = "", *, title: str = "A page") -> str:
    """A minimal HTML page around `head` and `body` markup."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


LEDGER_HEADLINE = "Harbour board weighs a night ferry"


def ledger_page(body: str, footer: str = "<p>© 2023 Harbor Ledger GmbH</p>", head: str = "", aside: str = "") -> str:
    """An invented local paper's story page: its masthead, the headline and `aside` then `body` in the <article> of
    its <main>, and its footer."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{LEDGER_HEADLINE}</title>"
        f'<meta property="og:site_name" content="Harbor Ledger">{head}</head><body>'
        f"<div class='masthead'>Harbor Ledger</div><main><article><h1>{LEDGER_HEADLINE}</h1>{aside}{body}</article>"
        f"</main><footer>{footer}</footer></body></html>"
    )


def paragraphs(count: int) -> str:
    """`count` paragraphs of an invented story's text."""
    return "".join(f"<p>Paragraph {n} of the story on the ferry and its timetable.</p>" for n in range(count))


def of(facts: list[Fact], field: str) -> list[Fact]:
    """The facts about one field, in the order the reader gave them."""
    return [fact for fact in facts if fact.field == field]


def values(facts: list[Fact], field: str) -> list:
    """The values of the facts about one field."""
    return [fact.value for fact in of(facts, field)]
