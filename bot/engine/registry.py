"""The outlet registry: who publishes on which domains, what kind of outlet it is, and its standing reuse terms.

The data lives in `bot/data/outlets.toml`; users add or override rows with their own file named by the
`PROVBOT_OUTLETS` setting (same format; a row whose name matches a shipped row replaces it).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.model import Outlet
from bot.paths import DATA_DIR

DATA_FILE = DATA_DIR / "outlets.toml"
KINDS = {"news", "wire-service", "state-controlled", "public-broadcaster", "republisher", "aggregator", "blog", "other"}
REUSE_CATEGORIES = {"open-license", "permission-granted", "all-rights-reserved", "unknown"}


class RegistryError(ValueError):
    """A registry file is malformed; the message names the file and the row."""


@dataclass(frozen=True)
class Terms:
    """An outlet's standing reuse terms, as published on its own site."""

    category: str
    license: str | None = None
    summary: str | None = None
    conditions: tuple[str, ...] = ()
    restrictions: tuple[str, ...] = ()
    contact: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class OutletEntry:
    name: str
    domains: tuple[str, ...]
    kind: str
    organization: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    terms: Terms | None = None
    copyright_holder: str | None = None
    wire: bool = False  # a news agency whose copy other outlets run, whatever its kind
    platform: bool = False  # a publishing platform: each subdomain is its own publication
    releases: bool = False  # a press-release service: each page carries what the issuing organisation wrote

    @property
    def is_wire(self) -> bool:
        return self.wire or self.kind == "wire-service"

    def to_outlet(self, domain: str | None = None) -> Outlet:
        return Outlet(
            name=self.name,
            domain=domain or (self.domains[0] if self.domains else None),
            organization=self.organization,
            country=self.country,
            kind=self.kind,  # type: ignore[arg-type]
            notes=list(self.notes),
        )


MAX_HOST_CHARS = 253  # the longest name DNS allows


