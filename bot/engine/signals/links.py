"""Anchors in the page body that carry rights: rel=license links and links to licence deeds."""

from __future__ import annotations

import re

from bot.engine.facts import Fact, snippet
from bot.engine.regions import IN_ARTICLE
from bot.engine.signals.context import Context
from bot.engine.signals.passages import in_media_element, is_media_credit, readable
from bot.engine.signals.rights import credits_a_picture, credits_a_picture_before, credits_a_work
from bot.engine.weights import WEIGHT

_REPUBLISH = re.compile(r"\brepublish|\brepublication\b|\breprint this\b", re.I)


def read(context: Context) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    credits_list_at = -1  # "Bildnachweise:<br>Title von Jo Roe CC BY 2.0<br>…": the lines under it credit pictures
    for block in context.doc.blocks:
        if block.position == credits_list_at:
            continue
        if is_media_credit(block):
            credits_list_at = block.position
        # menus, cookie banners and privacy notices: their licences are not the article's; but a "Republish this
        # story" dialog states the licence the article is offered under
        offers_story = not readable(block) and _REPUBLISH.search(block.text) is not None
        if not readable(block) and not offers_story:
            continue
        for link in block.links:
            info = context.licenses.from_url(link.href)
            is_rel = "license" in link.rel.lower().split()
            # a rel=license link says the page's own content is under that licence: beside a picture (the licence
            # chooser's badge before its words, a banner above a sidebar's licence line) it is still the page's,
            # unless it sits in a caption or picture credit
            pictured = credits_a_picture(block) and not (is_rel and not in_media_element(block))
            # a sidebar's image widget holding only a licence badge (its words are the badge's alt text): the site's
            # licence, no picture's credit
            badge = block.region not in IN_ARTICLE and block.tag != "figcaption" and block.text == link.text.strip()
            if info is None or (info.id, block.region) in seen or ((is_media_credit(block) or pictured) and not badge):
                continue
            if credits_a_picture_before(block, link.text.strip()) or credits_a_work(block.text, link.text.strip()):
                continue
            seen.add((info.id, block.region))
            weight = (
                (WEIGHT.very_strong if is_rel else WEIGHT.strong)
                if block.region in IN_ARTICLE or offers_story
                else (WEIGHT.firm if is_rel else WEIGHT.fair)
            )
            rel = ' rel="license"' if is_rel else ""
            tag = snippet(f'<a{rel} href="{link.href}">{link.text}</a> in "{block.text}"', 240)
            facts.append(Fact("license", info, "link", tag, weight, block.region, url=link.href))
    return facts
