"""The page's own address: a date in its path."""

from __future__ import annotations

from bot.dates import date_from_url
from bot.facts import Fact
from bot.signals.context import Context


def read(context: Context) -> list[Fact]:
    facts: list[Fact] = []
    if context.page_url and (day := date_from_url(context.page_url)):
        facts.append(Fact("published", day, "url", context.page_url, 30))
    return facts