_NOT_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """A comparison key for outlet names: case, accents, punctuation, spaces and a leading 'the' ignored."""
    if name.isascii():  # nothing to decompose, no accents to drop
        text = name.lower().replace("&", " and ")
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("&", " and ")
    text = _SPACES.sub(" ", _NOT_WORD.sub(" ", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    return text.replace(" ", "")


_COMPANY_FORM = re.compile(
    r"[,\s]+(?:limited|ltd|inc|incorporated|llc|l\.l\.c|plc|corp|corporation|company|co|gmbh|ag|s\.?a|s\.?l|"
    r"n\.?v|b\.?v|pty|pvt|l\.?p|llp)\.?$",
    re.I,
)


def _without_company_form(name: str) -> str:
    """'Guardian News & Media Limited' -> 'Guardian News & Media'; 'The New York Times Company' -> '… Times'."""
    previous = None
    while previous != name:
        previous, name = name, _COMPANY_FORM.sub("", name.strip())
    return name


def _tuple(row: dict, key: str) -> tuple[str, ...]:
    value = row.get(key) or ()
    return (value,) if isinstance(value, str) else tuple(value)


def _entry(row: dict, where: str) -> OutletEntry:
    try:
        name = row["name"]
        kind = row.get("kind", "other")
    except KeyError as missing:
        raise RegistryError(f"{where}: missing {missing}") from None
    if kind not in KINDS:
        raise RegistryError(f"{where} ({name}): kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    terms = None
    if raw := row.get("terms"):
        category = raw.get("category", "unknown")
        if category not in REUSE_CATEGORIES:
            raise RegistryError(f"{where} ({name}): terms.category {category!r} is not valid")
        terms = Terms(
            category=category,
            license=raw.get("license"),
            summary=raw.get("summary"),
            conditions=_tuple(raw, "conditions"),
            restrictions=_tuple(raw, "restrictions"),
            contact=raw.get("contact"),
            url=raw.get("url"),
        )
    return OutletEntry(
        name=name,
        domains=tuple(d.lower().removeprefix("www.") for d in _tuple(row, "domains")),
        kind=kind,
        organization=row.get("organization"),
        country=row.get("country"),
        aliases=_tuple(row, "aliases"),
        notes=_tuple(row, "notes"),
        sources=_tuple(row, "sources"),
        terms=terms,
        copyright_holder=row.get("copyright_holder"),
        wire=bool(row.get("wire", False)),
        platform=bool(row.get("platform", False)),
        releases=bool(row.get("releases", False)),
    )


def _load_rows(path: Path) -> list[OutletEntry]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise RegistryError(f"cannot read outlet registry {path}: {error}") from None
    rows = data.get("outlet", [])
    return [_entry(row, f"{path.name} outlet #{i + 1}") for i, row in enumerate(rows)]


def parse_outlets(text: str, where: str = "outlets") -> list[OutletEntry]:
    """Outlet rows in the PROVBOT_OUTLETS format given as text (a workspace's own, from the App Home)."""
    try:
        rows = tomllib.loads(text).get("outlet", [])
    except tomllib.TOMLDecodeError as error:
        raise RegistryError(f"{where}: not TOML ({error})") from None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise RegistryError(f"{where}: outlets are [[outlet]] tables")
    return [_entry(row, f"{where} outlet #{i + 1}") for i, row in enumerate(rows)]


class Registry:
    def __init__(self, entries: list[OutletEntry]):
        self.entries = entries
        self._by_domain: dict[str, OutletEntry] = {}
        self._by_name: dict[str, OutletEntry] = {}
        owners: dict[str, list[OutletEntry]] = {}
        for entry in entries:
            for domain in entry.domains:
                self._by_domain[domain] = entry
            for alias in (entry.name, *entry.aliases):
                self._by_name.setdefault(name_key(alias), entry)
            for holder in {entry.copyright_holder, entry.organization} - {None}:
                owners.setdefault(name_key(_without_company_form(holder)), []).append(entry)  # type: ignore[arg-type]
        # an owner names an outlet only when it owns just that one (a group owning forty stations names none)
        self._by_owner = {key: found[0] for key, found in owners.items() if len(found) == 1 and key}

    @classmethod
    def load(cls, user_file: str | Path | None = None) -> Registry:
        entries = _load_rows(DATA_FILE)
        if user_file:
            return cls(entries).with_own(_load_rows(Path(user_file)))
        return cls(entries)

    def with_own(self, overrides: list[OutletEntry]) -> Registry:
        """This registry with someone's own rows added; a row named like one here replaces it."""
        replaced = {name_key(e.name) for e in overrides}
        return Registry(overrides + [e for e in self.entries if name_key(e.name) not in replaced])

    def by_host(self, host: str | None) -> tuple[OutletEntry, str] | None:
        """The outlet that publishes on `host` (the longest matching domain suffix wins), and that domain."""
        if not host:
            return None
        host = host.lower().rstrip(".").removeprefix("www.")
        if len(host) > MAX_HOST_CHARS:
            return None  # not a host name; trying each of its suffixes would take time growing with its square
        parts = host.split(".")
        for i in range(len(parts) - 1):
            candidate = ".".join(parts[i:])
            if candidate in self._by_domain:
                return self._by_domain[candidate], candidate
        return None

    def by_name(self, name: str | None) -> OutletEntry | None:
        if not name:
            return None
        return self._by_name.get(name_key(name))

    def initials_as_a_name(self, word: str) -> bool:
        """'Ann Coulter': a first name spelt like an outlet's initials (ANN), written as a name, not in capitals."""
        entry = self.by_name(word)
        spellings = (entry.name, *entry.aliases) if entry else ()
        return not word.isupper() and any(s.isupper() and s.lower() == word.lower() for s in spellings)

    @staticmethod
    def owns(entry: OutletEntry, holder: str) -> bool:
        """Whether `holder` is the company behind `entry` ("BuzzFeed, Inc." behind HuffPost): a notice of the
        company that owns the outlet is the outlet's own, even when the company also owns other outlets."""
        key = name_key(_without_company_form(holder))
        owners = (entry.organization, entry.copyright_holder)
        return bool(key) and any(key == name_key(_without_company_form(owner)) for owner in owners if owner)

    def by_holder(self, holder: str | None) -> OutletEntry | None:
        """The outlet a copyright holder names: 'Guardian News & Media Limited' -> The Guardian."""
        if not holder:
            return None
        bare = _without_company_form(holder)
        return self.by_name(holder) or self.by_name(bare) or self._by_owner.get(name_key(bare))


def load_registry(user_file: str | None = None) -> Registry:
    """The registry (with `user_file`'s rows), read once per process: `load_registry()` and `load_registry(None)`
    are one cached registry (the analysis pool's fork server reads it the first way, each worker the second)."""
    return _cached_registry(user_file or None)


@lru_cache(maxsize=4)
def _cached_registry(user_file: str | None) -> Registry:
    return Registry.load(user_file)


@lru_cache(maxsize=16)
def _own_rows(own_outlets: str) -> tuple[OutletEntry, ...]:
    return tuple(parse_outlets(own_outlets, "the workspace's outlets"))


def with_own_outlets(registry: Registry, own_outlets: str) -> Registry:
    """`registry` with a workspace's own outlet rows (PROVBOT_OUTLETS format, as text) on top; the rows are parsed
    once, since a workspace sends the same rows with every check."""
    return registry.with_own(list(_own_rows(own_outlets)))


@lru_cache(maxsize=16)
def registry_with_own(own_outlets: str, user_file: str | None = None) -> Registry:
    """The registry of `user_file` with a workspace's own outlet rows on top (cached: a worker's registries)."""
    return with_own_outlets(load_registry(user_file), own_outlets)
