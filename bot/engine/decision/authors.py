"""Who wrote the piece: the people its bylines and credits name, or a named desk when no person is given."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.engine.decision.evidence import Decided, cite
from bot.engine.domains import looks_like_domain
from bot.engine.facts import Fact, Facts
from bot.engine.name_forms import capitalised, is_bare_desk, is_desk_name
from bot.engine.names import looks_like_person, split_byline
from bot.engine.party import Party, is_writers_own_site
from bot.engine.registry import Registry, name_key
from bot.engine.vocabulary import one_of, words
from bot.engine.weights import WEIGHT

# A name as printed, and the fact that gave it
Named = tuple[str, Fact]
# a byline line that credits other work ("Jo Roe; photographs by Al Poe") does not print its other names as writers
_OTHER_WORK = re.compile(rf"\b(?:{one_of('names', 'other_credit_roles')})\b", re.I)
_FROM_WORDS = frozenset(words("names", "from_words"))
_PARTS = re.compile(r"\s*[|,;&·•]\s*|\s+and\s+")
_MORE_WRITERS = re.compile(r"외\s*\d+\s*명|\band\s+\d+\s+(?:others?|more)\b", re.I)
# "Marino - Brad Lynch": a community site prints the member's one-word handle, a dash, then the writer's full name
_HANDLE_LEAD = re.compile(r"^(?:by\s+)?(?P<handle>[^\W\d_][\w.'’]*)\s+[-–—]\s+\S+\s+\S", re.I)


def decide_authors(facts: Facts, registry: Registry, outlet: Party | None, parties: list[Party]) -> Decided[list[str]]:
    """Every author string is read as a byline ("By Jane Doe and John Roe", "JANE DOE, Associated Press"); the
    outlets it names (and `parties`, the outlets the piece is credited to) are not people."""
    outlet_names = {name_key(p.name) for p in parties}
    site_name = _address_spelled_apart(facts, outlet)
    people: dict[str, Named] = {}
    printed: set[str] = set()  # the names the page's own bylines print
    parted: set[str] = set()  # the whole parts of their lines
    desks: list[Named] = []
    handles: list[Named] = []  # a member's account name, where the page names no one else
    # a page's metadata, JSON-LD and bylines give the same names again and again: each is split once
    split: dict[tuple[str, bool], tuple[list[str], list[str]]] = {}
    for fact in facts.strongest_first("author"):
        raw = fact.value.strip() if fact.signal == "text" else capitalised(fact.value.strip())
        if fact.author_kind == "handle":
            # the site's own account ("examplenews" on examplenews.com) is the publisher
            if not _is_site_account(raw, outlet):
                handles.append((raw, fact))
            continue
        # a syndicated columnist's own notice ("©2025 Jo Roe. Distributed by …") makes the writer a credited party;
        # the page's metadata still says she is a person
        is_person = fact.author_kind == "person" and looks_like_person(raw) and name_key(raw) != site_name
        is_party = name_key(raw) in outlet_names and not is_person
        if fact.author_kind in ("outlet", "organization") or registry.by_name(raw) or is_party:
            desks.append((raw, fact))
            continue
        if (raw, is_person) not in split:
            others = outlet_names - {name_key(raw)} if is_person else outlet_names
            split[raw, is_person] = split_byline(raw, registry, others)
        names, outlets = split[raw, is_person]
        if not names and is_desk_name(raw) and not is_bare_desk(raw):
            desks.append((raw, fact))  # "Slate Staff", "Sun Sentinel Editorial Board": a desk, whole, not its outlet
        desks += [(glued, fact) for glued in outlets]
        for name in names:
            if _is_handle(name, (raw, fact.snippet)):
                continue
            if _names_a_desk(name, outlet):
                desks.append((name, fact))  # "Gear Team" beside the writer, "MDR SACHSEN-ANHALT" after her name
                continue
            people.setdefault(name_key(name), (name, fact))
            if fact.signal == "text" and fact.weight >= WEIGHT.plain:
                printed.add(name_key(name))
                if not _OTHER_WORK.search(fact.snippet):
                    # "Jo Roe | Al Poe": each part of the line, where the byline's reader kept only the first writer
                    parted.update(name_key(part) for part in _PARTS.split(fact.snippet))
    # "박준석 기자 외 1명", "Jo Roe and 2 others": the byline counts the metadata's other writers without naming them
    counted = any(_MORE_WRITERS.search(fact.snippet) for fact in facts.all("author") if fact.signal == "text")
    confirmed = people if counted else _beside_metadata(_confirmed(people, printed, parted), facts)
    chosen = _people(confirmed) if people else _desk(desks, registry, outlet, outlet_names)
    # a byline that names the site's own desk says a newsroom, not one writer, runs the site
    chosen = (
        chosen or _named_after_writer(desks, outlet) or ([] if desks else handles[:1] or _site_owner(facts, outlet))
    )
    chosen = [(_full_name(name, facts, fact.author_kind == "handle"), fact) for name, fact in chosen]
    return [name for name, _ in chosen], [cite("authors", fact) for _, fact in chosen]


def _full_name(name: str, facts: Facts, is_handle: bool) -> str:
    """'Posted by Konstantin' over a blog whose notice reads '© Konstantin Tretyakov': the blogger signs with her first
    name and the notice gives her whole name (the one holder whose first name it is); or her profile does. 'by DT'
    over a blog whose licence line credits Donald Townsend: she signs with her initials."""
    # (only an account's handle is read as initials: "AFP" in a byline is the agency)
    initials = is_handle and _is_initials(name)
    if " " in name.strip() or not (name[:1].isupper() or initials):
        return name
    spelled = [holder for fact in facts.all("copyright") for holder in fact.value.holders]
    # her profile's address or description ("/author/robert-forst/" on "Robert"): bot.engine.signals.full_names
    spelled += [fact.value for fact in facts.all("full_name")]
    whole = {
        whole
        for whole in spelled
        if len(parts := whole.split()) in (2, 3)
        and (parts[0] == name or (initials and _initials_of(parts, name)))
        and looks_like_person(whole)
    }
    return whole.pop() if len(whole) == 1 else name


def _is_initials(name: str) -> bool:
    """'DT', 'kj': a writer who signs with her initials."""
    return 2 <= len(name) <= 3 and name.isalpha()


def _initials_of(parts: list[str], initials: str) -> bool:
    """'DT' or 'dt' of 'Donald Townsend', 'LD' or 'LJD' of 'Levente J. Dobszay'."""
    every, outer = "".join(p[0] for p in parts), parts[0][0] + parts[-1][0]
    return initials.casefold() in (every.casefold(), outer.casefold())


def _is_handle(name: str, lines: tuple[str, ...]) -> bool:
    """A one-word handle the line prints before the writer's full name: no second writer."""
    return " " not in name.strip() and any(
        (lead := _HANDLE_LEAD.match(line.strip())) is not None and name_key(lead["handle"]) == name_key(name)
        for line in lines
    )


