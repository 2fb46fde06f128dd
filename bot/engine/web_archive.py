"""A web archive's copy of a page, read as the archived page: the archive's own toolbar is not the page's text, and
the links it rewrote to its captures ("https://web.archive.org/web/2013…/http://example.com/story") stand for the
addresses they keep, so a canonical link to the page's own capture is not another site's original."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from lxml import etree

from bot.engine.platforms import archived_address


class Document(Protocol):
    """What is read here of bot.engine.document's Document (described, not imported: it imports this module)."""

    url: str | None
    head_links: list[Any]  # its Links: frozen dataclasses with an `href`
    blocks: list[Any]  # its Blocks, each with `links`
    meta: dict[str, list[str]]

    def head_link(self, rel: str) -> str | None: ...

    def absolute(self, href: str | None) -> str | None: ...


# The Wayback Machine's toolbar ("Oct NOV Dec 10 2012 2013 2014 1 capture 10 Nov 2013 ... Internet Archive"),
# inserted at the top of every capture it replays: its capture day and collection notes are the archive's.
TOOLBAR_MARK = "wm-ipp"


def drop_toolbar(root: etree._Element) -> None:
    toolbars = [element for element in root.iter("div") if (element.get("id") or "").startswith(TOOLBAR_MARK)]
    for toolbar in toolbars:
        parent = toolbar.getparent()
        if parent is None:  # (the root: nothing to drop it from)
            continue
        if toolbar.tail:  # the page's own text that follows the toolbar stays
            previous = toolbar.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + toolbar.tail
            else:
                parent.text = (parent.text or "") + toolbar.tail
        parent.remove(toolbar)


def is_archive_copy(doc: Document) -> bool:
    """Fetched from an archive, or saved from one (its canonical link is the archive's capture of it)."""
    return any(archived_address(address) for address in (doc.url, doc.head_link("canonical")))


def unwrap_links(doc: Document) -> None:
    """Every link of an archive's copy names the address the archive kept, not the archive."""
    doc.head_links = [_unwrapped(doc, link) for link in doc.head_links]
    for block in doc.blocks:
        if block.links:
            block.links = [_unwrapped(doc, link) for link in block.links]
    for name, values in doc.meta.items():
        if any(value.startswith(("http", "//")) for value in values):
            doc.meta[name] = [archived_address(value) or value for value in values]


def _unwrapped(doc: Document, link: Any) -> Any:
    kept = archived_address(doc.absolute(link.href))  # (the archive writes some as "/web/2013…/http://…")
    return replace(link, href=kept) if kept else link
