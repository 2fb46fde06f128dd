"""Where the piece comes from: the credits the facts give or imply, grouped by outlet, weighed into an original
publisher and the distributors that passed the piece on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.engine.dates import NUMERIC_DATE, WORD_DATE
from bot.engine.decision.evidence import Decided, cite, note
from bot.engine.domains import has_article_path, host_of, registered_domain
from bot.engine.facts import Credit, Fact, Facts
from bot.engine.name_forms import is_bare_desk
from bot.engine.names import looks_like_person
from bot.engine.party import Party, is_own_desk, party_for
from bot.engine.regions import IN_ARTICLE, MARGINS
from bot.engine.registry import OutletEntry, Registry, name_key
from bot.engine.weights import WEIGHT
from bot.model import Evidence, Republication, Source

SOURCE_LINE = "source-line"  # the [[credit]] wording "Quelle: X", "Source: X" (bot/data/phrases.toml)
CITED_SECTIONS = 3
_FILED_FROM = re.compile(r"\s+in\s+(?-i:[A-Z])[\w.'’ -]{1,40}$")

# A party and the credit fact that named it
Credited = tuple[Party, Fact]


@dataclass(frozen=True)
class Origin:
    """The piece's original publisher and distributors, as the result shows them and as parties."""

    republication: Republication = field(default_factory=Republication)
    original: Party | None = None
    via: list[Party] = field(default_factory=list)
    credit: Fact | None = None  # the first credit naming the original

    @property
    def is_copy(self) -> bool:
        return self.republication.is_republication

    def published_by(self, outlet: Party | None) -> Origin:
        """Pasted text whose outlet is the credited original is that outlet's own piece, not a copy."""
        if self.original is not None and outlet is not None and self.original.key == outlet.key:
            return replace(self, republication=Republication(), original=None, credit=None)
        return self

    def original_dated(self, published: str | None) -> Origin:
        source = self.republication.original
        if source is None or source.published == published:
            return self
        dated = Republication(True, replace(source, published=published), self.republication.via)
        return replace(self, republication=dated)


def decide_origin(
    facts: Facts, registry: Registry, outlet: Party | None, canonical: Fact | None, page_url: str | None, is_text: bool
) -> Decided[Origin]:
    """The strongest group of credits naming an original decides it; the other groups that distribute the piece
    are its distributors. Without an original, every credited party is kept as a distributor."""
    derived = derived_credits(facts, registry, outlet, canonical, page_url, is_text)
    own_names = {f.value for f in facts.all("outlet") if f.signal == "meta"}
    credits = [f for f in facts.all("credit") if _counts_here(f, outlet) and not _own_section(f, own_names)]
    credits = _without_cited_sections(credits)
    groups = _credit_groups([*credits, *derived], registry, outlet)
    if not groups:
        return Origin(), []
    ordered = _writer_wire_first(sorted(groups, key=_group_score, reverse=True))
    if not any(f.value.role == "original" for _, f in ordered[0]):
        return Origin(via=[members[0][0] for members in ordered]), []
    original, source, rows = _original(facts, ordered[0])
    via, via_sources, via_rows = _distributors(ordered[1:])
    origin = Origin(Republication(True, source, via_sources), original, via, ordered[0][0][1])
    return origin, rows + via_rows


def _counts_here(credit: Fact, outlet: Party | None) -> bool:
    """A station's call sign the registry does not know ("(KTVI) –") credits it only on a known outlet's page (on
    a site the registry does not know, the station may be the site itself); a partner's logo only on a portal's
    (a news site's partner logos name sponsors and collaborators)."""
    if credit.phrase == "call-sign":
        return outlet is not None and outlet.entry is not None
    if credit.phrase == "partner-logo":
        return outlet is not None and outlet.entry is not None and outlet.entry.kind == "aggregator"
    return True


def _own_section(credit: Fact, own_names: set[str]) -> bool:
    """A JSON-LD sourceOrganization or provider that is the name the page's own head gives its site (og:site_name
    "Security", the section a news site files the piece under) credits no other source."""
    return credit.signal == "json-ld" and credit.value.name in own_names


def _without_cited_sections(credits: list[Fact]) -> list[Fact]:
    """Source lines naming three or more parties ("Quelle: HWK Stuttgart" under one section, "Quelle: Freistaat
    Sachsen" under the next) cite the sections of a piece compiled from them: none is where the piece ran first."""
    named = {name_key(f.value.name) for f in credits if f.phrase == SOURCE_LINE}
    return [f for f in credits if f.phrase != SOURCE_LINE] if len(named) >= CITED_SECTIONS else credits