def _named_after_writer(desks: list[Named], outlet: Party | None) -> list[Named]:
    """'Jo Quayside' in the author tag of a page on joquayside.com, a site named Jo Quayside that no registry knows:
    the site is named after its writer, and its name where the writer's goes is hers (the meta reader passes it only
    from a site that names itself to no reader's software, as a publication named like a person does)."""
    # (the tag's whole name: "Jo Quayside Submissions" is a desk of the site, whose name a byline split off from it)
    named = [(name, fact) for name, fact in desks if fact.signal == "meta" and name_key(name) == name_key(fact.value)]
    return _site_named_after(outlet, named)


def _site_named_after(outlet: Party | None, names: Iterable[Named]) -> list[Named]:
    """The first of `names` that an unregistered site is named after, at that name's own address."""
    if outlet is None or outlet.entry is not None or not outlet.domain:
        return []
    address, key = f"https://{outlet.domain}/", name_key(outlet.name)
    for name, fact in names:
        if name_key(name) == key and is_writers_own_site(name, address):
            return [(name, fact)]
    return []


def _is_site_account(handle: str, outlet: Party | None) -> bool:
    """'telebasel' on Tele Basel's site (telebasel.ch): the site's own account, its publisher."""
    if outlet is None:
        return False
    site = (name_key(outlet.name), name_key((outlet.domain or "").split(".")[0]))
    return name_key(handle).replace(" ", "") in {key.replace(" ", "") for key in site}


