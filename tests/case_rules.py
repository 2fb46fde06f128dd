"""How a labelled case's checks are compared with `provbot check --json` output, as `corpus/README.md` states them.

The outside scorer (`../shared/tools/eval_cases.py`) is the judge; a plain clone has no `../shared`, so our own cases
are scored here by the same written rules, and `tests/test_corpus.py` holds the two to the same verdicts whenever
the shared scorer is present.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ENUM_FIELDS = {"kind", "category", "id", "signal"}  # compared exactly; licence ids case-insensitively
_ABSENT = object()


def name_key(value: object) -> str:
    """Case, accents, punctuation, spacing and a leading 'the' do not matter; '&' reads as 'and'."""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("&", " and ")
    text = " ".join(re.sub(r"[^\w\s]", "", text).replace("_", " ").split())
    return text.removeprefix("the ").replace(" ", "")


def _at(output: Any, path: str) -> Any:
    node = output
    for part in path.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return _ABSENT
    return node


def _name_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if value is None or isinstance(value, dict | list | bool):
        return None
    return str(value)


def _scalar_matches(field: str, expected: Any, got: Any) -> bool:
    last = field.rsplit(".", 1)[-1]
    if isinstance(expected, bool):
        return got is expected
    if isinstance(expected, int | float):
        return isinstance(got, int | float) and not isinstance(got, bool) and got == expected
    if not isinstance(expected, str):
        return False
    if _DATE.match(expected):
        return isinstance(got, str) and got[:10] == expected
    if last in _ENUM_FIELDS:
        if not isinstance(got, str):
            return False
        return got.lower() == expected.lower() if last == "id" else got == expected
    name = _name_of(got)
    return name is not None and name_key(name) == name_key(expected)


def _in_list(item: Any, elements: list[Any]) -> bool:
    aliases = item if isinstance(item, list) else [item]
    names = {name_key(n) for n in map(_name_of, elements) if n is not None}
    return any(name_key(alias) in names for alias in aliases)


def _matches(field: str, expected: Any, got: Any) -> bool:
    if isinstance(expected, list):
        if isinstance(got, list):
            return all(_in_list(item, got) for item in expected)
        return got is not _ABSENT and got is not None and any(_scalar_matches(field, e, got) for e in expected)
    if isinstance(got, list):
        return _in_list(expected, got)
    return _scalar_matches(field, expected, got)


def check(output: dict[str, Any], field: str, expected: Any) -> tuple[bool, Any]:
    """(passed, what the output holds) for one check; a Source's name may also sit in its nested outlet."""
    got = _at(output, field)
    if expected is None:
        return got in (_ABSENT, None, "", [], {}), got
    candidates = [got]
    if field.endswith(".name"):
        parent = _at(output, field.removesuffix(".name"))
        if isinstance(parent, dict) and isinstance(parent.get("outlet"), dict):
            candidates.append(parent["outlet"].get("name", _ABSENT))
    return any(_matches(field, expected, candidate) for candidate in candidates), got