def _credit_groups(credits: list[Fact], registry: Registry, outlet: Party | None) -> list[list[Credited]]:
    """The credits naming parties other than the outlet, grouped by party (a domain-only party joins a named one
    that shares its domain)."""
    groups: dict[str, list[Credited]] = {}
    for fact in credits:
        credit: Credit = fact.value
        party = party_for(registry, credit.name, credit.url if not registry.by_name(credit.name) else None)
        if party is None or is_bare_desk(credit.name):
            continue  # "by News Staff": the site's own desk
        if party.entry is None and party.domain is None and credit.url and (reg := registered_domain(credit.url)):
            party = replace(party, domain=reg)
        if (
            outlet
            and not _other_edition(fact, party, outlet)
            and (
                party.key == outlet.key
                or (outlet.matches(credit.name) and not _site_of_its_own(party, outlet))
                or is_own_desk(credit.name, outlet)  # "Redazione ANSA" on ANSA's own site, "MND Staff"
                or (party.domain and party.domain == outlet.domain)
            )
        ):
            continue
        key = party.key
        for existing_key, members in groups.items():
            other = members[0][0]
            same_outlet = party.entry is None or other.entry is None or party.entry is other.entry
            if same_outlet and ((party.domain and party.domain == other.domain) or other.matches(credit.name)):
                key = existing_key
                break
        groups.setdefault(key, []).append((party, fact))
    return list(groups.values())


def _site_of_its_own(party: Party, outlet: Party) -> bool:
    """A party at an address of its own that only starts like the outlet's ("spacenews.com", a canonical link's
    site, beside Space.com): another site, though its name begins with the outlet's."""
    if party.entry is not None or not party.domain or not outlet.domain or party.domain == outlet.domain:
        return False
    return _site_label(f"https://{party.domain}/") != _site_label(f"https://{outlet.domain}/")


def _other_edition(fact: Fact, party: Party, outlet: Party) -> bool:
    """A credit wording naming the outlet's name with more words after it ("This article originally appeared on
    Harbor Belgium" on Harbor's site), a name the registry does not know or knows as another outlet, names another
    edition of the outlet; so does the page's own markup saying it is based on a page of another of the brand's
    sites (JSON-LD isBasedOn)."""
    if fact.signal == "json-ld" and fact.value.url and (party.entry is None or party.entry is not outlet.entry):
        based_on = registered_domain(fact.value.url)
        return bool(based_on and outlet.domain and based_on != outlet.domain)
    if fact.signal != "text" or fact.phrase in (None, "byline", "notice", "dateline"):
        return False
    if party.entry is not None:
        # "a translation of an article by Harbor News" on Harbor News Germany's site: the registry's other edition
        return outlet.entry is not None and party.entry is not outlet.entry
    first, *rest = fact.value.name.split()
    return bool(rest) and outlet.matches(first) and not outlet.matches(" ".join(rest))


def _group_score(members: list[Credited]) -> tuple[int, int]:
    """A group naming an original beats one naming distributors; then its strongest credit, and how many agree."""
    weights = sorted((f.weight for _, f in members), reverse=True)
    is_original = any(f.value.role == "original" for _, f in members)
    return (int(is_original), weights[0] + 5 * (len(weights) - 1))


def _is_wire_group(members: list[Credited], phrases: tuple[str, ...]) -> bool:
    party = _with_entry(members[0][0], members)
    return party.entry is not None and party.entry.is_wire and any(f.phrase in phrases for _, f in members)


def _writer_wire_first(ordered: list[list[Credited]]) -> list[list[Credited]]:
    """AP's story under Canadian Press's notice ('By … | The Associated Press' … '© 2026 The Canadian Press'): the
    wire the byline or dateline names wrote it; the wire whose notice alone names it distributed it. So too a
    wire's story whose canonical link goes to a sister paper's copy: the sister paper passed it on."""
    if len(ordered) < 2:
        return ordered
    by_notice = all(f.phrase == "notice" for _, f in ordered[0]) and _is_wire_group(ordered[0], ("notice",))
    linked = _with_entry(ordered[0][0][0], ordered[0]).entry
    by_link = all(f.signal == "link" for _, f in ordered[0]) and not (linked and linked.is_wire)
    if not by_notice and not by_link:
        return ordered
    for index, members in enumerate(ordered[1:], start=1):
        if _is_wire_group(members, ("byline", "dateline")):
            return [members, *ordered[:index], *ordered[index + 1 :]]
    return ordered


def _by_weight(members: list[Credited]) -> Credited:
    return max(members, key=lambda pf: pf[1].weight)


