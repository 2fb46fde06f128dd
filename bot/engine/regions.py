"""Where on the page a block of text stands, and the groups of regions the rules ask about."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any, Literal

from lxml import etree

from bot.engine.vocabulary import literal_alternation
from bot.paths import DATA_DIR

# article: the piece itself; body: the page outside any marked region; header/footer/nav/aside: the site's furniture;
# head: the page's <head> (meta tags, JSON-LD).
Region = Literal["article", "body", "header", "footer", "nav", "aside", "head"]

# The piece's own text, or page text not marked as the site's furniture.
IN_ARTICLE: frozenset[Region] = frozenset({"article", "body"})
# The site's furniture around the piece: what stands there covers the site, not this piece.
SITE_FURNITURE: frozenset[Region] = frozenset({"header", "footer", "nav", "aside"})
# Where a site states its site-wide terms: its furniture and its <head>, but not its menus.
SITE_WIDE: frozenset[Region] = frozenset({"header", "footer", "aside", "head"})
# Beside or below the piece: teasers, menus and the site's footer.
BESIDE_ARTICLE: frozenset[Region] = frozenset({"footer", "nav", "aside"})
# Sidebars and footers: text there is not the piece's own byline or credit.
MARGINS: frozenset[Region] = frozenset({"footer", "aside"})


DATA_FILE = DATA_DIR / "regions.toml"


# Page regions from class, id and aria-label names (bot/data/regions.toml): whole tokens ("newsletter-post" is an
# article, "newsletter-signup" is not), and parts of names split at "-" and "_" that mark a region wherever they
# stand ("trending-strip", "cmp-banner").
_NAMES = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
_FOOTER_TOKENS = frozenset(_NAMES["tokens"]["footer"])
_NAV_TOKENS = frozenset(_NAMES["tokens"]["nav"])
_ASIDE_TOKENS = frozenset(_NAMES["tokens"]["aside"])
_ARTICLE_TOKENS = frozenset(_NAMES["tokens"]["article"])
_META_TOKENS = frozenset(_NAMES["tokens"]["meta"])
_TRAIL_TOKENS = frozenset(_NAMES["tokens"]["trail"])
_CAMEL_JOIN = re.compile(r"([a-z])([A-Z])")
_CHROME_PARTS = frozenset(_NAMES["parts"]["chrome"])
_ASIDE_PARTS = frozenset(_NAMES["parts"]["aside"])
_BYLINE_PARTS = frozenset(_NAMES["parts"]["byline"])
_LAYOUT_WITH = re.compile(
    rf"(?<![a-z])(?:{'|'.join(_NAMES['parts']['layout_words'])})[-_]+(?:{'|'.join(sorted(_ASIDE_PARTS))})(?![a-z])[\w-]*"
)
# The sidebar words the layout pattern needs, alone: most names hold none, and this scan is cheaper than the
# pattern's (which tries its look-behind at every letter)
_ASIDE_PART_TEXT = re.compile("|".join(sorted(_ASIDE_PARTS)))
_SCRIPT_HOOK = re.compile(r"js[-_]", re.I)
_STATE_FLAG = re.compile(rf"[\w-]+[-_](?:{'|'.join(_NAMES['parts']['state_words'])})$", re.I)


def child_region(node: etree._Element, tag: str, parent: Region) -> Region:
    """A block's region: its own tag or class/id tokens if they say so, else its parent's. Inside an article, a
    footer or header is the article's own (credits, tags), not the site's."""
    if tag in ("article", "main"):
        # a teaser <article> in a sidebar or footer belongs to that sidebar or footer
        if parent in BESIDE_ARTICLE:
            return parent
        return "aside" if tag == "article" and _teaser_card(node) else "article"
    if tag == "nav":
        return "nav"
    if tag == "aside":
        return "aside"
    if tag == "footer":
        return parent if parent == "article" else "footer"
    if tag == "header":
        return parent if parent == "article" or parent in BESIDE_ARTICLE else "header"
    get = node.get
    css, ident, aria_label, role = get("class"), get("id"), get("aria-label"), get("role")
    if css is None and ident is None and role is None and aria_label is None:
        return parent
    region = _named_region(css or "", ident or "", aria_label or "", role or "", parent)
    if region == "article" and tag == "li" and parent in BESIDE_ARTICLE:
        # a teaser named "article" in a list of other stories belongs to that list, as a teaser <article> does; a
        # page's wrapper named so inside a layout's rail is still the article
        return parent
    return region


# A card's text is a headline, a date and an excerpt; a piece (even a short one) runs longer.
_CARD_MAX_CHARS = 1200
_CARD_LINKS = etree.XPath("(.//h2|.//h3|.//h4|.//h5|.//h6)/a/@href | .//a[h2|h3|h4|h5|h6]/@href")


def _teaser_card(node: etree._Element) -> bool:
    """An <article> whose heading links to another page and that holds no more than a card's text is another
    story's card in a "more stories" list (its excerpt may open with that story's wire dateline). A heading's
    link to its own section ("#setup") is no card's; the piece's own <article> holds the page's headline or
    lead, which region_of keeps as the article whatever this says. A card's link may as well wrap its heading."""
    links = _CARD_LINKS(node)
    if not any(href and not href.startswith("#") for href in links):
        return False
    return len("".join(node.itertext()).strip()) <= _CARD_MAX_CHARS


