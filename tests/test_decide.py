"""End to end through the engine on tiny hand-written pages and texts: the decisions the summary rests on."""

from __future__ import annotations

import json

import pytest

from bot.engine.pipeline import analyse_html, analyse_text
from bot.engine.registry import load_registry, with_own_outlets
from bot.model import Analysis
from tests.engine_helpers import page

HERE = "https://harborledger.com/2024/03/05/tides-rise"


def analyse(body: str, head: str = "", url: str | None = HERE) -> Analysis:
    return analyse_html(page(body, head, title="Tides rise along the harbor | Harbor Ledger"), url)


def evidence_fields(result: Analysis) -> set[str]:
    return {row.field for row in result.evidence}


def evidence_for(result: Analysis, prefix: str) -> list[tuple[str, str]]:
    return [(row.signal, row.snippet) for row in result.evidence if row.field.startswith(prefix)]


SITE = '<meta property="og:site_name" content="Harbor Ledger">'
ARTICLE = (
    "<article><h1>Tides rise along the harbor</h1><p>By Ava Stone</p><p>The water came in at dawn.</p>{}</article>"
)


# -- republication -------------------------------------------------------------------------------------------


def test_canonical_to_another_outlet_is_a_republication() -> None:
    result = analyse(
        ARTICLE.format(""), SITE + '<link rel="canonical" href="https://www.propublica.org/article/tides">'
    )
    assert result.outlet is not None and result.outlet.name == "Harbor Ledger"
    assert result.canonical_url == "https://www.propublica.org/article/tides"
    rep = result.republication
    assert rep.is_republication
    assert rep.original is not None
    assert rep.original.name == "ProPublica"
    assert rep.original.url == "https://www.propublica.org/article/tides"
    assert rep.original.outlet is not None and rep.original.outlet.domain == "propublica.org"
    assert ("link", '<link rel="canonical" href="https://www.propublica.org/article/tides">') in evidence_for(
        result, "republication.original"
    )


def test_canonical_to_another_domain_of_the_same_outlet_is_not_a_republication() -> None:
    result = analyse(
        "<article><h1>Storm hits coast</h1><p>Words.</p></article>",
        '<meta property="og:site_name" content="BBC News">'
        '<link rel="canonical" href="https://www.bbc.co.uk/news/uk-12345678">',
        url="https://www.bbc.com/news/uk-12345678",
    )
    assert result.outlet is not None and result.outlet.name == "BBC"
    assert result.canonical_url == "https://www.bbc.co.uk/news/uk-12345678"
    assert not result.republication.is_republication
    assert result.republication.original is None


def test_canonical_to_its_own_page_is_not_a_republication() -> None:
    result = analyse(ARTICLE.format(""), SITE + f'<link rel="canonical" href="{HERE}">')
    assert not result.republication.is_republication
    assert result.canonical_url == HERE


def test_commentary_quoting_and_linking_a_story_is_not_a_republication() -> None:
    body = (
        "<article><h1>What the council vote means</h1><p>By Jane Holloway</p>"
        '<p>As <a href="https://www.theguardian.com/uk-news/2024/mar/04/council-vote">The Guardian reported</a> '
        "on Monday, the council voted to close the library.</p>"
        "<blockquote>“We had no choice,” the council leader told The Guardian.</blockquote>"
        "<p>I think that is wrong, and here is why.</p></article>"
    )
    result = analyse(
        body, '<meta property="og:site_name" content="Holloway Notes">', url="https://janeholloway.net/vote"
    )
    assert not result.republication.is_republication
    assert result.republication.original is None
    assert result.outlet is not None and result.outlet.name == "Holloway Notes"
    assert result.authors == ["Jane Holloway"]


def test_redated_repost_warns_and_is_not_a_republication() -> None:
    body = ARTICLE.format("<p><em>This article was originally published November 18, 2023.</em></p>")
    result = analyse(body, SITE)
    assert not result.republication.is_republication
    assert any("Redated" in w and "18 Nov 2023" in w for w in result.warnings)
    assert "warnings" in evidence_fields(result)


def test_credit_line_names_the_original_in_pasted_text() -> None:
    result = analyse_text(
        "Tides rise along the harbor\nBy Ava Stone\nThe water came in at dawn.\n"
        "This article is republished from The Conversation under a Creative Commons license. "
        "Read the original article."
    )
    assert result.input.kind == "text"
    rep = result.republication
    assert rep.is_republication and rep.original is not None
    assert rep.original.name == "The Conversation"
    assert result.authors == ["Ava Stone"]
    assert result.title == "Tides rise along the harbor"
    # The Conversation's standing terms govern its copy
    assert result.reuse.category == "open-license"
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-ND-4.0"


def test_ap_distributing_a_conversation_piece() -> None:
    head = SITE + (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Why kids outgrow allergies", '
        '"author": {"@type": "Person", "name": "Sophie Albrecht"}, '
        '"provider": {"@type": "Organization", "name": "The Associated Press"}}</script>'
    )
    body = (
        "<article><h1>Why kids outgrow allergies</h1>"
        "<p>(THE CONVERSATION) — About 1 in 50 American children has a peanut allergy.</p>"
        "<p>The honest answer is: maybe.</p>"
        "<p>This article is republished from The Conversation under a Creative Commons license.</p></article>"
    )
    result = analyse(body, head)
    rep = result.republication
    assert rep.is_republication
    assert rep.original is not None and rep.original.name == "The Conversation"
    assert [v.name for v in rep.via] == ["The Associated Press"]
    assert rep.via[0].outlet is not None and rep.via[0].outlet.kind == "wire-service"
    assert "republication.via" in evidence_fields(result)
    assert result.authors == ["Sophie Albrecht"]


