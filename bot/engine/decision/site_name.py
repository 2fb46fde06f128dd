"""A site named only by its address: the name the page gives it elsewhere, which the address spells or
abbreviates."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from bot.engine.company_names import COMPANY_FORMS, ENDS_WITH_FORM
from bot.engine.domains import host_of, is_web_address, looks_like_domain
from bot.engine.facts import Fact, Facts

# the way German addresses write umlauts and ß ("boersen-zeitung.de" for "Börsen-Zeitung")
_SPELLED_OUT = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
_GERMAN_VOWELS = re.compile("[äöüÄÖÜß]")
_DASHED = re.compile(r"\s+[–—-]\s+")
_TAGLINE = re.compile(r"\s+[–—|-]\s+")


def is_address(name: str) -> bool:
    """A host as a page's software prints it ("www.diariolibre.com"), not a brand written with capitals
    ("AutoIndustriya.com")."""
    return name == name.lower() and (looks_like_domain(name) or is_web_address(name) or name.startswith("www."))


def site_name(facts: Facts, address_or_fact: str | Fact | None) -> Fact | None:
    """A site named only by its address ("hawaiinewsnow.com") names itself elsewhere: the strongest outlet name or
    copyright holder that spells its address ("Hawaii News Now", "100% Noticias") or whose initials it is
    ("Mitteldeutsche Zeitung" for mz.de, "Bundesministerium für Arbeit und Soziales" for bmas.de)."""
    address = address_or_fact.value if isinstance(address_or_fact, Fact) else address_or_fact
    host = (host_of(address) or address) if address else ""
    label = squashed(host.lower().removeprefix("www.").split(".")[0])
    if not label:
        return None
    named = [(f.value, f) for f in facts.strongest_first("outlet") if not is_address(f.value)]
    named += [(h, f) for f in facts.strongest_first("copyright") for h in f.value.holders if not is_address(h)]
    # "WP Wiadomości" on wiadomosci.wp.pl: a group's section on a host of its own, named by both
    labels = host.lower().removeprefix("www.").split(".")
    both = {squashed(labels[0] + labels[1]), squashed(labels[1] + labels[0])} if len(labels) > 2 else set()
    for name, fact in named:
        # "Harbor Courier – eine Marke der …": the name before what the notice says of it
        name = _DASHED.split(name)[0]
        spelled = _GERMAN_VOWELS.sub(lambda m: _SPELLED_OUT[m[0]], name)
        if spells(name, label) or spells(spelled, label) or squashed(name) in both or _ends_with(spelled, label):
            if fact.field == "outlet" and name == fact.value:
                return fact
            return Fact("outlet", name, fact.signal, fact.snippet, fact.weight)
    return None


def _ends_with(name: str, label: str) -> bool:
    """ "Schweizerische Vogelwarte" on vogelwarte.ch: the address is the name's last word, its qualifier left off."""
    words = name.split()
    return len(words) in (2, 3) and len(label) >= 5 and squashed(words[-1]) == label


def squashed(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in folded if ch.isalnum() and ch.isascii())


def spells(name: str, label: str) -> bool:
    """The address label spells the name ("hawaiinewsnow") or its first words ("actu" for "Actu Pays Basque"), is
    every word's initial, or holds its capitalised words' initials in order, beginning with the first ("bmas":
    B…A…S)."""
    words = [squashed(word) for word in name.split()]
    whole = "".join(words)
    if any("".join(words[:n]) == label for n in range(1, len(words) + 1)) or (
        len(whole) >= 3 and label.startswith(whole)
    ):
        return len(label) >= 2
    if len(words) >= 3 and label == "".join(word[:1] for word in words):
        return True  # every word's initial, particles too: "tdg" for "Tribune de Genève"
    # a hyphen joins a compound's capitalised parts, each an initial: "kas" for "Konrad-Adenauer-Stiftung e.V."
    initials = [word[0].lower() for word in re.split(r"[\s-]+", name) if word[:1].isupper()]
    if len(initials) < 2 or label[0] != initials[0]:
        return False
    rest = iter(label)
    return all(letter in rest for letter in initials)


