"""Following a copy to its original over HTTP (a local server plays both sites): fetch, read, compare, check terms.

The copies are analysed as if published at valley-ledger.example; the originals are served from 127.0.0.1, which
the fetcher may reach because the settings allow 127.0.0.0/8 (as PROVBOT_ALLOW_PRIVATE would)."""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web

from bot.chain.follow import follow_chain
from bot.chain.render import chain_one_liner, render_chain_text
from bot.engine import analyse_html, analyse_text
from bot.fetch.fetcher import Fetcher
from bot.model import ChainLink
from bot.settings import Settings
from tests.chain_pages import AUTHOR, HEADLINE, PARAGRAPHS, PARAGRAPHS_FR, copy_page, original_page
from tests.fakes import start_local_site

COPY_URL = "https://valley-ledger.example/news/2026/11/floating-gardens"
ORIGINAL_PATH = "environment/river-towns-test-floating-gardens-231907"


@dataclass
class Sites:
    """Pages by path; `redirects` answer 301; `refuse_bots` answers 403 to the bot's user agent; hits are counted."""

    port: int = 0
    pages: dict[str, tuple[int, str]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    refuse_bots: set[str] = field(default_factory=set)
    hits: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def add(self, path: str, body: str, status: int = 200) -> str:
        self.pages[path] = (status, body)
        return self.url(path)

    async def handle(self, request: web.Request) -> web.Response:
        self.hits += 1
        path = request.path.lstrip("/")
        if path in self.redirects:
            raise web.HTTPMovedPermanently(self.url(self.redirects[path]))
        if path in self.refuse_bots and "ProvenanceBot" in request.headers.get("User-Agent", ""):
            return web.Response(status=403, text="bots not welcome")
        status, body = self.pages.get(path, (404, "not found"))
        return web.Response(status=status, text=body, content_type="text/html")


@pytest.fixture
async def sites() -> AsyncIterator[Sites]:
    found = Sites()
    app = web.Application()
    app.router.add_get("/{tail:.*}", found.handle)
    runner, found.port = await start_local_site(app, shutdown_timeout=0.1)
    yield found
    await runner.cleanup()


def settings(max_fetches: int = 2) -> Settings:
    return Settings(allow_private=(ipaddress.ip_network("127.0.0.0/8"),), fetch_timeout=5.0,
                    chain_max_fetches=max_fetches)  # fmt: skip


async def follow(copy_html: str, max_fetches: int = 2) -> list[ChainLink]:
    analysis = analyse_html(copy_html, COPY_URL)
    async with Fetcher(settings(max_fetches)) as fetcher:
        return await follow_chain(analysis, copy_html, fetcher, settings=settings(max_fetches))


def verdicts(link: ChainLink) -> dict[str, bool | None]:
    return {f.finding.split(" (")[0].split(":")[0]: f.ok for f in link.findings}


async def test_a_verbatim_copy_with_credit_and_link(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    chain = await follow(copy_page(original))
    assert len(chain) == 1
    link = chain[0]
    assert (link.url, link.relation, link.similarity, link.changes) == (original, "verbatim", 1.0, [])
    assert link.outlet is not None and link.outlet.name == "The Conversation"
    assert all(f.ok for f in link.findings), link.findings
    assert {"Credit to the outlet present", "Credit to the authors present", "A link to the original present"} <= set(
        verdicts(link)
    )
    assert (
        chain_one_liner(chain) == "Checked against the original on 127.0.0.1: verbatim copy, credit and link present ✓"
    )
    assert link.to_dict()["findings"][0]["evidence"].startswith("text: This article is republished from")


async def test_a_restyled_copy_is_still_verbatim(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    restyled = tuple(p.replace("“", '"').replace("”", '"') for p in PARAGRAPHS)
    chain = await follow(copy_page(original, HEADLINE.upper(), restyled))
    assert chain[0].relation == "verbatim"


async def test_an_edited_copy_of_a_no_derivatives_piece(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    chain = await follow(copy_page(original, "Valley gardeners take to the water", PARAGRAPHS[:7]))
    link = chain[0]
    assert link.relation == "edited"
    assert link.changes == ["headline changed", "3 paragraphs cut at the end"]
    edit = next(f for f in link.findings if f.finding.startswith("Edited copy"))
    assert edit.ok is False
    assert "CC BY-ND 4.0" in edit.evidence and "copy: headline changed, 3 paragraphs cut" in edit.evidence
    assert "theconversation.com/us/republishing-guidelines" in edit.evidence
    assert chain_one_liner(chain) == (
        "Edited copy of a CC BY-ND 4.0 piece on 127.0.0.1: headline changed, 3 paragraphs cut at the end ✗"
    )


async def test_paragraphs_added_to_a_copy(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    extra = (
        "Readers can see the rafts at the Barrow Creek plot on Saturday mornings, when volunteers give tours.",
        "The Valley Ledger will report on the harvest in the spring edition of its gardening supplement.",
    )
    chain = await follow(copy_page(original, paragraphs=(*PARAGRAPHS, *extra)))
    assert chain[0].relation == "edited"
    assert chain[0].changes == ["2 paragraphs added at the end"]


async def test_a_translated_copy_is_named_and_not_scored(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    chain = await follow(copy_page(original, "Des jardins flottants dans la vallée", PARAGRAPHS_FR))
    link = chain[0]
    assert (link.relation, link.similarity) == ("translation", None)
    adaptation = next(f for f in link.findings if f.finding.startswith("A translation"))
    assert adaptation.ok is False


async def test_a_credit_linking_another_piece_is_different(sites: Sites) -> None:
    other = (
        "The city council approved two new bus lanes on Tuesday after a long debate about parking and deliveries "
        "on the high street, where shop owners had asked for a delay until the end of the holiday season.",
        "The lanes open in March and will be reviewed after six months of traffic counts, the council's transport "
        "committee said in a statement on Wednesday.",
    )
    wrong = sites.add("transport/council-approves-bus-lanes-88123", original_page("Council approves bus lanes", other))
    chain = await follow(copy_page(wrong))
    link = chain[0]
    assert link.relation == "different"
    assert verdicts(link)["The credited page is not this piece"] is False
    assert chain_one_liner(chain) == "The credited page on 127.0.0.1 is a different piece ✗"


@pytest.mark.parametrize(("status", "reason"), [(404, "404 (Not Found)"), (410, "410 (Gone)")])
async def test_an_original_that_is_gone(sites: Sites, status: int, reason: str) -> None:
    original = sites.add(ORIGINAL_PATH, "gone", status=status)
    chain = await follow(copy_page(original))
    assert [(c.url, c.relation, c.similarity) for c in chain] == [(original, "unreachable", None)]
    assert chain[0].findings[0].finding == f"The original's page could not be fetched: the site answered {reason}."
    assert chain_one_liner(chain) == f"Could not check against the original on 127.0.0.1: the site answered {reason}."


async def test_an_original_behind_a_redirect(sites: Sites) -> None:
    final = sites.add(ORIGINAL_PATH, original_page())
    sites.redirects["story/231907"] = ORIGINAL_PATH
    chain = await follow(copy_page(sites.url("story/231907")))
    link = chain[0]
    assert link.relation == "verbatim"
    assert f"it redirected to {final}" in link.findings[0].evidence
    assert verdicts(link)["A link to the original present"] is True


async def test_an_original_refusing_bots(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    sites.refuse_bots.add(ORIGINAL_PATH)
    chain = await follow(copy_page(original))
    assert chain[0].relation == "unreachable"
    assert "403 (Forbidden)" in chain[0].findings[0].finding


async def test_an_original_named_but_not_linked_is_said_and_nothing_is_fetched(sites: Sites) -> None:
    chain = await follow(copy_page(None))
    assert sites.hits == 0
    assert [(c.url, c.relation) for c in chain] == [("", "unreachable")]
    assert chain[0].findings[0].finding.startswith("The copy names The Conversation as the original but links no page")
    assert "would confirm it" in chain[0].findings[0].finding


async def test_no_fetch_when_the_setting_allows_none(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    assert await follow(copy_page(original), max_fetches=0) == []
    assert sites.hits == 0


async def test_missing_author_credit_and_link(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    html = copy_page(None, author=None).replace("</title>", f'</title><link rel="canonical" href="{original}">')
    link = (await follow(html))[0]
    found = verdicts(link)
    assert found["Credit to the outlet present"] is True
    assert found["Credit to the authors missing"] is False
    assert found["A link to the original missing"] is False
    authors = next(f for f in link.findings if f.finding.startswith("Credit to the authors"))
    assert f"copy: {AUTHOR} not named" in authors.evidence


async def test_a_non_commercial_licence_on_a_page_with_ads_is_a_question(sites: Sites) -> None:
    nc = "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    original = sites.add(ORIGINAL_PATH, original_page(site="Riverside Review", license_url=nc))
    link = (await follow(copy_page(original, credit="Riverside Review", ads=True)))[0]
    question = next(f for f in link.findings if "non-commercial" in f.finding)
    assert question.ok is None and question.finding.endswith("is the copy used commercially?")
    assert "adsbygoogle" in question.evidence and "CC BY-NC-ND 4.0" in question.evidence


async def test_an_all_rights_reserved_original_and_no_grant_on_the_copy(sites: Sites) -> None:
    page = original_page(
        site="Riverside Review", license_url=None, notice="© 2026 Riverside Review. All rights reserved."
    )
    original = sites.add(ORIGINAL_PATH, page)
    link = (await follow(copy_page(original, credit="Riverside Review")))[0]
    reserved = next(f for f in link.findings if "reserves all rights" in f.finding)
    assert reserved.ok is None and "Riverside Review" in reserved.finding
    assert reserved.evidence.startswith("original: © 2026 Riverside Review")


async def test_an_original_that_is_itself_a_copy_is_followed_while_fetches_remain(sites: Sites) -> None:
    # the first publisher on a host of its own: a credit's link to the copy's own site is not the original's
    first = sites.add("first/river-towns-floating-gardens-0001", original_page()).replace("127.0.0.1", "localhost")
    middle = copy_page(first, site="Regional Wire Weekly")
    middle_url = sites.add("copies/river-towns-floating-gardens-0002", middle)
    chain = await follow(copy_page(middle_url, credit="Regional Wire Weekly"))
    assert [c.url for c in chain] == [middle_url, first]
    assert len(await follow(copy_page(middle_url, credit="Regional Wire Weekly"), max_fetches=1)) == 1


async def test_a_pasted_copy_links_its_original_in_the_text(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    pasted = "\n\n".join([HEADLINE, f"By {AUTHOR}", *PARAGRAPHS,
                          f"This article is republished from [The Conversation]({original})."])  # fmt: skip
    analysis = analyse_text(pasted)
    async with Fetcher(settings()) as fetcher:
        chain = await follow_chain(analysis, pasted, fetcher, settings=settings())
    assert chain[0].relation == "verbatim"
    assert not any("link to the original" in f.finding for f in chain[0].findings)  # a paste has no links to judge
    block = render_chain_text(chain)
    assert block.startswith("Chain:\n  Original: " + original) and "verbatim, similarity 1.00" in block


def test_the_fetch_cap_setting() -> None:
    from bot.settings import SettingsError, load_settings

    assert load_settings({}).chain_max_fetches == 2
    assert load_settings({"PROVBOT_CHAIN_MAX_FETCHES": "0"}).chain_max_fetches == 0
    assert load_settings({"PROVBOT_CHAIN_MAX_FETCHES": " 3 "}).chain_max_fetches == 3
    with pytest.raises(SettingsError, match="PROVBOT_CHAIN_MAX_FETCHES must be a whole number"):
        load_settings({"PROVBOT_CHAIN_MAX_FETCHES": "two"})


async def test_chain_for_a_checked_address_reads_the_page_back_and_remembers_both(sites: Sites, tmp_path: Path) -> None:
    from dataclasses import replace

    from bot.analysis_pool import AnalysisPool
    from bot.chain.check import chain_for_check
    from bot.chain.seen import SeenIndex
    from bot.chain.text import Body
    from bot.fetch.fetcher import Fetcher
    from bot.inputs import analyse_address
    from bot.storage import open_database

    original = sites.add(ORIGINAL_PATH, original_page()).replace("127.0.0.1", "localhost")  # a host of its own
    copy_url = sites.add("news/2026/11/floating-gardens", copy_page(original, paragraphs=PARAGRAPHS[:8]))
    config = replace(settings(), db_path=str(tmp_path / "provbot.db"))
    database = open_database(config.db_path)
    async with AnalysisPool(workers=1, start_method="fork") as pool, Fetcher(config, database) as fetcher:
        analysis, _ = await analyse_address(copy_url, fetcher, pool)
    served = sites.hits
    chain = await chain_for_check(analysis, config, team_id="T1", place="#desk")
    assert sites.hits == served + 1  # the copy came back from the cache; only the original was fetched
    assert [(c.url, c.relation, c.changes) for c in chain] == [(original, "edited", ["2 paragraphs cut at the end"])]
    seen = SeenIndex(open_database(config.db_path))
    match = seen.best_match(Body(None, PARAGRAPHS[:4]), team_id="T1")
    assert match is not None and match.url in (copy_url, original)
    assert await chain_for_check(analyse_text("Just a short note."), config) == []


async def test_a_copy_with_too_little_text_is_not_followed(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    assert await follow(copy_page(original, paragraphs=("Floating gardens are back.",))) == []
    assert sites.hits == 0


async def test_an_author_bio_added_by_the_republisher_is_credit_not_an_edit(sites: Sites) -> None:
    original = sites.add(ORIGINAL_PATH, original_page())
    bio = f"{AUTHOR} is a lecturer in urban agriculture at the Valley College of Agriculture."
    chain = await follow(copy_page(original, paragraphs=(*PARAGRAPHS, bio)))
    assert chain[0].relation == "verbatim"
    quoted = "Lindqvist, who studies the rafts, said the early results were encouraging but far from settled."
    edited = await follow(copy_page(original, paragraphs=(*PARAGRAPHS[:5], quoted, *PARAGRAPHS[5:])))
    assert edited[0].changes == ["1 paragraph added after paragraph 5"]  # inside the story, a paragraph is a paragraph


async def test_the_copy_and_the_original_are_read_and_compared_in_the_pools_worker(sites: Sites) -> None:
    from bot.analysis_pool import AnalysisPool
    from bot.chain.follow import InPool

    original = sites.add(ORIGINAL_PATH, original_page())
    html = copy_page(original)
    async with AnalysisPool(workers=1, start_method="fork") as pool, Fetcher(settings()) as fetcher:
        chain = await follow_chain(analyse_html(html, COPY_URL), html, fetcher, settings=settings(), work=InPool(pool))
        assert pool.replaced == 0
    assert chain[0].url == original and chain[0].relation == "verbatim"
    assert "verbatim copy" in str(chain_one_liner(chain))


async def test_a_comparison_past_the_deadline_is_one_line_in_the_chain(sites: Sites) -> None:
    from bot.analysis_pool import AnalysisPool
    from bot.chain.follow import InPool

    original = sites.add(ORIGINAL_PATH, original_page())
    html = copy_page(original)
    analysis = analyse_html(html, COPY_URL)  # the copy itself was read in time
    async with AnalysisPool(workers=1, start_method="fork", timeout=0.001) as pool, Fetcher(settings()) as fetcher:
        chain = await follow_chain(analysis, html, fetcher, settings=settings(), work=InPool(pool))
        assert pool.replaced == 1  # the worker past its deadline was replaced
    [link] = chain
    assert link.url == original and link.relation == "unreachable" and link.similarity is None
    line = "Not compared with the original: the comparison took too long (gave up after 0.001 s)."
    assert [f.finding for f in link.findings] == [line]
    assert chain_one_liner(chain) == (
        "Could not check against the original on 127.0.0.1: the comparison took too long (gave up after 0.001 s)."
    )
    assert line in render_chain_text(chain)
