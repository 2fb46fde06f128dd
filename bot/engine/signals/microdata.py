"""Schema.org microdata: the article item's headline, people, dates, publisher and rights, read as JSON-LD is
(bot.engine.signals.jsonld), and cited as the markup that carries them."""

from __future__ import annotations

from typing import Any

from bot.engine.facts import Fact, snippet
from bot.engine.signals import jsonld
from bot.engine.signals.context import Context


def _tag(key: str, value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return snippet(f'itemprop="{key}": {value}', 200)


def read(context: Context) -> list[Fact]:
    return jsonld.read_objects(context, context.doc.microdata, "meta", _tag)
