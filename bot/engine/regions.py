"""Where on the page a block of text stands, and the groups of regions the rules ask about."""

from __future__ import annotations

import re
import tomllib
from typing import Literal

from lxml import etree

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
_TOKEN_PARTS = re.compile(r"[\s_-]+")
_CHROME_PARTS = frozenset(_NAMES["parts"]["chrome"])
_ASIDE_PARTS = frozenset(_NAMES["parts"]["aside"])


def child_region(node: etree._Element, tag: str, parent: Region) -> Region:
    """A block's region: its own tag or class/id tokens if they say so, else its parent's. Inside an article, a
    footer or header is the article's own (credits, tags), not the site's."""
    if tag in ("article", "main"):
        # a teaser <article> in a sidebar or footer belongs to that sidebar or footer
        return parent if parent in BESIDE_ARTICLE else "article"
    if tag == "nav":
        return "nav"
    if tag == "aside":
        return "aside"
    if tag == "footer":
        return parent if parent == "article" else "footer"
    if tag == "header":
        return parent if parent == "article" or parent in BESIDE_ARTICLE else "header"
    attrib = node.attrib
    if "class" not in attrib and "id" not in attrib and "role" not in attrib and "aria-label" not in attrib:
        return parent
    named = f"{attrib.get('class', '')} {attrib.get('id', '')} {attrib.get('aria-label', '')}".lower()
    tokens = set(named.split())
    parts = set(_TOKEN_PARTS.split(named))  # "trending-strip", "related-card", "cmp-banner"
    role = attrib.get("role", "")
    if (role == "contentinfo" or tokens & _FOOTER_TOKENS) and parent != "article":
        return "footer"
    if role in ("navigation", "dialog", "alertdialog") or tokens & _NAV_TOKENS or parts & _CHROME_PARTS:
        return "nav"  # menus, and the cookie banners and privacy notices no article's provenance is in
    if role == "complementary" or tokens & _ASIDE_TOKENS or parts & _ASIDE_PARTS:
        return "aside"
    if tokens & _ARTICLE_TOKENS:
        return "article"
    return parent
