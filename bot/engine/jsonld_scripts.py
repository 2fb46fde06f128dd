"""JSON-LD scripts read safely: parsed with one lenient retry, never deeper than real pages nest, and flattened into
the objects the readers look at (`@graph` included)."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any


def flatten_jsonld(value: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(value, list):
        for item in value:
            flatten_jsonld(item, out)
    elif isinstance(value, dict):
        if "@graph" in value:
            flatten_jsonld(value["@graph"], out)
        if "@type" in value or "headline" in value:
            out.append(value)


def jsonld_types(obj: dict[str, Any]) -> set[str]:
    """A node's types, lower case, one or a list, a schema.org address cut to its last part
    ("https://schema.org/NewsArticle" is "newsarticle")."""
    value = obj.get("@type", ())
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return {str(v).lower().rsplit("/", 1)[-1] for v in values}


def is_person_node(obj: Any) -> bool:
    """A node typed Person (by `@type`, or the bare `type` some pages write)."""
    return isinstance(obj, dict) and "person" in jsonld_types(obj) | jsonld_types({"@type": obj.get("type")})


# Real JSON-LD nests a handful of levels. The JSON parser, and every reader after it, recurses once per level, so a
# script nested a thousand deep would end the analysis with a RecursionError; such a script is left unread.
MAX_JSONLD_DEPTH = 64
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*+"', re.S)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(raw: str) -> int:
    """How deep a JSON text nests its arrays and objects (brackets inside strings do not count)."""
    brackets = _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", raw))
    return max(itertools.accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


def parse_jsonld(raw: str) -> Any:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
    if _CDATA_START.match(raw):
        # a page saved as XHTML, or a CMS writing for old parsers, wraps the script in a CDATA section, bare or
        # behind a JavaScript comment ("//<![CDATA[", "/*<![CDATA[*/"): the JSON is inside it
        raw = raw.split("<![CDATA[", 1)[1].strip().removeprefix("*/")
        raw = raw.rsplit("]]>", 1)[0].strip().removesuffix("//").removesuffix("/*").strip()
    # a script with fewer opening brackets than the limit cannot nest deeper: the exact count is for the few others
    if raw.count("{") + raw.count("[") > MAX_JSONLD_DEPTH and json_depth(raw) > MAX_JSONLD_DEPTH:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        pass
    # Some CMSs leave raw newlines, a trailing comma or a headline's own quotation marks unescaped inside the
    # script ('"headline": "Senator calls him "unfit"",'), or a stray closing brace after the object; lenient retries
    for text in (raw, _QUOTED_VALUE_LINE.sub(_escape_inner_quotes, raw)):
        try:
            return _leading_values(_TRAILING_COMMA.sub(r"\1", text.replace("\n", " ")).strip())
        except ValueError:
            continue
    return None


_LENIENT = json.JSONDecoder(strict=False)
_CDATA_START = re.compile(r"(?://|/\*)?[ \t]*<!\[CDATA\[")


def _leading_values(text: str) -> Any:
    """The whole JSON values at the start of `text`: a template that closes its object once too often, or prints
    two objects one after the other, still said what it meant before the stray text."""
    values: list[Any] = []
    index = 0
    while index < len(text):
        try:
            value, index = _LENIENT.raw_decode(text, index)
        except ValueError:
            if not values:
                raise
            break
        values.append(value)
        index = len(text) - len(text[index:].lstrip())
    if not values:
        raise ValueError("no JSON value")
    return values[0] if len(values) == 1 else values


_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# a line of pretty-printed JSON that holds one key and one string value: '  "headline": "…",'
# (blanks, not \s: a line's pattern must not run on into the lines after it, or many blank lines take quadratic time)
_QUOTED_VALUE_LINE = re.compile(r'^([ \t]*"[^"\n]+"[ \t]*:[ \t]*")(.*)("[ \t]*,?[ \t\r]*)$', re.M)


def _escape_inner_quotes(line: re.Match[str]) -> str:
    return line[1] + re.sub(r'(?<!\\)"', r'\\"', line[2]) + line[3]
