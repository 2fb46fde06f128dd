"""The analysis result, shaped exactly as `provbot check --json` prints it (schema_version 1)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

SCHEMA_VERSION = 1


# Marks a field the engine uses internally and the JSON leaves out (the contract's shape stays exact).
INTERNAL = {"json": False}


# The JSON field names of each dataclass, worked out once per class: the bot turns every result into JSON to
# store it, and asking `dataclasses` for the fields of each of its ~100 objects cost more than the rest together.
# None for a type that is not a dataclass.
_JSON_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _json_fields(cls: type) -> tuple[str, ...] | None:
    if cls not in _JSON_FIELDS:
        json_fields = tuple(f.name for f in fields(cls) if f.metadata.get("json", True)) if is_dataclass(cls) else None
        _JSON_FIELDS[cls] = json_fields
    return _JSON_FIELDS[cls]


def _plain(value: Any) -> Any:
    """Dataclasses as dicts, lists as lists: what `asdict` does, without deep-copying every string on the way."""
    if isinstance(value, str | int | float | bool | None):
        return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if (names := _json_fields(type(value))) is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    return value


def _shallow(value: Any) -> dict[str, Any]:
    """One dataclass as a dict of its JSON fields, the values left as they are: `json.dumps` calls this for each
    dataclass it meets and walks the strings, numbers and lists itself, in C."""
    if (names := _json_fields(type(value))) is None:
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")
    return {name: getattr(value, name) for name in names}


InputKind = Literal["url", "html", "text"]
OutletKind = Literal[
    "news", "wire-service", "state-controlled", "public-broadcaster", "republisher", "aggregator", "blog", "other"
]
ReuseCategory = Literal["open-license", "permission-granted", "all-rights-reserved", "unknown"]
Signal = Literal["text", "meta", "json-ld", "link", "url", "registry"]


@dataclass
class Outlet:
    name: str
    domain: str | None = None
    organization: str | None = None
    country: str | None = None
    kind: OutletKind = "other"
    notes: list[str] = field(default_factory=list)


@dataclass
class Source:
    name: str
    url: str | None = None
    published: str | None = None
    outlet: Outlet | None = None


@dataclass
class InputInfo:
    kind: InputKind
    url: str | None = None
    final_url: str | None = None


@dataclass
class Republication:
    is_republication: bool = False
    original: Source | None = None
    via: list[Source] = field(default_factory=list)


@dataclass
class Copyright:
    notice: str | None = None
    holders: list[str] = field(default_factory=list)
    year: int | None = None


@dataclass
class License:
    id: str
    name: str
    url: str | None = None


@dataclass
class Reuse:
    category: ReuseCategory = "unknown"
    license: License | None = None
    conditions: list[str] = field(default_factory=list)
    restrictions: list[str] = field(default_factory=list)
    contact: str | None = None
    fair_use_claim: bool = False
    summary: str = ""
    granted_by: str | None = None  # whose terms `category` and `conditions` are; may differ from the holders


ChainRelation = Literal["verbatim", "edited", "excerpt", "translation", "different", "unreachable"]


@dataclass
class Finding:
    """How the copy keeps (or breaks) the original's terms: one sentence a person can act on, and what it rests on
    (from both pages where there are two)."""

    finding: str
    evidence: str
    ok: bool | None = field(default=None, compare=False, metadata=INTERNAL)  # kept True, breach False, question None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class ChainLink:
    """The copy compared with its original's page (filled when the original is followed; see CONTRACT.md)."""

    url: str  # the original's page (the address the copy gave, or where the seen-before text was read)
    outlet: Outlet | None = None
    relation: ChainRelation = "unreachable"
    similarity: float | None = None  # 0..1; None when not scored (a translation, an unreachable page)
    changes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    license_id: str | None = field(default=None, compare=False, metadata=INTERNAL)  # the original's, for one-liners

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

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


@dataclass
class Evidence:
    field: str
    signal: Signal
    snippet: str


@dataclass
class Analysis:
    input: InputInfo
    title: str | None = None
    outlet: Outlet | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    canonical_url: str | None = None
    republication: Republication = field(default_factory=Republication)
    copyright: Copyright = field(default_factory=Copyright)
    reuse: Reuse = field(default_factory=Reuse)
    chain: list[ChainLink] = field(default_factory=list)  # empty until the original is followed
    attribution: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **_plain(self)}

    def to_json(self, **options: Any) -> str:
        """`json.dumps(self.to_dict(), **options)`, in half the time (the bot stores every result as JSON)."""
        return json.dumps({"schema_version": SCHEMA_VERSION, **_shallow(self)}, default=_shallow, **options)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild a stored result (the Slack bot and the digest read checks back from SQLite)."""

        def outlet(d: dict[str, Any] | None) -> Outlet | None:
            return Outlet(**d) if d else None

        def source(d: dict[str, Any] | None) -> Source | None:
            if not d:
                return None
            return Source(
                name=d["name"], url=d.get("url"), published=d.get("published"), outlet=outlet(d.get("outlet"))
            )

        rep = data.get("republication") or {}
        reuse = dict(data.get("reuse") or {})
        lic = reuse.pop("license", None)
        return cls(
            input=InputInfo(**data["input"]),
            title=data.get("title"),
            outlet=outlet(data.get("outlet")),
            authors=list(data.get("authors") or []),
            published=data.get("published"),
            modified=data.get("modified"),
            canonical_url=data.get("canonical_url"),
            republication=Republication(
                is_republication=bool(rep.get("is_republication")),
                original=source(rep.get("original")),
                via=[s for s in (source(v) for v in rep.get("via") or []) if s],
            ),
            copyright=Copyright(**(data.get("copyright") or {})),
            reuse=Reuse(license=License(**lic) if lic else None, **reuse),
            chain=[ChainLink.from_dict(c) for c in data.get("chain") or []],
            attribution=data.get("attribution") or "",
            evidence=[Evidence(**e) for e in data.get("evidence") or []],
            warnings=list(data.get("warnings") or []),
        )
