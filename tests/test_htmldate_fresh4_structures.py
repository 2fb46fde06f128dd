"""Structures met on htmldate's test pages (fourth round); each page here is invented to reproduce one of them."""

from __future__ import annotations

from bot.engine import analyse_html

HEADLINE = "Harbour operator earns more than ever this summer"


def _page(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE}</title>"
        f'<meta property="og:title" content="{HEADLINE}"><meta property="og:site_name" content="harbor.example">'
        f"{head}</head><body><div class='masthead'>Harbor Ledger</div><article><h1>{HEADLINE}</h1>{body}</article>"
        "<footer><p>© 2023 Harbor Media &amp; IT GmbH</p></footer></body></html>"
    )


def test_a_business_wire_notice_under_the_text_marks_its_copy() -> None:
    body = (
        "<p>The harbour operator earned more in the summer quarter than ever before, it said on Tuesday.</p>"
        "<p>Passenger numbers rose by a tenth on the year before.</p>"
        "<p>© dpa-AFX | Abb.: Harbour operator | 07.11.2023 08:03</p>"
    )
    result = analyse_html(_page(body), "https://www.harbor.example/news-1/operator-earns.html")
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.name == "dpa-AFX"


def test_a_free_picture_librarys_credit_names_no_holder_of_the_article() -> None:
    body = (
        "<p>The harbour operator earned more in the summer quarter than ever before, it said on Tuesday.</p>"
        "<p>© Dana Pike auf Unsplash - Unsplash</p>"
        "<p>Passenger numbers rose by a tenth on the year before.</p>"
    )
    result = analyse_html(_page(body), "https://www.harbor.example/news-1/operator-earns.html")
    assert result.copyright.holders == ["Harbor Media & IT GmbH"]


def test_a_notice_naming_its_holder_covers_the_piece_before_one_giving_only_years() -> None:
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "copyrightHolder": ["Harbor Ledger"]}</script>'
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE}</title>{ld}</head>"
        f"<body><article><h1>{HEADLINE}</h1><p>The harbour operator earned more than ever, it said.</p></article>"
        "<footer><p>Copyright © 2023 · Harbor Ledger</p></footer></body></html>"
    )
    result = analyse_html(html, "https://harbor-ledger.example/news/operator-earns")
    assert result.copyright.holders == ["Harbor Ledger"]


def test_a_publisher_tag_naming_the_company_yields_to_the_site_name_in_the_title() -> None:
    html = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{HEADLINE} | Harbor-Kurier.de</title>"
        '<meta name="publisher" content="Harbor RegioMedia Ltd. &amp; Co. KG"></head>'
        f"<body><article><h1>{HEADLINE}</h1><p>The harbour operator earned more than ever, it said.</p></article>"
        "</body></html>"
    )
    result = analyse_html(html, "https://www.harbor-kurier.example/artikel/1-operator-earns")
    assert result.outlet is not None
    assert result.outlet.name == "Harbor-Kurier.de"


def test_a_publisher_tag_naming_the_company_still_names_a_site_that_names_itself_nothing_else() -> None:
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE}</title>"
        '<meta name="publisher" content="Harbor RegioMedia GmbH"></head>'
        f"<body><article><h1>{HEADLINE}</h1><p>The harbour operator earned more than ever, it said.</p></article>"
        "</body></html>"
    )
    result = analyse_html(html, "https://www.harbor-kurier.example/artikel/1-operator-earns")
    assert result.outlet is not None
    assert result.outlet.name == "Harbor RegioMedia GmbH"


def test_a_line_under_the_headline_opening_with_its_day_is_dated_past_a_read_aloud_players_buttons() -> None:
    line = (
        '<time datetime="2021-04-28">28.04.2021 - 07:18</time> | Quelle: <span>Harbor Wire topthem...</span> | '
        "Lesedauer etwa 4 min. | <span>Text vorlesen</span> <span>Stop</span> <span>Pause</span> "
        "<span>Fortsetzen</span>"
    )
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE}</title></head><body>"
        f'<div class="news"><h1>{HEADLINE}</h1><div class="gaTrack"><span class="datum">{line}</span></div>'
        "<p>The harbour operator earned more in the summer quarter than ever before, it said on Tuesday.</p>"
        "</div></body></html>"
    )
    assert analyse_html(html, "https://www.harbor.example/news/operator-earns/24437626").published == "2021-04-28"


def test_an_agency_and_its_city_where_the_byline_goes_mark_its_copy() -> None:
    body = (
        '<ul class="article-meta"><li><strong><a href="/agency/pti.html">PTI</a></strong> '
        "<strong>Mumbai</strong></li><li><strong>Last Updated:</strong> September 24, 2020, 9:27 PM IST</li></ul>"
        "<p>The harbour operator earned more in the summer quarter than ever before, it said on Tuesday.</p>"
    )
    result = analyse_html(_page(body), "https://www.harbor.example/news/business/operator-earns-2906047.html")
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.name == "PTI"


def test_a_writers_name_where_the_byline_goes_is_no_agency_and_city() -> None:
    body = (
        "<ul><li>Dana Pike</li><li>Last Updated: September 24, 2020, 9:27 PM IST</li></ul>"
        "<p>The harbour operator earned more in the summer quarter than ever before, it said on Tuesday.</p>"
    )
    result = analyse_html(_page(body), "https://www.harbor.example/news/business/operator-earns-2906047.html")
    assert not result.republication.is_republication
