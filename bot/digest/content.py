"""The daily digest's content: what a channel checked in a window, counted and grouped.

Pure: it takes the `CheckRecord`s read from the checks table and returns a `Digest`; rendering (Block Kit and
plain text) lives in `bot.digest.render`, timing in `bot.digest.schedule`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from bot.checks import CheckRecord
from bot.engine.reuse import short_license
from bot.model import Analysis

# Kinds worth naming next to an outlet: they change how a reader should weigh the piece.
NOTABLE_KINDS = {
    "wire-service": "wire service",
    "state-controlled": "state-controlled",
    "public-broadcaster": "public broadcaster",
}
REUSE_ORDER = ("open-license", "permission-granted", "all-rights-reserved", "unknown")
REUSE_LABELS = {
    "open-license": "openly licensed",
    "permission-granted": "publisher's grant",
    "all-rights-reserved": "all rights reserved",
    "unknown": "unknown",
}
UNIDENTIFIED_OUTLET = "unidentified outlet"


@dataclass
class DigestItem:
    """One successful check, reduced to what the digest shows."""

    check_id: int
    created_at: str
    title: str
    link: str | None
    outlet: str | None
    outlet_kind: str | None
    original: str | None
    original_kind: str | None
    reuse_category: str
    license_id: str | None
    credit: str
    reuse_note: str  # the condition or limit that goes with republishing this piece as-is
    thread_url: str | None
    state_controlled: bool


@dataclass
class FailedItem:
    """A check that could not be made: what it was and why."""

    check_id: int
    created_at: str
    link: str | None
    error: str
    thread_url: str | None


@dataclass
class Republication:
    original: str
    republisher: str
    count: int
    state_controlled: bool


@dataclass
class FailureGroup:
    reason: str
    count: int
    example: str | None  # one full message of the group, so the reader sees what the short reason stands for


@dataclass
class Digest:
    channel: str
    start: datetime
    end: datetime
    zone: str
    links: int = 0
    pastes: int = 0
    failed: int = 0
    failures: list[FailureGroup] = field(default_factory=list)
    outlets: list[tuple[str, str | None, int]] = field(default_factory=list)  # (name, notable kind, count)
    republications: list[Republication] = field(default_factory=list)
    state_items: list[DigestItem] = field(default_factory=list)
    reuse: dict[str, int] = field(default_factory=dict)
    licences: list[tuple[str, int]] = field(default_factory=list)  # open licences by id
    reusable: list[DigestItem] = field(default_factory=list)
    items: list[DigestItem] = field(default_factory=list)
    failed_items: list[FailedItem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.links + self.pastes

    @property
    def empty(self) -> bool:
        return self.total == 0


def thread_url(channel: str | None, ts: str | None, thread_ts: str | None = None) -> str | None:
    """A Slack permalink in the archives form, which Slack redirects to the workspace: no API call needed.
    A message inside a thread gets the thread's ts too, so the link opens that thread."""
    if not channel or not ts or not re.fullmatch(r"\d+\.\d+", ts):
        return None
    url = f"https://slack.com/archives/{channel}/p{ts.replace('.', '')}"
    if thread_ts and thread_ts != ts and re.fullmatch(r"\d+\.\d+", thread_ts):
        url += f"?thread_ts={thread_ts}&cid={channel}"
    return url


def is_private(record: CheckRecord) -> bool:
    """A `/provenance` check answered only to its asker, never shared into the channel.

    Such checks are the asker's business: the digest would otherwise reveal them to the whole channel.
    """
    return record.source == "slash" and not record.message_ts and not record.reply_ts


def failure_reason(error: str | None) -> str:
    """Group 'refused: 10.0.0.1 is a private address' and 'refused: 127.0.0.1 …' under 'refused'.

    Errors are one line, a short kind before a colon and the specifics after it; the kind is what repeats.
    """
    text = (error or "").strip()
    if not text:
        return "unknown error"
    head, sep, _ = text.partition(":")
    if sep and 0 < len(head.strip()) <= 40:
        return head.strip()
    return text if len(text) <= 80 else text[:79] + "…"


# A publisher's grant counts as "republish as-is" only when all it asks is credit: these words say so.
_CREDIT_WORDS = re.compile(r"credit|acknowledg|attribut|link|byline|\bsource\b|\bauthor|\bname\b|copyright", re.I)


def _grant_covers(result: Analysis) -> bool:
    """Whether the outlet's own grant can license this piece.

    A site's grant covers its own pieces, not the ones it republished from someone else (Global Research's
    terms cannot license an RT piece); an open licence, by contrast, travels with the work.
    """
    rep = result.republication
    if rep.is_republication and rep.original is not None:
        original = rep.original.outlet.name if rep.original.outlet else rep.original.name
        own = {n.casefold() for n in (result.outlet.name, result.outlet.organization) if n} if result.outlet else set()
        if original.casefold() not in own:
            return False
    return all(_CREDIT_WORDS.search(condition) for condition in result.reuse.conditions)


