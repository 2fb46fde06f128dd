"""What every signal reader is given: the document, the page's address and the shared data."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.document import Document
from bot.engine.licenses import Licenses
from bot.engine.phrases import Phrases
from bot.engine.registry import Registry


@dataclass
class Context:
    doc: Document
    registry: Registry
    licenses: Licenses
    phrases: Phrases
    page_url: str | None = None  # where the page came from, when known