def test_wire_dateline_makes_the_wire_the_original() -> None:
    body = (
        "<article><h1>Governor cuts taxes</h1><p>By MARCUS ELLERY, Associated Press</p>"
        "<p>LINCOLN, Neb. (AP) — The governor said on Thursday that taxes would fall.</p></article>"
    )
    result = analyse(body, SITE)
    rep = result.republication
    assert rep.is_republication and rep.original is not None
    assert rep.original.name == "The Associated Press"
    assert result.authors == ["Marcus Ellery"]
    assert result.published == "2024-03-05"  # from the address, never from "on Thursday"
    # AP's standing terms: its copy needs a licence
    assert result.reuse.category == "all-rights-reserved"


def test_reuters_reporting_line_gives_reporters_not_editors() -> None:
    result = analyse_text(
        "Chile reform passes\nSANTIAGO (Reuters) - Chile's president said on Monday the reform would pass.\n"
        "(Reporting by Jane Doe; Editing by Mark Porter)"
    )
    assert result.authors == ["Jane Doe"]
    assert result.republication.original is not None and result.republication.original.name == "Reuters"


def test_state_controlled_original_warns() -> None:
    body = (
        "<article><h1>Sanctions backfire</h1><p>By Ivan Petrov</p><p>The sanctions have failed.</p>"
        "<p>The original source of this article is RT Op Edge</p>"
        "<p>Copyright © RT Op Edge, 2016</p></article>"
    )
    result = analyse(
        body, '<meta property="og:site_name" content="Global Research">', url="https://www.globalresearch.ca/s/5548"
    )
    assert result.outlet is not None and result.outlet.name == "Global Research"
    rep = result.republication
    assert rep.original is not None and rep.original.name in ("RT", "RT Op Edge")
    assert rep.original.outlet is not None and rep.original.outlet.kind == "state-controlled"
    assert any("state-controlled" in w for w in result.warnings)
    assert result.copyright.holders == ["RT Op Edge"]
    assert result.copyright.year == 2016
    # the rights are not Global Research's to give
    assert any("rights belong to" in w for w in result.warnings)


def test_json_ld_copyright_holder_of_the_republisher_yields_to_the_original() -> None:
    head = SITE + (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tides rise", '
        '"copyrightHolder": {"@type": "Organization", "name": "Harbor Ledger"}, "copyrightYear": 2024}</script>'
    )
    body = ARTICLE.format("<p>This article is republished from The Conversation under a Creative Commons license.</p>")
    result = analyse(body, head)
    assert result.republication.original is not None
    assert result.republication.original.name == "The Conversation"
    assert result.copyright.holders == ["The Conversation"]
    assert "Harbor Ledger" not in result.copyright.holders


def test_footer_notice_of_the_republisher_yields_to_the_original() -> None:
    body = ARTICLE.format("<p>This story was originally published by ProPublica.</p>") + (
        "<footer><p>© 2024 Harbor Ledger. All rights reserved.</p></footer>"
    )
    result = analyse(body, SITE)
    assert result.copyright.holders == ["ProPublica"]
    # ProPublica's standing licence, not the republisher's footer, governs the piece
    assert result.reuse.category == "open-license"
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-NC-ND-3.0"


def test_original_page_keeps_its_own_notice() -> None:
    body = ARTICLE.format("") + "<footer><p>© 2024 Harbor Ledger. All rights reserved.</p></footer>"
    result = analyse(body, SITE)
    assert not result.republication.is_republication
    assert result.copyright.holders == ["Harbor Ledger"]
    assert result.copyright.year == 2024
    assert result.reuse.category == "all-rights-reserved"
    assert not any("rights belong to" in w for w in result.warnings)


def test_fair_use_claim_is_flagged_and_warned() -> None:
    body = ARTICLE.format(
        "<p>This site contains copyrighted material the use of which has not always been specifically authorized "
        "by the copyright owner. We believe this constitutes a 'fair use' of any such copyrighted material as "
        "provided for in section 107 of the US Copyright Law.</p>"
    )
    result = analyse(body, SITE)
    assert result.reuse.fair_use_claim is True
    assert any("fair use" in w for w in result.warnings)
    assert "reuse.fair_use_claim" in evidence_fields(result)


# -- reuse precedence ----------------------------------------------------------------------------------------

ND_LINK = '<p>Licensed <a rel="license" href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a></p>'
GRANT = "<p>You are free to republish this article as long as you credit Harbor Ledger and link to it.</p>"
RESERVED = "<p>© 2024 Ava Stone. All rights reserved.</p>"
CONVERSATION = "<p>This article is republished from The Conversation.</p>"
FOOTER_RESERVED = "<footer><p>© 2024 Harbor Ledger. All rights reserved.</p></footer>"
FOOTER_LICENCE = (
    '<footer><p>Site content <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a></p></footer>'
)


def test_page_licence_beats_page_grant() -> None:
    result = analyse(ARTICLE.format(ND_LINK + GRANT + RESERVED), SITE)
    assert result.reuse.category == "open-license"
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-ND-4.0"
    assert result.reuse.license.url == "https://creativecommons.org/licenses/by-nd/4.0/"
    assert any("verbatim" in r for r in result.reuse.restrictions)


def test_page_grant_beats_article_reservation() -> None:
    result = analyse(ARTICLE.format(GRANT + RESERVED), SITE)
    assert result.reuse.category == "permission-granted"
    assert result.reuse.license is None
    assert any("credit Harbor Ledger" in c for c in result.reuse.conditions)


def test_article_reservation_beats_the_originals_standing_terms() -> None:
    result = analyse(ARTICLE.format(CONVERSATION + RESERVED), SITE)
    assert result.republication.original is not None
    assert result.reuse.category == "all-rights-reserved"


def test_originals_standing_terms_beat_the_site_footer() -> None:
    for footer in (FOOTER_RESERVED, FOOTER_LICENCE):
        result = analyse(ARTICLE.format(CONVERSATION) + footer, SITE)
        assert result.reuse.category == "open-license", footer
        assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-ND-4.0", footer
        assert "registry" in {s for s, _ in evidence_for(result, "reuse")}, footer


