"""The summary for a terminal: aligned labels, wrapped values, evidence on request."""

from __future__ import annotations

import textwrap

from bot.model import Analysis
from bot.summary import summary_lines


def render_text(a: Analysis, *, width: int = 100, evidence: bool = True) -> str:
    lines = summary_lines(a)
    label_width = max(len(label) for label, _ in lines) + 2
    out = []
    for label, value in lines:
        wrapped = textwrap.wrap(value, width=max(40, width - label_width)) or [""]
        out.append(f"{label + ':':<{label_width}}{wrapped[0]}")
        out += [" " * label_width + rest for rest in wrapped[1:]]
    if evidence and a.evidence:
        out.append("")
        out.append("Evidence:")
        for row in a.evidence:
            out.append(f"  - {row.field} [{row.signal}] {row.snippet}")
    return "\n".join(out)
