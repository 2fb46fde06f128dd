"""Which site pasted text came from: pasted text has no address, so only its own words can say (bot.decide asks)."""

from __future__ import annotations

import re
from typing import Protocol

from bot.facts import Fact
from bot.party import Party
from bot.registry import Registry, name_key

_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d")


class Cite(Protocol):
    def __call__(
        self, field_name: str, fact: Fact | None = None, *, signal: str | None = None, text: str = ""
    ) -> None: ...


def text_outlet(
    facts: list[Fact], registry: Registry, original: Party | None, via: list[Party], cite: Cite
) -> Party | None:
    """For pasted text: a 'Name, date' line or a masthead naming a known outlet, or one whose name is a domain
    the text mentions ('Global Research, September 30, 2016' with 'www.globalresearch.ca'; 'TIDEWATER BRIEF'
    with 'tidewaterbrief.com'), other than the original; then the site's own boilerplate, the mention of a
    republisher, the outlet's own notice, and the one article the text points to."""
    mentions = [f for f in facts if f.field == "outlet_mention"]
    for fact in sorted(facts, key=lambda f: -f.weight):
        if fact.field not in ("dated_name", "masthead"):
            continue
        name = fact.value[0] if fact.field == "dated_name" else fact.value
        if original and original.matches(name):
            continue
        entry = registry.by_name(name)
        if entry:
            cite("outlet", fact)
            cite("outlet", signal="registry", text=f"{name}: {entry.name} ({entry.kind})")
            return Party(entry.name, entry, entry.domains[0] if entry.domains else None)
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
            return Party(entry.name, entry, entry.domains[0] if entry.domains else None)
    for mention in mentions:
        entry = registry.by_name(mention.value)
        if entry and not (original and original.entry is entry) and entry.kind in ("republisher", "aggregator"):
            cite("outlet", mention)
            return Party(entry.name, entry, entry.domains[0] if entry.domains else None)
    # The outlet whose own notice closes the text published it, when nothing says the text is someone else's
    # copy, or when the credited original is that same outlet: "By Priya Natarajan, CNN" over "© 2025 Cable
    # News Network" is CNN's own story. A wire's rights line is also printed under every client's copy of its
    # story, so for a wire only the notice of its own site (a year range, "© 1999–2025 TASS") says so; and a
    # second holder's notice (the station that ran CNN's story) says the text came from that other site.
    notices = sorted((f for f in facts if f.field == "copyright"), key=lambda f: -f.weight)
    for fact in notices:
        entry = next((e for h in fact.value.holders if (e := registry.by_holder(h))), None)
        if entry is None:
            continue
        only_holder = all(original is not None and original.matches(h) for n in notices for h in n.value.holders)
        # "Distributed by Tribune Content Agency" under the notice: a syndicated copy, not the outlet's own page
        own_site = only_holder and not via and (not entry.is_wire or _YEAR_RANGE.search(fact.value.text or ""))
        if original is None or (original.entry is entry and own_site):
            cite("outlet", fact)
            cite("outlet", signal="registry", text=f"{', '.join(fact.value.holders)}: {entry.name}")
            return Party(entry.name, entry, entry.domains[0] if entry.domains else None)
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
