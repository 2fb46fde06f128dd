"""Outlets as the facts name them: a printed name, perhaps a registry entry and a web domain."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.domains import country_of, host_of, looks_like_domain, registered_domain
from bot.engine.name_forms import desk_of
from bot.engine.names import looks_like_person
from bot.engine.registry import OutletEntry, Registry, name_key
from bot.model import Outlet, OutletKind


@dataclass(frozen=True)
class Party:
    """An outlet as far as the facts tell: its printed name, registry entry and web domain."""

    name: str
    entry: OutletEntry | None = None
    domain: str | None = None

    @classmethod
    def of_entry(cls, entry: OutletEntry) -> Party:
        """A registry outlet named by its name, not by a domain it was seen on: its first domain stands for it."""
        return cls(entry.name, entry, entry.domains[0] if entry.domains else None)

    @property
    def key(self) -> str:
        if self.entry:
            return "registry:" + self.entry.name
        if self.domain:
            return "domain:" + self.domain
        return "name:" + name_key(self.name)

    @property
    def issues_releases(self) -> bool:
        """A press-release service's site: each page carries what the issuing organisation wrote."""
        return self.entry is not None and self.entry.releases

    def outlet(self, kind_hint: OutletKind | None = None) -> Outlet:
        if self.entry:
            return self.entry.to_outlet(self.domain if self.domain in self.entry.domains else None)
        country = country_of(self.domain)
        return Outlet(name=self.name, domain=self.domain, country=country, kind=kind_hint or "other")

    def matches(self, name: str | None) -> bool:
        if not name:
            return False
        key = name_key(name)
        names = {name_key(self.name)}
        if self.entry:
            names |= {name_key(a) for a in (self.entry.name, *self.entry.aliases)}
            if self.entry.copyright_holder:
                names.add(name_key(self.entry.copyright_holder))
        if self.domain:
            names.add(name_key(self.domain))
            names.add(name_key(self.domain.split(".")[0]))
        return key in names or any(key.startswith(n) and len(n) >= 4 for n in names)

    def owns_rights_as(self, holder: str | None) -> bool:
        """The holder a notice names is this party, or the company that owns it ("© Condé Nast" for Vogue)."""
        if not holder:
            return False
        return self.matches(holder) or (self.entry is not None and Registry.owns(self.entry, holder))


def is_own_desk(name: str, outlet: Party) -> bool:
    """The site's own newsroom, named by its name or address ("Redazione ANSA" on ANSA, "Redacción Diario Sol"), its
    initials ("MND Staff" on Mexico News Daily; "Redacción EC" on El Comercio Perú, the country left out), one word of
    its name ("Staff Harbor" on "Gulf Harbor") or initials taken from its name's syllables ("GHNF Staff" on "Gulf
    Harbor Newsfeed", all in the name's order, the first its first): a desk, and never another outlet."""
    newsroom_of = desk_of(name)
    key, site_key = name_key(newsroom_of), name_key(outlet.name)
    if newsroom_of == name or not key:
        return False
    site = {site_key, name_key((outlet.domain or "").split(".")[0])} - {""}
    initials = "".join(word[0] for word in outlet.name.split() if word[0].isalpha()).lower()
    if (
        any(s.startswith(key) for s in site)
        or (len(key) >= 2 and initials.startswith(key))
        or outlet.matches(newsroom_of)
    ):
        return True
    if " " not in newsroom_of.strip() and len(key) >= 4 and key in {name_key(word) for word in outlet.name.split()}:
        return True
    if not (2 <= len(key) <= 5 and newsroom_of.isupper() and site_key[:1] == key[:1]):
        return False
    letters = iter(site_key)
    return all(letter in letters for letter in key)


def party_for(registry: Registry, name: str | None = None, url: str | None = None) -> Party | None:
    host = host_of(url) if url else None
    found = registry.by_host(host) if host else None
    if found and found[0].platform and name and host and host.removeprefix("www.") != found[1]:
        # "Field Notes from the Delta" at fieldnotes.substack.com: the newsletter, not the platform
        return Party(name, None, host.removeprefix("www."))
    if found:
        host_entry, host_domain = found
        # a credit named after its host ("propublica.org") takes the outlet's own name
        return Party(host_entry.name if not name or looks_like_domain(name) else name, host_entry, host_domain)
    domain = registered_domain(url) if url else None
    if name:
        entry = registry.by_name(name)
        if entry is None and looks_like_domain(name):
            found = registry.by_host(name.lower())
            if found:
                return Party(name, found[0], found[1])
            return Party(name.lower().removeprefix("www."), None, registered_domain(name.lower()))
        return Party(name, entry, domain or (entry.domains[0] if entry and entry.domains else None))
    if domain:
        return Party(domain, None, domain)
    return None


def is_writers_own_site(name: str, page_url: str | None) -> bool:
    """A writer's own site, named after her and at her name's address ("Jo Quayside" on joquayside.com): her name as
    the site's is still hers as the writer's."""
    domain = registered_domain(page_url) if page_url else None
    if domain is None or len(name.split()) < 2 or name_key(name) != name_key(domain.split(".")[0]):
        return False
    return looks_like_person(name)
