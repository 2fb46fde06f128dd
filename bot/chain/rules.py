"""The open-licence newsrooms' standing republishing rules and the ad-server markers (`bot/data/republishing.toml`)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from bot.engine.registry import name_key
from bot.paths import DATA_DIR

DATA_FILE = DATA_DIR / "republishing.toml"
EDITS = ("style-only", "any")
LINKS = ("article", "article-or-home")


@dataclass(frozen=True)
class Rules:
    outlet: str
    edits: str
    credit_author: bool
    credit_outlet: bool
    link: str
    ads_allowed: bool
    extracts: bool
    says: str
    sources: tuple[str, ...]

    @property
    def source(self) -> str:
        return self.sources[0] if self.sources else ""


@dataclass(frozen=True)
class RuleBook:
    rules: dict[str, Rules]  # by name_key of the outlet
    ad_markers: tuple[str, ...]

    def for_outlet(self, name: str | None) -> Rules | None:
        return self.rules.get(name_key(name)) if name else None


def _rules(row: dict, number: int) -> Rules:
    where = f"{DATA_FILE.name} rules #{number}"
    try:
        rules = Rules(
            outlet=str(row["outlet"]),
            edits=str(row["edits"]),
            credit_author=bool(row["credit_author"]),
            credit_outlet=bool(row["credit_outlet"]),
            link=str(row["link"]),
            ads_allowed=bool(row["ads_allowed"]),
            extracts=bool(row["extracts"]),
            says=str(row["says"]),
            sources=tuple(row["sources"]),
        )
    except KeyError as missing:
        raise ValueError(f"{where}: missing {missing}") from None
    if rules.edits not in EDITS or rules.link not in LINKS or not rules.sources:
        raise ValueError(f"{where}: edits must be one of {EDITS}, link one of {LINKS}, and sources given")
    return rules


@lru_cache(maxsize=1)
def load_rules() -> RuleBook:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    rows = [_rules(row, n) for n, row in enumerate(data.get("rules", []), 1)]
    return RuleBook({name_key(r.outlet): r for r in rows}, tuple(m.lower() for m in data.get("ad_markers", [])))
