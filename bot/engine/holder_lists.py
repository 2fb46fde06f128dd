"""A copyright notice's holders told apart: where its commas, slashes and "and"s part two holders, and where they
belong to one name."""

from __future__ import annotations

import re

# a slash between digits is part of an item number ("dpa:240516-99-53606/3"), not a list of holders
_HOLDER_SPLIT = re.compile(r"(?<!\s)\s*(?:[,;]|(?<!\d)/|/(?!\d))\s*|(?<!\s)\s+and\s+(?=[A-Z])")
# "A, B, and contributors": the named holders, then everyone else unnamed
_AND_OTHERS = re.compile(r"(?<![\s,;])[,;]?\s+(?:and|&)\s+(?:other\s+)?(?-i:contributors|others)\W*$", re.I)
# "Bundesministerium für Familie, Senioren, Frauen und Jugend", "Ministry of Culture, Sports and Tourism": a body's
# name that lists its fields; its commas and its "and" part no holders
_FIELDS_LISTED = re.compile(
    r"\b(?:für|for|of|de|des|del|della|di|du|pour|para)\s+[A-ZÄÖÜ][\w-]*"
    r"(?:,\s+[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?){1,4}\s+(?:und|and|et|y|e|&)\s+[A-ZÄÖÜ]"
)
_KEPT_COMMA, _KEPT_AND = (
    "\ue000",
    "\ue001",
)  # (private-use: no letter, no space)


def holder_parts(body: str) -> list[str]:
    """The parts of a notice's words after the mark and the years, one holder's (or its address's) each."""
    body = _AND_OTHERS.sub("", body)
    for listed in reversed(list(_FIELDS_LISTED.finditer(body))):
        name = listed[0].replace(",", _KEPT_COMMA).replace(" and ", f" {_KEPT_AND}and ")
        body = body[: listed.start()] + name + body[listed.end() :]
    return [part.replace(_KEPT_COMMA, ",").replace(_KEPT_AND, "") for part in _HOLDER_SPLIT.split(body)]
