"""Each decision step on hand-built facts: one table per step, each row the facts it is given and what it decides."""

from __future__ import annotations

from typing import Any

import pytest

from bot.engine import analyse_html
from bot.engine.decision.authors import decide_authors
from bot.engine.decision.origin import decide_origin
from bot.engine.decision.page import (
    date_the_original,
    decide_dates,
    decide_outlet,
    decide_title,
    note_redated,
    page_address,
)
from bot.engine.decision.rights import decide_copyright
from bot.engine.facts import Credit, Fact, FactField, Facts, Notice
from bot.engine.party import Party, party_for
from bot.engine.registry import load_registry
from bot.engine.text_outlet import text_outlet
from bot.engine.weights import WEIGHT, Weights, load_weights
from bot.model import InputInfo, Source
from tests.engine_helpers import page

REGISTRY = load_registry()
HERE = "https://harborledger.com/2024/03/05/tides-rise"
LEDGER = Party("Harbor Ledger", None, "harborledger.com")
PROPUBLICA = party_for(REGISTRY, "ProPublica")


def fact(field: FactField, value: Any, weight: int = 50, signal: Any = "text", region: Any = "body", **kw: Any) -> Fact:
    return Fact(field, value, signal, f"{field}: {value}", weight, region, **kw)


def credit(name: str, role: str = "original", weight: int = 80, **kw: Any) -> Fact:
    return fact("credit", Credit(name, kw.pop("url", None), kw.pop("published", None), role), weight, **kw)


def notice(*holders: str, weight: int = 55, region: str = "article", signal: str = "text") -> Fact:
    return fact("copyright", Notice(f"© 2025 {', '.join(holders)}", holders, 2025), weight, signal, region)


# -- the Facts collection ------------------------------------------------------------------------------------


def test_facts_best_all_and_strongest_first_keep_reader_order_between_equals() -> None:
    a, b, c = fact("title", "A", 50), fact("title", "B", 70), fact("title", "C", 70)
    facts = Facts([a, fact("author", "X"), b, c])
    assert facts.all("title") == (a, b, c)
    assert facts.best("title") is b
    assert facts.strongest_first("title") == [b, c, a]
    assert facts.first("author") is not None and facts.first("author").value == "X"
    assert facts.best("license") is None and facts.all("license") == ()
    assert [f.value for f in facts.strongest_first("title", "author")] == ["B", "C", "A", "X"]
    assert len(facts) == 4 and [f.value for f in facts] == ["A", "X", "B", "C"]


def test_weight_scale_is_named_in_data_and_strongest_first() -> None:
    weights = load_weights()
    assert weights == WEIGHT
    ordered = [getattr(weights, name) for name in Weights.names()]
    assert ordered == sorted(ordered, reverse=True)
    assert weights.level("strong") == weights.strong and weights.level(weights.plain) == weights.plain
    with pytest.raises(ValueError, match="unknown weight level"):
        weights.level("mighty")
    with pytest.raises(ValueError, match="not a level"):
        weights.level(weights.plain + 1)


# -- the page in hand ----------------------------------------------------------------------------------------

TITLES = [
    # (facts, title, signal cited)
    (
        [fact("title", "Tides rise | Harbor Ledger", 75, "meta"), fact("title", "Tides rise along", 70)],
        "Tides rise",
        "meta",
    ),
    ([fact("title", "Tides | rise", 60), fact("title", "Old | title", 45, "meta")], "Tides | rise", "text"),
    ([fact("title", "  First  ", 50), fact("title", "Second", 50)], "First", "text"),
    ([], None, None),
]


@pytest.mark.parametrize(("facts", "title", "signal"), TITLES)
def test_decide_title(facts: list[Fact], title: str | None, signal: str | None) -> None:
    decided, rows = decide_title(Facts(facts))
    assert decided == title
    assert [r.signal for r in rows] == ([signal] if signal else [])


OUTLETS = [
    # (page address, facts, outlet name, domain, registry entry?, signals cited)
    ("https://www.propublica.org/article/x", [fact("outlet", "Harbor Ledger", 70)], "ProPublica", "propublica.org",
     True, ["url", "registry"]),
    (HERE, [fact("outlet", "HL", 25, "meta"), fact("outlet", "Harbor Ledger", 70, "json-ld")], "Harbor Ledger",
     "harborledger.com", False, ["json-ld"]),
    (HERE, [], "harborledger.com", "harborledger.com", False, ["url"]),
    (None, [fact("outlet", "ProPublica", 60, "meta")], "ProPublica", None, True, ["meta", "registry"]),
    (None, [], None, None, False, []),
]  # fmt: skip