def test_site_footer_beats_the_outlets_standing_terms() -> None:
    # Common Dreams' standing terms are CC BY-NC-ND 3.0; this page's footer says otherwise
    result = analyse(
        "<article><h1>Op-ed</h1><p>By Kim Park</p><p>Words.</p></article>" + FOOTER_LICENCE,
        '<meta property="og:site_name" content="Common Dreams">',
        url="https://www.commondreams.org/opinion/op-ed",
    )
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-SA-4.0"
    reserved = analyse(
        "<article><h1>Op-ed</h1><p>By Kim Park</p><p>Words.</p></article>" + FOOTER_RESERVED,
        '<meta property="og:site_name" content="Common Dreams">',
        url="https://www.commondreams.org/opinion/op-ed",
    )
    assert reserved.reuse.category == "all-rights-reserved"


def test_outlets_standing_terms_when_the_page_says_nothing() -> None:
    result = analyse(
        "<article><h1>Prisons are full</h1><p>By Ava Stone</p><p>Words.</p></article>",
        url="https://www.propublica.org/article/prisons-are-full",
    )
    assert result.outlet is not None and result.outlet.name == "ProPublica"
    assert not result.republication.is_republication
    assert result.reuse.category == "open-license"
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-NC-ND-3.0"
    assert "registry" in {s for s, _ in evidence_for(result, "reuse")}


def test_nothing_found_is_unknown_with_advice() -> None:
    result = analyse(ARTICLE.format(""), SITE)
    assert result.reuse.category == "unknown"
    assert result.reuse.license is None
    assert "ask the publisher" in result.reuse.summary


def test_global_research_grant_keeps_conditions_restrictions_and_contact() -> None:
    body = (
        "<article><h1>Sanctions backfire</h1><p>By Ivan Petrov</p><p>The sanctions have failed.</p></article>"
        "<footer><p>The Centre for Research on Globalization grants permission to cross-post Global Research "
        "articles on community internet sites as long as the source and copyright are acknowledged together with a "
        "hyperlink to the original Global Research article. For publication of Global Research articles in print or "
        "other forms including commercial internet sites, contact: publications@globalresearch.ca</p></footer>"
    )
    result = analyse(
        body, '<meta property="og:site_name" content="Global Research">', url="https://www.globalresearch.ca/s/1"
    )
    reuse = result.reuse
    assert reuse.category == "permission-granted"
    assert "only on community internet sites" in reuse.conditions
    assert any("commercial internet sites" in r for r in reuse.restrictions)
    assert reuse.contact == "publications@globalresearch.ca"
    assert reuse.summary.startswith("Global Research allows reposting")


# -- dates, people, credit line, evidence --------------------------------------------------------------------


def test_machine_dates_beat_the_address_and_the_words() -> None:
    head = SITE + '<meta property="article:published_time" content="2024-03-04T22:15:00-05:00">'
    result = analyse(ARTICLE.format("<p>May 21, 2025</p>"), head)
    assert result.published == "2024-03-04T22:15:00-05:00"


def test_publisher_name_alone_is_not_an_author() -> None:
    body = "<article><h1>Governor cuts taxes</h1><p>By The Associated Press</p><p>Words.</p></article>"
    result = analyse(body, SITE)
    assert result.authors == []


def test_credit_line_mentions_title_author_original_and_licence() -> None:
    body = ARTICLE.format(
        "<p>This article is republished from The Conversation under a Creative Commons license. Read the "
        '<a href="https://theconversation.com/tides-rise-123">original article</a>.</p>'
    )
    result = analyse(body, SITE)
    line = result.attribution
    assert "Tides rise along the harbor" in line
    assert "Ava Stone" in line
    assert "The Conversation" in line
    assert "https://theconversation.com/tides-rise-123" in line
    assert "CC BY-ND 4.0" in line
    assert "Harbor Ledger" in line  # the republisher is named too


def test_credit_line_of_an_original_names_outlet_and_link() -> None:
    result = analyse(ARTICLE.format(""), SITE)
    assert result.attribution == "“Tides rise along the harbor” by Ava Stone, Harbor Ledger (5 Mar 2024), " + HERE + "."


def test_title_suffix_with_the_site_name_is_dropped() -> None:
    result = analyse("<p>Words.</p>", '<meta property="og:title" content="Tides rise | Harbor Ledger">')
    assert result.title == "Tides rise"


FIELD_EVIDENCE = {
    "title": "title",
    "outlet": "outlet",
    "authors": "authors",
    "published": "published",
    "modified": "modified",
    "canonical_url": "canonical_url",
}


@pytest.mark.parametrize(
    ("body", "head", "url"),
    [
        (
            ARTICLE.format("<p>This story was originally published by ProPublica.</p><p>© 2024 ProPublica</p>"),
            SITE + f'<meta property="article:modified_time" content="2024-03-06"><link rel="canonical" href="{HERE}">',
            HERE,
        ),
        (
            "<article><h1>Sanctions backfire</h1><p>By Ivan Petrov</p>"
            "<p>The original source of this article is RT Op Edge</p><p>Copyright © RT Op Edge, 2016</p></article>",
            "",
            "https://www.globalresearch.ca/s/5548",
        ),
        (ARTICLE.format(ND_LINK), SITE, HERE),
    ],
)
def test_every_filled_field_has_an_evidence_row(body: str, head: str, url: str) -> None:
    result = analyse(body, head, url)
    fields = evidence_fields(result)
    for name, row in FIELD_EVIDENCE.items():
        if getattr(result, name):
            assert any(f == row or f.startswith(row + ".") for f in fields), name
    if result.republication.original:
        assert "republication.original" in fields
    if result.copyright.holders:
        assert any(f.startswith("copyright") for f in fields)
    if result.reuse.category != "unknown":
        assert "reuse" in fields
    assert {row.signal for row in result.evidence} <= {"text", "meta", "json-ld", "link", "url", "registry"}
    assert all(row.snippet for row in result.evidence)


def test_result_is_plain_json() -> None:
    data = json.loads(json.dumps(analyse(ARTICLE.format(ND_LINK), SITE).to_dict()))
    assert data["schema_version"] == 1
    assert data["reuse"]["license"]["id"] == "CC-BY-ND-4.0"


# -- pasted text ---------------------------------------------------------------------------------------------

