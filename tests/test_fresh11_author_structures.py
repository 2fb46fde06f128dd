"""Author structures met on fresh real pages (eleventh round); each page here is invented to reproduce one of them."""

from __future__ import annotations

import json

from bot.engine import analyse_html

URL = "https://gardenlog.example/2019/12/planting-bulbs-late/"


def _post(byline: str, head: str = "", footer: str = "") -> str:
    body = "".join(f"<p>Paragraph {n} on bulbs, frost and the late planting.</p>" for n in range(6))
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Planting bulbs late | Garden Log</title>"
        f"<meta property='og:site_name' content='Garden Log'>{head}</head><body><article>"
        f"<h1>Planting bulbs late</h1><div class='byline'>{byline} <time datetime='2019-12-30'>30 Dec 2019</time></div>"
        f"{body}</article>{footer}</body></html>"
    )


def test_a_first_name_byline_is_completed_from_the_profile_address_it_links_to() -> None:
    # the software shows the member's display name; her profile's address keeps the name she signed up with
    html = _post("By <a href='https://gardenlog.example/members/marta-quell/'>Marta</a>")
    assert analyse_html(html, URL).authors == ["Marta Quell"]


def test_a_profile_address_with_a_third_word_completes_nothing() -> None:
    # "marta-quell-blog": the third word is the site's, not her name's
    html = _post("By <a href='https://gardenlog.example/author/marta-quell-blog/'>Marta</a>")
    assert analyse_html(html, URL).authors == ["Marta"]


def test_a_first_name_in_the_json_ld_is_completed_from_the_person_description() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "BlogPosting",
                "headline": "Planting bulbs late",
                "author": {"@id": "https://gardenlog.example/#/person/1"},
            },
            {
                "@type": "Person",
                "@id": "https://gardenlog.example/#/person/1",
                "name": "Oskar",
                "description": "Oskar Brandhuber - gardener, beekeeper and tester of spades since 2004.",
            },
        ],
    }
    head = f"<script type='application/ld+json'>{json.dumps(graph)}</script>"
    assert analyse_html(_post("", head), URL).authors == ["Oskar Brandhuber"]


def test_a_handle_in_small_letters_that_an_author_hcard_marks_is_the_poster() -> None:
    byline = (
        "<span class='sep'>von</span> <span class='author vcard'>"
        "<a class='url fn n' href='https://gardenlog.example/author/b4rnowl/'>barnowl</a></span>"
    )
    assert analyse_html(_post(byline), URL).authors == ["barnowl"]


def test_a_pen_name_after_an_unusual_lead_word_in_an_hcard_heading_is_the_poster() -> None:
    # the theme also marks the site's name, linked to its home page, as an author hCard: that is no writer
    header = "<h1 class='vcard author'><a class='fn' href='https://gardenlog.example/'>Garden Log</a></h1>"
    byline = "<h4 class='vcard author'>vom <span class='fn'>Gartenzwerg</span></h4>"
    assert analyse_html(header + _post(byline), URL).authors == ["Gartenzwerg"]


def test_a_commenters_hcard_names_no_author() -> None:
    footer = "<ol><li><div class='comment-author vcard'><cite class='fn'>bulbfan</cite> says:</div></li></ol>"
    assert analyse_html(_post("", footer=footer), URL).authors == []


def test_an_administrator_account_in_an_hcard_is_no_writer() -> None:
    byline = "by <span class='author vcard fn'>gardenadmin</span>"
    assert analyse_html(_post(byline), URL).authors == []


def test_initials_in_an_hcard_are_completed_from_the_licence_line_naming_the_writer() -> None:
    byline = "by <span class='author vcard'><span class='fn'>HW</span></span>"
    footer = (
        "<footer><p><span>Garden Log</span> von <a rel='cc:attributionURL' href='https://gardenlog.example/'>"
        "Hanna Wiesel</a> steht unter einer <a rel='license' href='https://creativecommons.org/licenses/by/3.0/'>"
        "Creative Commons Namensnennung 3.0 Unported Lizenz</a>.</p></footer>"
    )
    assert analyse_html(_post(byline, footer=footer), URL).authors == ["Hanna Wiesel"]


def test_a_first_name_on_a_site_at_the_writers_surname_is_completed_from_the_page() -> None:
    # the blog sits at its writer's surname and credits her whole name under a picture
    footer = "<aside><p>Picture: archive, cropped by Frida Quellmalz, CC-BY-SA 3.0</p></aside>"
    html = _post("By <span class='author'>Frida</span>", footer=footer)
    assert analyse_html(html, "https://quellmalz.example/2019/12/bulbs/").authors == ["Frida Quellmalz"]