@pytest.mark.parametrize(("url", "facts", "name", "domain", "known", "signals"), OUTLETS)
def test_decide_outlet(
    url: str | None, facts: list[Fact], name: str | None, domain: str | None, known: bool, signals: list[str]
) -> None:
    party, rows = decide_outlet(Facts(facts), REGISTRY, url)
    assert (party.name if party else None) == name
    assert (party.domain if party else None) == domain
    assert (party is not None and party.entry is not None) == known
    assert [r.signal for r in rows] == signals


def test_page_address_prefers_where_the_page_came_from() -> None:
    facts = Facts([fact("page_url", "https://a.example/1", 40), fact("page_url", "https://b.example/2", 60)])
    assert page_address(InputInfo("html", HERE), facts) == HERE
    assert page_address(InputInfo("html", HERE, "https://final.example/x"), facts) == "https://final.example/x"
    assert page_address(InputInfo("html"), facts) == "https://b.example/2"


DATES = [
    # (facts, text outlet, is a copy, published, modified, the first words of the published row)
    ([fact("published", "2025-01-02", 80, "json-ld"), fact("published", "2025-01-05", 40)], None, False,
     "2025-01-02", None, "published: 2025-01-02"),
    ([fact("modified", "2025-03-04", 70, "meta")], None, False, "2025-03-04", "2025-03-04",
     "only a last-updated date is given"),
    ([fact("redated", "2023-03-03", 80), fact("modified", "2025-03-04", 70)], None, False, "2023-03-03",
     "2025-03-04", "redated: 2023-03-03"),
    ([fact("redated", "2023-03-03", 80)], None, True, None, None, None),
    ([fact("dated_name", ("Harbor Ledger", "2016-09-30"), 55)], LEDGER, False, "2016-09-30", None, "dated_name"),
    ([fact("dated_name", ("Other Paper", "2016-09-30"), 55)], LEDGER, False, None, None, None),
    ([fact("dated_name", ("Harbor Ledger", "2016-09-30"), 55)], None, False, None, None, None),
]  # fmt: skip


@pytest.mark.parametrize(("facts", "outlet", "is_copy", "published", "modified", "row"), DATES)
def test_decide_dates(
    facts: list[Fact], outlet: Party | None, is_copy: bool, published: str | None, modified: str | None, row: str | None
) -> None:
    dates, rows = decide_dates(Facts(facts), outlet, is_copy)
    assert (dates.published, dates.modified) == (published, modified)
    published_rows = [r.snippet for r in rows if r.field == "published"]
    assert published_rows[:1] == [] if row is None else published_rows[0].startswith(row)


ORIGINAL_DATES = [
    # (the original as credited, the copy's own date, the page's text dates, the original's date)
    (Source("ProPublica"), "2025-02-11", ["2025-02-11", "2025-02-10", "2025-01-30"], "2025-02-10"),
    (Source("ProPublica", published="2024-12-01"), "2025-02-11", ["2025-02-10"], "2024-12-01"),
    (Source("ProPublica"), "2025-02-11", ["2025-02-11"], None),
    (Source("ProPublica"), None, ["2025-02-10"], None),
    (None, "2025-02-11", ["2025-02-10"], None),
]


@pytest.mark.parametrize(("source", "own", "days", "expected"), ORIGINAL_DATES)
def test_date_the_original(source: Source | None, own: str | None, days: list[str], expected: str | None) -> None:
    facts = Facts([fact("published", day, 40) for day in days])
    day, rows = date_the_original(facts, source, own)
    assert day == expected
    assert len(rows) == (1 if expected and not (source and source.published) else 0)


@pytest.mark.parametrize(("is_copy", "warnings"), [(False, 1), (True, 0)])
def test_note_redated(is_copy: bool, warnings: int) -> None:
    found, rows = note_redated(Facts([fact("redated", "2023-03-03", 80)]), is_copy)
    assert len(found) == len(rows) == warnings
    assert all("first published 3 Mar 2023" in w for w in found)
    assert note_redated(Facts(), False) == ([], [])


# -- where it comes from -------------------------------------------------------------------------------------

ORIGINS = [
    # (facts, outlet, page address, original's name, via names, is a copy)
    ([credit("ProPublica", url="https://www.propublica.org/article/tides")], LEDGER, HERE, "ProPublica", [], True),
    ([credit("Harbor Ledger")], LEDGER, HERE, None, [], False),
    ([credit("AFP", role="via")], LEDGER, HERE, None, ["AFP"], False),
    ([credit("ProPublica"), credit("AFP", role="via", weight=70)], LEDGER, HERE, "ProPublica", ["AFP"], True),
    # a partner credited beside the original is not a distributor
    ([credit("ProPublica"), credit("Harbor Gazette", weight=60)], LEDGER, HERE, "ProPublica", [], True),
    ([fact("canonical", "https://www.propublica.org/article/tides", 80, "link")], LEDGER, HERE, "ProPublica", [], True),
    ([fact("canonical", "https://harborledger.com/other", 80, "link")], LEDGER, HERE, None, [], False),
    # an article's own rights line naming a wire makes a wire copy
    ([notice("AFP", region="article")], LEDGER, HERE, "AFP", [], True),
    ([notice("AFP", region="footer")], LEDGER, HERE, None, [], False),
    ([], LEDGER, HERE, None, [], False),
]


