"""Whose rights: the copyright notice that covers the piece, or the original publisher's rights for a copy."""

from __future__ import annotations

import re

from bot.engine.decision.evidence import Decided, cite, note
from bot.engine.facts import Fact, Facts, Notice
from bot.engine.party import Party
from bot.engine.regions import SITE_WIDE
from bot.model import Copyright

_ABOUT_CONTENT = re.compile(
    r"\b(?:content|contents|material)\b[^.©]{0,40}(?:copyright|©)|\bcopyright in (?:the |all )?(?:content|material)",
    re.I,
)


def _covering_notice(facts: Facts, outlet: Party | None, original: Party | None) -> Fact | None:
    """The notice naming the original (if any), else the most trusted one; for a copy, the republisher's site-wide
    notice does not cover a piece it did not write, nor does any site-wide notice that leaves the original out."""
    notices = facts.all("copyright")
    if not notices:
        return None

    def rank(fact: Fact) -> tuple[int, int, int, int]:
        names_original = original is not None and any(original.owns_rights_as(h) for h in fact.value.holders)
        # a notice that names its holder before one that gives only its years ("Copyright © 2023 · X" read as
        # "© 2023", beside the structured data's copyrightHolder X); between equals, a notice that says it covers
        # the content ("All content and design is copyright X") rather than the brand's line ("© 2025 X - Est. 1977")
        covers_content = bool(_ABOUT_CONTENT.search(fact.snippet))
        return (int(names_original), int(bool(fact.value.holders)), fact.weight, int(covers_content))

    chosen = max(notices, key=rank)
    notice: Notice = chosen.value
    # (a menu's legal line is the site's too)
    site_wide = chosen.region in SITE_WIDE or chosen.region == "nav" or chosen.signal == "json-ld"
    if original is not None and site_wide:
        names_outlet_only = outlet is not None and all(outlet.matches(h) for h in notice.holders)
        if names_outlet_only or not any(original.owns_rights_as(h) for h in notice.holders):
            return None
    return chosen


def decide_copyright(
    facts: Facts, outlet: Party | None, original: Party | None, original_credit: Fact | None
) -> Decided[Copyright]:
    """The covering notice; without one, a copy's rights follow its original publisher (as `original_credit`
    names it)."""
    chosen = _covering_notice(facts, outlet, original)
    if chosen is not None:
        notice: Notice = chosen.value
        return Copyright(notice.text, list(notice.holders), notice.year), [cite("copyright", chosen)]
    if original is None:
        return Copyright(), []
    holder = (original.entry.copyright_holder if original.entry else None) or original.name
    row = note(
        "copyright.holders",
        original_credit.signal if original_credit else "text",
        f"rights follow the original publisher: {original_credit.snippet if original_credit else original.name}",
    )
    return Copyright(None, [holder], None), [row]