def _site_owner(facts: Facts, outlet: Party | None) -> list[Named]:
    """A page that names no writer on a writer's own site ("© Jo Quayside" on joquayside.com, named "Jo Quayside"):
    the writer whose name the site, its address and its notice are. A publication's software names it as a
    publisher (og:site_name, JSON-LD); a writer's own site names itself in its title alone."""
    if any(not f.snippet.startswith("<title>") for f in facts.all("outlet")):
        return []
    holders = ((holder, fact) for fact in facts.strongest_first("copyright") for holder in fact.value.holders)
    return _site_named_after(outlet, holders)


def _address_spelled_apart(facts: Facts, outlet: Party | None) -> str:
    """The name_key of an unregistered site's name that is its address spelled apart ("Harbor Courier" on
    harborcourier.com) where the site names itself only by its address: its system credits the site where a
    writer's name goes, however it types the name. A site that gives the name itself (og:site_name "Jo Quayside"
    on joquayside.com) is the writer's own."""
    if outlet is None or outlet.entry is not None:
        return ""
    key = name_key(outlet.name)
    if " " not in outlet.name.strip() or key != name_key((outlet.domain or "").split(".")[0]):
        return ""
    return "" if any(f.value == outlet.name for f in facts.all("outlet")) else key


def _names_a_desk(name: str, outlet: Party | None) -> bool:
    """'Gear Team', 'Metro Desk': a desk's name, however the page types it; 'MDR SACHSEN-ANHALT' on mdr.de: the
    outlet's one-word name, then its regional desk."""
    if is_desk_name(name):
        return True
    words = name.split()
    if outlet is None:
        return False
    site_label = name_key((outlet.domain or "").split(".")[0])
    if len(words) == 1 and len(key := name_key(name)) >= 5:
        # "By: Acmefit" on "The Acmefit Blog" (acmefitondemand.com): the company's one-word name, no person's
        return key in {name_key(word) for word in outlet.name.split()} or site_label.startswith(key)
    if len(words) < 2 or len(words[0]) < 2:
        return False
    if len(words) == 2 and len(words[1]) == 1 and words[1].isupper() and site_label.startswith(name_key(words[0])):
        return True  # "Ilanga D" on ilanganews.com: the outlet's name and a letter, the account of one of its desks
    if words[0].lower() in _FROM_WORDS and outlet.matches(" ".join(words[1:])):
        return True  # "Do UOL" on UOL: "from UOL", the outlet's own newsroom
    return name_key(words[0]) in {name_key(outlet.name), site_label}


def _confirmed(people: dict[str, Named], printed: set[str], parted: set[str]) -> dict[str, Named]:
    """Where the page's own byline prints its writers, the metadata's names that the page never prints are the
    photographers, stylists and editors its system lists with the writer, the editor in charge, or the account a
    blog's template names for every post."""

    def is_printed(key: str) -> bool:
        # the byline may print a name within more ("Jo RoeCity Columnist", "Jo RoeAl Poe") or by its surname ("Roe")
        return key in parted or any(key in p or key.endswith(p) for p in printed)

    if not printed:
        return people
    return {k: named for k, named in people.items() if named[1].signal not in ("json-ld", "meta") or is_printed(k)}


