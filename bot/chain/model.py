"""The `chain` entries of `provbot check --json` (../shared/CONTRACT.md), as the chain package builds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from bot.model import Outlet

Relation = Literal["verbatim", "edited", "excerpt", "translation", "different", "unreachable"]
RELATIONS: tuple[str, ...] = ("verbatim", "edited", "excerpt", "translation", "different", "unreachable")


@dataclass
class Finding:
    finding: str  # one sentence a person can act on
    evidence: str  # what it rests on, from both pages where there are two
    ok: bool | None = field(default=None, compare=False)  # True a kept term, False a breach, None a question

    def to_dict(self) -> dict[str, str]:
        return {"finding": self.finding, "evidence": self.evidence}


@dataclass
class ChainLink:
    url: str  # the original's page (the address the copy gave, or where the seen-before text was read)
    outlet: Outlet | None = None
    relation: Relation = "unreachable"
    similarity: float | None = None  # 0..1; None when not scored (a translation, an unreachable page)
    changes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    license_id: str | None = field(default=None, compare=False)  # the original's licence, for the one-liners

    def to_dict(self) -> dict[str, Any]:
        """The contract's shape: url, outlet, relation, similarity, changes, findings (finding, evidence)."""
        outlet = None
        if self.outlet is not None:
            o = self.outlet
            outlet = {"name": o.name, "domain": o.domain, "organization": o.organization, "country": o.country,
                      "kind": o.kind, "notes": list(o.notes)}  # fmt: skip
        return {
            "url": self.url,
            "outlet": outlet,
            "relation": self.relation,
            "similarity": self.similarity,
            "changes": list(self.changes),
            "findings": [f.to_dict() for f in self.findings],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChainLink:
        """A stored chain entry read back (the JSON keeps no verdict marks: each finding's `ok` comes back None)."""
        outlet = data.get("outlet")
        return cls(
            url=data.get("url") or "",
            outlet=Outlet(**outlet) if outlet else None,
            relation=data.get("relation") or "unreachable",
            similarity=data.get("similarity"),
            changes=list(data.get("changes") or []),
            findings=[Finding(f["finding"], f.get("evidence") or "") for f in data.get("findings") or []],
        )
