"""Structures met on real pages (eleventh fresh round: dates and outlets); each page here is invented."""

from __future__ import annotations

import pytest

from bot.engine import analyse_html
from bot.engine.dates import short_year_dates

HEADLINE = "Why the harbour ferry runs late in autumn"
BODY = "".join(f"<p>Paragraph {n} about tides, ropes and the ferry's old engine room.</p>" for n in range(6))


def _page(date_line: str, footer: str, above: bool = False) -> str:
    head = f"<div class='kicker'>{date_line}</div><h1>{HEADLINE}</h1>" if above else f"<h1>{HEADLINE}</h1>"
    under = "" if above else f"<div class='meta'>{date_line}</div>"
    return (
        f"<html><head><title>{HEADLINE}</title></head><body><header><p>Harbour News</p></header>"
        f"<article>{head}{under}{BODY}</article>"
        f"<footer><p>{footer}</p></footer></body></html>"
    )


URL = "https://harbour-news.example/stories/ferry-late"


@pytest.mark.parametrize("above", [False, True])
def test_a_two_digit_year_by_the_headline_takes_the_century_of_the_pages_years(above: bool) -> None:
    # no year in the address: the copyright line's "2023" tells the century of "30.10.23"
    html = _page("Hafen, 30.10.23 / 2 Kommentare", "© 2023 Harbour News", above)
    assert analyse_html(html, URL).published == "2023-10-30"


def test_a_two_digit_year_the_pages_years_do_not_reach_is_not_read() -> None:
    # the page prints no four-digit year at or a little after "19": nothing tells its century
    html = _page("Hafen, 30.10.19", "© 2011 Harbour News")
    assert analyse_html(html, URL).published is None


def test_a_short_year_is_never_after_the_newest_year_the_page_prints() -> None:
    assert short_year_dates("31.10.24", None, frozenset({2023})) == []
    assert short_year_dates("14 Gennaio 20", None, frozenset({2017, 2023})) == [(0, 13, "2020-01-14")]


def test_a_short_year_event_day_over_the_headline_yields_to_its_full_date_line() -> None:
    # a webinar's "19.1.23, 10:00-11:30 Uhr" in a box over the headline; the article's own line gives the full year
    html = (
        "<html><body><header><p>Harbour News</p></header><aside><p>Webinar</p><p>19.1.23, 10:00-11:30 Uhr</p></aside>"
        f"<article><h1>{HEADLINE}</h1><div class='date'>20.12.2022</div>{BODY}</article>"
        "<footer><p>© 2023 Harbour News</p></footer></body></html>"
    )
    assert analyse_html(html, URL).published == "2022-12-20"


def test_a_translated_blog_archive_title_names_the_site_first() -> None:
    # "Site » Blog Archiv » Headline": the old WordPress theme's German title for a single post
    html = (
        f"<html><head><title>Harbour Notes  &raquo; Blog Archiv   &raquo; {HEADLINE}</title></head><body>"
        f"<header><p>Menu</p></header><div class='post'><h2>{HEADLINE}</h2>{BODY}</div></body></html>"
    )
    assert analyse_html(html, "https://harbournotes.example/?p=12").outlet.name == "Harbour Notes"


def test_a_short_address_the_site_calls_itself_yields_to_the_name_its_own_address_spells() -> None:
    # og:site_name and the title's end say "hbn.net"; the page is on harbour-boat-news.de, whose
    # publisher the JSON-LD names in full
    ld = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "@id": "https://www.harbour-boat-'
        'news.de/#organization", "name": "Harbour Boat News"}, {"@type": "NewsArticle", "headline": "'
        + HEADLINE
        + '", "publisher": {"@id": "https://www.harbour-boat-news.de/#organization"}}]}'
    )
    html = (
        f"<html><head><title>{HEADLINE} - hbn.net</title><meta property='og:site_name' content='hbn.net'>"
        f"<script type='application/ld+json'>{ld}</script></head><body><header><p>Menu</p></header>"
        f"<article><h1>{HEADLINE}</h1>{BODY}</article></body></html>"
    )
    result = analyse_html(html, "https://www.harbour-boat-news.de/ferry-late-12/")
    assert result.outlet.name == "Harbour Boat News"


def test_a_sidebar_image_widget_holding_only_a_licence_badge_licenses_the_site() -> None:
    # a blog's sidebar widget for pictures, whose one picture is the licence's badge (its alt text its only words)
    badge = (
        "<aside class='widget widget_media_image'><a href='http://creativecommons.org/licenses/by-nc-sa/3.0'>"
        "<img src='https://i.example/88x31.png' alt='creative commons license' width='88' height='31'></a></aside>"
    )
    html = (
        f"<html><head><title>{HEADLINE}</title></head><body><header><p>Harbour Notes</p></header>"
        f"<article><h1>{HEADLINE}</h1>{BODY}</article>{badge}</body></html>"
    )
    result = analyse_html(html, "https://harbournotes.example/ferry/")
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-NC-SA-3.0"


def test_a_menu_item_naming_the_licence_licenses_the_site() -> None:
    # the site's menu: "Legal › CC-BY-SA 3.0", the item linking to the site's own page about the licence
    menu = (
        "<nav><ul><li><a href='/legal/'>Legal</a><ul><li><a href='/legal/imprint/'>Imprint</a></li>"
        "<li><a href='/legal/creative-commons/'>CC-BY-SA 3.0</a></li></ul></li></ul></nav>"
    )
    html = (
        f"<html><head><title>{HEADLINE}</title></head><body><header><p>Harbour Party</p>{menu}</header>"
        f"<article><h1>{HEADLINE}</h1>{BODY}</article></body></html>"
    )
    result = analyse_html(html, "https://harbourparty.example/ferry/")
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-SA-3.0"


def test_a_title_ending_in_the_name_whose_initials_are_the_short_address_names_the_site() -> None:
    # "Section - News | Harbour Swimming Federation e.V." on hsf.de: the title's end spells the address's initials
    html = (
        "<html><head><title>Diving - News - Diving | Harbour Swim-Federation e.V.</title></head><body>"
        f"<header><p>Menu</p></header><article><h1>{HEADLINE}</h1>{BODY}</article></body></html>"
    )
    assert analyse_html(html, "https://www.hsf.de/diving/news/?id=12").outlet.name == "Harbour Swim-Federation e.V."
