"""Structures met on htmldate's test pages (seventh round); each page here is invented to reproduce one of them."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import ledger_page, paragraphs


def test_an_entertainment_agencys_bare_credit_under_the_text_makes_it_the_original() -> None:
    body = "<p class='date'>20. Juni 2019, 17:32 Uhr</p>" + paragraphs(6) + "<p>SpotOnNews</p>"
    result = analyse_html(ledger_page(body), "https://harbor.example/aktuell/ferry-123.html")
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.name == "spot on news"


def test_a_holders_title_and_initial_stay_in_the_notice() -> None:
    footer = "<p>© 2010 by Dr. Jana K. Vollmer | Impressum | Kontakt</p>"
    result = analyse_html(ledger_page(paragraphs(6), footer), "https://harbor.example/news/2011/12/ferry/")
    assert result.copyright.holders == ["Dr. Jana K. Vollmer"]


def test_a_licence_after_a_labelled_picture_credit_in_the_footer_is_the_pictures() -> None:
    # the footer's own notice, then "Bildquelle Banner: <title> (<licence>, <photographer>)" on the same line
    footer = (
        "<p>© 2007 - 2012 by Team Harbor Ledger | Impressum | Bildquelle Banner: Evening Pier "
        "(<a href='http://creativecommons.org/licenses/by-sa/3.0/'>cc-by-sa 3.0</a>, J. Roe)</p>"
    )
    result = analyse_html(ledger_page(paragraphs(6), footer), "https://harbor.example/news/ferry/")
    assert result.reuse.license is None
    assert result.reuse.category == "all-rights-reserved"


def test_a_notice_in_a_caption_set_in_the_figures_own_footer_is_the_pictures() -> None:
    # no <figcaption>: the caption is a <footer> inside the <figure>, with the picture's © in brackets
    body = (
        "<figure><img src='/lead.jpg' alt=''><footer>The new ferry at the pier. (© Pierworks, Montage: J. Roe)"
        "</footer></figure><p class='date'>07.11.2023</p>" + paragraphs(6)
    )
    result = analyse_html(ledger_page(body, "<p>© 2023 - Harbor Ledger</p>"), "https://harbor.example/news/ferry/")
    assert result.copyright.holders == ["Harbor Ledger"]


def test_a_site_named_by_its_address_outweighs_a_kicker_before_the_headline_in_the_title() -> None:
    head = "<meta property='og:site_name' content='https://www.harborledger.example'>"
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Night Ferries: The board weighs a late crossing"
        f"</title>{head}</head><body><main><article><p class='kicker'>Night Ferries</p>"
        "<h1>The board weighs a late crossing</h1><p class='date'>29. Januar 2019</p>"
        + paragraphs(6)
        + "</article></main></body></html>"
    )
    result = analyse_html(page, "https://www.harborledger.example/news/night-ferry-172529")
    assert result.outlet is not None
    assert result.outlet.name == "harborledger.example"


def test_a_columns_own_line_over_its_text_names_the_writer_the_metadata_gives_by_first_name() -> None:
    # the date in the byline row, then "<p><strong>Eine Kolumne von …</strong></p>" opening the text
    body = "<p class='date'>25. Oktober 2023</p><p><strong>Eine Kolumne von Jana Vollmer</strong></p>" + paragraphs(6)
    result = analyse_html(
        ledger_page(body, head="<meta name='author' content='Jana'>"), "https://harbor.example/k/ferry/"
    )
    assert result.authors == ["Jana Vollmer"]
