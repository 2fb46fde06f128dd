"""An agency named in an element of its own by the headline, where the byline goes, alone ("JIJI") or with the
place it filed from ("AFP, MANILA", "PTI Mumbai"), or in the source box closing the story: the story is its copy."""

from __future__ import annotations

import re

from bot.engine.document import Block
from bot.engine.facts import Credit, Fact, snippet
from bot.engine.signals.context import Context
from bot.engine.signals.passages import in_media_element, is_media_credit
from bot.engine.weights import WEIGHT

# An agency and the place it filed from, in an element of their own under the headline: "AFP, MANILA", "PTI Mumbai"
# (a picture's credit is written "© REUTERS / POOL" or "AFP / Jo Roe")
_AGENCY_AND_PLACE = re.compile(
    r"^(?P<name>[^\W\d_][^,|/©]{1,29}?)(?:,\s*(?-i:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]{2,30})|\s+(?-i:[A-Z][a-z]{2,20}))$"
)


def agency_line(context: Context, block: Block) -> list[Fact]:
    match = _AGENCY_AND_PLACE.match(block.text)
    entry = context.registry.by_name(match["name"]) if match else None
    if entry is None or not entry.is_wire or in_media_element(block) or is_media_credit(block):
        return []
    credit = Credit(entry.name, None, None, "original")
    return [Fact("credit", credit, "text", snippet(block.text, 120), WEIGHT.firm, block.region, phrase="dateline")]


def agency_alone(context: Context, block: Block) -> list[Fact]:
    """'JIJI' in an element of its own under the headline, where the byline goes, or in the source box closing
    the story, and after no picture: the news agency the story is from. Under a picture the same word is the
    picture's credit."""
    name = block.text.strip(" ()[]|-–—")
    # two capitals alone are a writer's avatar drawn as initials ("PA") or a text-size button ("AA")
    if len(name) < 3 or "after_picture" in block.hints or is_media_credit(block) or block.links:
        return []
    entry = context.registry.by_name(name)
    if entry is None or not entry.is_wire:
        return []
    credit = Credit(entry.name, None, None, "original")
    return [Fact("credit", credit, "text", snippet(block.text, 120), WEIGHT.firm, block.region, phrase="dateline")]