GLOBAL_RESEARCH_PASTE = """Sanctions Backfire on Europe
By Ivan Petrov
Global Research, September 30, 2016
RT Op Edge 29 September 2016
The sanctions have failed, and Europe is paying the price for them.
The original source of this article is RT Op Edge
Copyright © Ivan Petrov, RT Op Edge, 2016
The Centre for Research on Globalization grants permission to cross-post Global Research articles on community \
internet sites as long as the source and copyright are acknowledged together with a hyperlink to the original Global \
Research article. For publication of Global Research articles in print or other forms including commercial internet \
sites, contact: publications@globalresearch.ca
www.globalresearch.ca contains copyrighted material the use of which has not always been specifically authorized by \
the copyright owner. We are making such material available to our readers under the provisions of "fair use" in an \
effort to advance a better understanding of political, economic and social issues.
"""


def test_pasted_cross_post_from_state_media() -> None:
    result = analyse_text(GLOBAL_RESEARCH_PASTE)
    assert result.input.kind == "text"
    assert result.title == "Sanctions Backfire on Europe"
    assert result.authors == ["Ivan Petrov"]
    assert result.outlet is not None and result.outlet.name == "Global Research"
    assert result.published == "2016-09-30"  # the cross-post's date, from "Global Research, September 30, 2016"
    original = result.republication.original
    assert original is not None
    assert original.outlet is not None and original.outlet.name == "RT"
    assert original.published == "2016-09-29"
    assert result.copyright.holders == ["Ivan Petrov", "RT Op Edge"]
    assert result.copyright.year == 2016
    assert result.reuse.category == "permission-granted"
    assert result.reuse.contact == "publications@globalresearch.ca"
    assert result.reuse.fair_use_claim
    warnings = " ".join(result.warnings)
    assert "state-controlled" in warnings
    assert "rights belong to" in warnings
    assert "fair use" in warnings
    assert "first published by RT Op Edge" in result.attribution
    assert "Republished by Global Research" in result.attribution


def test_pasted_text_without_any_signal() -> None:
    result = analyse_text("The water came in at dawn.\nNeighbours carried sandbags to the school.")
    assert result.outlet is None
    assert not result.republication.is_republication
    assert result.reuse.category == "unknown"
    assert result.attribution


# -- a piece on its own outlet's site is the original ------------------------------------------------------------


def test_wire_story_on_the_wires_own_site_is_the_original() -> None:
    body = (
        "<article><h1>Governor cuts taxes</h1><p>By MARCUS ELLERY</p>"
        "<p>LINCOLN, Neb. (AP) — The governor said on Thursday that taxes would fall.</p>"
        "<p>Copyright 2025 The Associated Press. All rights reserved.</p></article>"
    )
    result = analyse(body, url="https://apnews.com/article/governor-taxes-0123456789")
    assert result.outlet is not None and result.outlet.name == "The Associated Press"
    assert result.outlet.kind == "wire-service"
    assert not result.republication.is_republication
    assert result.copyright.holders == ["The Associated Press"]
    assert result.reuse.category == "all-rights-reserved"
    assert not any("rights belong to" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("credit", "url"),
    [
        ("This story was originally published by ProPublica.", "https://www.propublica.org/article/prisons"),
        ("This article originally appeared on bbc.co.uk.", "https://www.bbc.com/news/uk-12345678"),
    ],
)
def test_credit_line_naming_the_outlet_itself_is_not_a_republication(credit: str, url: str) -> None:
    result = analyse(f"<article><h1>Prisons are full</h1><p>Words.</p><p>{credit}</p></article>", url=url)
    assert not result.republication.is_republication


def test_syndication_source_meta_makes_a_republication() -> None:
    head = SITE + '<meta name="syndication-source" content="https://www.propublica.org/article/tides">'
    result = analyse(ARTICLE.format(""), head)
    assert result.republication.original is not None
    assert result.republication.original.name == "ProPublica"
    assert result.republication.original.url == "https://www.propublica.org/article/tides"


def test_json_ld_is_based_on_makes_a_republication_with_the_original_date() -> None:
    head = SITE + (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tides rise", '
        '"isBasedOn": {"@type": "NewsArticle", "url": "https://www.propublica.org/article/tides", '
        '"datePublished": "2024-03-01", "publisher": {"@type": "Organization", "name": "ProPublica"}}}</script>'
    )
    result = analyse(ARTICLE.format(""), head)
    original = result.republication.original
    assert original is not None
    assert (original.name, original.url, original.published) == (
        "ProPublica",
        "https://www.propublica.org/article/tides",
        "2024-03-01",
    )
    assert ("json-ld", '"isBasedOn": "https://www.propublica.org/article/tides"') in evidence_for(
        result, "republication.original"
    )


def test_canonical_to_another_site_counts_even_without_a_public_suffix() -> None:
    """Intranet and test hosts ('.example', 'localhost') have no public suffix; they still compare as sites."""
    html = (
        '<html><head><link rel="canonical" href="https://origin.example/story/1">'
        '<meta property="og:site_name" content="Mirror"></head><body><h1>T</h1><p>Text.</p></body></html>'
    )
    result = analyse_html(html, "https://mirror.example/copy/1")
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.url == "https://origin.example/story/1"
    same = analyse_html(html.replace("origin.example", "mirror.example"), "https://mirror.example/copy/1")
    assert not same.republication.is_republication


def test_an_outlets_known_licence_beats_a_bare_footer_notice_on_its_own_page() -> None:
    """A bare '© …' reserves nothing in words; The Conversation's own pages stay CC BY-ND by its standing terms."""
    html = (
        "<html><body><article><h1>Why bees matter</h1><p>Bees are important.</p></article>"
        "<footer>Copyright © 2010–2025, The Conversation US, Inc.</footer></body></html>"
    )
    result = analyse_html(html, "https://theconversation.com/why-bees-matter-12345")
    assert result.reuse.category == "open-license"
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-ND-4.0"
    assert any(e.field == "reuse" and e.signal == "registry" for e in result.evidence)
    reserved = analyse_html(
        html.replace("Inc.</footer>", "Inc. All rights reserved.</footer>"), "https://theconversation.com/x-1"
    )
    assert reserved.reuse.category == "all-rights-reserved"


