"""Where on the page a block of text stands, and the groups of regions the rules ask about."""

from __future__ import annotations

import tomllib
from typing import Literal, get_args

from bot.paths import DATA_DIR

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


DATA_FILE = DATA_DIR / "regions.toml"


class RegionNames:
    """The class, id and aria-label names that mark a region, from `bot/data/regions.toml`."""

    def __init__(self, data: dict[str, dict[str, list[str]]]) -> None:
        tokens, parts = data["tokens"], data["parts"]
        self.footer_tokens = frozenset(tokens["footer"])
        self.nav_tokens = frozenset(tokens["nav"])
        self.aside_tokens = frozenset(tokens["aside"])
        self.article_tokens = frozenset(tokens["article"])
        self.chrome_parts = frozenset(parts["chrome"])
        self.aside_parts = frozenset(parts["aside"])


REGION_NAMES = RegionNames(tomllib.loads(DATA_FILE.read_text(encoding="utf-8")))
