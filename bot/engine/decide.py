"""The one place that decides between facts: which outlet, which original, which dates, whose rights.

Signal readers only report what they saw; here facts are weighed against each other and against the outlet
registry, and every field that is filled gets an evidence row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from bot.engine.dates import human_date, shown_local_day
from bot.engine.domains import has_article_path, host_of, registered_domain
from bot.engine.facts import Credit, Fact, Notice
from bot.engine.names import is_desk_name, split_byline
from bot.engine.party import Party, party_for
from bot.engine.registry import Registry, name_key
from bot.engine.text_outlet import text_outlet
from bot.model import Analysis, Copyright, Evidence, InputInfo, Republication, Source

_TITLE_SUFFIX = re.compile(r"\s+(?:[|·•–—-]|::)\s+[^|·•–—-]{2,60}$")


@dataclass
class Decision:
    analysis: Analysis
    outlet_party: Party | None = None
    original_party: Party | None = None
    via_parties: list[Party] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


def _best(facts: list[Fact], field_name: str) -> Fact | None:
    candidates = [f for f in facts if f.field == field_name]
    return max(candidates, key=lambda f: f.weight) if candidates else None


class Decider:
    def __init__(self, facts: list[Fact], registry: Registry, input_info: InputInfo):
        self.facts = facts
        self.registry = registry
        self.result = Analysis(input=input_info)
        self.evidence: list[Evidence] = []
        self._cited: set[tuple[str, str, str]] = set()

    def cite(self, field_name: str, fact: Fact | None = None, *, signal: str | None = None, text: str = "") -> None:
        if fact is not None:
            row = Evidence(field_name, fact.signal, fact.snippet)
        else:
            row = Evidence(field_name, signal or "registry", text)  # type: ignore[arg-type]
        key = (row.field, row.signal, row.snippet)
        if key not in self._cited:
            self._cited.add(key)
            self.evidence.append(row)

    # -- the page in hand -------------------------------------------------------------------------------------

    def page_url(self) -> str | None:
        if self.result.input.final_url or self.result.input.url:
            return self.result.input.final_url or self.result.input.url
        fact = _best(self.facts, "page_url")
        return fact.value if fact else None

    def decide_outlet(self) -> Party | None:
        url = self.page_url()
        found = self.registry.by_host(host_of(url)) if url else None
        named = [f for f in self.facts if f.field == "outlet"]
        if found:
            entry, domain = found
            self.cite("outlet", signal="url", text=url or "")
            self.cite("outlet", signal="registry", text=f"{domain}: {entry.name} ({entry.kind}) in the outlet registry")
            return Party(entry.name, entry, domain)
        for fact in sorted(named, key=lambda f: -f.weight):
            entry = self.registry.by_name(fact.value)
            self.cite("outlet", fact)
            if entry:
                self.cite("outlet", signal="registry", text=f"{fact.value}: {entry.name} ({entry.kind})")
            return Party(entry.name if entry else fact.value, entry, registered_domain(url) if url else None)
        if url and (domain := registered_domain(url)):
            self.cite("outlet", signal="url", text=url)
            return Party(domain, None, domain)
        return None

    def decide_title(self) -> None:
        order = sorted((f for f in self.facts if f.field == "title"), key=lambda f: -f.weight)
        if order:
            title = _TITLE_SUFFIX.sub("", order[0].value) if order[0].signal == "meta" else order[0].value
            self.result.title = title.strip()
            self.cite("title", order[0])

    def decide_dates(self) -> None:
        for field_name in ("published", "modified"):
            fact = _best(self.facts, field_name)
            if fact:
                setattr(self.result, field_name, fact.value)
                self.cite(field_name, fact)
        shown = next((f for f in self.facts if f.field == "published" and f.signal == "text" and f.region in
                      ("article", "body") and not f.extra.get("above_headline")), None)  # fmt: skip
        if shown and self.result.published and (day := shown_local_day(self.result.published, shown.value)):
            self.result.published = day  # the day the page itself prints, where the story was published
            self.cite("published", shown)
        if self.result.published is None:
            dated = [f for f in self.facts if f.field == "dated_name" and f.extra.get("use_as_published")]
            if dated:
                self.result.published = dated[0].value[1]
                self.cite("published", dated[0])
        redated = _best(self.facts, "redated")
        is_copy = self.result.republication.is_republication
        if self.result.published is None and redated and redated.value and not is_copy:
            # "This story was originally published on March 3, 2023, and has been updated": the piece's own date
            self.result.published = redated.value
            self.cite("published", redated)
        if self.result.published is None and self.result.modified:
            # a page that shows only when it was last updated was published that day or before; that day is the
            # closest date the page gives
            self.result.published = self.result.modified
            modified = next(e for e in self.evidence if e.field == "modified")
            self.cite(
                "published", signal=modified.signal, text=f"only a last-updated date is given: {modified.snippet}"
            )

    # -- people ---------------------------------------------------------------------------------------------

    def decide_authors(self, outlet: Party | None, parties: list[Party]) -> None:
        extra = {name_key(p.name) for p in parties if p}
        people: dict[str, tuple[str, Fact]] = {}
        desks: list[tuple[str, Fact]] = []
        for fact in sorted((f for f in self.facts if f.field == "author"), key=lambda f: -f.weight):
            raw = fact.value.strip()
            if (
                fact.extra.get("kind") in ("outlet", "organization")
                or self.registry.by_name(raw)
                or name_key(raw) in extra
            ):
                desks.append((raw, fact))
                continue
            # every author string is read as a byline: "By Jane Doe and John Roe", "JANE DOE, Associated Press"
            names, outlets = split_byline(raw, self.registry, extra)
            desks += [(glued, fact) for glued in outlets]
            for name in names:
                people.setdefault(name_key(name), (name, fact))
        # The writer a credit line names ("By Teodora Vance … Originally published at INET") wrote the piece; the
        # republisher's account that posted it did not. Otherwise the strongest kind of source decides the list,
        # and weaker kinds only add when they agree.
        credited = {k: v for k, v in people.items() if v[1].extra.get("credited")}
        people = credited or people
        if people:
            top = max(f.weight for _, f in people.values())
            kept = {key: (n, f) for key, (n, f) in people.items() if f.weight >= min(top, 50)}

            def longer_spelling(key: str, fact: Fact) -> bool:
                """A weaker source's longer spelling of a name already kept ("Marisol Quintanilla Globe Staff")."""
                return any(k != key and key.startswith(k) and f.weight >= fact.weight for k, (_, f) in kept.items())

            chosen = [(n, f) for key, (n, f) in kept.items() if not longer_spelling(key, f)]
            self.result.authors = [n for n, _ in chosen]
            for _, fact in chosen:
                self.cite("authors", fact)
        else:
            # A named desk ("RT News", "Redazione ANSA") may stand as author; a publisher's name ("The Associated
            # Press", "VOA", "Press Trust of India") or a stand-in for no one ("Contributors to Wikimedia") not.
            for name, fact in desks:
                entry = self.registry.by_name(name)
                is_own_name = entry is not None and name_key(entry.name) == name_key(name)
                if is_desk_name(name) and not is_own_name and not (outlet and outlet.name == name):
                    self.result.authors = [name]
                    self.cite("authors", fact)
                    break

    # -- where it comes from ----------------------------------------------------------------------------------

    def decide_republication(self, outlet: Party | None) -> tuple[Party | None, list[Party]]:
        groups: dict[str, list[tuple[Party, Fact]]] = defaultdict(list)
        canonical = _best(self.facts, "canonical")
        if canonical:
            self.result.canonical_url = canonical.value
            self.cite("canonical_url", canonical)
        for fact in self.facts + self._derived_credits(outlet, canonical):
            if fact.field != "credit":
                continue
            credit: Credit = fact.value
            party = party_for(
                self.registry, credit.name, credit.url if not self.registry.by_name(credit.name) else None
            )
            if party is None:
                continue
            if party.entry is None and party.domain is None and credit.url and (reg := registered_domain(credit.url)):
                party.domain = reg
            if outlet and (
                party.key == outlet.key
                or outlet.matches(credit.name)
                or (party.domain and party.domain == outlet.domain)
            ):
                continue
            # merge a domain-only party into a named one that shares its domain
            key = party.key
            for existing_key, members in groups.items():
                other = members[0][0]
                same_outlet = party.entry is None or other.entry is None or party.entry is other.entry
                if same_outlet and ((party.domain and party.domain == other.domain) or other.matches(credit.name)):
                    key = existing_key
                    break
            groups[key].append((party, fact))
        if not groups:
            return None, []

        def score(members: list[tuple[Party, Fact]]) -> tuple[int, int]:
            weights = sorted((f.weight for _, f in members), reverse=True)
            is_original = any(f.value.role == "original" for _, f in members)
            return (int(is_original), weights[0] + 5 * (len(weights) - 1))

        ordered = sorted(groups.values(), key=score, reverse=True)
        original_members = ordered[0]
        if not any(f.value.role == "original" for _, f in original_members):
            return None, [m[0][0] for m in ordered]
        best_party = max(original_members, key=lambda pf: pf[1].weight)[0]
        named = [p for p, f in sorted(original_members, key=lambda pf: -pf[1].weight) if p.entry or not p.domain]
        party = named[0] if named else best_party
        if party.entry is None:
            party.entry = next((p.entry for p, _ in original_members if p.entry), None)
        # the original piece's address: a homepage (from a logo link or provider) is not the piece
        article_urls = [f.value.url for _, f in original_members if f.value.url and has_article_path(f.value.url)]
        dates = [f.value.published for _, f in original_members if f.value.published]
        if not dates:
            for fact in self.facts:
                if fact.field == "dated_name" and party.matches(fact.value[0]):
                    dates.append(fact.value[1])
                    self.cite("republication.original.published", fact)
        source = Source(
            name=party.name,
            url=article_urls[0] if article_urls else None,
            published=dates[0] if dates else None,
            outlet=party.outlet(),
        )
        self.result.republication = Republication(True, source, [])
        for _, fact in original_members:
            self.cite("republication.original", fact)
        if entry := party.entry:
            described = ", ".join(x for x in (entry.kind, entry.organization) if x)
            self.cite(
                "republication.original", signal="registry", text=f"{entry.name}: {described} ({entry.country or '?'})"
            )
        via_parties = []
        for members in ordered[1:]:
            via, fact = max(members, key=lambda pf: pf[1].weight)
            if via.entry is None:
                via.entry = next((p.entry for p, _ in members if p.entry), None)
            # A distributor is credited as one ("Distributed by …") or is a wire passing the piece on; a partner
            # credited for producing it with the original ("in partnership with The Marshall Project") is neither.
            distributes = any(f.value.role == "via" for _, f in members) or (
                via.entry is not None and via.entry.is_wire
            )
            if not distributes:
                continue
            via_parties.append(via)
            self.result.republication.via.append(Source(via.name, fact.value.url, fact.value.published, via.outlet()))
            self.cite("republication.via", fact)
        return party, via_parties

    def _canonical_credit(self, outlet: Party | None, canonical: Fact) -> Fact | None:
        """A canonical link to another outlet's site (not to another domain of this outlet) names the original."""
        page_url = self.page_url()
        page_domain = registered_domain(page_url) if page_url else None
        canon_domain = registered_domain(canonical.value)
        found = self.registry.by_host(host_of(canonical.value))
        same_outlet = outlet is not None and outlet.entry is not None and found is not None and found[0] is outlet.entry
        if not page_domain or not canon_domain or canon_domain == page_domain or same_outlet:
            return None
        party = party_for(self.registry, None, canonical.value)
        if party is None:
            return None
        return Fact("credit", Credit(party.name, canonical.value), "link", canonical.snippet, canonical.weight)

    def _derived_credits(self, outlet: Party | None, canonical: Fact | None) -> list[Fact]:
        """Credits implied by other facts: a canonical link to another outlet, a rights line in the article
        naming another outlet ("© AFP"), an outlet given as the author ("AFP - Agence France Presse"), or, on a
        known outlet's site, a publisher name that is another known outlet (msn.com carrying The Independent's
        JSON-LD)."""
        derived = []
        if canonical is not None and (credit := self._canonical_credit(outlet, canonical)):
            derived.append(credit)
        for fact in self.facts:
            names: list[str] = []
            if fact.field == "outlet" and outlet is not None and outlet.entry is not None:
                entry = self.registry.by_name(fact.value)
                # "ABC News" on abc.net.au is the Australian ABC's own brand, not the US network's
                own_brand = any(name_key(n).startswith(name_key(fact.value)) for n in outlet.entry.aliases)
                if entry is not None and entry is not outlet.entry and not own_brand:
                    derived.append(Fact("credit", Credit(entry.name), fact.signal, fact.snippet, 55, fact.region))
                continue
            if fact.field == "copyright" and fact.signal == "text" and fact.region in ("article", "body"):
                names = list(fact.value.holders)
                weight = 60
                if self.result.input.kind == "text":
                    # pasted text has no page of its own: a wire's rights line marks wire copy, but any other
                    # outlet's notice more likely closes its own piece (the outlet is decided from it instead)
                    names = [n for n in names if (e := self.registry.by_holder(n)) and e.is_wire]
            elif fact.field == "author" and fact.signal in ("json-ld", "meta"):
                names = re.split(r"\s+[-–|/]\s+|\s*,\s*", fact.value)
                weight = 50
            for name in names:
                entry = self.registry.by_holder(name)
                if entry:
                    derived.append(Fact("credit", Credit(entry.name), fact.signal, fact.snippet, weight, fact.region))
                    break
        return derived

    def date_the_original(self) -> None:
        """A copy that pastes the original's own date line under its own ("Post by … Feb 11, 2025", then the
        article's "10.02.2025"): the earlier date is the original's, when its credit gave none."""
        source = self.result.republication.original
        if source is None or source.published or not self.result.published:
            return
        own_day = self.result.published[:10]
        earlier = [f for f in self.facts if f.field == "published" and f.signal == "text" and f.value[:10] < own_day]
        if earlier:
            fact = max(earlier, key=lambda f: f.value)
            source.published = fact.value
            self.cite("republication.original.published", fact)

    def note_redated(self) -> None:
        fact = _best(self.facts, "redated")
        if fact and not self.result.republication.is_republication:
            when = f" (first published {human_date(fact.value)})" if fact.value else ""
            self.result.warnings.append(f"Redated repost of the outlet's own piece{when}: not a copy from elsewhere.")
            self.cite("warnings", fact)

    # -- rights -----------------------------------------------------------------------------------------------

    def decide_copyright(self, outlet: Party | None, original: Party | None) -> None:
        notices = [f for f in self.facts if f.field == "copyright"]

        def rank(fact: Fact) -> tuple[int, int]:
            notice: Notice = fact.value
            names_original = original is not None and any(original.matches(h) for h in notice.holders)
            return (int(names_original), fact.weight)

        chosen = max(notices, key=rank) if notices else None
        if chosen is not None:
            notice: Notice = chosen.value
            names_outlet_only = outlet is not None and all(outlet.matches(h) for h in notice.holders)
            site_wide = chosen.region in ("footer", "header", "head", "aside") or chosen.signal == "json-ld"
            if original is not None and names_outlet_only and site_wide:
                chosen = None  # the republisher's site-wide notice does not cover a piece it did not write
            elif original is not None and not any(original.matches(h) for h in notice.holders) and site_wide:
                chosen = None
        if chosen is not None:
            notice = chosen.value
            self.result.copyright = Copyright(notice.text, list(notice.holders), notice.year)
            self.cite("copyright", chosen)
        elif original is not None:
            holder = (original.entry.copyright_holder if original.entry else None) or original.name
            self.result.copyright = Copyright(None, [holder], None)
            credit = next((e for e in self.evidence if e.field == "republication.original"), None)
            self.cite(
                "copyright.holders",
                signal=credit.signal if credit else "text",
                text=f"rights follow the original publisher: {credit.snippet if credit else original.name}",
            )