GUARDIAN_PASTE = """Heatwave to hit UK this weekend
Sarah Jones
Fri 5 Jul 2024 16.00 BST
Temperatures are expected to reach 30C in parts of England this weekend, the Met Office said.
© 2024 Guardian News & Media Limited or its affiliated companies. All rights reserved."""


def test_a_paste_closed_by_its_outlets_own_notice_names_that_outlet() -> None:
    result = analyse_text(GUARDIAN_PASTE)
    assert result.outlet is not None and result.outlet.name == "The Guardian"
    assert not result.republication.is_republication
    assert result.authors == ["Sarah Jones"]  # the bare name line under the headline
    assert result.published == "2024-07-05"
    assert result.copyright.holders == ["Guardian News & Media Limited"]
    assert result.reuse.category == "all-rights-reserved"
    assert not result.warnings


def test_a_wire_rights_line_in_a_paste_still_marks_wire_copy() -> None:
    text = "Storm hits coast\n\nStorm damage was widespread on Monday, officials said.\n\n" + (
        "Copyright 2025 The Associated Press. All rights reserved."
    )
    result = analyse_text(text)
    assert result.republication.original is not None
    assert result.republication.original.name == "The Associated Press"


def test_a_paste_of_an_outlets_own_story_with_its_byline_and_notice_is_not_a_copy() -> None:
    text = (
        "Why some cities flood and others don't\n\nBy Priya Natarajan, CNN\n\n"
        "Editor's Note: This story was originally published on March 3, 2023, and has been updated.\n\n"
        "Two river towns took the same storm very differently, engineers said.\n\n"
        "© 2025 Cable News Network. A Warner Bros. Discovery Company. All Rights Reserved."
    )
    result = analyse_text(text)
    assert result.outlet is not None and result.outlet.name == "CNN"
    assert not result.republication.is_republication
    assert result.published == "2023-03-03"  # the redated note gives the piece's own first date
    assert any("Redated" in w for w in result.warnings)


def test_a_paste_carrying_another_sites_notice_beside_the_originals_stays_a_copy() -> None:
    text = (
        "Herd quarantined\n\nBy Marisa Quintanilla, CNN\n\n(CNN) — A dairy herd was quarantined on Monday.\n\n"
        "Copyright 2025 Gray Media Group, Inc. All rights reserved.\n\n"
        "™ & © 2025 Cable News Network, Inc., a Warner Bros. Discovery Company. All rights reserved."
    )
    result = analyse_text(text)
    assert result.republication.original is not None and result.republication.original.name == "CNN"


@pytest.mark.parametrize(
    ("notice", "is_copy"),
    [
        ("© 2025 TASS. All rights reserved.", True),  # the rights line under every client's copy
        ("© 1999–2025 TASS Russian News Agency. All rights reserved.", False),  # the footer of TASS's own site
    ],
)
def test_a_wires_own_site_footer_in_a_paste_makes_it_the_wires_own_story(notice: str, is_copy: bool) -> None:
    dateline = "MOSCOW, March 12. /TASS/. The train will run twice a week."
    text = f"Overnight train to link Kazan and Astana\n\n{dateline}\n\n{notice}"
    result = analyse_text(text)
    assert result.republication.is_republication is is_copy
    if not is_copy:
        assert result.outlet is not None and result.outlet.name == "TASS"


def test_a_page_with_only_an_updated_date_was_published_that_day() -> None:
    head = SITE + '<meta property="article:modified_time" content="2025-02-19T17:48:00+05:30">'
    result = analyse(ARTICLE.format(""), head, url="https://harborledger.com/news/tides-rise")
    assert result.published == result.modified == "2025-02-19T17:48:00+05:30"
    assert any(row.field == "published" and "last-updated" in row.snippet for row in result.evidence)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By VOA", []),  # the outlet's own name
        ("By Press Trust of India", []),
        ("ANADOLU AGENCY ANKARA", []),  # the agency and its bureau
        ("By RT News", ["RT News"]),  # a named desk
    ],
)
def test_an_outlet_is_never_an_author_but_a_named_desk_may_be(byline: str, authors: list[str]) -> None:
    result = analyse_text(f"Tea pickers face heat\n\n{byline}\n\nWorkers on the estates said the heat was worse.")
    assert result.authors == authors


def test_a_forum_copy_keeps_its_own_date_and_gives_the_earlier_one_to_the_original() -> None:
    text = (
        "Re: grain exports\nPost by northsea_lurker » Tue Feb 11, 2025 9:47 pm\n\n"
        "Posting the whole thing for discussion:\n\nNew grain terminal opens in Vanino\n\n10:17 GMT 10.02.2025\n\n"
        "A new grain terminal has begun operating at the port of Vanino, its operator said.\n\n"
        "Source: Sputnik International"
    )
    result = analyse_text(text)
    assert result.published == "2025-02-11"
    assert result.republication.original is not None
    assert result.republication.original.name.startswith("Sputnik")
    assert result.republication.original.published == "2025-02-10"


def test_syndicated_feed_boilerplate_names_the_site_a_paste_came_from() -> None:
    text = (
        "Cold storage hubs for tomato farmers\n\nBengaluru, Feb 19 (IANS) The state will build 12 cold storage hubs, "
        "the minister said.\n\n(Only the headline and picture of this report may have been reworked by the "
        "Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)"
    )
    result = analyse_text(text)
    assert result.outlet is not None and result.outlet.name == "Business Standard"
    assert result.republication.original is not None and result.republication.original.name == "IANS"


def test_a_reporting_partner_is_not_a_distributor() -> None:
    text = (
        "Inside the jail's medical unit\n\nBy Ana Ruiz, The Texas Tribune, and Tom Bell, The Marshall Project\n\n"
        "Inmates waited weeks for care, records show.\n\n"
        "This story was produced in partnership with The Marshall Project.\n\n"
        "This article originally appeared in The Texas Tribune at https://www.texastribune.org/2025/04/02/jail/."
    )
    republication = analyse_text(text).republication
    assert republication.original is not None and republication.original.name == "The Texas Tribune"
    assert republication.via == []


