"""Open licences: recognised from licence addresses and from the words pages print, named by SPDX id."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from bot.paths import DATA_DIR

DATA_FILE = DATA_DIR / "licenses.toml"
_CC_URL = re.compile(
    r"creativecommons\.org/licen[cs]es/(?P<elements>[a-z-]+)/(?P<version>\d\.\d)(?:/(?P<port>[a-z]{2})(?![\w.-]))?",
    re.I,
)
# "CC BY-NC-ND 4.0", "CC-BY 4.0", "Creative Commons Attribution-NonCommercial-NoDerivs 3.0 (Unported)"
_CC_WORDS = re.compile(
    r"\b(?:CC|Creative\s+Commons)(?:\s*\(cc\))?[\s-]+(?:licen[cs]e[\s:]+)?"  # "Creative Commons (cc) BY-NC"
    r"(?P<elements>(?:(?:BY|SA|NC|ND|Attribution|ShareAlike|Share[\s-]Alike|Non-?Commercial|Non\s+Commercial"
    r"|NoDerivatives|NoDerivs|No[\s-]Derivatives|No\s+Derivs"
    # the German deeds' names: "Namensnennung - Keine Bearbeitung 3.0 Deutschland"
    r"|Namensnennung|Weitergabe\s+unter\s+gleichen\s+Bedingungen|Nicht[\s-]?kommerziell|Keine\s+Bearbeitung(?:en)?)"
    r"(?:[\s-]+|\b)){1,4})"
    r"(?:(?:licen[cs]e\s*)?(?:v(?:ersion)?\.?\s*)?(?P<version>[1-4]\.[05])"
    r"(?:[\s-]+(?P<port>(?-i:[A-Z]{2}))\b|\s+(?P<country>Deutschland|Österreich|Schweiz)\b)?)?",
    re.I,
)

_LICENCE_AFTER = re.compile(r"\s*(?:licen[cs]e|Lizenz)\b", re.I)
# one element's words in a licence name: "Share alike", "Non-commercial", "Keine Bearbeitung", "Weitergabe unter
# gleichen Bedingungen"
_ELEMENT_WORDS = (
    r"[^\W\d_]+(?:[\s-](?:Alike|Commercial|Derivatives|Derivs|kommerziell|Bearbeitung(?:en)?"
    r"|unter\s+gleichen\s+Bedingungen))?"
)


@dataclass(frozen=True)
class LicenseInfo:
    id: str
    name: str
    url: str | None
    conditions: tuple[str, ...]
    restrictions: tuple[str, ...]
    # "under a Creative Commons license": an open licence, but the page does not say which, so none is named
    unstated: bool = False

    @property
    def is_public_domain(self) -> bool:
        """CC0, the Public Domain Mark: nothing is asked of a reuser."""
        return self.id.startswith(("CC0", "CC-PDM"))

    @property
    def is_no_derivatives(self) -> bool:
        return "-ND" in self.id

    @property
    def is_non_commercial(self) -> bool:
        return "-NC" in self.id

    @property
    def is_share_alike(self) -> bool:
        return "-SA" in self.id


@dataclass(frozen=True)
class _Other:
    info: LicenseInfo
    url_patterns: tuple[re.Pattern[str], ...]
    text_patterns: tuple[re.Pattern[str], ...]


class Licenses:
    def __init__(self, data: dict):
        cc = data["creative_commons"]
        self.versions: list[str] = cc["versions"]
        self.combinations: set[str] = set(cc["combinations"])
        self.words: dict[str, str] = {k.lower(): v for k, v in cc["words"].items()}
        self.element_names: dict[str, str] = cc["names"]
        self.spdx_ports: set[str] = {spdx_id.upper() for spdx_id in cc.get("spdx_ports", [])}
        self.port_words: dict[str, str] = {k.lower(): v for k, v in cc.get("port_words", {}).items()}
        self.elements: dict[str, dict] = cc["elements"]
        self.others = [
            _Other(
                LicenseInfo(
                    row["id"],
                    row["name"],
                    row.get("url"),
                    tuple(row["conditions"]),
                    tuple(row["restrictions"]),
                    bool(row.get("unstated", False)),
                ),
                tuple(re.compile(p, re.I) for p in row.get("url_patterns", [])),
                tuple(re.compile(p, re.I) for p in row.get("text_patterns", [])),
            )
            for row in data.get("license", [])
        ]
        self._by_id = {o.info.id.lower(): o.info for o in self.others}

    def creative_commons(self, elements: list[str], version: str | None, port: str | None = None) -> LicenseInfo | None:
        """The licence of these elements and version; `port` is a national port's country code (".../3.0/de/"),
        which only versions before 4.0 have."""
        order = ["BY", "NC", "SA", "ND"]
        if not set(elements) <= set(order):
            return None  # "PDM", "ZERO": not an element of the licence suite
        unique = sorted(set(elements) | {"BY"}, key=order.index)
        combo = "-".join(unique)
        if combo not in self.combinations:
            return None
        version = version if version in self.versions else "4.0"
        conditions: list[str] = []
        restrictions: list[str] = []
        for element in unique:
            conditions += self.elements.get(element, {}).get("conditions", [])
            restrictions += self.elements.get(element, {}).get("restrictions", [])
        words = "-".join(self.element_names[e] for e in unique)
        suffix = " International" if version == "4.0" else ""
        port = port.upper() if port and f"CC-{combo}-{version}-{port.upper()}" in self.spdx_ports else None
        return LicenseInfo(
            id=f"CC-{combo}-{version}" + (f"-{port}" if port else ""),
            name=f"Creative Commons {words} {version}{suffix}" + (f" ({port})" if port else ""),
            url=f"https://creativecommons.org/licenses/{combo.lower()}/{version}/"
            + (f"{port.lower()}/" if port else ""),
            conditions=tuple(conditions),
            restrictions=tuple(restrictions),
        )

    def by_id(self, spdx_id: str | None) -> LicenseInfo | None:
        if not spdx_id:
            return None
        if known := self._by_id.get(spdx_id.strip().lower()):
            return known
        match = re.fullmatch(
            r"CC-(?P<elements>[A-Z-]+)-(?P<version>\d\.\d)(?:-(?P<port>[A-Z]{2}))?", spdx_id.strip(), re.I
        )
        if match:
            return self.creative_commons(match["elements"].upper().split("-"), match["version"], match["port"])
        return None

    def from_url(self, url: str | None) -> LicenseInfo | None:
        if not url or ("creativecommons" not in url and "gnu.org" not in url and "licen" not in url):
            return None
        match = _CC_URL.search(url)
        if match:
            return self.creative_commons(match["elements"].upper().split("-"), match["version"], match["port"])
        for other in self.others:
            if any(p.search(url) for p in other.url_patterns):
                return other.info
        return None

    def from_text(self, text: str) -> tuple[LicenseInfo, str] | None:
        """A licence written out in words, and the words it was read from."""
        for match in _CC_WORDS.finditer(text):
            # case-blind like _CC_WORDS: pages print "Share alike" and "Non-commercial" as often as "ShareAlike"
            words = re.findall(_ELEMENT_WORDS, match["elements"], re.I)
            elements = [self.words[key] for w in words if (key := " ".join(w.lower().split())) in self.words]
            # a bare "CC by" in prose is not a licence; "CC BY" written as a licence name is
            # ... nor is "Creative Commons attribution" in a sentence; "Creative Commons Attribution license" is
            named = match["version"] or len(elements) > 1 or re.match(r"CC[\s-]BY\b", match.group(0))
            if elements and (named or _LICENCE_AFTER.match(text, match.end())):
                port = match["port"] or self.port_words.get((match["country"] or "").lower())
                info = self.creative_commons(elements, match["version"], port)
                if info:
                    return info, match.group(0).strip()
        for other in self.others:
            for pattern in other.text_patterns:
                found = pattern.search(text)
                if found:
                    return other.info, found.group(0)
        return None


@lru_cache(maxsize=1)
def load_licenses() -> Licenses:
    return Licenses(tomllib.loads(DATA_FILE.read_text(encoding="utf-8")))