def decide(facts: list[Fact], registry: Registry, input_info: InputInfo) -> Decision:
    decider = Decider(facts, registry, input_info)
    is_text = input_info.kind == "text"
    outlet = None if is_text else decider.decide_outlet()
    decider.decide_title()
    original, via = decider.decide_republication(outlet)
    if is_text:
        outlet = text_outlet(facts, registry, original, via, decider.cite)
        if outlet is not None:
            for fact in facts:
                if fact.field == "dated_name" and outlet.matches(fact.value[0]):
                    fact.extra["use_as_published"] = True
        if original is not None and outlet is not None and original.key == outlet.key:
            original = None
            decider.result.republication = Republication()
    kind_hint = _best(facts, "outlet_kind")
    decider.result.outlet = outlet.outlet(kind_hint.value if kind_hint else None) if outlet else None
    if outlet and not outlet.entry and kind_hint:
        decider.cite("outlet.kind", kind_hint)
    if outlet and not outlet.entry and decider.result.outlet and decider.result.outlet.country:
        decider.cite("outlet.country", signal="url", text=f"{outlet.domain}: a country domain")
    decider.decide_dates()
    decider.date_the_original()
    decider.decide_authors(outlet, [p for p in (outlet, original, *via) if p])
    decider.note_redated()
    decider.decide_copyright(outlet, original)
    decision = Decision(decider.result, outlet, original, via, facts)
    decider.result.evidence = decider.evidence
    return decision
