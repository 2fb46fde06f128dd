"""Who grants and who holds: `reuse.granted_by`, and a category, summary and warnings that agree with it."""

from __future__ import annotations

from bot.engine.pipeline import analyse_html, analyse_text
from bot.engine.reuse import _unique
from bot.model import Analysis
from tests.engine_helpers import page

GR_HEAD = '<meta property="og:site_name" content="Global Research">'
GR_GRANT = (
    "<footer><p>The Centre for Research on Globalization grants permission to cross-post Global Research "
    "articles on community internet sites as long as the source and copyright are acknowledged together with a "
    "hyperlink to the original Global Research article. For publication of Global Research articles in print or "
    "other forms including commercial internet sites, contact: publications@globalresearch.ca</p></footer>"
)


def global_research(article: str) -> Analysis:
    html = page(article + GR_GRANT, GR_HEAD, title="Sanctions backfire | Global Research")
    return analyse_html(html, "https://www.globalresearch.ca/sanctions-backfire/5551234")


def test_a_site_granting_its_own_piece_is_the_grantor_and_the_holder() -> None:
    result = global_research(
        "<article><h1>Sanctions backfire</h1><p>By Ivan Petrov</p><p>The sanctions have failed.</p></article>"
    )
    reuse = result.reuse
    assert (reuse.category, reuse.granted_by) == ("permission-granted", "Global Research")
    assert reuse.summary.startswith("Global Research allows reposting")
    assert not any("rights belong to" in w for w in result.warnings)


def test_a_grant_by_a_site_that_does_not_hold_the_rights_says_whom_to_ask() -> None:
    result = global_research(
        "<article><h1>Sanctions backfire</h1><p>By RT News</p><p>The sanctions have failed, officials said.</p>"
        "<p>The original source of this article is RT Op Edge</p>"
        "<p>Copyright © RT News, RT Op Edge, 2016</p></article>"
    )
    reuse = result.reuse
    # the terms found are Global Research's grant: the category says what they are, granted_by whose they are
    assert (reuse.category, reuse.granted_by) == ("permission-granted", "Global Research")
    assert reuse.summary.startswith("Ask RT before republishing")
    assert "the rights belong to RT" in reuse.summary
    assert "allows reposting" not in reuse.summary
    rights = [w for w in result.warnings if "rights belong to" in w]
    assert len(rights) == 1 and "cannot license" not in rights[0]
    assert "permission to repost does not reach this piece" in rights[0]


def test_a_copy_under_its_original_publishers_terms_is_granted_by_the_original() -> None:
    text = (
        "Clinic closures leave rural towns without care\n\nBy Dana Reyes, The Texas Tribune\n\n"
        "Three clinics closed this spring, county officials said on Tuesday.\n\n"
        "This article originally appeared in The Texas Tribune at https://www.texastribune.org/2024/05/01/clinics/."
    )
    reuse = analyse_text(text).reuse
    assert reuse.granted_by == "The Texas Tribune"
    assert reuse.summary.startswith("The Texas Tribune allows reposting")


def test_a_bare_notice_reserves_for_its_holder() -> None:
    body = "<article><h1>Tides rise</h1><p>By Ava Stone</p><p>The water came in.</p></article>"
    html = page(body + "<footer><p>© 2024 Harbor Ledger Media LLC</p></footer>", title="Tides rise")
    reuse = analyse_html(html, "https://harborledger.com/2024/03/05/tides-rise").reuse
    assert reuse.category == "all-rights-reserved"
    assert reuse.granted_by == "Harbor Ledger Media LLC"


def test_nothing_found_names_no_grantor() -> None:
    body = "<article><h1>Tides rise</h1><p>By Ava Stone</p><p>The water came in.</p></article>"
    reuse = analyse_html(page(body, title="Tides rise"), "https://harborledger.com/2024/03/05/tides-rise").reuse
    assert (reuse.category, reuse.granted_by) == ("unknown", None)


def test_restrictions_worded_twice_are_kept_once() -> None:
    kept = _unique(
        [
            "publication in print or on commercial internet sites needs permission",
            "pieces Global Research itself republished keep their original owner's copyright",
            "publication in print or other forms including commercial internet sites needs permission",
            "no substantive edits",
        ]
    )
    assert kept == [
        "publication in print or on commercial internet sites needs permission",
        "pieces Global Research itself republished keep their original owner's copyright",
        "no substantive edits",
    ]


def test_granted_by_survives_the_database_round_trip() -> None:
    result = global_research("<article><h1>Sanctions backfire</h1><p>By Ivan Petrov</p><p>Failed.</p></article>")
    again = Analysis.from_dict(result.to_dict())
    assert again.reuse.granted_by == "Global Research"
    assert "granted_by" in result.to_dict()["reuse"]


def test_a_creative_commons_licence_the_page_does_not_name_makes_the_piece_open_with_no_licence_named() -> None:
    # a wiki-like site's footer: who holds the portions, then "available under a Creative Commons license", no more
    html = page(
        "<article><h1>Harbour ferry timetable changes</h1><p>The winter timetable starts on Monday, with three"
        " crossings a week.</p></article><footer><p>Portions of this content are ©1998–2015 by individual"
        " harbor.example contributors. Content available under a Creative Commons license.</p></footer>",
        '<meta property="og:site_name" content="Harbor Wiki">',
    )
    result = analyse_html(html, "https://harbor.example/wiki/ferry-timetable")
    assert (result.reuse.category, result.reuse.license) == ("open-license", None)
    assert result.reuse.summary.startswith("Openly licensed")
    assert any("which Creative Commons licence" in condition for condition in result.reuse.conditions)
    assert "Portions of this content are" not in result.copyright.holders


def test_an_unnamed_creative_commons_licence_on_a_copy_is_the_originals_known_licence() -> None:
    html = page(
        "<article><h1>Why harbour seals return</h1><p>Seals come back to the harbour each winter, researchers"
        " say.</p><p>This article is republished from The Conversation under a Creative Commons license.</p>"
        "</article>"
    )
    result = analyse_html(html, "https://harbornews.example/2024/01/05/why-harbour-seals-return")
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-ND-4.0"
