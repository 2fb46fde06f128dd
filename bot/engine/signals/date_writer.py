"""A writer's name alone in the element right after the date under the headline: a site's meta row that splits
"19. Oktober 2019 | Boris T. Kaiser" into items, a byline without "By" after its day. Weighed low, it names the
writer only where no byline or metadata does."""

from __future__ import annotations

import itertools
import re

from bot.engine.dates import NUMERIC_DATE, WORD_DATE
from bot.engine.document import Block
from bot.engine.facts import Fact, snippet
from bot.engine.markup import is_author_href
from bot.engine.regions import IN_ARTICLE
from bot.engine.signals.bylines import is_dated_writer
from bot.engine.signals.context import Context
from bot.engine.signals.date_line import DATE_BELOW_HEADLINE
from bot.engine.signals.passages import is_media_credit
from bot.engine.weights import WEIGHT

# what may stand beside the day in its own element: the time and its word ("5. November 2021, 10:39 Uhr")
_CLOCK_REST = re.compile(
    r"^[\s,|·•–-]*(?:(?:um\s+)?\d{1,2}[:.]\d\d(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?)?[\s,|]*$", re.I
)


def _only_a_day(text: str) -> bool:
    found = WORD_DATE.search(text) or NUMERIC_DATE.search(text)
    return (
        found is not None and not text[: found.start()].strip(" |·•") and bool(_CLOCK_REST.match(text[found.end() :]))
    )


def _writer(block: Block, context: Context) -> bool:
    """A name in capitals of a script that has them ("Jo Roe"), not a picture's credit ("Fot. Harbor Gaz") nor
    a link to another page than the writer's ("Text Size" as a button)."""
    words = block.text.split()
    if len(words) < 2 or not all(word[:1].isupper() for word in words) or is_media_credit(block):
        return False
    if any(not is_author_href(link.href, link.rel) for link in block.links):
        return False
    return is_dated_writer(block.text.strip(), context.page_url)


def _own_byline(block: Block) -> bool:
    return "byline" in block.hints and block.region in IN_ARTICLE


def read(context: Context) -> list[Fact]:
    doc = context.doc
    # a page with a byline element names its writers (or its desk) there; the teasers of a rail beside the story
    # ("von Jo Roe" under other stories' summaries) name other pieces' writers
    if doc.kind == "text" or doc.headline_position <= 0 or any(_own_byline(block) for block in doc.blocks):
        return []
    near = [
        block
        for block in doc.blocks
        if doc.headline_position < block.position <= doc.headline_position + DATE_BELOW_HEADLINE
    ]
    for day, following in itertools.pairwise(near):
        if not _only_a_day(day.text):
            continue
        name = following.text.strip()
        # only the first date line under the headline: a later one dates a teaser or a comment
        if following.region not in IN_ARTICLE or "after_date" not in following.hints or not _writer(following, context):
            return []
        line = snippet(f"{day.text} {name}", 160)
        return [Fact("author", name, "text", line, WEIGHT.slight, following.region)]
    return []
