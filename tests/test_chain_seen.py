"""Seen before: pages read before, in an FTS5 index in the shared database, name a pasted text's likely source."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime
from pathlib import Path

from bot.chain.follow import follow_chain
from bot.chain.render import chain_one_liner
from bot.chain.seen import SeenIndex
from bot.chain.text import Body
from bot.engine import analyse_html, analyse_text
from bot.fetch.fetcher import Fetcher
from bot.model import Analysis, InputInfo, Outlet
from bot.settings import Settings
from bot.storage import open_database
from tests.chain_pages import HEADLINE, PARAGRAPHS, PARAGRAPHS_FR

NOV_12 = datetime(2026, 11, 12, 15, 0, tzinfo=UTC).timestamp()
REUTERS = Analysis(InputInfo("url", "https://www.reuters.com/world/floating-gardens-2026-11-12/"), title=HEADLINE,
                   outlet=Outlet("Reuters", "reuters.com", kind="wire-service"))  # fmt: skip
OTHER = Body("Council approves bus lanes", tuple(
    f"The city council approved bus lane number {n} on Tuesday after a long debate about parking, deliveries and "
    f"the shop owners on the high street, who had asked for a delay of {n} months." for n in range(8)
))  # fmt: skip


def index(tmp_path: Path, now: list[float]) -> SeenIndex:
    return SeenIndex(open_database(tmp_path / "provbot.db"), clock=lambda: now[0])


def test_a_paste_matching_a_page_read_before_names_it_with_the_strength(tmp_path: Path) -> None:
    now = [NOV_12]
    seen = index(tmp_path, now)
    assert seen.remember(REUTERS.input.url or "", REUTERS, Body(HEADLINE, PARAGRAPHS), place="#desk")
    assert seen.remember("https://example.org/bus-lanes-2026", Analysis(InputInfo("url")), OTHER)
    now[0] += 86400 * 3
    match = seen.best_match(Body(None, PARAGRAPHS[2:6]))
    assert match is not None and match.url == REUTERS.input.url
    assert match.strength == 1.0
    assert match.label(now=now[0]) == f"matches Reuters, '{HEADLINE}', checked 12 Nov in #desk"
    link = match.to_link(Body(None, PARAGRAPHS[2:6]))
    assert link.relation == "excerpt" and link.outlet is not None and link.outlet.kind == "wire-service"
    assert (
        link.findings[0].finding.startswith("Seen before: matches Reuters")
        and "strength 1.00" in link.findings[0].finding
    )


def test_no_match_for_an_unrelated_paste_or_another_workspace(tmp_path: Path) -> None:
    seen = index(tmp_path, [NOV_12])
    seen.remember(REUTERS.input.url or "", REUTERS, Body(HEADLINE, PARAGRAPHS), team_id="T1")
    assert seen.best_match(OTHER, team_id="T1") is None
    assert seen.best_match(Body(None, PARAGRAPHS), team_id="T2") is None
    assert seen.best_match(Body(None, PARAGRAPHS), team_id="T1") is not None
    assert seen.best_match(Body(None, PARAGRAPHS_FR), team_id="T1") is None  # another language shares no words


def test_short_pages_are_not_kept_and_a_later_check_replaces_the_row(tmp_path: Path) -> None:
    now = [NOV_12]
    seen = index(tmp_path, now)
    assert not seen.remember("https://example.org/teaser", REUTERS, Body(HEADLINE, ("Subscribe to read more.",)))
    seen.remember("https://example.org/a", REUTERS, Body(HEADLINE, PARAGRAPHS), place="#desk")
    now[0] += 60
    seen.remember("https://example.org/a", REUTERS, Body(HEADLINE, PARAGRAPHS), place="#news")
    match = seen.best_match(Body(None, PARAGRAPHS))
    assert match is not None and match.place == "#news" and match.checked_at == now[0]


def test_pruning_forgets_old_pages(tmp_path: Path) -> None:
    now = [NOV_12]
    seen = index(tmp_path, now)
    seen.remember("https://example.org/old", REUTERS, Body(HEADLINE, PARAGRAPHS))
    now[0] += 86400 * 40
    seen.remember("https://example.org/bus", REUTERS, OTHER)
    assert seen.prune(max_age_days=30) == 1
    assert seen.best_match(Body(None, PARAGRAPHS)) is None
    assert seen.best_match(OTHER) is not None


async def test_follow_chain_names_the_seen_page_for_a_paste_with_nothing_to_follow(tmp_path: Path) -> None:
    seen = index(tmp_path, [NOV_12])
    seen.remember(REUTERS.input.url or "", REUTERS, Body(HEADLINE, PARAGRAPHS), place="#desk")
    pasted = "\n\n".join(PARAGRAPHS[:8])
    settings = Settings(allow_private=(ipaddress.ip_network("127.0.0.0/8"),))
    async with Fetcher(settings) as fetcher:
        chain = await follow_chain(analyse_text(pasted), pasted, fetcher, settings=settings, seen=seen)
    assert [(c.url, c.relation) for c in chain] == [(REUTERS.input.url, "edited")]
    assert chain[0].changes == ["2 paragraphs cut at the end"]
    line = chain_one_liner(chain)
    assert line is not None and line.startswith("Seen before: matches Reuters, ") and line.endswith("(edited)")


async def test_a_wire_paste_named_but_not_linked_still_finds_the_page_read_before(tmp_path: Path) -> None:
    seen = index(tmp_path, [NOV_12])
    seen.remember(REUTERS.input.url or "", REUTERS, Body(HEADLINE, PARAGRAPHS), place="#desk")
    pasted = "\n\n".join(
        [HEADLINE, "ELMSFORD (Reuters) - " + PARAGRAPHS[0], *PARAGRAPHS[1:], "(Reporting by Mara Lind)"]
    )
    settings = Settings(allow_private=(ipaddress.ip_network("127.0.0.0/8"),))
    async with Fetcher(settings) as fetcher:
        chain = await follow_chain(analyse_text(pasted), pasted, fetcher, settings=settings, seen=seen)
    assert [(c.url, c.relation) for c in chain] == [(REUTERS.input.url, "verbatim"), ("", "unreachable")]
    assert chain[1].findings[0].finding.startswith("The copy names Reuters as the original but links no page")
    line = chain_one_liner(chain)
    assert line is not None and line.startswith("Seen before: matches Reuters, ")


def test_opening_the_index_again_keeps_its_rows(tmp_path: Path) -> None:
    now = [NOV_12]
    index(tmp_path, now).remember("https://example.org/a", REUTERS, Body(HEADLINE, PARAGRAPHS))
    again = index(tmp_path, now)
    assert again.best_match(Body(None, PARAGRAPHS)) is not None


async def test_a_saved_page_read_before_at_its_own_address_is_not_its_own_original(tmp_path: Path) -> None:
    # checked once with its address, then again as a saved file whose only addresses are its own og:url and canonical
    address = "https://www.harbourpost.example/city/floating-gardens-2026"
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        f'<html><head><link rel="canonical" href="{address}"><meta property="og:url" content="{address}">'
        '<meta property="og:site_name" content="Harbour Post">'
        f"<title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1>{paragraphs}</body></html>"
    )
    seen = index(tmp_path, [NOV_12])
    settings = Settings(allow_private=(ipaddress.ip_network("127.0.0.0/8"),))
    async with Fetcher(settings) as fetcher:
        await follow_chain(analyse_html(html, address), html, fetcher, settings=settings, seen=seen)
        saved = analyse_html(html)
        assert saved.canonical_url == address and saved.outlet is not None
        assert await follow_chain(saved, html, fetcher, settings=settings, seen=seen) == []