def test_a_syndicates_distribution_line_names_original_and_distributor() -> None:
    text = (
        "Chipmakers race to build plants\n\nThe plants will take years to finish, executives said.\n\n"
        "©2026 Bloomberg L.P. Visit bloomberg.com. Distributed by Tribune Content Agency, LLC."
    )
    republication = analyse_text(text).republication
    assert republication.original is not None and republication.original.name.startswith("Bloomberg")
    assert [via.name for via in republication.via] == ["Tribune Content Agency"]


def test_a_pasted_pages_masthead_and_breadcrumb_are_not_its_headline() -> None:
    text = (
        "U.S. News & World Report\nNews › Politics\n\nBy Associated Press | Feb. 11, 2025, at 3:07 p.m.\n\n"
        "Federal Regulators Propose Limits on Freight Train Length\n\n"
        "WASHINGTON (AP) — Regulators proposed capping most freight trains at 10,000 feet on Tuesday.\n\n"
        "Copyright 2025 The Associated Press. All rights reserved."
    )
    result = analyse_text(text)
    assert result.title == "Federal Regulators Propose Limits on Freight Train Length"
    assert result.outlet is not None and result.outlet.name == "U.S. News & World Report"
    assert result.republication.original is not None
    assert result.republication.original.name == "The Associated Press"


def test_a_government_release_under_the_open_government_licence() -> None:
    text = (
        "GOV.UK\nHome › Transport › Rail\n\nPress release\nForty more railway stations to get step-free access\n\n"
        "From: Department for Transport\nPublished 12 March 2025\n\nForty stations will be made step-free.\n\n"
        "All content is available under the Open Government Licence v3.0, except where otherwise stated\n"
        "© Crown copyright"
    )
    result = analyse_text(text)
    assert result.title == "Forty more railway stations to get step-free access"
    assert result.outlet is not None and result.outlet.name == "GOV.UK"
    assert result.reuse.category == "open-license"
    assert result.reuse.license is not None and result.reuse.license.id == "OGL-UK-3.0"
    assert not result.warnings  # Crown copyright is GOV.UK's own


def test_a_staff_writer_line_and_a_dateline_place_are_not_people_or_outlets() -> None:
    text = (
        "Phosphate stack closure slips to 2029\n\nBy Rebecca Santoro, Times Staff Writer\n\n"
        "The closure plan slipped again, regulators said.\n\nVon Katharina Wendel, Wiesbaden"
    )
    result = analyse_text(text)
    assert result.authors == ["Rebecca Santoro", "Katharina Wendel"]
    assert not result.republication.is_republication  # "Times" is not The Times of London


def test_a_slack_paste_with_the_shared_link_and_a_bold_headline() -> None:
    text = (
        "The one from standup :point_down: <https://www.latimes.com/california/story/2025-06-03/fresno|LA Times>"
        "\n\n*Fresno County farmers are flooding their own fields on purpose*\n\n_By Rosa Delgadillo, Staff Writer_"
        "\n\n> When the river ran high this spring, growers opened the canal gates.\n"
    )
    result = analyse_text(text)
    assert result.title == "Fresno County farmers are flooding their own fields on purpose"
    assert result.authors == ["Rosa Delgadillo"]
    assert result.outlet is not None and result.outlet.name == "Los Angeles Times"


def test_a_read_more_link_names_the_outlet_but_a_citation_does_not() -> None:
    story = "Peat bogs are drying out twice as fast as predicted\n\nThe study tracked 400 wells over 12 years.\n\n"
    pointed = analyse_text(story + "Read more: https://www.theguardian.com/environment/2025/mar/11/peat-bogs")
    assert pointed.outlet is not None and pointed.outlet.name == "The Guardian"
    cited = analyse_text(
        story + "A similar study (https://www.theguardian.com/environment/2024/peat) found less.\n\nMore to come."
    )
    assert cited.outlet is None


def test_a_newsletters_masthead_with_its_own_address_names_it() -> None:
    text = (
        "TIDEWATER BRIEF\nTuesday, October 7, 2025\n\nThree stories worth your five minutes.\n\n"
        "1. Insurers redraw the coastal flood map https://www.nytimes.com/2025/10/06/business/flood-maps.html\n\n"
        "Tidewater Brief is a twice-weekly newsletter. Subscribe at tidewaterbrief.com"
    )
    result = analyse_text(text)
    assert result.outlet is not None and result.outlet.name == "Tidewater Brief"
    assert not result.republication.is_republication


def test_a_pasted_press_release_is_the_issuers_distributed_by_the_wire() -> None:
    text = (
        "Halvorsen Robotics Unveils Autonomous Pallet Inspector\n\n"
        "MINNEAPOLIS, March 4, 2025 /PRNewswire/ -- Halvorsen Robotics, Inc. today announced FrostLine.\n\n"
        "View original content: https://www.prnewswire.com/news-releases/frostline-302390418.html\n\n"
        "SOURCE Halvorsen Robotics, Inc."
    )
    result = analyse_text(text)
    assert result.republication.original is not None
    assert result.republication.original.name.startswith("Halvorsen Robotics")
    assert [via.name for via in result.republication.via] == ["PR Newswire"]
    assert result.published == "2025-03-04"


def test_teaser_cards_and_rails_around_an_original_do_not_make_it_a_copy() -> None:
    body = ARTICLE.format("") + (
        '<section class="trending-strip" aria-label="Trending"><ul><li class="teaser">'
        '<p class="teaser-credit">By Owen Castel. This story first appeared in The Guardian.</p></li>'
        '<li class="teaser"><p class="teaser-credit">By Ruth Benoit</p></li></ul></section>'
        '<div class="related-card"><p>By The Associated Press</p></div>'
    )
    result = analyse(body, SITE)
    assert not result.republication.is_republication
    assert result.authors == ["Ava Stone"]


