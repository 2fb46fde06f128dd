"""The head's <meta> tags as the readers look them up, by lower-case name; Parse.ly's one JSON tag opened into the
tags it stands for."""

from __future__ import annotations

import json
from typing import Any

# Parse.ly's analytics read either one JSON tag (<meta name="parsely-page" content='{"author": …, "pub_date": …}'>)
# or a tag for each field ("parsely-author", "parsely-pub-date"); a CMS prints one form or the other, and both say
# the same: who wrote the piece and when it was published. The JSON's pub_date is kept under a name of its own: it
# is UTC by Parse.ly's rules (an evening's story carries the next day), so any day the page prints goes before it
PARSELY_DAY = "parsely-page-pub-date"
_PARSELY_FIELDS = (("authors", "parsely-author"), ("author", "parsely-author"), ("pub_date", PARSELY_DAY))


def add_meta(meta: dict[str, list[str]], key: str, content: str) -> None:
    """One <meta> tag's value under its name (several tags may share one)."""
    meta.setdefault(key, []).append(content)
    if key == "parsely-page" and content.lstrip().startswith("{"):
        data = _loaded(content)
        for field, name in _PARSELY_FIELDS:
            values = _strings(data.get(field))
            if values and name not in meta:
                meta[name] = values


def _loaded(content: str) -> dict[str, Any]:
    try:
        value = json.loads(content)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _strings(value: Any) -> list[str]:
    """A field's text, or its list's ("authors": ["Jo Roe", "Al Poe"])."""
    items = value if isinstance(value, list) else [value]
    return [item.strip() for item in items if isinstance(item, str) and item.strip()]
