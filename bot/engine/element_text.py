"""An element's words as a reader sees them, and its nearest sibling that has any: shared by the passes that look at
a paragraph's neighbours (signed names, closing source lines, hCards)."""

from __future__ import annotations

from lxml import etree


def element_words(element: etree._Element) -> str:
    """All the element's text, its spaces of every kind folded to one."""
    return " ".join("".join(element.itertext()).split())


def neighbour_with_words(element: etree._Element, forward: bool) -> etree._Element | None:
    """The nearest sibling that holds words (an empty "<p>&nbsp;</p>" or an anchor stands between)."""
    sibling = element.getnext() if forward else element.getprevious()
    while sibling is not None and (not isinstance(sibling.tag, str) or not element_words(sibling)):
        sibling = sibling.getnext() if forward else sibling.getprevious()
    return sibling