def test_cookie_banners_and_privacy_notices_carry_no_rights() -> None:
    body = ARTICLE.format("") + (
        '<div id="cookie-consent" class="cmp-banner" role="dialog"><p>Consent management © 2025 Northgate '
        "Consent Ltd. All rights reserved.</p></div>"
        '<aside class="newsletter-box"><p>© 2025 Harbor Morning Report. Unsubscribe anytime.</p></aside>'
        '<section class="privacy-notice"><p>Icons are used under the <a href="https://creativecommons.org/licenses/'
        'by/4.0/">CC BY 4.0</a> licence.</p></section>'
        '<footer class="site-footer"><p>© 2025 Harbor Ledger Media LLC. All rights reserved.</p></footer>'
    )
    result = analyse(body, SITE)
    assert result.copyright.holders == ["Harbor Ledger Media LLC"]
    assert result.reuse.category == "all-rights-reserved" and result.reuse.license is None


def test_a_weaker_sources_longer_spelling_of_an_author_is_not_another_author() -> None:
    head = SITE + (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tides rise along the harbor", '
        '"author": [{"@type": "Person", "name": "Marisol Quintanilla"}]}</script>'
    )
    body = (
        '<article><h1>Tides rise along the harbor</h1><div class="byline">By Marisol Quintanilla '
        '<span class="staff">Globe Staff</span></div><p>Words.</p></article>'
    )
    assert analyse(body, head).authors == ["Marisol Quintanilla"]


def test_an_outlets_own_brand_name_is_not_another_outlet() -> None:
    head = '<meta property="og:site_name" content="ABC News">'
    result = analyse_html(page(ARTICLE.format(""), head), "https://www.abc.net.au/news/2025-03-04/grain/105001")
    assert result.outlet is not None and result.outlet.name == "ABC (Australia)"
    assert not result.republication.is_republication  # not the US network's ABC News


def test_a_paste_closed_by_an_unknown_outlets_notice_names_it() -> None:
    text = "Flood gates close\n\nThe city closed the flood gates.\n\nCopyright 2026 by KSAT - All rights reserved."
    result = analyse_text(text)
    assert result.outlet is not None and result.outlet.name == "KSAT"


def test_a_syndicated_column_with_the_originals_notice_stays_a_copy() -> None:
    text = (
        "Why the water bills keep rising\n\nBy Rosa Linares, Los Angeles Times (TNS)\n\nRates rose again.\n\n"
        "©2025 Los Angeles Times. Visit at latimes.com. Distributed by Tribune Content Agency, LLC."
    )
    result = analyse_text(text)
    assert result.outlet is None
    assert result.republication.original is not None and result.republication.original.name == "Los Angeles Times"
    assert [via.name for via in result.republication.via] == ["Tribune Content Agency"]


def test_additional_reporting_does_not_add_an_author_when_the_byline_names_them() -> None:
    text = (
        "Nickel smelter output falls\n\nBy Stefanus Wirawan\n\nJAKARTA, Aug 19 (Reuters) - Output fell.\n\n"
        "(Reporting by Stefanus Wirawan; Additional reporting by Li Wen Tan; Editing by Ed Davies)"
    )
    assert analyse_text(text).authors == ["Stefanus Wirawan"]


def test_the_desk_writer_of_a_reporting_line_is_no_author_beside_the_byline() -> None:
    # "Writing by" credits the desk editor who wrote the reporters' copy up: the byline names the story's writers
    text = (
        "Ferry search widens at sea\n\nBy Maren Oakes and Tobias Venn\n\nHARBOURTON (Reuters) - The search widened.\n\n"
        "(Additional reporting by Ilse Marrow; Writing by Dana Whitcombe; Editing by Ed Davies)"
    )
    assert analyse_text(text).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_reporting_lines_desk_writer_stands_when_nothing_else_names_one() -> None:
    text = "Ferry search widens at sea\n\nThe search widened.\n\n(Writing by Dana Whitcombe; Editing by Ed Davies)"
    assert analyse_text(text).authors == ["Dana Whitcombe"]


def test_a_newsletter_on_a_platform_credits_another_newsletter_on_it() -> None:
    body = (
        "<article><h1>The grain elevator is the last public square</h1><p>It first appeared in "
        '<a href="https://fieldnotesdelta.substack.com/p/grain">Field Notes from the Delta</a> on February 9, 2025, '
        "and is republished here with her permission.</p><p>Words.</p></article>"
    )
    result = analyse_html(page(body), "https://prairieledger.substack.com/p/grain")
    assert result.republication.original is not None
    assert result.republication.original.name == "Field Notes from the Delta"
    assert result.republication.original.published == "2025-02-09"


def test_a_think_tank_piece_and_a_distribution_service() -> None:
    body = (
        "<article><h1>Grid deals in the Mekong</h1><p>By Stimson Center By Priya Ramanathan</p><p>Words.</p>"
        '<p>Source: This article was published at <a href="https://www.stimson.org/2025/grid/">Stimson Center</a></p>'
        "</article>"
    )
    result = analyse_html(page(body), "https://www.eurasiareview.com/05032025-grid-deals/")
    assert result.republication.original is not None and result.republication.original.name == "Stimson Center"
    assert result.authors == ["Priya Ramanathan"]
    relayed = analyse_text(
        "Road money\n\nWords.\n\nThis article was originally published by RealClearPolitics and made available "
        "via RealClearWire."
    )
    assert relayed.republication.original is not None
    assert relayed.republication.original.name == "RealClearPolitics"
    assert [via.name for via in relayed.republication.via] == ["RealClearWire"]