def _reuse_note(result: Analysis) -> str | None:
    """Why this piece may be republished as-is and on what terms; None when it may not be."""
    reuse = result.reuse
    license_id = reuse.license.id if reuse.license else None
    if reuse.category == "open-license":
        # Every Creative Commons licence, ND included, allows verbatim copies with credit; NC limits who may.
        limits = [r for r in reuse.restrictions if "verbatim" not in r]
        note = f"{short_license(license_id) if license_id else 'open licence'}: credit as shown"
        return note + (f"; {'; '.join(limits)}" if limits else "")
    if reuse.category == "permission-granted" and _grant_covers(result):
        note = "publisher's grant"
        # The engine words a grant's conditions as the publisher did ("the source is acknowledged"), so no verb here.
        note += f", provided: {'; '.join(reuse.conditions)}" if reuse.conditions else ": credit as shown"
        if reuse.restrictions:
            note += f"; not covered: {'; '.join(reuse.restrictions)}"
        return note
    return None


def _item(record: CheckRecord) -> DigestItem:
    result = record.result
    assert result is not None  # only called for successful checks
    outlet = result.outlet
    original = result.republication.original if result.republication.is_republication else None
    original_kind = original.outlet.kind if original and original.outlet else None
    # "RT → Global Research", not "RT Op Edge → …": the outlet behind the source, when known, is what groups.
    original_name = (original.outlet.name if original.outlet else original.name) if original else None
    title = (result.title or "").strip() or record.link or "pasted text"
    license_id = result.reuse.license.id if result.reuse.license else None
    category = result.reuse.category if result.reuse.category in REUSE_ORDER else "unknown"
    return DigestItem(
        check_id=record.id,
        created_at=record.created_at,
        title=title,
        link=record.link or result.canonical_url,
        outlet=outlet.name if outlet else None,
        outlet_kind=outlet.kind if outlet else None,
        original=original_name,
        original_kind=original_kind,
        reuse_category=category,
        license_id=license_id,
        credit=result.attribution.strip(),
        reuse_note=_reuse_note(result) or "",
        thread_url=thread_url(record.channel, record.message_ts or record.reply_ts, record.thread_ts),
        state_controlled="state-controlled" in (outlet.kind if outlet else None, original_kind),
    )


def _failed_item(record: CheckRecord) -> FailedItem:
    return FailedItem(
        check_id=record.id,
        created_at=record.created_at,
        link=record.link,
        error=(record.error or "").strip() or "unknown error",
        thread_url=thread_url(record.channel, record.message_ts or record.reply_ts, record.thread_ts),
    )


def build_digest(channel: str, records: list[CheckRecord], start: datetime, end: datetime, zone: str = "UTC") -> Digest:
    """Count and group a channel's checks; `records` are those made in [start, end), as `checks_between` returns."""
    digest = Digest(channel=channel, start=start, end=end, zone=zone)
    failures: dict[str, list[str]] = {}
    outlets: Counter[str] = Counter()
    outlet_kinds: dict[str, str | None] = {}
    pairs: Counter[tuple[str, str]] = Counter()
    pair_state: dict[tuple[str, str], bool] = {}
    licences: Counter[str] = Counter()
    reuse: Counter[str] = Counter()
    seen_reusable: set[str] = set()
    for record in records:
        if is_private(record):
            continue
        if record.link:
            digest.links += 1
        else:
            digest.pastes += 1
        if not record.ok or record.result is None:
            digest.failed += 1
            failures.setdefault(failure_reason(record.error), []).append((record.error or "").strip())
            digest.failed_items.append(_failed_item(record))
            continue
        item = _item(record)
        digest.items.append(item)
        name = item.outlet or UNIDENTIFIED_OUTLET
        outlets[name] += 1
        outlet_kinds.setdefault(name, NOTABLE_KINDS.get(item.outlet_kind or ""))
        if item.original:
            key = (item.original, item.outlet or UNIDENTIFIED_OUTLET)
            pairs[key] += 1
            pair_state[key] = pair_state.get(key, False) or item.state_controlled
        if item.state_controlled:
            digest.state_items.append(item)
        reuse[item.reuse_category] += 1
        if item.reuse_category == "open-license":
            licences[item.license_id or "unnamed licence"] += 1
        # The same piece checked twice is one entry on the republish list: it is a list of pieces, not of checks.
        piece = item.link or item.title
        if item.reuse_note and piece not in seen_reusable:
            seen_reusable.add(piece)
            digest.reusable.append(item)

    # Biggest groups first; ties by name so the same day always renders the same way.
    digest.failures = [
        FailureGroup(reason, len(errors), next((e for e in errors if e and e != reason), None))
        for reason, errors in sorted(failures.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    digest.outlets = [(n, outlet_kinds[n], c) for n, c in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))]
    digest.republications = [
        Republication(o, r, c, pair_state[(o, r)])
        for (o, r), c in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    digest.reuse = {category: reuse[category] for category in REUSE_ORDER}
    digest.licences = sorted(licences.items(), key=lambda kv: (-kv[1], kv[0]))
    return digest