def _with_entry(party: Party, members: list[Credited]) -> Party:
    """A party the registry did not name takes the registry entry another credit in its group found."""
    if party.entry is not None:
        return party
    return replace(party, entry=next((p.entry for p, _ in members if p.entry), None))


def _original(facts: Facts, members: list[Credited]) -> tuple[Party, Source, list[Evidence]]:
    """The original publisher: the strongest credit with a name (rather than only a domain), its article's address
    (a homepage from a logo link or provider is not the piece) and date."""
    ranked = [p for p, _ in sorted(members, key=lambda pf: -pf[1].weight)]
    # "This article originally appeared at The Aviationist" beside a syndication link to theaviationist.com: both
    # name the same site, the credit by its name
    named = [p for p in ranked if p.entry or not p.domain] or [p for p in ranked if not _named_by_address(p)]
    party = _with_entry(named[0] if named else _by_weight(members)[0], members)
    article_urls = [f.value.url for _, f in members if f.value.url and has_article_path(f.value.url)]
    dates = [f.value.published for _, f in members if f.value.published]
    rows = []
    if not dates:
        for fact in facts.all("dated_name"):
            if party.matches(fact.value[0]):
                dates.append(fact.value[1])
                rows.append(cite("republication.original.published", fact))
    source = Source(
        name=party.name,
        url=article_urls[0] if article_urls else None,
        published=dates[0] if dates else None,
        outlet=party.outlet(),
    )
    rows += [cite("republication.original", fact) for _, fact in members]
    if entry := party.entry:
        described = ", ".join(x for x in (entry.kind, entry.organization) if x)
        rows.append(note("republication.original", "registry", f"{entry.name}: {described} ({entry.country or '?'})"))
    return party, source, rows


def _named_by_address(party: Party) -> bool:
    """A party known only by its address ('theaviationist.com' from a syndication link's host)."""
    return party.name.lower().removeprefix("www.") == (party.domain or "").lower()


def _distributors(groups: list[list[Credited]]) -> tuple[list[Party], list[Source], list[Evidence]]:
    """A distributor is credited as one ("Distributed by …") or is a wire passing the piece on; a partner credited
    for producing it with the original ("in partnership with The Marshall Project") is neither."""
    parties, sources, rows = [], [], []
    for members in groups:
        via, fact = _by_weight(members)
        via = _with_entry(via, members)
        distributes = any(f.value.role == "via" for _, f in members) or (via.entry is not None and via.entry.is_wire)
        if distributes:
            parties.append(via)
            sources.append(Source(via.name, fact.value.url, fact.value.published, via.outlet()))
            rows.append(cite("republication.via", fact))
    return parties, sources, rows


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu"})


