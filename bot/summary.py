"""The provenance summary as ordered (label, text) lines: shared by the terminal and Slack renderers."""

from __future__ import annotations

from bot.engine.dates import human_date
from bot.model import Analysis, Outlet, Source

NOTABLE_KINDS = {"wire-service": "wire service", "state-controlled": "state-controlled media",
                 "public-broadcaster": "public broadcaster", "republisher": "republisher",
                 "aggregator": "aggregator"}  # fmt: skip


def outlet_label(outlet: Outlet | None) -> str | None:
    if outlet is None:
        return None
    described = [x for x in (NOTABLE_KINDS.get(outlet.kind), outlet.country) if x]
    return outlet.name + (f" ({', '.join(described)})" if described else "")


def source_label(source: Source) -> str:
    text = outlet_label(source.outlet) if source.outlet else source.name
    if source.outlet and source.name != source.outlet.name:
        text = f"{source.name} — {text}"
    if source.published:
        text += f", {human_date(source.published)}"
    if source.url:
        text += f" <{source.url}>"
    return text or source.name


def summary_lines(a: Analysis) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    if a.title:
        lines.append(("Title", a.title))
    outlet = outlet_label(a.outlet)
    published = human_date(a.published)
    if outlet or published:
        lines.append(("Outlet", ", ".join(x for x in (outlet or "not named", published) if x)))
    if a.authors:
        lines.append(("Authors", ", ".join(a.authors)))
    rep = a.republication
    if rep.is_republication and rep.original:
        lines.append(("Original", source_label(rep.original)))
    else:
        lines.append(("Original", "no sign that this is a copy of a piece published elsewhere"))
    for via in rep.via:
        lines.append(("Via", source_label(via)))
    c = a.copyright
    if c.holders:
        lines.append(("Copyright", c.notice or f"{', '.join(c.holders)}" + (f" ({c.year})" if c.year else "")))
    reuse = a.reuse.summary
    if a.reuse.license:
        reuse = f"[{a.reuse.license.id}] {reuse}"
    lines.append(("Reuse", reuse))
    if a.reuse.contact:
        lines.append(("Contact", a.reuse.contact))
    lines.append(("Credit line", a.attribution))
    for warning in a.warnings:
        lines.append(("Warning", warning))
    return lines
