"""Which site pasted text came from: pasted text has no address, so only its own words can say."""

from __future__ import annotations

import re
from typing import Protocol

from bot.engine.facts import Fact
from bot.engine.party import Party
from bot.engine.registry import Registry, name_key

_ALSO_ON_OWN_PAGES = frozenset([None, "byline", "dateline", "source-line", "via-line", "press-release-source"])
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d")


class Cite(Protocol):
    def __call__(
        self, field_name: str, fact: Fact | None = None, *, signal: str | None = None, text: str = ""
    ) -> None: ...


def _described_as(masthead: str, described: dict[str, Fact]) -> Fact | None:
    key = name_key(masthead)
    return next((fact for name, fact in described.items() if key == name or key.startswith(name)), None)


def text_outlet(
    facts: list[Fact], registry: Registry, original: Party | None, via: list[Party], cite: Cite
) -> Party | None:
    """For pasted text: a 'Name, date' line or a masthead naming a known outlet, or one whose name is a domain
    the text mentions ('Global Research, September 30, 2016' with 'www.globalresearch.ca'; 'TIDEWATER BRIEF'
    with 'tidewaterbrief.com'), other than the original; then the site's own boilerplate, the mention of a
    republisher, the outlet's own notice, and the one article the text points to."""
    mentions = [f for f in facts if f.field == "outlet_mention"]
    described = {name_key(f.value): f for f in facts if f.field == "outlet_described"}
    for fact in sorted(facts, key=lambda f: -f.weight):
        if fact.field not in ("dated_name", "masthead"):
            continue
        name = fact.value[0] if fact.field == "dated_name" else fact.value
        if original and original.matches(name):
            continue
        entry = registry.by_name(name)
        if entry is None and fact.field == "masthead" and (about := _described_as(name, described)):
            # the name over the text is the one its footer describes: "Eurasia Wire Digest aggregates …"
            cite("outlet", fact)
            cite("outlet", about)
            return Party(about.value)
        if entry:
            cite("outlet", fact)
            cite("outlet", signal="registry", text=f"{name}: {entry.name} ({entry.kind})")
            return Party.of_entry(entry)
        for mention in mentions:
            domain = mention.extra.get("domain")
            candidate = Party(name, None, domain)
            if domain and candidate.matches(name) and name_key(domain.split(".")[0]) == name_key(name):
                cite("outlet", fact)
                cite("outlet", mention)
                return candidate
    for fact in facts:
        # the site's own boilerplate names the page's site, even when that site is also the credited original
        # (Reuters' "Our Standards" line under a "(Reuters)" dateline: Reuters' own page, not a copy)
        if fact.field == "outlet_self_name":
            entry = registry.by_name(fact.value)
            cite("outlet", fact)
            if entry is None:
                return Party(fact.value)
            cite("outlet", signal="registry", text=f"{fact.value}: {entry.name} ({entry.kind})")
            return Party.of_entry(entry)
    for mention in mentions:
        entry = registry.by_name(mention.value)
        if entry and not (original and original.entry is entry) and entry.kind in ("republisher", "aggregator"):
            cite("outlet", mention)
            return Party.of_entry(entry)
    # The outlet whose own notice closes the text published it, when nothing says the text is someone else's
    # copy, or when the credited original is that same outlet: "By Priya Natarajan, CNN" over "© 2025 Cable
    # News Network" is CNN's own story. A wire's rights line is also printed under every client's copy of its
    # story, so for a wire only the notice of its own site (a year range, "© 1999–2025 TASS") says so; and a
    # second holder's notice (the station that ran CNN's story) says the text came from that other site.
    notices = sorted((f for f in facts if f.field == "copyright"), key=lambda f: -f.weight)
    # "This article originally appeared in The Texas Tribune": a credit line only copies carry, unlike a byline, a
    # dateline or a "Source:" line, which an outlet prints on its own pages too ("Quelle: F.A.Z.")
    credited_as_copy = original is not None and any(
        f.field == "credit" and f.extra.get("phrase") not in _ALSO_ON_OWN_PAGES and original.matches(f.value.name)
        for f in facts
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
            cite("outlet", fact)
            cite("outlet", signal="registry", text=f"{', '.join(fact.value.holders)}: {entry.name}")
            return Party.of_entry(entry)
    if original is None and notices and (holders := notices[0].value.holders):
        # a notice of an outlet the registry does not know ("Copyright 2026 by KSAT"): its holder published it
        cite("outlet", notices[0])
        return Party(holders[0])
    # Last, the one article the text points to: the link a message shares, or "Read more: https://…"
    pointed = {m.extra["domain"]: m for m in mentions if m.extra.get("pointer")}
    if original is None and len(pointed) == 1:
        [(domain, mention)] = pointed.items()
        cite("outlet", mention)
        entry = registry.by_name(mention.value)
        return Party(entry.name, entry, domain) if entry else Party(domain, None, domain)
    return None