def _site_label(url: str) -> str:
    """The host without 'www.' and its country or generic ending: 'lostinjit.blogspot.fr' and
    'lostinjit.blogspot.com' -> 'lostinjit.blogspot'; 'www.bbc.co.uk' -> 'bbc'."""
    labels = (host_of(url) or "").removeprefix("www.").split(".")[:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return ".".join(labels)


def _canonical_credit(registry: Registry, outlet: Party | None, canonical: Fact, page_url: str | None) -> Fact | None:
    """A canonical link to another outlet's site (not to another domain of this outlet) names the original."""
    page_domain = registered_domain(page_url) if page_url else None
    canon_domain = registered_domain(canonical.value)
    found = registry.by_host(host_of(canonical.value))
    same_outlet = outlet is not None and outlet.entry is not None and found is not None and found[0] is outlet.entry
    # "lostinjit.blogspot.fr" with its canonical on "lostinjit.blogspot.com": one site under a country's domain
    same_name = page_url is not None and _site_label(canonical.value) == _site_label(page_url)
    if not page_domain or not canon_domain or canon_domain == page_domain or same_outlet or same_name:
        return None
    party = party_for(registry, None, canonical.value)
    if party is None:
        return None
    return Fact("credit", Credit(party.name, canonical.value), "link", canonical.snippet, canonical.weight)


def derived_credits(
    facts: Facts, registry: Registry, outlet: Party | None, canonical: Fact | None, page_url: str | None, is_text: bool
) -> list[Fact]:
    """Credits implied by other facts: a canonical link to another outlet, a rights line in the article
    naming another outlet ("© AFP"), an outlet given as the author ("AFP - Agence France Presse"), or, on a
    known outlet's site, a publisher name that is another known outlet (msn.com carrying The Independent's
    JSON-LD)."""
    derived = []
    if canonical is not None and (credit := _canonical_credit(registry, outlet, canonical, page_url)):
        derived.append(credit)
    if outlet is not None and outlet.entry is not None and outlet.entry.kind == "aggregator":
        derived += _providers(facts, outlet)
    releases = outlet is not None and outlet.issues_releases
    for fact in facts:
        names: list[str] = []
        if fact.field == "outlet" and outlet is not None and outlet.entry is not None:
            entry = registry.by_name(fact.value)
            # "ABC News" on abc.net.au is the Australian ABC's own brand, not the US network's
            own_brand = any(name_key(n).startswith(name_key(fact.value)) for n in outlet.entry.aliases)
            if entry is not None and entry is not outlet.entry and not own_brand:
                derived.append(
                    Fact("credit", Credit(entry.name), fact.signal, fact.snippet, WEIGHT.moderate, fact.region)
                )
            continue
        phrase: str | None = None
        if fact.field == "copyright" and fact.signal == "text" and fact.region in IN_ARTICLE:
            names = list(fact.value.holders)
            weight = WEIGHT.fair
            phrase = "notice"
            if is_text:
                # pasted text has no page of its own: a wire's rights line marks wire copy, but any other
                # outlet's notice more likely closes its own piece (the outlet is decided from it instead)
                names = [n for n in names if (e := registry.by_holder(n)) and e.is_wire]
        elif fact.field == "author" and fact.signal in ("json-ld", "meta"):
            if releases and (fact.author_kind == "organization" or not looks_like_person(fact.value)):
                # a press-release service's page names the issuer as its author: the release is theirs
                derived.append(Fact("credit", Credit(fact.value), fact.signal, fact.snippet, WEIGHT.plain))
                continue
            names = re.split(r"\s+[-–|/]\s+|\s*,\s*", fact.value)
            # "Associated Press in Valencia": a wire's byline with the place it filed from
            names += [short for name in names if (short := _FILED_FROM.sub("", name)) != name]
            weight = WEIGHT.plain
        for name in names:
            entry = registry.by_holder(name)
            if phrase == "notice" and _own_group(name, entry, outlet, registry):
                continue
            if entry:
                named = Credit(entry.name)
                derived.append(Fact("credit", named, fact.signal, fact.snippet, weight, fact.region, phrase=phrase))
                break
    return derived


def _own_group(holder: str, entry: OutletEntry | None, outlet: Party | None, registry: Registry) -> bool:
    """A notice of the company behind the page's outlet ("© BuzzFeed, Inc." on HuffPost), or of a sister brand of
    the same company ("© AOL Inc." over a TechCrunch post), is the group's rights line, not another publisher's."""
    own = outlet.entry if outlet is not None else None
    if own is None:
        return False
    if registry.owns(own, holder):
        return True
    if entry is None or entry is own or not (own.organization and entry.organization):
        return False
    return name_key(own.organization) == name_key(entry.organization)


_AFTER_NAME = " •·|-—–,("


def _opens_dated_line(fact: Fact) -> bool:
    """The name opens a line that goes on with a date: "Harbor Ledger • October 3, 2016"."""
    line = fact.snippet
    if not line.startswith(fact.value):
        return False
    rest = line[len(fact.value) :].lstrip(_AFTER_NAME)
    return bool(WORD_DATE.match(rest) or NUMERIC_DATE.match(rest))


def _providers(facts: Facts, outlet: Party) -> list[Fact]:
    """On a portal (MSN, Yahoo, Tencent), the partner that provided the piece: the name on the dated line by the
    headline ("Harbor Ledger 9/21/2016 Dana Pike", "Harbor Ledger • October 3, 2016", "港湾日报 2016年10月14日"), or
    an organisation given as the structured data's author. A writer the structured data names is no provider."""
    writers = {name_key(f.value) for f in facts.all("author") if f.signal in ("json-ld", "meta")}
    named: list[tuple[str, Fact]] = []
    for fact in facts.all("author"):
        by_line = fact.signal == "text" and fact.region not in MARGINS and _opens_dated_line(fact)
        if by_line or (fact.signal == "json-ld" and fact.author_kind == "organization"):
            named.append((fact.value, fact))
    # a dated line the page's other readers took for no writer's comes last: a box beside the headline
    # ("Photos of the day - October 3, 2016") is one too
    named += [(f.value[0], f) for f in facts.all("dated_name") if f.phrase == "by_headline" and f.region not in MARGINS]
    for name, fact in named:
        if not outlet.matches(name) and not (fact.signal == "text" and name_key(name) in writers):
            credit = Credit(name)
            return [Fact("credit", credit, fact.signal, fact.snippet, WEIGHT.moderate, fact.region, phrase="provider")]
    return []
