"""Structures met on trafilatura's test pages (eighth round); each page here is invented to reproduce one of them."""

from __future__ import annotations

import json

import pytest

from bot.engine import analyse_html
from tests.engine_helpers import LEDGER_HEADLINE as HEADLINE
from tests.engine_helpers import ledger_page, paragraphs


def _graph(*objects: dict[str, object]) -> str:
    data = {"@context": "https://schema.org", "@graph": list(objects)}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_story_cards_read_more_button_is_no_writer() -> None:
    # a list of recent posts before the story: date, writer, title and a "Read More" button on each card
    card = (
        "<li><a href='/{slug}/'><span class='post__meta'><span class='date'>October 30, 2020</span>"
        "<span class='author'>Nora Pike</span></span><h2>{title}</h2>"
        "<span class='btn'>Read More <svg><use href='#next'></use></svg></span></a></li>"
    )
    aside = "<aside><h3>Recent Posts</h3><ul>{}</ul></aside>".format(
        card.format(slug="tide-tables", title="Tide tables explained") + card.format(slug="buoys", title="Buoys")
    )
    head = "<meta property='article:published_time' content='2020-04-21T06:44:14+00:00'>" + _graph(
        {"@type": "WebPage", "@id": "https://harbor.example/ferry/#webpage", "name": HEADLINE,
         "author": {"@id": "https://harbor.example/#/schema/person/1"}},
        {"@type": "Person", "@id": "https://harbor.example/#/schema/person/1", "name": "Lena Marsh"},
    )  # fmt: skip
    result = analyse_html(ledger_page(paragraphs(6), head=head, aside=aside), "https://harbor.example/ferry/")
    assert "Read More" not in result.authors
    assert result.authors == ["Lena Marsh"]


def test_a_sites_address_after_the_years_holds_the_rights_though_the_next_link_follows_with_no_bar() -> None:
    # "Copyright © 2023 · harborledger.com Privacy Policy · Disclosure": the policy link glued to the address
    footer = (
        "<p>Copyright © 2023 · harborledger.com <a href='/privacy/'>Privacy Policy</a> · "
        "<a href='/d/'>Disclosure</a></p>"
    )
    result = analyse_html(ledger_page(paragraphs(6), footer), "https://harborledger.com/ferry/")
    assert result.copyright.holders == ["harborledger.com"]


def test_a_recipe_pages_recipe_object_gives_its_day() -> None:
    head = _graph(
        {"@type": "WebSite", "@id": "https://harbor.example/#website", "name": "Harbor Kitchen"},
        {"@type": "Recipe", "name": "Harbour biscuits", "datePublished": "2020-07-14",
         "author": {"@type": "Person", "name": "Ivo Brandt"}, "recipeIngredient": ["flour", "butter"]},
    )  # fmt: skip
    body = "<p>Ingredients</p><ul><li>1 cup flour</li><li>50 g butter</li></ul>" + paragraphs(3)
    result = analyse_html(ledger_page(body, head=head), "https://harbor.example/receitas/harbour-biscuits-124300")
    assert result.published is not None and result.published.startswith("2020-07-14")


def test_a_brands_recipe_object_names_no_writer() -> None:
    # the brand's recipe pages credit the brand where a writer goes, with no site name to tell it by
    head = _graph(
        {"@type": "Recipe", "name": "Roast chicken with rice", "author": {"@type": "Person", "name": "Harbor Kitchen"},
         "datePublished": "2021-03-02"},
    )  # fmt: skip
    page = ledger_page(paragraphs(4), head=head).replace('<meta property="og:site_name" content="Harbor Ledger">', "")
    result = analyse_html(page, "https://www.harbor-kitchen.example/en/recipes/roast-chicken")
    assert result.authors == []


def test_a_name_after_the_day_under_the_headline_is_the_writer_though_a_rail_has_other_stories_bylines() -> None:
    body = "<div class='field--created'>23.12.2022</div><div class='field--person'>Lotte Brink</div>" + paragraphs(130)
    teaser = "<div class='teaser'><h3>{0}</h3><span class='author'>von {1}</span><p>Mehr über {0}.</p></div>"
    # a rail of four other stories, each with its writer
    pairs = (("Hafenfest", "Anna Kiel"), ("Fähre", "Jo Rahn"), ("Leuchtturm", "Mia Sand"), ("Schleuse", "Ole Berg"))
    aside = "<aside>{}</aside>".format("".join(teaser.format(*pair) for pair in pairs))
    page = ledger_page(
        body + aside, head="<meta property='article:published_time' content='2022-12-23T08:57:00+01:00'>"
    )
    result = analyse_html(page, "https://harbor.example/leben/faehre-nacht")
    assert result.authors == ["Lotte Brink"]


@pytest.mark.parametrize(
    "byline",
    ["Text und Interview: Jana Falk", "Text: Jana Falk", "Interview: Jana Falk", "Text: Jana Falk · Fotos: Ole Brand"],
)
def test_a_german_magazines_text_label_opens_the_writers_name(byline: str) -> None:
    body = f"<p class='intro'>Der Hafen will die Fähre auch nachts fahren lassen.</p><p>{byline}</p>" + paragraphs(6)
    result = analyse_html(ledger_page(body), "https://harbor.example/magazin/2023/faehre")
    assert result.authors == ["Jana Falk"]


def test_a_menu_the_parser_never_closed_keeps_the_page_it_swallowed() -> None:
    # the site menu's <nav> holds everything after it: the <main> with the story, and the footer's legal line
    page = (
        f"<!doctype html><html><head><title>{HEADLINE}</title></head><body><header><nav class='navbar'>"
        "<ul><li><a href='/'>Home</a></li><li><a href='/guides/'>Guides</a></li></ul>"
        f"<main><article><h1>{HEADLINE}</h1>{paragraphs(6)}</article></main>"
        "<div class='container-footer'><p class='copyright'>® 2021 HarborPlay.com - All rights reserved.</p></div>"
        "</nav></header></body></html>"
    )
    result = analyse_html(page, "https://www.harborplay.example/ferry-guide/")
    assert result.reuse.category == "all-rights-reserved"


def test_a_sister_titles_copy_names_the_common_publisher_as_holder() -> None:
    # a special-interest title of the same publisher runs the farm news site's story under its canonical link
    head = "<link rel='canonical' href='https://www.agrarheute.com/energie/faehre-hafen-600001'>"
    footer = "<p>© 2022 dlv Deutscher Landwirtschaftsverlag GmbH</p>"
    page = ledger_page("<p class='author'>Lotte Brink</p><p>04. Dezember 2022</p>" + paragraphs(6), footer, head)
    result = analyse_html(page, "https://www.forest-practice.example/faehre-hafen-21001")
    assert result.republication.original is not None
    assert result.republication.original.name == "agrarheute"
    assert result.copyright.holders == ["dlv Deutscher Landwirtschaftsverlag GmbH"]
