"""Schema.org microdata (itemscope/itemprop markup) read into the same shape as JSON-LD objects.

Older CMSs mark articles up this way instead of with JSON-LD: `<div itemprop="author" itemscope
itemtype="https://schema.org/Person"><span itemprop="name">…</span></div>`. Turning each item into a dict like
`{"@type": "NewsArticle", "author": {"@type": "Person", "name": "…"}}` lets one reader weigh both kinds alike.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

# (libxml2 walks an attribute axis several times faster than it tests an attribute predicate on every element;
# an element's parent through its attribute is the element, in document order as before)
_ITEMS = etree.XPath("descendant-or-self::*/@itemscope/..")
_PROPERTIES = etree.XPath("descendant::*/@itemprop/..")
# Where an element keeps its value, by tag (the HTML microdata rules); any other element's value is its text.
_URL_ATTRIBUTE = {"a": "href", "area": "href", "link": "href", "img": "src", "audio": "src", "embed": "src",
                  "iframe": "src", "source": "src", "track": "src", "video": "src", "object": "data"}  # fmt: skip
MAX_DEPTH = 8  # nested items deeper than this are not articles' facts; a hostile page cannot recurse forever


def _text(element: etree._Element) -> str:
    # the element's words as a browser shows them: "<span>Edward Keenan</span><span>City Columnist</span>" is
    # two runs of words, not "Edward KeenanCity Columnist"
    return " ".join(" ".join(element.itertext()).split())


# Each item's properties in document order, by the item they belong to (None: properties outside any item)
Owned = dict[etree._Element | None, list[etree._Element]]


def _value(element: etree._Element, owned: Owned, depth: int) -> Any:
    if element.get("itemscope") is not None:
        return _item(element, owned, depth + 1)
    tag = element.tag
    if tag == "meta":
        return (element.get("content") or "").strip()
    if tag == "a" and (element.get("itemprop") or "").split() == ["name"] and (words := _text(element)):
        # "<a itemprop='name' href='https://harbor.example/'>Harbor Business</a>": by the HTML rules the link's
        # address, but the page means the name it prints (a name is no address)
        return words
    if tag in _URL_ATTRIBUTE:
        return (element.get(_URL_ATTRIBUTE[tag]) or "").strip()
    if tag in ("data", "meter"):
        return (element.get("value") or "").strip()
    if tag == "time":
        return (element.get("datetime") or _text(element)).strip()
    if tag == "abbr" and element.get("title"):
        # microformats' and Blogger's "<abbr itemprop='datePublished' title='2011-03-30T21:05:00-07:00'>9:05 PM":
        # the title holds the value the text abbreviates
        return element.get("title", "").strip()
    if element.get("content"):
        # not in the HTML rules, but common: <div itemprop="datePublished" content="2025-03-10T09:00:00Z"> around
        # the whole byline; the attribute is the value the page means
        return element.get("content", "").strip()
    return _text(element)


def _owner(element: etree._Element) -> etree._Element | None:
    """The nearest item the property belongs to: its closest ancestor with itemscope."""
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None:
            return ancestor
    return None


def _owned_properties(root: etree._Element) -> Owned:
    """Every property of the page by its item, each property's item found once (not once per item around it)."""
    owned: Owned = {}
    for prop in _PROPERTIES(root):
        owned.setdefault(_owner(prop), []).append(prop)
    return owned


_PICTURE_RIGHTS = frozenset({"copyrightHolder", "copyrightNotice", "copyrightYear"})


def _in_picture(prop: etree._Element, item: etree._Element) -> bool:
    """Whether the property stands in a <figure> or its caption below the item: a picture's credit, marked up as a
    property of the article around it."""
    for ancestor in prop.iterancestors():
        if ancestor is item:
            return False
        if ancestor.tag in ("figure", "figcaption"):
            return True
    return False


def _item(element: etree._Element, owned: Owned, depth: int = 0) -> dict[str, Any]:
    itemtype = (element.get("itemtype") or "").split()
    item: dict[str, Any] = {"@type": [t.rstrip("/").rsplit("/", 1)[-1] for t in itemtype] or ["Thing"]}
    if depth > MAX_DEPTH:
        return item
    for prop in owned.get(element, ()):
        value = _value(prop, owned, depth)
        if value in ("", {}):
            continue
        for name in (prop.get("itemprop") or "").split():
            if name in _PICTURE_RIGHTS and _in_picture(prop, element):
                continue  # a caption's "<span itemprop='copyrightHolder'>Illustration by Jo Roe</span>": the picture's
            if name in item:
                existing = item[name]
                item[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
            else:
                item[name] = value
    return item


# The article's people, as pages mark them up without an enclosing item. A loose datePublished is not read: it is as
# often a byline block's or a sidebar's stray date as the article's.
_ARTICLE_PROPERTIES = ("author", "creator")


def _loose_article(owned: Owned) -> dict[str, Any] | None:
    """The article's people marked up outside any item (<div itemprop="author" itemscope itemtype=".../Person">
    with no Article around it): they describe the page's article, so they are read as one."""
    item: dict[str, Any] = {"@type": ["CreativeWork"]}
    for prop in owned.get(None, ()):
        names = [name for name in (prop.get("itemprop") or "").split() if name in _ARTICLE_PROPERTIES]
        if not names:
            continue
        value = _value(prop, owned, 0)
        if value in ("", {}):
            continue
        for name in names:
            if name in item:
                existing = item[name]
                item[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
            else:
                item[name] = value
    return item if len(item) > 1 else None


def read_items(root: etree._Element) -> list[dict[str, Any]]:
    """Every top-level item on the page (items that are not another item's property), as JSON-LD-like dicts, and
    the article's people marked up outside any item."""
    owned = _owned_properties(root)
    # an item marked as a property of no item ("<div itemprop='blogPost' itemscope>" in a Blogger page, with no Blog
    # item around it) stands on its own
    items = [
        _item(element, owned) for element in _ITEMS(root) if element.get("itemprop") is None or _owner(element) is None
    ]
    loose = _loose_article(owned)
    return [*items, loose] if loose else items
