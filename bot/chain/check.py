"""The chain for one check, as the command line and the Slack bot call it: the page in hand is read back from
the fetch cache when only its address is known, the shared database's seen-before index is used, and a fetcher
is opened for the occasion when the caller has none."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlite_utils

from bot.chain.follow import ChainWork, follow_chain
from bot.chain.seen import SeenIndex
from bot.fetch.fetcher import Fetcher
from bot.fetch.outcomes import FetchError
from bot.model import Analysis, ChainLink
from bot.settings import Settings
from bot.storage import open_database

if TYPE_CHECKING:
    from bot.engine.registry import Registry


async def chain_for_check(
    analysis: Analysis,
    settings: Settings,
    *,
    html_or_text: str | None = None,
    fetcher: Fetcher | None = None,
    db: sqlite_utils.Database | None = None,
    registry: Registry | None = None,
    team_id: str | None = None,
    place: str | None = None,
    seen_max_age_days: float | None = None,
    work: ChainWork | None = None,
) -> list[ChainLink]:
    """Follow the chain for a finished analysis. `html_or_text` is what was analysed (a saved page, pasted text);
    for a checked address it may be left out and is read back through the fetcher (a cache hit). Pages read more
    than `seen_max_age_days` ago are forgotten first (the retention setting, when the caller has one). `work` is
    where the reading and comparing run (`bot.chain.follow.InPool` with a worker pool; default: a thread). Never
    raises for an unreachable page; an empty list when there is nothing to follow."""
    db = db if db is not None else open_database(settings.db_path)
    seen = SeenIndex(db)
    if seen_max_age_days is not None:
        seen.prune(seen_max_age_days)
    if fetcher is None:
        async with Fetcher(settings, db) as own:
            return await chain_for_check(
                analysis, settings, html_or_text=html_or_text, fetcher=own, db=db, registry=registry,
                team_id=team_id, place=place, work=work,
            )  # fmt: skip
    if html_or_text is None:
        address = analysis.input.url
        if analysis.input.kind != "url" or not address:
            return []
        try:
            html_or_text = (await fetcher.fetch(address)).text
        except FetchError:
            return []
    return await follow_chain(
        analysis, html_or_text, fetcher, settings=settings, registry=registry, seen=seen,
        team_id=team_id, place=place, work=work,
    )  # fmt: skip