def test_wire_stories_pasted_from_the_wires_own_sites() -> None:
    reuters = analyse_text(
        "Nickel smelters cut output\n\nBy Stefanus Wirawan\n\nJAKARTA, Aug 19 (Reuters) - Output fell.\n\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n\n© 2024 Reuters. All rights reserved"
    )
    assert reuters.outlet is not None and reuters.outlet.name == "Reuters"
    assert not reuters.republication.is_republication
    xinhua = analyse_text(
        "english.news.cn\n\nFeature: Ice lanterns light up winter economy\n\n"
        "Source: Xinhua | 2026-01-14 16:48:02 | Editor: huaxia\n\n"
        "HARBIN, Jan. 14 (Xinhua) -- by Xinhua writers Gao Shanlin, Meng Lili\n\nThe lanterns drew crowds."
    )
    assert xinhua.outlet is not None and xinhua.outlet.name == "Xinhua"
    assert not xinhua.republication.is_republication
    assert xinhua.title == "Feature: Ice lanterns light up winter economy"
    assert xinhua.published == "2026-01-14"


def test_site_names_and_section_trails_above_a_pasted_headline() -> None:
    text = (
        "Financial Post\n\nNews / Economy\n\nCanadian pension funds pull back from office towers\n\n"
        "Author of the article:\nBloomberg News\nRhiannon Tait and Oskar Lindgren\n\nThe funds sold towers.\n\n"
        "©2025 Bloomberg L.P."
    )
    result = analyse_text(text)
    assert result.title == "Canadian pension funds pull back from office towers"
    assert result.outlet is not None and result.outlet.name == "Financial Post"
    assert result.authors == ["Rhiannon Tait", "Oskar Lindgren"]


def test_an_agency_dateline_with_the_state_and_country() -> None:
    text = (
        "Kerala to deploy drones near forest villages\n\nThiruvananthapuram (Kerala) [India], August 14 (ANI): "
        "The forest department will deploy drones, officials said."
    )
    result = analyse_text(text)
    assert result.republication.original is not None and result.republication.original.name == "ANI"


def test_a_copy_credit_line_keeps_a_paste_a_copy_despite_the_originals_notice() -> None:
    text = (
        "Lawmakers weigh school vouchers\n\nBy Ana Ruiz\n\nThe bill passed the Senate.\n\n"
        "This article originally appeared in The Texas Tribune at https://www.texastribune.org/2025/03/04/vouchers/."
        "\n\n© 2025 The Texas Tribune"
    )
    result = analyse_text(text)
    assert result.republication.original is not None and result.republication.original.name == "The Texas Tribune"
    assert result.outlet is None


def test_a_us_government_work_is_public_domain() -> None:
    body = ARTICLE.format(
        "<p>This is a U.S. government work and is not subject to copyright protection in the United States. "
        "It may be freely reproduced.</p>"
    )
    result = analyse(body, SITE)
    assert result.reuse.category == "open-license"
    assert result.reuse.license is not None and result.reuse.license.id == "CC-PDM-1.0"


def test_a_section_label_and_a_masthead_described_in_the_footer() -> None:
    text = (
        "Eurasia Wire Digest — your daily round-up of news from the region\n\nOpinion | Guest Essay\n\n"
        "Gas transit deal expands pipeline through Central Asia\n\nThe deal was signed on Tuesday.\n\n"
        "Eurasia Wire Digest aggregates headlines from news agencies across the region."
    )
    result = analyse_text(text)
    assert result.title == "Gas transit deal expands pipeline through Central Asia"
    assert result.outlet is not None and result.outlet.name == "Eurasia Wire Digest"


def test_a_name_line_needs_a_headline_above_or_a_date_below() -> None:
    text = "First paragraph of a story that opens with prose, not a headline at all, and goes on.\n\nJane Roe\n\nMore."
    assert analyse_text(text).authors == []


def test_date_lines_and_datelines_count_from_the_headline_not_the_page_top() -> None:
    """A site with no <article> markup and a long header: the article starts at its headline."""
    header = "".join(f"<div class='promo'><span>Offer {i}</span></div>" for i in range(300))
    html = (
        "<html><head><meta property='og:title' content='Grain terminal to open on the Caspian coast'></head><body>"
        f"{header}<div class='post'><h3>Grain terminal to open on the Caspian coast</h3>"
        "<h2 class='date-header'>Wednesday, May 14, 2025</h2>"
        "<p>MOSCOW, May 14. /TASS/. A new grain terminal will open in autumn, officials said.</p></div></body></html>"
    )
    result = analyse_html(html, "https://someblog.blogspot.com/2025/05/grain.html")
    assert result.published == "2025-05-14"
    assert result.republication.original is not None and result.republication.original.name == "TASS"
    assert result.outlet is not None and result.outlet.domain == "someblog.blogspot.com"


def test_another_known_outlet_named_as_publisher_on_a_known_site_is_the_original() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="MSN"><script type="application/ld+json">'
        '{"@type":"NewsArticle","headline":"X","publisher":{"@type":"Organization","name":"The Independent"}}'
        "</script></head><body><h1>X</h1><p>Text.</p></body></html>"
    )
    result = analyse_html(html, "https://www.msn.com/en-gb/news/uknews/x/ar-AA1")
    assert result.outlet is not None and result.outlet.kind == "aggregator"
    assert result.republication.original is not None
    assert result.republication.original.name == "The Independent"
    own = analyse_html(html.replace("The Independent", "MSN"), "https://www.msn.com/en-gb/news/uknews/x/ar-AA1")
    assert not own.republication.is_republication


def test_the_company_that_owns_the_site_holding_the_rights_is_no_warning() -> None:
    # "© 2024 Quayside Media Group" under a Harbor Ledger story: the site's owner holds the rights, so the site's own
    # terms are its owner's, and nothing need be said of rights held elsewhere
    rows = (
        '[[outlet]]\nname = "Harbor Ledger"\ndomains = ["harborledger.com"]\n'
        'organization = "Quayside Media Group"\ncountry = "US"\nkind = "news"\n'
    )
    body = ARTICLE.format("<p>© 2024 Quayside Media Group. All rights reserved.</p>")
    html = page(body, SITE, title="Tides rise along the harbor | Harbor Ledger")
    result = analyse_html(html, HERE, registry=with_own_outlets(load_registry(), rows))
    assert result.copyright.holders == ["Quayside Media Group"]
    assert not any("rights belong to" in w for w in result.warnings)