def _named_region(css: str, ident: str, aria_label: str, role: str, parent: Region) -> Region:
    footer, nav, aside, article = _names_say(css, ident, aria_label)
    if (role == "contentinfo" or footer) and parent != "article":
        return "footer"
    if role in ("navigation", "dialog", "alertdialog") or nav:
        return "nav"  # menus, and the cookie banners and privacy notices no article's provenance is in
    if role == "complementary" or aside:
        return "aside"
    if article:
        return "article"
    return parent


# Pages repeat their class names, and sites their templates: each combination is read once, whatever its parent.
@lru_cache(maxsize=8192)
def _names_say(css: str, ident: str, aria_label: str) -> tuple[bool, bool, bool, bool]:
    """Whether the names hold a footer's, a menu's, a sidebar's and an article's token or part."""
    named = f"{css} {ident} {aria_label}"
    if "js" in named:
        # "js-truncate-related-to-my-size": a hook a script finds the element by says what the script does to it,
        # not what the element holds (here the article's own body)
        named = " ".join(name for name in named.split() if not _SCRIPT_HOOK.match(name))
    if "abled" in named:  # (a cheap test first: few names hold a state flag)
        named = " ".join(name for name in named.split() if not _STATE_FLAG.match(name))
    lowered = named.lower()
    if lowered != named and _CAMEL_JOIN.search(named):  # (no capital letter, no camel case)
        lowered = _CAMEL_JOIN.sub(r"\1-\2", named).lower()  # "relatedArticle" is "related-article"
    tokens = parts = set(lowered.split())
    if "-" in lowered or "_" in lowered:
        if _ASIDE_PART_TEXT.search(lowered):
            lowered = _LAYOUT_WITH.sub(" ", lowered)
            tokens = set(lowered.split())
        parts = set(lowered.replace("-", " ").replace("_", " ").split())  # "trending-strip", "cmp-banner"
    return (
        not tokens.isdisjoint(_FOOTER_TOKENS),
        (not tokens.isdisjoint(_NAV_TOKENS) and tokens.isdisjoint(_META_TOKENS))
        or not tokens.isdisjoint(_TRAIL_TOKENS)
        or not parts.isdisjoint(_CHROME_PARTS),
        # ("bylineComments": the byline beside its comment count, not the comments)
        not tokens.isdisjoint(_ASIDE_TOKENS)
        or (not parts.isdisjoint(_ASIDE_PARTS) and parts.isdisjoint(_BYLINE_PARTS)),
        not tokens.isdisjoint(_ARTICLE_TOKENS),
    )


def named_beside_article(element: etree._Element) -> bool:
    """Whether the element, or one of its ancestors below the article (an <article>, <main> or one named so), is
    named as a part beside the article: a sidebar, a list of other stories, the readers' comments."""
    for node in (element, *element.iterancestors()):
        if node.tag in ("article", "main"):
            return False  # (a layout's "blog-sidebar-right" around it says where the sidebar goes, not what this is)
        _, _, aside, article = _names_say(node.get("class", ""), node.get("id", ""), node.get("aria-label", ""))
        if article:
            return False
        if aside:
            return True
    return False


