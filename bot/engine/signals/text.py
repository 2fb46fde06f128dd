"""What the words of a page say, read by small named readers; this runs them all (the "text" signal)."""

from __future__ import annotations

from bot.engine.facts import Fact
from bot.engine.signals import credits, date_writer, headline, lead_date, mentions, rights
from bot.engine.signals.context import Context

TEXT_READERS = (headline.read, credits.read, rights.read, mentions.read, lead_date.read, date_writer.read)


def read(context: Context) -> list[Fact]:
    facts: list[Fact] = []
    for reader in TEXT_READERS:
        facts += reader(context)
    return facts
