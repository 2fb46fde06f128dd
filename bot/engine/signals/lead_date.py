"""A date opening the story's first paragraph: "Feb. 23, 2015 -- Text of the story…" (a health or trade site's
dateline without a place; bot.engine.hints marks the paragraph). The page's own day where nothing else dates it,
so it is weighed low."""

from __future__ import annotations

from bot.engine.dates import opening_date
from bot.engine.facts import Fact, snippet
from bot.engine.regions import IN_ARTICLE
from bot.engine.signals.context import Context
from bot.engine.weights import WEIGHT


def read(context: Context) -> list[Fact]:
    for block in context.doc.blocks:
        if "lead_date" in block.hints and block.region in IN_ARTICLE and (day := opening_date(block.text)):
            return [Fact("published", day, "text", snippet(block.text, 120), WEIGHT.slight, block.region)]
    return []
