"""A newsroom's own agreements (wire subscriptions, syndication deals) and what they change in a reply.

Pure: given a check's analysis, the workspace's agreements and the outlet registry, `agreement_wording` says
whether an agreement covers the piece ("your AP subscription covers this") or None. A piece is covered when the
party whose rights govern it (the rights holder, the one granting the terms, the original publisher of a copy, or
a wire it came through) is the agreement's party, by name or by any name the registry knows for it. Openly
licensed pieces need no agreement. The wordings are in bot/data/messages.toml (`[agreements]`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from bot.engine.registry import Registry
from bot.model import Analysis
from bot.paths import DATA_DIR
from bot.summary import original_name, rights_holder, same_party

AgreementKind = Literal["subscription", "syndication"]
KINDS: tuple[AgreementKind, ...] = ("subscription", "syndication")


@dataclass(frozen=True)
class Agreement:
    kind: AgreementKind
    party: str  # as the registry names it: "The Associated Press", "Reuters", "Agence France-Presse"

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "party": self.party}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Agreement | None:
        kind, party = data.get("kind"), data.get("party")
        if kind not in KINDS or not isinstance(party, str) or not party.strip():
            return None
        return cls(kind, party.strip())


@lru_cache(maxsize=1)
def wordings() -> dict[str, str]:
    data = tomllib.loads((DATA_DIR / "messages.toml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data["agreements"].items()}


def _parties(a: Analysis) -> Iterator[str]:
    """Whose rights or terms govern the piece, most telling first."""
    rep = a.republication
    yield from (name for name in (rights_holder(a), a.reuse.granted_by, original_name(a), *a.copyright.holders) if name)
    for source in rep.via if rep.is_republication else ():
        yield source.outlet.name if source.outlet else source.name


def _names(party: str, registry: Registry | None) -> list[str]:
    entry = registry.by_holder(party) if registry else None
    return [party, entry.name, *entry.aliases] if entry else [party]


def covering(a: Analysis, agreements: Sequence[Agreement], registry: Registry | None) -> Agreement | None:
    """The first agreement that covers the piece, or None (also for an openly licensed piece: none is needed)."""
    if a.reuse.category == "open-license" or not agreements:
        return None
    for party in _parties(a):
        names = _names(party, registry)
        for agreement in agreements:
            if any(same_party(n, m) for n in names for m in _names(agreement.party, registry)):
                return agreement
    return None


def agreement_wording(a: Analysis, agreements: Sequence[Agreement], registry: Registry | None) -> str | None:
    """'your AP subscription covers this', or None when no agreement of the newsroom's covers the piece."""
    found = covering(a, agreements, registry)
    if found is None:
        return None
    entry = registry.by_name(found.party) if registry else None
    short = min((entry.name, *entry.aliases), key=len) if entry and found.kind == "subscription" else found.party
    return wordings()[found.kind].format(party=short)


def republish_line(covered: str, summary: str) -> str:
    """The "May we republish?" answer when an agreement covers the piece."""
    return wordings()["terms"].format(covered=covered[:1].upper() + covered[1:], summary=summary)
