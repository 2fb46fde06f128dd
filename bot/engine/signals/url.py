"""The page's own address: a date in its path, and a blog platform's host."""

from __future__ import annotations

from bot.engine.dates import date_from_url
from bot.engine.domains import host_of
from bot.engine.facts import Fact
from bot.engine.platforms import is_blog_host
from bot.engine.signals.context import Context
from bot.engine.weights import WEIGHT


def read(context: Context) -> list[Fact]:
    facts: list[Fact] = []
    if context.page_url and (day := date_from_url(context.page_url)):
        facts.append(Fact("published", day, "url", context.page_url, WEIGHT.faint))
    if is_blog_host(host := host_of(context.page_url)):
        facts.append(Fact("outlet_kind", "blog", "url", f"{host}: a blog platform's site", WEIGHT.plain))
    return facts
