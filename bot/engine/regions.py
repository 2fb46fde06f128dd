"""Where on the page a block of text stands, and the groups of regions the rules ask about."""

from __future__ import annotations

from typing import Literal, get_args

# article: the piece itself; body: the page outside any marked region; header/footer/nav/aside: the site's furniture;
# head: the page's <head> (meta tags, JSON-LD).
Region = Literal["article", "body", "header", "footer", "nav", "aside", "head"]
REGIONS: frozenset[Region] = frozenset(get_args(Region))

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
