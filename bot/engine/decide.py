"""The one place that decides between facts: which outlet, which original, which dates, whose rights.

Signal readers only report what they saw; here facts are weighed against each other and against the outlet
registry, one step at a time (`bot.engine.decision`): each step takes the facts and what earlier steps decided,
and returns its value with the evidence rows for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.decision.authors import decide_authors
from bot.engine.decision.evidence import unique_rows
from bot.engine.decision.origin import decide_origin
from bot.engine.decision.page import (
    date_the_original,
    decide_canonical,
    decide_dates,
    decide_outlet,
    decide_title,
    describe_outlet,
    note_redated,
    page_address,
)
from bot.engine.decision.rights import decide_copyright
from bot.engine.facts import Facts
from bot.engine.party import Party
from bot.engine.registry import Registry
from bot.engine.text_outlet import text_outlet
from bot.model import Analysis, Evidence, InputInfo


@dataclass(frozen=True)
class Decision:
    analysis: Analysis
    outlet_party: Party | None = None
    original_party: Party | None = None
    via_parties: list[Party] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)


def decide(facts: Facts, registry: Registry, input_info: InputInfo) -> Decision:
    is_text = input_info.kind == "text"
    page_url = page_address(input_info, facts, registry)
    # pasted text has no address: its outlet is decided from its words, once its credits are known
    outlet, outlet_rows = (None, []) if is_text else decide_outlet(facts, registry, page_url)
    title, title_rows = decide_title(facts)
    canonical, canonical_rows = decide_canonical(facts)
    origin, origin_rows = decide_origin(facts, registry, outlet, canonical, page_url, is_text)
    text_outlet_rows: list[Evidence] = []
    if is_text:
        outlet, text_outlet_rows = text_outlet(facts, registry, origin.original, origin.via)
        origin = origin.published_by(outlet)
    described, described_rows = describe_outlet(facts, outlet)
    country = described.country if described else None
    dates, date_rows = decide_dates(facts, outlet if is_text else None, origin.is_copy, is_text, country)
    # a release service carries the issuer's release as issued: an earlier day on its page is another release's
    own_day = None if outlet is not None and outlet.issues_releases else dates.published
    original_published, original_date_rows = date_the_original(facts, origin.republication.original, own_day)
    origin = origin.original_dated(original_published)
    credited = [p for p in (outlet, origin.original, *origin.via) if p]
    authors, author_rows = decide_authors(facts, registry, outlet, credited)
    warnings, redated_rows = note_redated(facts, origin.is_copy)
    copyright, copyright_rows = decide_copyright(facts, outlet, origin.original, origin.credit)
    evidence = unique_rows(
        outlet_rows,
        title_rows,
        canonical_rows,
        origin_rows,
        text_outlet_rows,
        described_rows,
        date_rows,
        original_date_rows,
        author_rows,
        redated_rows,
        copyright_rows,
    )
    analysis = Analysis(
        input=input_info,
        title=title,
        outlet=described,
        authors=authors,
        published=dates.published,
        modified=dates.modified,
        canonical_url=canonical.value if canonical else None,
        republication=origin.republication,
        copyright=copyright,
        evidence=evidence,
        warnings=warnings,
    )
    return Decision(analysis, outlet, origin.original, origin.via, facts)