def fragment_list(kind: str) -> list[str]:
    """One list of class-name pieces (regions.toml [fragments])."""
    return list(_NAMES["fragments"][kind])


def name_fragments(kind: str) -> str:
    """One list of class-name pieces (regions.toml [fragments]) as a regex alternation (no group)."""
    return literal_alternation(fragment_list(kind))


# a dialog or popup (chrome by its role or class) that carries the piece's republishing terms
_TERMS_DIALOG = re.compile(name_fragments("terms"), re.I)


def region_of(
    element: etree._Element,
    body: etree._Element,
    known: dict[etree._Element, Region],
    headline_path: frozenset[etree._Element],
    block_tags: frozenset[str],
    lead: frozenset[etree._Element] = frozenset(),
) -> Region:
    """The element's region, from the top down; `known` remembers ancestors the page's other blocks share.
    A container of the page's headline is never a sidebar, footer or site header, whatever its class names
    ("and-w-sidebar") or the broken markup it sits in (an <article> left inside an unclosed <aside>) say; a menu
    in the footer is the footer's, and a dialog with the piece's republishing terms is the piece's. An <article>
    or <main> around the story's lead paragraph (`lead`) is the article, even inside a sidebar."""
    chain = []
    node: etree._Element | None = element
    while node is not None and node is not body and node not in known:
        chain.append(node)
        node = node.getparent()
    region: Region = known.get(node, "body") if node is not None else "body"
    for ancestor in reversed(chain):
        if (tag := ancestor.tag) in block_tags:  # (lxml builds a new string at each reading of .tag)
            child = child_region(ancestor, tag, region)
            if tag in ("article", "main") and ancestor in lead:
                child = "article"
            elif child in BESIDE_ARTICLE and ancestor in headline_path:
                child = "article" if tag in ("article", "main") else region
            elif child == "header" and ancestor in headline_path:
                child = "article"  # <header> around the headline and its byline: the article's, not the site's
            elif child == "nav" and region == "footer":
                child = "footer"  # the footer's link list holds its legal line ("Copyright © 2019 X Group, Inc.")
            elif child == "nav" and tag != "nav" and _TERMS_DIALOG.search(ancestor.get("class", "")):
                child = region  # a "Republish this story" dialog states the piece's terms; other popups are chrome
            region = child
        elif tag == "a" and region in IN_ARTICLE and ancestor.get("href") and ancestor not in headline_path:
            # a link around whole blocks (a headline, a byline) is a card that leads to another story
            region = "aside"
        known[ancestor] = region
    return region


def path_to(text_node: Any, body: etree._Element) -> frozenset[etree._Element]:
    """The elements from a text node's element up to the body."""
    path = []
    element = text_node.getparent()
    while element is not None and element is not body:
        path.append(element)
        element = element.getparent()
    return frozenset(path)


# The first words of a page's description that find its lead paragraph; a shorter description finds too much
LEAD_KEY_CHARS = 60


def lead_path(
    texts: list[str], nodes: list[Any], after: int, description: str | None, body: etree._Element
) -> frozenset[etree._Element]:
    """The elements around the story's lead paragraph: the first text node after the headline (`after`) that
    holds the page's description and is no link. Broken markup can leave the whole story inside an unclosed
    <aside> the headline stands outside of."""
    key = " ".join((description or "").split())[:LEAD_KEY_CHARS]
    if len(key) < LEAD_KEY_CHARS:
        return frozenset()
    joined = "\n".join(texts[after:])
    found = joined.find(key)
    while found >= 0:
        node = nodes[after + joined.count("\n", 0, found)]
        if not IN_LINK(node.getparent()):
            return path_to(node, body)
        found = joined.find(key, found + 1)
    return frozenset()


# An element inside a link (a title in a list of stories, not the story's own words)
IN_LINK = etree.XPath("boolean(ancestor-or-self::a[normalize-space(@href) != ''])")  # href="" leads nowhere
# ... or in a trail of links to where the page is filed, whose last step repeats the headline as plain text
IN_TRAIL = etree.XPath("boolean(ancestor-or-self::*[contains(@class, 'readcrumb') or contains(@id, 'readcrumb')])")