def name_before_tagline(named: Fact, address: str | None) -> Fact | None:
    """og:site_name "Harbour – News, Fixtures and Results from the Docks" on harbour.de, "Harbour | Satire |
    Kabarett", "harbour.de | inside the docks": the name its address spells (or the address itself), then the site's
    tagline after a dash or a bar."""
    parts = _TAGLINE.split(named.value, maxsplit=1)
    host = (host_of(address) or "") if address else ""
    label = squashed(host.lower().removeprefix("www.").split(".")[0])
    if len(parts) < 2 or len(parts[1].split()) < 2 or not label:
        return None
    if not (spells(parts[0], label) or (is_address(parts[0]) and label in squashed(parts[0]))):
        return None
    return Fact("outlet", parts[0], named.signal, named.snippet, named.weight)


# "DRK e.V.", "BWE": a body's initials, perhaps with its association's or company's form
_INITIALS_NAME = re.compile(rf"^(?P<initials>[A-ZÄÖÜ]{{2,6}})(?:\s+(?i:{COMPANY_FORMS}))?$")


def spelled_out(facts: Facts, named: Fact) -> Fact | None:
    """A site that names itself by its initials (og:site_name "DRK e.V.") and in full as well (the publisher
    "Deutsches Rotes Kreuz e.V.") goes by the full name, when the initials are that name's: its words' first
    letters, or its capitals ("BWE" for "Bundesverband WindEnergie"). A copyright holder spelled out is the body
    in law, not a name the site goes by ("IAB" over "© 2015 Interactive Advertising Bureau")."""
    short = _INITIALS_NAME.match(named.value.strip())
    if not short:
        return None
    initials = short["initials"].lower()
    for fact in facts.strongest_first("outlet"):
        words = ENDS_WITH_FORM.sub("", fact.value).split()
        if len(words) < 2 or is_address(fact.value):
            continue
        capitals = "".join(ch for ch in "".join(words) if ch.isupper()).lower()
        if initials in ("".join(word[0] for word in words).lower(), capitals):
            return fact
    return None


def address_named(facts: Facts, named: Fact, page_url: str | None) -> Fact | None:
    """The strongest name, a section's or a tagline, does not spell the address; another name does, and the page
    gives it more than once (the JSON-LD publisher, the title's end) or it is the address's very letters
    ("UKBDNEWS" on ukbdnews.com): the site's own name."""
    host = (host_of(page_url) or "") if page_url else ""
    label = squashed(host.lower().removeprefix("www.").split(".")[0])
    words, whole = {squashed(word) for word in _WORDS.split(named.value)}, squashed(named.value)
    if len(label) < 3 or spells(named.value, label) or label in words:  # ("Ministry of X - MoX" on mox.de)
        return None
    names = [f for f in facts.strongest_first("outlet") if not is_address(f.value) and spells(f.value, label)]
    counts = Counter(squashed(f.value) for f in names)
    for fact in names:
        if _ACRONYM.match(fact.value) and _abbreviates(squashed(fact.value), whole):
            continue  # "BMZ" beside "Bundesministerium für … Zusammenarbeit …": its initials, the long name stands
        if counts[squashed(fact.value)] > 1:
            return fact
        # (the address's letters in the title's end; not an app's name beside a name in another script, nor a
        # short form of the strongest name: "Harbor DEG" beside "Deutsche Harbor-Gesellschaft")
        in_title = fact.snippet.startswith(("<title>", '<meta property="og:title"'))
        own_words = [squashed(w) for w in _WORDS.split(fact.value) if squashed(w) not in words]
        if in_title and squashed(fact.value) == label and not any(_abbreviates(w, whole) for w in own_words):
            return fact
    return None


def _abbreviates(short: str, name: str) -> bool:
    """The short form's letters stand in the name in order, the first first."""
    rest = iter(name)
    return short[:1] == name[:1] and all(letter in rest for letter in short)


_WORDS = re.compile(r"[\s|·•–—-]+")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}$")
