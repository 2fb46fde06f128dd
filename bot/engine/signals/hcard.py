"""The post's author an hCard names in one word ("gizzmo", "oz", "Krimiblogger"): a handle or pen name that the
byline readers, which want a first name and a surname or a "By" before a single word, leave out. Given as a
"handle" author, it stands only where the page names no writer and no desk (bot.engine.decision.authors)."""

from __future__ import annotations

from bot.engine.facts import Fact, snippet
from bot.engine.handles import is_account_name
from bot.engine.signals.context import Context
from bot.engine.weights import WEIGHT


def read(context: Context) -> list[Fact]:
    names = context.doc.hcard_authors
    if not names or " " in names[0] or not is_account_name(names[0]):
        return []
    line = snippet(f'<span class="author vcard"><span class="fn">{names[0]}</span></span>', 160)
    return [Fact("author", names[0], "text", line, WEIGHT.weak, author_kind="handle")]
