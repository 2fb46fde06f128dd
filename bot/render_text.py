"""The summary for a terminal: aligned labels, wrapped values, evidence on request.

Lines break only at spaces: never inside a word, a hyphenated name ("CC BY-ND 4.0") or an address, and the credit
line is printed whole on one line, since people copy it.
"""

from __future__ import annotations

import textwrap

from bot.model import Analysis
from bot.summary import summary_lines

UNWRAPPED = {"Credit line"}


def _wrap(value: str, width: int) -> list[str]:
    return textwrap.wrap(value, width=width, break_on_hyphens=False, break_long_words=False) or [""]


def render_text(a: Analysis, *, width: int = 100, evidence: bool = True) -> str:
    lines = summary_lines(a)
    label_width = max(len(label) for label, _ in lines) + 2
    out = []
    for label, value in lines:
        wrapped = [" ".join(value.split())] if label in UNWRAPPED else _wrap(value, max(40, width - label_width))
        out.append(f"{label + ':':<{label_width}}{wrapped[0]}")
        out += [" " * label_width + rest for rest in wrapped[1:]]
    if evidence and a.evidence:
        out.append("")
        out.append("Evidence:")
        for row in a.evidence:
            out.append(f"  - {row.field} [{row.signal}] {row.snippet}")
    return "\n".join(out)