def _beside_metadata(people: dict[str, Named], facts: Facts) -> dict[str, Named]:
    """Where the page's metadata names its writers and its byline prints them, a name the text alone gives after
    them, in a line that prints none of them, is someone else: another story's writer on a card below the article,
    a place or a politician in a caption under the byline. A co-writer the metadata leaves out shares the writers'
    own line, or heads the list of the header's bylines; a writer a credit line names wrote what the poster posted."""
    tagged = {key for key, (_, fact) in people.items() if fact.signal in ("json-ld", "meta")}
    texts = [fact for fact in facts.all("author") if fact.signal == "text"]
    lines = [(name_key(fact.value), name_key(fact.snippet)) for fact in texts]
    first = next((at for at, (name, _) in enumerate(lines) if name in tagged), None)
    if first is None:
        return people
    kept = {name for at, (name, line) in enumerate(lines) if at < first or any(t in line for t in tagged)}
    kept |= {name_key(fact.value) for fact in texts if fact.credited}  # "By Jo Roe … Originally published at …"
    return {key: named for key, named in people.items() if key in tagged or key in kept}


def _people(people: dict[str, Named]) -> list[Named]:
    """The writer a credit line names ("By Teodora Vance … Originally published at INET") wrote the piece; the
    republisher's account that posted it did not. Otherwise the strongest kind of source decides the list, and
    weaker kinds only add when they agree."""
    credited = {key: named for key, named in people.items() if named[1].credited}
    people = credited or people
    top = max(f.weight for _, f in people.values())
    kept = {key: (n, f) for key, (n, f) in people.items() if f.weight >= min(top, WEIGHT.plain)}

    def longer_spelling(key: str, fact: Fact) -> bool:
        """A weaker source's longer spelling of a name already kept ("Marisol Quintanilla Globe Staff")."""
        return any(
            k != key and key.startswith(k) and f.weight >= fact.weight and " " in n.strip()
            for k, (n, f) in kept.items()
        )

    def given_name_only(key: str, name: str) -> bool:
        """'Todd' in the metadata where the byline prints 'Todd Bates': the same writer, by her first name; or
        'Bates', what is left of a tag that writes her 'Bates, Todd' once split at its comma."""
        return " " not in name.strip() and any(k != key and (k.startswith(key) or k.endswith(key)) for k in kept)

    return [(n, f) for key, (n, f) in kept.items() if not longer_spelling(key, f) and not given_name_only(key, n)]


def _desk(desks: list[Named], registry: Registry, outlet: Party | None, credited: set[str]) -> list[Named]:
    """A named desk ("RT News" on a copy, "Slate Staff" or "Redazione ANSA" on the outlet's own site) may stand as
    author; a publisher's bare name ("The Associated Press", "VOA", the site's own name, or an unregistered news
    service the piece is `credited` to), a desk that names no publication ("Staff", "News Desk") or a stand-in for no
    one ("Contributors to Wikimedia") not."""
    # the site's own name, however it is spaced ("Example News Daily" on examplenewsdaily.com), is the publisher
    site = {name_key(outlet.name), name_key((outlet.domain or "").split(".")[0])} - {""} if outlet else set()
    # "Reuters" as the byline (the visible one, its meta tag), "Guardian staff reporter" in the JSON-LD only: the piece
    # is the agency's copy, and a metadata desk that is not the agency's ("Reuters Staff") nor printed beside it on
    # the page ("dpa MM-Redaktion") is the template's default
    agencies = [name_key(name) for name, _ in desks if _is_agency(name, registry)]
    printed = " ".join(name_key(fact.snippet) for _, fact in desks if fact.signal == "text")
    for name, fact in desks:
        key = name_key(name)
        if (
            agencies
            and fact.signal in ("json-ld", "meta")
            and key not in printed
            and all(a not in key for a in agencies)
        ):
            continue
        entry = registry.by_name(name)
        is_own_name = entry is not None and name_key(entry.name) == key
        is_credited = key in credited  # "By Harbor Media News Service": the original's publisher
        # "News.yam.md": the site's address, its name
        is_publisher = is_own_name or is_credited or key in site or looks_like_domain(name)
        if is_desk_name(name) and not is_bare_desk(name) and not is_publisher:
            return [(name, fact)]
    return []


def _is_agency(name: str, registry: Registry) -> bool:
    entry = registry.by_name(name)
    return entry is not None and entry.is_wire
