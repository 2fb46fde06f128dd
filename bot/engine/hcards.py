"""The writer an hCard marks: a blog's theme wraps the post's byline in "author vcard" markup and the name in
"fn" ('von <span class="author vcard"><a class="url fn n" href="/author/g1zzm0/">gizzmo</a></span>', '<h4
class="vcard author">vom <span class="fn">Krimiblogger</span></h4>'). The markup says the name is the post's author
however the name is typed: a handle in small letters ("gizzmo", "oz") or a pen name after a word that opens no
byline elsewhere ("vom")."""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree

from bot.engine.element_text import element_words

# the elements an hCard's author and its formatted name are, by class ("author vcard", "vcard author", "url fn n")
_AUTHOR_CARDS = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' vcard ')"
    " and (contains(concat(' ', normalize-space(@class), ' '), ' author ')"
    " or ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' author ')])]"
)
_FORMATTED_NAME = etree.XPath("descendant-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]")


def hcard_authors(root: etree._Element) -> list[str]:
    """The names the page's author hCards give, in page order; a commenter's card ("comment-author vcard") is not
    the post's author, and a card linking to the site's home page is the theme marking the site's own name."""
    names: list[str] = []
    for card in _AUTHOR_CARDS(root):
        classes = " ".join(str(e.get("class") or "") for e in (card, *card.iterancestors())).lower()
        if "comment" in classes:
            continue
        for element in _FORMATTED_NAME(card)[:1]:
            if _links_home(element):
                continue
            name = element_words(element)
            if name and name not in names:
                names.append(name)
    return names


def _links_home(element: etree._Element) -> bool:
    links = [element] if element.tag == "a" else [*element.iterancestors("a"), *element.iterdescendants("a")]
    return any(urlsplit(str(a.get("href") or "")).path in ("", "/") and a.get("href") is not None for a in links)