@pytest.mark.parametrize(("facts", "outlet", "url", "original", "via", "is_copy"), ORIGINS)
def test_decide_origin(
    facts: list[Fact], outlet: Party, url: str, original: str | None, via: list[str], is_copy: bool
) -> None:
    canonical = Facts(facts).best("canonical")
    origin, rows = decide_origin(Facts(facts), REGISTRY, outlet, canonical, url, False)
    assert (origin.original.name if origin.original else None) == original
    assert [p.name for p in origin.via] == via
    assert origin.is_copy == is_copy
    source = origin.republication.original
    assert (source.name if source else None) == original
    if is_copy:
        assert any(r.field == "republication.original" for r in rows)
        assert origin.credit is not None


def test_origin_keeps_the_credits_article_address_and_date() -> None:
    facts = Facts([credit("ProPublica", url="https://www.propublica.org/article/tides", published="2025-01-02")])
    origin, _ = decide_origin(facts, REGISTRY, LEDGER, None, HERE, False)
    source = origin.republication.original
    assert source is not None
    assert (source.url, source.published) == ("https://www.propublica.org/article/tides", "2025-01-02")
    assert origin.original_dated("2025-01-01").republication.original.published == "2025-01-01"  # type: ignore[union-attr]
    assert source.published == "2025-01-02"  # the step's answer is not changed in place
    assert origin.published_by(PROPUBLICA).original is None
    assert origin.published_by(LEDGER) is origin


# -- people --------------------------------------------------------------------------------------------------

AUTHORS = [
    # (facts, outlet, authors)
    # the page's byline prints its writer: a metadata name it never prints is the template's or an editor's
    ([fact("author", "Ava Stone", 50), fact("author", "Ben Cole", 65, "json-ld")], LEDGER, ["Ava Stone"]),
    ([fact("author", "Ava Stone", 35), fact("author", "Ben Cole", 65, "json-ld")], LEDGER, ["Ben Cole"]),
    ([fact("author", "Ava Stone", 50), fact("author", "Teodora Vance", 75, credited=True)], LEDGER, ["Teodora Vance"]),
    ([fact("author", "Marisol Quintanilla", 65), fact("author", "Marisol Quintanilla Globe Staff", 50)], LEDGER,
     ["Marisol Quintanilla"]),
    ([fact("author", "By Jane Doe and John Roe", 50)], LEDGER, ["Jane Doe", "John Roe"]),
    # a weak source that disagrees with a strong one adds nothing
    ([fact("author", "Ben Cole", 65), fact("author", "Cara Dunn", 35)], LEDGER, ["Ben Cole"]),
    ([fact("author", "Harbor Ledger Staff", 20, author_kind="outlet")], LEDGER, ["Harbor Ledger Staff"]),
    # the metadata gives the writer's first name alone, the byline prints her full name
    ([fact("author", "Ava", 65, "json-ld"), fact("author", "Ava Stone", 50)], LEDGER, ["Ava Stone"]),
    ([fact("author", "Harbor Ledger", 20, author_kind="outlet")], LEDGER, []),
    ([fact("author", "ProPublica", 50)], LEDGER, []),
    ([], LEDGER, []),
]  # fmt: skip


@pytest.mark.parametrize(("facts", "outlet", "authors"), AUTHORS)
def test_decide_authors(facts: list[Fact], outlet: Party, authors: list[str]) -> None:
    names, rows = decide_authors(Facts(facts), REGISTRY, outlet, [outlet])
    assert names == authors
    assert all(r.field == "authors" for r in rows) and (rows != []) == (authors != [])


# -- rights --------------------------------------------------------------------------------------------------

COPYRIGHTS = [
    # (facts, original, holders, notice kept)
    ([notice("Harbor Ledger", region="footer")], None, ["Harbor Ledger"], True),
    # a copy: the republisher's site-wide notice does not cover the piece; rights follow the original
    ([notice("Harbor Ledger", region="footer")], PROPUBLICA, ["ProPublica"], False),
    ([notice("Harbor Ledger", region="footer"), notice("ProPublica", weight=40, region="footer")], PROPUBLICA,
     ["ProPublica"], True),
    ([notice("Harbor Ledger", region="article")], PROPUBLICA, ["Harbor Ledger"], True),
    ([notice("Someone Else", region="head", signal="json-ld")], PROPUBLICA, ["ProPublica"], False),
    ([], None, [], False),
]  # fmt: skip


