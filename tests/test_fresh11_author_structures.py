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
