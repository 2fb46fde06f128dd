"""Which site pasted text came from: pasted text has no address, so only its own words can say."""

from __future__ import annotations

import re

from bot.engine.decision.evidence import Decided, cite, note
from bot.engine.facts import Fact, Facts
from bot.engine.party import Party
from bot.engine.registry import Registry, name_key
from bot.model import Evidence

_ALSO_ON_OWN_PAGES = frozenset(
    [None, "byline", "dateline", "call-sign", "source-line", "via-line", "press-release-source"]
)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d")


def _described_as(masthead: str, described: dict[str, Fact]) -> Fact | None:
    key = name_key(masthead)
    return next((fact for name, fact in described.items() if key == name or key.startswith(name)), None)


# An outlet the text names, with the rows that show it; None when a rule finds nothing
Found = Decided[Party] | None


def text_outlet(facts: Facts, registry: Registry, original: Party | None, via: list[Party]) -> Decided[Party | None]:
    """For pasted text: a 'Name, date' line or a masthead naming a known outlet, or one whose name is a domain
    the text mentions, other than the original; then the site's own boilerplate, the mention of a republisher,
    the outlet's own notice, and the one article the text points to."""
    found = (
        _named_over_text(facts, registry, original)
        or _self_named(facts, registry)
        or _republisher_mentioned(facts, registry, original)
        or _own_notice(facts, registry, original, via)
        or _pointed_to(facts, registry, original)
    )
    return found or (None, [])


def _registry_row(name: str, party: Party) -> Evidence:
    entry = party.entry
    return note("outlet", "registry", f"{name}: {entry.name} ({entry.kind})" if entry else name)


def _named_over_text(facts: Facts, registry: Registry, original: Party | None) -> Found:
    """A 'Name, date' line or a masthead naming a known outlet, or one whose name is a domain the text mentions
    ('Global Research, September 30, 2016' with 'www.globalresearch.ca'; 'TIDEWATER BRIEF' with
    'tidewaterbrief.com')."""
    mentions = facts.all("outlet_mention")
    described = {name_key(f.value): f for f in facts.all("outlet_described")}
    for fact in facts.strongest_first("dated_name", "masthead"):
        name = fact.value[0] if fact.field == "dated_name" else fact.value
        if original and original.matches(name):
            continue
        entry = registry.by_name(name)
        if entry is None and fact.field == "masthead" and (about := _described_as(name, described)):
            # the name over the text is the one its footer describes: "Eurasia Wire Digest aggregates …"
            return Party(about.value), [cite("outlet", fact), cite("outlet", about)]
        if entry:
            party = Party.of_entry(entry)
            return party, [cite("outlet", fact), _registry_row(name, party)]
        for mention in mentions:
            domain = mention.domain
            candidate = Party(name, None, domain)
            if domain and candidate.matches(name) and name_key(domain.split(".")[0]) == name_key(name):
                return candidate, [cite("outlet", fact), cite("outlet", mention)]
    return None


def _self_named(facts: Facts, registry: Registry) -> Found:
    """The site's own boilerplate names the page's site, even when that site is also the credited original
    (Reuters' "Our Standards" line under a "(Reuters)" dateline: Reuters' own page, not a copy)."""
    fact = facts.first("outlet_self_name")
    if fact is None:
        return None
    entry = registry.by_name(fact.value)
    if entry is None:
        return Party(fact.value), [cite("outlet", fact)]
    party = Party.of_entry(entry)
    return party, [cite("outlet", fact), _registry_row(fact.value, party)]


def _republisher_mentioned(facts: Facts, registry: Registry, original: Party | None) -> Found:
    for mention in facts.all("outlet_mention"):
        entry = registry.by_name(mention.value)
        if entry and not (original and original.entry is entry) and entry.kind in ("republisher", "aggregator"):
            return Party.of_entry(entry), [cite("outlet", mention)]
    return None


def _own_notice(facts: Facts, registry: Registry, original: Party | None, via: list[Party]) -> Found:
    """The outlet whose own notice closes the text published it, when nothing says the text is someone else's
    copy, or when the credited original is that same outlet: "By Priya Natarajan, CNN" over "© 2025 Cable News
    Network" is CNN's own story. A wire's rights line is also printed under every client's copy of its story, so
    for a wire only the notice of its own site (a year range, "© 1999–2025 TASS") says so; and a second holder's
    notice (the station that ran CNN's story) says the text came from that other site."""
    notices = facts.strongest_first("copyright")
    # "This article originally appeared in The Texas Tribune": a credit line only copies carry, unlike a byline, a
    # dateline or a "Source:" line, which an outlet prints on its own pages too ("Quelle: F.A.Z.")
    credited_as_copy = original is not None and any(
        f.phrase not in _ALSO_ON_OWN_PAGES and original.matches(f.value.name) for f in facts.all("credit")
    )
    for fact in notices:
        entry = next((e for h in fact.value.holders if (e := registry.by_holder(h))), None)
        if entry is None:
            continue
        only_holder = all(original is not None and original.matches(h) for n in notices for h in n.value.holders)
        # "Distributed by Tribune Content Agency" under the notice: a syndicated copy, not the outlet's own page
        own_site = only_holder and not via and not credited_as_copy
        own_site = own_site and (not entry.is_wire or bool(_YEAR_RANGE.search(fact.value.text or "")))
        if original is None or (original.entry is entry and own_site):
            holders = ", ".join(fact.value.holders)
            return Party.of_entry(entry), [cite("outlet", fact), note("outlet", "registry", f"{holders}: {entry.name}")]
    if original is None and notices and (holders := notices[0].value.holders):
        # a notice of an outlet the registry does not know ("Copyright 2026 by KSAT"): its holder published it
        return Party(holders[0]), [cite("outlet", notices[0])]
    return None


def _pointed_to(facts: Facts, registry: Registry, original: Party | None) -> Found:
    """Last, the one article the text points to: the link a message shares, or "Read more: https://…"."""
    pointed = {m.domain: m for m in facts.all("outlet_mention") if m.pointer and m.domain}
    if original is not None or len(pointed) != 1:
        return None
    [(domain, mention)] = pointed.items()
    entry = registry.by_name(mention.value)
    party = Party(entry.name, entry, domain) if entry else Party(domain, None, domain)
    return party, [cite("outlet", mention)]