@pytest.mark.parametrize(("facts", "original", "holders", "kept"), COPYRIGHTS)
def test_decide_copyright(facts: list[Fact], original: Party | None, holders: list[str], kept: bool) -> None:
    the_credit = credit("ProPublica") if original else None
    decided, rows = decide_copyright(Facts(facts), LEDGER, original, the_credit)
    assert decided.holders == holders
    assert (decided.notice is not None) == kept
    if original and not kept:
        assert [r.field for r in rows] == ["copyright.holders"]
        assert rows[0].snippet == f"rights follow the original publisher: {the_credit.snippet}"  # type: ignore[union-attr]


# -- pasted text's outlet ------------------------------------------------------------------------------------

TEXT_OUTLETS = [
    # (facts, original, outlet name, outlet domain)
    ([fact("outlet_self_name", "ProPublica", 60)], None, "ProPublica", "propublica.org"),
    ([fact("dated_name", ("ProPublica", "2025-01-02"), 55)], None, "ProPublica", "propublica.org"),
    ([fact("masthead", "Tidewater Brief", 40), fact("outlet_mention", "tidewaterbrief.com", 35,
      domain="tidewaterbrief.com")], None, "Tidewater Brief", "tidewaterbrief.com"),
    ([notice("KSAT", region="body")], None, "KSAT", None),
    ([fact("outlet_mention", "harborledger.com", 35, domain="harborledger.com", pointer=True)], None,
     "harborledger.com", "harborledger.com"),
    ([fact("outlet_mention", "harborledger.com", 35, domain="harborledger.com", pointer=True)], PROPUBLICA, None, None),
    ([fact("dated_name", ("ProPublica", "2025-01-02"), 55)], PROPUBLICA, None, None),
    ([], None, None, None),
]  # fmt: skip


@pytest.mark.parametrize(("facts", "original", "name", "domain"), TEXT_OUTLETS)
def test_text_outlet(facts: list[Fact], original: Party | None, name: str | None, domain: str | None) -> None:
    party, rows = text_outlet(Facts(facts), REGISTRY, original, [])
    assert (party.name if party else None) == name
    assert (party.domain if party else None) == domain
    assert (rows != []) == (name is not None) and all(r.field == "outlet" for r in rows)


def test_a_desk_named_by_the_outlets_initials_is_its_own_newsroom_and_the_author() -> None:
    # "By MND Staff" on Mexico News Daily's own site: the initials of the site's name, then its staff
    head = '<meta property="og:site_name" content="Harbor Ledger Daily">'
    body = "<h1>Ferry fares rise again</h1><div class='byline'>By HLD Staff</div>" + "<p>The ferry line.</p>" * 20
    result = analyse_html(page(body, head), "https://harborledgerdaily.example/2025/ferry")
    assert result.authors == ["HLD Staff"] and not result.republication.is_republication


def test_a_desk_named_by_the_outlets_syllables_or_one_of_its_words_is_its_own_named_desk() -> None:
    # initials drawn from inside the name's words ("HBLG" for Harbor Ledger), with "Report" after the desk word
    head = '<meta property="og:site_name" content="Harbor Ledger">'
    body = "<h1>Ferry fares rise again</h1><div class='byline'>By HBLG Staff Report</div>" + "<p>The ferry.</p>" * 20
    result = analyse_html(page(body, head), "https://harborledger.example/2025/ferry")
    assert result.authors == ["HBLG Staff Report"] and not result.republication.is_republication
    # the desk word, then one word of the site's name ("Staff Ledger" on "QV Ledger"), and its notice: the desk
    head = '<meta property="og:site_name" content="QV Ledger">'
    footer = "<footer>© 2014-2021 QV Ledger. All Rights Reserved.</footer>"
    body = "<h1>Ferry fares rise</h1><div class='byline'>Staff Ledger | May 10, 2022</div>" + "<p>The ferry.</p>" * 20
    result = analyse_html(page(body + footer, head), "https://qvledger.example/2022/ferry")
    assert result.authors == ["Staff Ledger"] and not result.republication.is_republication
    # a desk of another outlet stands as the author too
    body = "<h1>Ferry fares rise</h1><div class='byline'>By HWN Staff</div>" + "<p>The ferry.</p>" * 20
    assert analyse_html(page(body, head), "https://qvledger.example/2022/ferry").authors == ["HWN Staff"]
