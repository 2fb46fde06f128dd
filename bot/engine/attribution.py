"""The credit line to copy: Title, Author, Source, Licence (Creative Commons' practice), naming the original and
the republisher when the piece is a copy."""

from __future__ import annotations

from bot.engine.dates import human_date
from bot.engine.reuse import short_license
from bot.model import Analysis

_INNER_QUOTES = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def _authors(names: list[str]) -> str | None:
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def credit_line(a: Analysis) -> str:
    if not (a.title or a.authors or a.outlet or a.republication.original or a.copyright.holders):
        return "Nothing here names a title, author or publisher to credit: cite the address where you found it."
    parts: list[str] = []
    # the title goes in double quotes, so its own double quotes become single ones
    title = "“" + a.title.translate(_INNER_QUOTES) + "”" if a.title else "This article"
    by = _authors(a.authors)
    head = f"{title} by {by}" if by else title
    original = a.republication.original
    if original:
        source = original.name
        when = human_date(original.published)
        source += f" ({when})" if when else ""
        source += f", {original.url}" if original.url else ""
        parts.append(f"{head}, first published by {source}")
    elif a.outlet:
        when = human_date(a.published)
        link = a.canonical_url or a.input.final_url or a.input.url
        parts.append(f"{head}, {a.outlet.name}" + (f" ({when})" if when else "") + (f", {link}" if link else ""))
    else:
        parts.append(head)
    lic = a.reuse.license
    if lic:
        parts.append(f"licensed under {short_license(lic.id)}" + (f" ({lic.url})" if lic.url else ""))
    elif a.copyright.holders:
        year = f"{a.copyright.year} " if a.copyright.year else ""
        parts.append(f"© {year}{', '.join(a.copyright.holders)}")
    line = ", ".join(parts[:1]) + ("; " + "; ".join(parts[1:]) if len(parts) > 1 else "")
    if original and a.outlet:
        when = human_date(a.published)
        line += f". Republished by {a.outlet.name}" + (f" ({when})" if when else "")
    return line.rstrip(".") + "."
